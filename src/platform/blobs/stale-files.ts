import { lstat, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

const gone = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

/** The newest modification time in a file or a folder's whole tree (0 if it has vanished). */
export async function newestChange(p: string): Promise<number> {
  try {
    const s = await lstat(p);
    if (!s.isDirectory()) return s.mtimeMs;
    let newest = s.mtimeMs;
    for (const name of await readdir(p))
      newest = Math.max(newest, await newestChange(path.join(p, name)));
    return newest;
  } catch (err) {
    if (gone(err)) return 0;
    throw err;
  }
}

/**
 * Removes each entry of `dir` (file or folder) in which nothing has changed for `maxAgeMs`: a
 * file still being written keeps changing, so only what a dead process left goes. Returns how
 * many entries were removed; a missing `dir` is nothing to do.
 */
export async function removeStale(
  dir: string,
  maxAgeMs: number,
  now: number,
  skip: ReadonlySet<string> = new Set(),
): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if (gone(err)) return 0;
    throw err;
  }
  let removed = 0;
  for (const name of names) {
    if (skip.has(name)) continue;
    const entry = path.join(dir, name);
    const newest = await newestChange(entry);
    if (newest > 0 && now - newest > maxAgeMs) {
      await rm(entry, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}
