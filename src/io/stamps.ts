// What tells that a file or folder changed since it was looked at: its stamp (times, device, inode, size), except
// where its time is too close to the look, or too coarse, to tell a later change — a change made then may leave it.
import { statSync } from 'node:fs';

/** A time this close to the look, or in whole seconds (a coarse file system), may be the time of a later change too. */
const RACY_MS = 2000;

/** Whether a modification time read at `now` cannot tell a later change (see RACY_MS). */
export const isRacyTime = (mtimeMs: number, now = Date.now()): boolean => mtimeMs > now - RACY_MS || mtimeMs % 1000 === 0;

/** What tells a folder (or a .gitignore) changed: its modification and change times, device, inode and size. */
export type FolderStamp = [number, number, number, number, number];

/** A path as the file system takes it: a string, or bytes where a name is not UTF-8. */
export type DiskPath = string | Buffer;

export const folderStamp = (path: DiskPath): FolderStamp => {
  const stats = statSync(path);
  return [stats.mtimeMs, stats.ctimeMs, stats.dev, stats.ino, stats.size];
};

/** Does every path still have its stamp? */
export const folderStampsHold = (stamped: Array<[string, FolderStamp]>): boolean =>
  stamped.every(([path, stamp]) => {
    try {
      return folderStamp(path).every((value, i) => value === stamp[i]);
    } catch {
      return false; // gone
    }
  });

/** Whether a stamp taken at `now` may miss a later change (see isRacyTime). */
export const anyRacy = (stamped: Array<[string, FolderStamp]>, now: number): boolean =>
  stamped.some(([, [mtime]]) => isRacyTime(mtime, now));
