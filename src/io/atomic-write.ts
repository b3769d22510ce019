// Writing an output file: a regular file whole or not at all (a temporary file beside it, flushed, then given the
// file's name); a device, a FIFO or a socket as a stream, since renaming over one would destroy it.
import { randomBytes } from 'node:crypto';
import { link, lstat, open, readlink, rename, stat, unlink } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { KubenotesError, OutputExists, OutputNotWritten } from '../core/errors.js';
import { reasonFor } from './notes-file.js';

export interface AtomicWriteOptions {
  /** Replace a regular file that exists; without it an existing file is left untouched and OutputExists thrown. */
  force?: boolean;
}

/** Where hard links cannot be made, so a new name is taken by rename after the existence check alone. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/** As many links as the kernel follows before ELOOP. */
const MAX_LINKS = 40;

/** Kernel file systems: a name there (/dev/stdout, /proc/self/fd/1) stands for an open file, never to be renamed over. */
const KERNEL_FOLDER = /^\/(dev|proc)\//;

/**
 * Writes `text` to `path`. A regular file or a new name: readers see the old file or the new one, never part of
 * either, and on any failure the temporary file is removed, the old file is as it was, and OutputNotWritten names
 * the path. Anything else that exists is written as a stream, never replaced.
 */
export async function writeFileAtomic(path: string, text: string, options: AtomicWriteOptions = {}): Promise<void> {
  let target: string;
  let existing: Stats | undefined;
  try {
    target = await linkTarget(path);
    existing = await stat(target).catch(absent);
  } catch (error) {
    throw new OutputNotWritten(path, reasonFor(error));
  }
  if (existing?.isDirectory()) throw new OutputNotWritten(path, 'is a folder');
  if (existing && (!existing.isFile() || KERNEL_FOLDER.test(path) || KERNEL_FOLDER.test(target))) return writeStream(path, text);
  if (existing && !options.force) throw new OutputExists(path);
  // in the same folder: a rename within one file system is atomic, across file systems it is a copy
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx', 0o666);
    try {
      if (existing) await handle.chmod(existing.mode & 0o7777);
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (existing) await rename(temporary, target);
    else await takeFreeName(temporary, target, path);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    if (error instanceof KubenotesError) throw error;
    throw new OutputNotWritten(path, await writeReason(error, dirname(target)));
  }
  await syncFolder(dirname(target));
}

/** Nothing there, or no folder to hold it: undefined; any other error is thrown again. */
const absent = (error: NodeJS.ErrnoException): undefined => {
  if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
  throw error;
};

/**
 * The path a chain of symbolic links ends at, whether or not anything is there: a dangling link's file is created
 * where it points, and the link stays a link.
 */
async function linkTarget(path: string): Promise<string> {
  let current = resolve(path);
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    const stats = await lstat(current).catch(absent);
    if (!stats?.isSymbolicLink()) return current;
    const next = await readlink(current);
    // /proc/self/fd/1 reads as "pipe:[1234]", which names no path: the link itself is the way to the open file
    if (!next.startsWith('/') && KERNEL_FOLDER.test(current)) return current;
    current = resolve(dirname(current), next);
  }
  throw Object.assign(new Error('too many levels of symbolic links'), { code: 'ELOOP' });
}

/** Writes to a device, FIFO, socket or open descriptor as it is, as `cat > path` would. */
async function writeStream(path: string, text: string): Promise<void> {
  try {
    const handle = await open(path, 'w');
    try {
      await handle.writeFile(text);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new OutputNotWritten(path, reasonFor(error));
  }
}

/** Gives the temporary file the target's name only if the name is still free: a hard link fails where rename would replace. */
async function takeFreeName(temporary: string, target: string, path: string): Promise<void> {
  try {
    await link(temporary, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') throw new OutputExists(path);
    if (!NO_HARD_LINKS.has(code)) throw error;
    await rename(temporary, target);
    return;
  }
  await unlink(temporary).catch(() => {});
}

/** The rename is durable only once the folder's entry is on disk; some file systems cannot sync a folder, which is no error. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => undefined);
  await handle?.sync().catch(() => {});
  await handle?.close();
}

/** Why a write failed, in words: a missing folder is named as such, the rest as when reading. */
async function writeReason(error: unknown, folder: string): Promise<string> {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== 'ENOENT' && code !== 'ENOTDIR') return reasonFor(error);
  // a folder that is there but takes no new files (/proc) says ENOENT too
  const isFolder = await stat(folder).then(
    (s) => s.isDirectory(),
    () => false,
  );
  return isFolder ? 'files cannot be created in this folder' : 'no such folder';
}
