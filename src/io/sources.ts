// Reading the notes: a file, every Markdown file below a folder, or standard input, as named files of bytes.
import { existsSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { looksBinary } from '../core/markdown/decode.js';
import { NoNotes, NotesNotFound } from '../core/errors.js';
import type { SourceFile, Warning } from '../core/types.js';
import { readNotesFile, reasonFor, SizeBudget } from './notes-file.js';
import { markdownFilesBelow, slashes, type FolderWalk } from './walk.js';

export const STDIN_PATH = '-';
/** How standard input is named where a file name would be. */
export const STDIN_NAME = '<stdin>';
const BUNDLED_NOTES = join('notes', 'kubecon-na-2022.md');

/** A file of the installation (the bundled notes, the manual), found from wherever this module was loaded (dist/ or src/io/). */
export function packageFile(path: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++, dir = dirname(dir)) {
    const candidate = join(dir, path);
    if (existsSync(candidate)) return candidate;
  }
  throw new NotesNotFound(path, 'missing from this installation');
}

export const bundledNotesPath = (): string => packageFile(BUNDLED_NOTES);

/** A notes file as found, before it is read: its name, and where it is on disk (none for standard input). */
export interface ListedFile {
  file: string;
  path?: string;
  /** Found in a folder: if it cannot be read it is skipped with a warning, where a file named on its own is an error. */
  inFolder?: boolean;
  /** Where it is on disk when its path is not UTF-8 (`path` then shows the bytes that are not as \xHH). */
  at?: Buffer;
  /** The folder it was found in, as named. */
  walk?: string;
  /** What the listing found it to be: the cache's stamp of it, so that a file is looked at once. */
  stats?: Stats;
}

/** Where a listed file is on disk. */
export const diskPathOf = (listed: ListedFile): string | Buffer => listed.at ?? listed.path!;

/** How a folder is walked: afresh, or through the cache (walk-cache.ts). */
export type Walker = (root: string) => Promise<FolderWalk>;

/** The files of one notes path; `prefix` goes before each name when several paths are read together. */
async function listPath(
  path: string,
  prefix: string | undefined,
  warnings: Warning[],
  walker: Walker,
  walked: Array<FolderWalk['seen']>,
): Promise<ListedFile[]> {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    throw new NotesNotFound(path, reasonFor(error));
  }
  if (!stats.isDirectory()) return [{ file: prefix ?? basename(path), path, stats }];
  let walk: FolderWalk;
  try {
    walk = await walker(path);
  } catch (error) {
    throw new NotesNotFound(path, reasonFor(error));
  }
  walked.push(walk.seen);
  // the walk's files are the root joined with their names: cut off, not worked out again for each
  const root = join(path, sep);
  const nameOf = (file: string): string => {
    const name = slashes(file.startsWith(root) ? file.slice(root.length) : relative(path, file));
    return prefix ? `${prefix.replace(/\/+$/, '')}/${name}` : name;
  };
  for (const { path: entry, error, what } of walk.unreadable)
    warnings.push({ file: nameOf(entry), message: `${what} skipped: ${reasonFor(error)}` });
  if (walk.files.length === 0 && walk.unreadable.length === 0) throw new NoNotes(path);
  const listed = walk.files.map((file) => ({
    file: nameOf(file),
    path: file,
    inFolder: true,
    at: walk.onDisk.get(file),
    walk: path,
    stats: statOf(walk.onDisk.get(file) ?? file),
  }));
  // too large in all is said before any file is read
  new SizeBudget().check(
    path,
    listed.reduce((total, { stats }) => total + (stats?.size ?? 0), 0),
  );
  return listed;
}

const statOf = (path: string | Buffer): Stats | undefined => {
  try {
    return statSync(path);
  } catch {
    return undefined; // gone or unreadable: said when it is read
  }
};

/**
 * The files listed, read, all of them together within the size limit. One found in a folder that cannot be read —
 * gone since the walk, unreadable, not a regular file any more, or binary — is left out with a warning, so one bad
 * file does not hide the rest; a file named on its own is an error.
 */
export async function readSourceFiles(
  listed: ListedFile[],
  stdin: () => NodeJS.ReadableStream,
  warnings: Warning[],
  budget = new SizeBudget(),
): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const { file, path, inFolder, at, walk } of listed) {
    if (path === undefined) {
      files.push({ file, bytes: await readStream(stdin(), budget) });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = readNotesFile(path, budget, at);
    } catch (error) {
      if (!inFolder || !(error instanceof NotesNotFound)) throw error;
      warnings.push({ file, message: `file skipped: ${error.reason}` });
      continue;
    }
    if (inFolder && looksBinary(bytes)) warnings.push({ file, message: 'file skipped: not a text file (binary data found)' });
    else files.push({ file, bytes, path, ...(walk === undefined ? {} : { walk }) });
  }
  return files;
}

/** All bytes of a stream (standard input), taken from `budget` as they come: `< /dev/zero` stops at the limit. */
export async function readStream(stream: NodeJS.ReadableStream, budget = new SizeBudget()): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    budget.take(STDIN_NAME, bytes.length);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

/**
 * The files of the notes paths given, in order, found but not read, and warnings about folders below them that could
 * not be read. One path: names relative to it (a file's own name); several paths: names that start with the path as
 * given, so files of different folders never share a name. `walker` walks a folder; `walked` says what each walk
 * looked at.
 */
export async function listSources(
  paths: string[],
  walker: Walker = markdownFilesBelow,
): Promise<{ files: ListedFile[]; warnings: Warning[]; walked: Array<FolderWalk['seen']> }> {
  const several = paths.length > 1;
  const files: ListedFile[] = [];
  const warnings: Warning[] = [];
  const walked: Array<FolderWalk['seen']> = [];
  for (const path of paths) {
    if (path === STDIN_PATH) files.push({ file: STDIN_NAME });
    else for (const file of await listPath(path, several ? slashes(path) : undefined, warnings, walker, walked)) files.push(file); // a folder may hold 100,000s
  }
  return { files, warnings, walked };
}

/**
 * The files of the notes paths given, read, in order, and warnings about files and folders below them that could not
 * be read (see listSources). `stdin` is asked for only when a path is `-` (Node sets the stream up on first use).
 */
export async function readSources(
  paths: string[],
  stdin: () => NodeJS.ReadableStream,
): Promise<{ files: SourceFile[]; warnings: Warning[] }> {
  const { files, warnings } = await listSources(paths);
  return { files: await readSourceFiles(files, stdin, warnings), warnings };
}
