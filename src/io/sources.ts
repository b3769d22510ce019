// Reading the notes: a file, every Markdown file below a folder, or standard input, as named files of bytes.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NoNotes, NotesNotFound } from '../core/errors.js';
import type { SourceFile, Warning } from '../core/types.js';
import { markdownFilesBelow, slashes, type FolderWalk } from './walk.js';

export const STDIN_PATH = '-';
/** How standard input is named where a file name would be. */
export const STDIN_NAME = '<stdin>';
const BUNDLED_NOTES = join('notes', 'kubecon-na-2022.md');

/** The notes that ship with kubenotes, found from wherever this module was loaded (dist/ or src/io/). */
export function bundledNotesPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++, dir = dirname(dir)) {
    const candidate = join(dir, BUNDLED_NOTES);
    if (existsSync(candidate)) return candidate;
  }
  throw new NotesNotFound(BUNDLED_NOTES, 'the bundled notes are missing from this installation');
}

/** Why a path cannot be read, in words, from a Node error code. */
export function reasonFor(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'no space left on the disk';
  if (code === 'EFBIG') return 'file too large for this system';
  return (error as Error).message;
}

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new NotesNotFound(path, reasonFor(error));
  }
}

/** The files of one notes path; `prefix` goes before each name when several paths are read together. */
async function readPath(path: string, prefix: string | undefined, warnings: Warning[]): Promise<SourceFile[]> {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch (error) {
    throw new NotesNotFound(path, reasonFor(error));
  }
  if (!isFolder) return [{ file: prefix ?? basename(path), bytes: readBytes(path), path }];
  let walk: FolderWalk;
  try {
    walk = await markdownFilesBelow(path);
  } catch (error) {
    throw new NotesNotFound(path, reasonFor(error));
  }
  const nameOf = (file: string): string => {
    const name = slashes(relative(path, file));
    return prefix ? `${prefix.replace(/\/+$/, '')}/${name}` : name;
  };
  for (const { path: folder, error } of walk.unreadable) warnings.push({ file: nameOf(folder), message: `folder skipped: ${reasonFor(error)}` });
  if (walk.files.length === 0 && walk.unreadable.length === 0) throw new NoNotes(path);
  const files: SourceFile[] = [];
  for (const file of walk.files) {
    try {
      files.push({ file: nameOf(file), bytes: readFileSync(file), path: file });
    } catch (error) {
      warnings.push({ file: nameOf(file), message: `file skipped: ${reasonFor(error)}` }); // one bad file does not hide the rest
    }
  }
  return files;
}

/** All bytes of a stream (standard input). */
export async function readStream(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/**
 * The files of the notes paths given, in order, and warnings about files and folders below them that could not be
 * read. One path: names relative to it (a file's own name); several paths: names that start with the path as given,
 * so files of different folders never share a name.
 */
export async function readSources(paths: string[], stdin: NodeJS.ReadableStream): Promise<{ files: SourceFile[]; warnings: Warning[] }> {
  const several = paths.length > 1;
  const files: SourceFile[] = [];
  const warnings: Warning[] = [];
  for (const path of paths) {
    if (path === STDIN_PATH) files.push({ file: STDIN_NAME, bytes: await readStream(stdin) });
    else for (const file of await readPath(path, several ? slashes(path) : undefined, warnings)) files.push(file); // a folder may hold 100,000s
  }
  return { files, warnings };
}
