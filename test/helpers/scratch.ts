// Folders a test file makes in the system's temporary folder, removed once its tests are done: a run of the suite
// makes hundreds, and left behind they filled the project machine's /tmp (1.7 GB) and slowed making files in it.
import { afterAll } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

afterAll(() => {
  for (const folder of made.splice(0)) {
    try {
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // a folder a test left unreadable stays: the temporary folder is the system's to clear
    }
  }
});

/**
 * A new, empty folder `<prefix>XXXXXX` in the temporary folder, removed after this test file's tests, before the
 * file's own afterAll hooks run (this one is registered first): a folder something must stop writing to first (a
 * browser's), or that rmSync cannot remove (paths past PATH_MAX, a locked folder), is the test's own to make.
 */
export function scratchFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  made.push(folder);
  return folder;
}
