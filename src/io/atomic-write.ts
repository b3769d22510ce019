// Writing a file whole or not at all: a temporary file beside it, flushed to disk, then given the file's name.
import { randomBytes } from 'node:crypto';
import { link, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { KubenotesError, OutputExists, OutputNotWritten } from '../core/errors.js';
import { reasonFor } from './notes-file.js';

export interface AtomicWriteOptions {
  /** Replace a file that exists; without it an existing file is left untouched and OutputExists thrown. */
  force?: boolean;
}

/** Where hard links cannot be made, so a new name is taken by rename after the existence check alone. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Writes `text` to `path` so that readers see the old file or the new one, never part of either: on any failure the
 * temporary file is removed, the old file is as it was, and OutputNotWritten names the path.
 */
export async function writeFileAtomic(path: string, text: string, options: AtomicWriteOptions = {}): Promise<void> {
  // through a symbolic link to the file it names, so the link stays a link
  const target = await realpath(path).catch(() => path);
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw new OutputNotWritten(path, 'is a folder');
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
    if (options.force) await rename(temporary, target);
    else await takeFreeName(temporary, target, path);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    if (error instanceof KubenotesError) throw error;
    throw new OutputNotWritten(path, await writeReason(error, dirname(target)));
  }
  await syncFolder(dirname(target));
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
  const isFolder = await stat(folder).then((s) => s.isDirectory(), () => false);
  return isFolder ? 'files cannot be created in this folder' : 'no such folder';
}
