// Walking a notes folder as git and editors do: hidden entries, node_modules and .gitignore'd paths skipped, links followed once.
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Ignore } from 'ignore';
import { decodeName } from '../core/markdown/decode.js';
import { folderStamp, type DiskPath, type FolderStamp } from './stamps.js';

const MARKDOWN_FILE = /\.(md|markdown)$/i;

/** A folder's .gitignore rules, which speak of paths relative to that folder. */
interface IgnoreRules {
  dir: string;
  rules: Ignore;
}

export interface FolderWalk {
  /** Every Markdown file found, sorted by path; a file reached by several links is listed once, at its first path. */
  files: string[];
  /** Folders below the root that could not be read, and links that lead nowhere (a loop, a missing .md file), with the error each gave. */
  unreadable: Array<{ path: string; error: unknown; what: 'folder' | 'link' }>;
  /** Where a file is on disk when its path is not UTF-8: the path's bytes, under the path as shown (`caf\xe9.md`). */
  onDisk: Map<string, Buffer>;
  /**
   * What the walk's result depends on, each looked at before it was read: every folder read and every .gitignore
   * found, with its stamp; and whether a symbolic link was met (whose target may change with no folder's knowing).
   */
  seen: { folders: Array<[string, FolderStamp]>; gitignores: Array<[string, FolderStamp]>; links: boolean };
}

const joinDisk = (at: DiskPath, name: string | Buffer): DiskPath =>
  typeof at === 'string' && typeof name === 'string'
    ? join(at, name)
    : Buffer.concat([Buffer.from(at), Buffer.from(sep), Buffer.from(name)]);

/** A folder's entries with the names to show; a name that is not UTF-8 (read as U+FFFD) is read again as bytes. */
function entriesOf(at: DiskPath): Array<{ entry: Dirent<string> | Dirent<Buffer>; name: string; disk: string | Buffer }> {
  const entries = readdirSync(at, { withFileTypes: true });
  if (!entries.some((entry) => entry.name.includes('\ufffd')))
    return entries.map((entry) => ({ entry, name: entry.name, disk: entry.name }));
  return readdirSync(at, { withFileTypes: true, encoding: 'buffer' }).map((entry) => ({
    entry,
    name: decodeName(entry.name),
    disk: entry.name,
  }));
}

export const slashes = (path: string): string => path.split(sep).join('/');

async function gitignoreOf(dir: string, at: DiskPath, seen: FolderWalk['seen']): Promise<IgnoreRules | undefined> {
  let patterns: string;
  try {
    const stamp = folderStamp(joinDisk(at, '.gitignore'));
    patterns = readFileSync(joinDisk(at, '.gitignore'), 'utf8');
    seen.gitignores.push([join(dir, '.gitignore'), stamp]);
  } catch {
    return undefined; // no .gitignore (or none we may read): nothing ignored here
  }
  const { default: ignore } = await import('ignore'); // loaded only for a folder that has a .gitignore
  return { dir, rules: ignore().add(patterns) };
}

/** Does the deepest .gitignore with an opinion on `path` ignore it? (A deeper `!pattern` wins over a shallower rule.) */
function isIgnored(path: string, isDirectory: boolean, scopes: IgnoreRules[]): boolean {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const { ignored, unignored } = scopes[i].rules.test(slashes(relative(scopes[i].dir, path)) + (isDirectory ? '/' : ''));
    if (ignored) return true;
    if (unignored) return false;
  }
  return false;
}

/** What an entry is, looking through a symbolic link; the error for a link that leads nowhere; undefined for anything else. */
function kindOf(entry: Dirent<string> | Dirent<Buffer>, path: DiskPath): 'folder' | 'file' | { error: unknown } | undefined {
  if (!entry.isSymbolicLink()) return entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : undefined;
  try {
    const target = statSync(path);
    return target.isDirectory() ? 'folder' : target.isFile() ? 'file' : undefined;
  } catch (error) {
    return { error };
  }
}

/** A link worth a warning: a loop, or a Markdown file's name that leads nowhere (other dangling links are no notes). */
const isBrokenNotesLink = (name: string, error: unknown): boolean =>
  (error as NodeJS.ErrnoException).code === 'ELOOP' || MARKDOWN_FILE.test(name);

/** Folders deeper than this below the root are not walked: real notes are a few levels deep, and each level costs more. */
export const MAX_FOLDER_DEPTH = 64;

/** Why a folder is not walked, as an error a warning can give the reason of. */
const refusal = (message: string): Error => Object.assign(new Error(message), { code: 'EREFUSED' });

const isInside = (real: string, rootReal: string): boolean =>
  real === rootReal || real.startsWith(rootReal.endsWith(sep) ? rootReal : rootReal + sep);

/**
 * Every Markdown file below `root`. Entries whose name starts with `.` and `node_modules` are skipped, so are paths
 * the root's (or a subfolder's) .gitignore names; each real folder and file is read once, whatever links lead to it.
 * A link to a folder outside the root is not followed (a cloned repository may link to / or /proc), nor is a folder
 * more than MAX_FOLDER_DEPTH below it: both are reported. An unreadable root throws; an unreadable folder below it is
 * reported and skipped.
 */
export async function markdownFilesBelow(root: string): Promise<FolderWalk> {
  const found: Array<{ path: string; real: string }> = [];
  const unreadable: FolderWalk['unreadable'] = [];
  const seenFolders = new Set<string>();
  const onDisk = new Map<string, Buffer>();
  const seen: FolderWalk['seen'] = { folders: [], gitignores: [], links: false };
  const rootReal = realpathSync(root);
  // `real` is the folder's real path, known from its parent's: one realpath per link, not per folder (which costs its depth)
  // `dir` is the folder as shown, `at` as the file system takes it (they differ where a name is not UTF-8)
  const walk = async (dir: string, at: DiskPath, real: string, depth: number, scopes: IgnoreRules[]): Promise<void> => {
    if (seenFolders.has(real)) return; // a link back up the tree, or a second way to the same folder
    seenFolders.add(real);
    seen.folders.push([dir, folderStamp(at)]); // before it is read: a change after shows as a newer stamp
    const entries = entriesOf(at).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const here = await gitignoreOf(dir, at, seen);
    const rules = here ? [...scopes, here] : scopes;
    for (const { entry, name, disk } of entries) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const path = join(dir, name);
      const pathAt = joinDisk(at, disk);
      if (entry.isSymbolicLink()) seen.links = true;
      const kind = kindOf(entry, pathAt);
      if (typeof kind === 'object') {
        if (isBrokenNotesLink(name, kind.error) && !isIgnored(path, false, rules))
          unreadable.push({ path, error: kind.error, what: 'link' });
        continue;
      }
      if (kind === undefined || (kind === 'file' && !MARKDOWN_FILE.test(name))) continue;
      if (isIgnored(path, kind === 'folder', rules)) continue;
      if (kind === 'file') {
        found.push({ path, real: entry.isSymbolicLink() ? realpathSync(pathAt) : join(real, name) });
        if (typeof pathAt !== 'string') onDisk.set(path, pathAt);
        continue;
      }
      try {
        const target = entry.isSymbolicLink() ? realpathSync(pathAt) : join(real, name);
        if (!isInside(target, rootReal))
          unreadable.push({ path, error: refusal('leads to a folder outside the notes folder'), what: 'link' });
        else if (depth === MAX_FOLDER_DEPTH)
          unreadable.push({ path, error: refusal(`more than ${MAX_FOLDER_DEPTH} folders deep`), what: 'folder' });
        else await walk(path, pathAt, target, depth + 1, rules);
      } catch (error) {
        unreadable.push({ path, error, what: 'folder' });
      }
    }
  };
  await walk(root, root, rootReal, 0, []);
  // by whole path, so `a-b.md` comes before `a/x.md` as in `ls -R | sort`; then the first path to each real file
  found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const seenFiles = new Set<string>();
  const files = found.filter(({ real }) => !seenFiles.has(real) && Boolean(seenFiles.add(real))).map(({ path }) => path);
  return { files, unreadable, onDisk, seen };
}
