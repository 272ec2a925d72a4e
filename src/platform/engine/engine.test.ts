import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from './engine.js';

describe('Engine', () => {
  let root: string;
  let engine: Engine;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'engine-'));
    await writeFile(path.join(root, 'secret.csv'), 'password\nhunter2\n');
    engine = await Engine.open({
      allowedDirectories: [path.join(root, 'blobs')],
      tempDir: path.join(root, 'tmp'),
      threads: 1,
      memoryLimit: '256MB',
    });
    await writeFile(path.join(root, 'blobs', 'data.csv'), 'a,b\n1,2\n');
  });
  afterAll(async () => {
    await engine.close();
    await rm(root, { recursive: true, force: true });
  });

  it('reads files in its allowed folders, with bound parameters', async () => {
    const rows = await engine.all('SELECT * FROM read_csv($1) WHERE a = $2', [
      path.join(root, 'blobs', 'data.csv'),
      1,
    ]);
    expect(rows).toEqual([{ a: '1', b: '2' }]);
  });

  it('cannot read any other file, reach the network or be unlocked', async () => {
    await expect(
      engine.all(`SELECT * FROM read_csv('${path.join(root, 'secret.csv')}')`),
    ).rejects.toThrow(/disabled by configuration|Permission/);
    await expect(
      engine.all("SELECT * FROM read_csv('https://example.org/x.csv')"),
    ).rejects.toThrow();
    await expect(engine.run('SET enable_external_access = true')).rejects.toThrow(/configuration/);
    await expect(engine.run('INSTALL spatial')).rejects.toThrow();
  });
});
