// Loading the notes: find the files, take their parsed form from the cache or read and parse them, and say what was
// read with trouble.
import { NoNotes } from '../core/errors.js';
import { opensWithFence } from '../core/frontmatter.js';
import type { Collection, SourceFile, Warning } from '../core/types.js';
import { safeText } from '../render/safe-text.js';
import { notesCache, type BlockStore } from './cache.js';
import { listSources, readSourceFiles } from './sources.js';

// file names and parser messages come from the notes: made safe like everything else they hold
const warningText = (warning: Warning): string =>
  `kubenotes: warning: ${safeText(`${warning.file}${warning.line === undefined ? '' : `:${warning.line}`}: ${warning.message}`)}\n`;

interface NotesIo {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream;
  stderr: NodeJS.WritableStream;
}

/** The notes loaded, and where search may keep the blocks it cuts from them (none for standard input). */
export interface LoadedNotes {
  collection: Collection;
  blocks?: BlockStore;
}

export interface LoadOptions {
  /** Say nothing of what was read with trouble. */
  quiet?: boolean;
}

/**
 * Reads and indexes the notes (standard input never from the cache). What was read with trouble is said on stderr
 * when it is read: a file's warnings when it is parsed, not again on the runs that take it from the cache.
 */
export async function loadNotes(paths: string[], io: NotesIo, { quiet = false }: LoadOptions = {}): Promise<LoadedNotes> {
  const warn = (list: Warning[]): void => {
    if (!quiet) for (const warning of list) io.stderr.write(warningText(warning));
  };
  const { files: listed, warnings } = await listSources(paths);
  const cache = listed.every((file) => file.path !== undefined) ? notesCache(io.env, paths, listed) : undefined;
  let collection = cache?.read();
  const parsed = !collection;
  if (!collection) {
    const files = await readSourceFiles(listed, () => io.stdin, warnings);
    if (files.length === 0) {
      // folders whose every Markdown file was skipped: each said why in a warning
      warn(warnings);
      throw new NoNotes(paths.join(' '), 'no Markdown file could be read (see the warnings above)');
    }
    collection = await parseNotes(files);
    // a file that could not be read is tried again next time
    if (files.length === listed.length) cache?.write(collection);
  }
  warn(parsed ? [...warnings, ...collection.warnings] : warnings);
  return { collection, blocks: cache };
}

/** The collection of the files read; the parser (and marked in it) is loaded only when there is something to parse. */
async function parseNotes(files: SourceFile[]): Promise<Collection> {
  const { buildCollection } = await import('../core/collection.js');
  // the YAML and TOML parsers cost more to load than most notes cost to read: only when a file may need them
  const parsers = files.some((f) => opensWithFence(f.bytes)) ? (await import('../core/frontmatter-parsers.js')).frontMatterParsers : undefined;
  return buildCollection(files, parsers);
}
