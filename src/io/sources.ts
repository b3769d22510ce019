// Reading the notes: a file, every Markdown file below a folder, or standard input, as named files of bytes.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NoNotes, NotesNotFound } from '../core/errors.js';
import type { SourceFile } from '../core/types.js';

export const STDIN_PATH = '-';
/** How standard input is named where a file name would be. */
export const STDIN_NAME = '<stdin>';
const BUNDLED_NOTES = join('notes', 'kubecon-na-2022.md');
const MARKDOWN_FILE = /\.(md|markdown)$/i;

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

/** Every Markdown file below `root`, sorted by path; hidden entries and node_modules skipped, each real folder once. */
export function markdownFilesBelow(root: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string): void => {
    const real = realpathSync(dir);
    if (seen.has(real)) return; // a symbolic link back up the tree
    seen.add(real);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(path);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue; // a dangling link holds no notes
        }
      }
      if (isDirectory) walk(path);
      else if (isFile && MARKDOWN_FILE.test(entry.name)) found.push(path);
    }
  };
  walk(root);
  return found.sort(); // by whole path, so `a-b.md` comes before `a/x.md` as in `ls -R | sort`
}

const slashes = (path: string): string => path.split(sep).join('/');

/** The files of one notes path; `prefix` goes before each name when several paths are read together. */
function readPath(path: string, prefix: string | undefined): SourceFile[] {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch (error) {
    throw new NotesNotFound(path, reasonFor(error));
  }
  if (!isFolder) return [{ file: prefix ?? basename(path), bytes: readBytes(path) }];
  let files: string[];
  try {
    files = markdownFilesBelow(path);
  } catch (error) {
    throw new NotesNotFound(path, reasonFor(error));
  }
  if (files.length === 0) throw new NoNotes(path);
  return files.map((file) => {
    const name = slashes(relative(path, file));
    return { file: prefix ? `${prefix.replace(/\/+$/, '')}/${name}` : name, bytes: readBytes(file) };
  });
}

/** All bytes of a stream (standard input). */
export async function readStream(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/**
 * The files of the notes paths given, in order. One path: names relative to it (a file's own name); several
 * paths: names that start with the path as given, so files of different folders never share a name.
 */
export async function readSources(paths: string[], stdin: NodeJS.ReadableStream): Promise<SourceFile[]> {
  const several = paths.length > 1;
  const files: SourceFile[] = [];
  for (const path of paths) {
    if (path === STDIN_PATH) files.push({ file: STDIN_NAME, bytes: await readStream(stdin) });
    else files.push(...readPath(path, several ? slashes(path) : undefined));
  }
  return files;
}
