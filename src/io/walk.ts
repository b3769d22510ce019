// Walking a notes folder as git and editors do: hidden entries, node_modules and .gitignore'd paths skipped, links followed once.
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Ignore } from 'ignore';

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
}

export const slashes = (path: string): string => path.split(sep).join('/');

async function gitignoreOf(dir: string): Promise<IgnoreRules | undefined> {
  let patterns: string;
  try {
    patterns = readFileSync(join(dir, '.gitignore'), 'utf8');
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
function kindOf(entry: Dirent, path: string): 'folder' | 'file' | { error: unknown } | undefined {
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

const isInside = (real: string, rootReal: string): boolean => real === rootReal || real.startsWith(rootReal.endsWith(sep) ? rootReal : rootReal + sep);

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
  const rootReal = realpathSync(root);
  // `real` is the folder's real path, known from its parent's: one realpath per link, not per folder (which costs its depth)
  const walk = async (dir: string, real: string, depth: number, scopes: IgnoreRules[]): Promise<void> => {
    if (seenFolders.has(real)) return; // a link back up the tree, or a second way to the same folder
    seenFolders.add(real);
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const here = await gitignoreOf(dir);
    const rules = here ? [...scopes, here] : scopes;
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      const kind = kindOf(entry, path);
      if (typeof kind === 'object') {
        if (isBrokenNotesLink(entry.name, kind.error) && !isIgnored(path, false, rules)) unreadable.push({ path, error: kind.error, what: 'link' });
        continue;
      }
      if (kind === undefined || (kind === 'file' && !MARKDOWN_FILE.test(entry.name))) continue;
      if (isIgnored(path, kind === 'folder', rules)) continue;
      if (kind === 'file') {
        found.push({ path, real: entry.isSymbolicLink() ? realpathSync(path) : join(real, entry.name) });
        continue;
      }
      try {
        const target = entry.isSymbolicLink() ? realpathSync(path) : join(real, entry.name);
        if (!isInside(target, rootReal)) unreadable.push({ path, error: refusal('leads to a folder outside the notes folder'), what: 'link' });
        else if (depth === MAX_FOLDER_DEPTH) unreadable.push({ path, error: refusal(`more than ${MAX_FOLDER_DEPTH} folders deep`), what: 'folder' });
        else await walk(path, target, depth + 1, rules);
      } catch (error) {
        unreadable.push({ path, error, what: 'folder' });
      }
    }
  };
  await walk(root, rootReal, 0, []);
  // by whole path, so `a-b.md` comes before `a/x.md` as in `ls -R | sort`; then the first path to each real file
  found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const seenFiles = new Set<string>();
  const files = found.filter(({ real }) => !seenFiles.has(real) && Boolean(seenFiles.add(real))).map(({ path }) => path);
  return { files, unreadable };
}
