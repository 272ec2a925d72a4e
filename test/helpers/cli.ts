import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// The CLI as an operator runs it: a real process on its own SQLite file in a fresh data folder.

const run = promisify(execFile);
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliSandbox {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  /** `metrodata <args>` in a fresh Node process; its exit code and output. */
  cli(...args: string[]): Promise<CliRun>;
  remove(): Promise<void>;
}

export async function cliSandbox(prefix: string): Promise<CliSandbox> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `metrodata-${prefix}-`));
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
  };
  return {
    dataDir,
    env,
    async cli(...args) {
      try {
        const { stdout, stderr } = await run(
          process.execPath,
          ['--import', 'tsx', 'src/main.ts', ...args],
          { cwd: REPO_ROOT, env },
        );
        return { code: 0, stdout, stderr };
      } catch (err) {
        const e = err as CliRun;
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    },
    remove: () => rm(dataDir, { recursive: true, force: true }),
  };
}
