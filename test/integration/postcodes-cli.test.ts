import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, type CliSandbox } from '../helpers/cli.js';

// `metrodata postcodes import` as an operator runs it: a real process on its own SQLite file.
let sandbox: CliSandbox;
const cli = (...args: string[]) => sandbox.cli(...args);

const csv = async (name: string, lines: string[]) => {
  const file = path.join(sandbox.dataDir, name);
  await writeFile(file, lines.join('\n') + '\n');
  return file;
};

beforeAll(async () => {
  sandbox = await cliSandbox('postcodes-cli');
});
afterAll(() => sandbox.remove());

describe('metrodata postcodes import', { timeout: 90_000 }, () => {
  it('imports a Code-Point Open file and reports what it skipped and why', async () => {
    const file = await csv('cpo.csv', [
      '"M1 1AE",10,384740,398047,"E92000001","E19000001","E18000002","","E08000003","E05011368"',
      '"M1 1AF",90,0,0,"E92000001","","","","",""',
      '"M1 1AG",10,384800,398100,"E92000001","E19000001","E18000002","","E08000003","E05011368"',
      '"NOTCODE",10,384800,398100,"E92000001","E19000001","E18000002","","E08000003",""',
    ]);
    const { code, stdout, stderr } = await cli('postcodes', 'import', file);
    expect(stderr).not.toMatch(/metrodata:/);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Imported 2 postcodes \(Code-Point Open layout\)/);
    expect(stdout).toMatch(/rows\/s; the directory now holds 2\./);
    expect(stdout).toMatch(/Skipped 2 rows:/);
    expect(stdout).toMatch(/1 no grid reference \(line 2\)/);
    expect(stdout).toMatch(/1 not a UK postcode \(line 4\)/);
  });

  it('adds to the directory, or with --replace starts it again', async () => {
    const file = await csv('onspd.csv', [
      'pcd,pcd2,pcds,dointr,doterm,oslaua,osward,lat,long',
      '"BL1 1AA","BL1  1AA","BL1 1AA",198001,,E08000001,E05000650,53.578,-2.429',
    ]);
    expect((await cli('postcodes', 'import', file)).stdout).toMatch(/now holds 3\./);
    const replaced = await cli('postcodes', 'import', '--replace', file);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toMatch(/Imported 1 postcodes \(ONSPD layout\).*now holds 1\./);
  });

  it('refuses a file in neither layout with a clear message and a failing exit code', async () => {
    const file = await csv('stops.csv', ['stop_id,stop_name,lat,lon', '1,Piccadilly,53.47,-2.23']);
    const { code, stderr } = await cli('postcodes', 'import', file);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /metrodata: stops\.csv is neither an ONS Postcode Directory nor an OS Code-Point Open file/,
    );
    expect(
      (await cli('postcodes', 'import', path.join(sandbox.dataDir, 'missing.csv'))).stderr,
    ).toMatch(/missing\.csv was not found/);
  });

  it('refuses --within-region before the region has a boundary', async () => {
    const file = path.join(sandbox.dataDir, 'onspd.csv');
    const { code, stderr } = await cli('postcodes', 'import', '--within-region', file);
    expect(code).toBe(1);
    expect(stderr).toMatch(/--within-region needs the region and its boundary/);
  });
});
