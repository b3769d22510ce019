// Loading the notes: find the files, take their parsed form from the cache or read and parse them, and say what was
// read with trouble.
import { assembleCollection, readingOrder } from '../core/notes/assemble.js';
import { NoNotes } from '../core/errors.js';
import { opensWithFence, type FrontMatterParsers } from '../core/markdown/frontmatter.js';
import type { DocumentTerms } from '../core/query/term-index.js';
import type { Collection, NotesDocument, SourceFile, Warning } from '../core/types.js';
import { escapedName, lineText } from '../render/safe-text.js';
import { folderWalker, notesCache, type BlockStore, type NotesCache, type OutputKeeper } from './cache.js';
import { holdHeapGrowth, HOLD_HEAP_AFTER_BYTES } from './heap.js';
import { SizeBudget } from './notes-file.js';
import { anyRacy } from './stamps.js';
import type { AnswerSources } from './answers.js';
import { listSources, readSourceFiles, type ListedFile } from './sources.js';

// file names and parser messages come from the notes: made safe like everything else they hold
const warningText = (warning: Warning): string =>
  `kubenotes: warning: ${escapedName(warning.file)}${warning.line === undefined ? '' : `:${warning.line}`}: ${lineText(warning.message)}\n`;

interface NotesIo {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream;
  stderr: NodeJS.WritableStream;
}

/** The notes loaded, where search may keep the blocks it cuts from them (none for standard input), and outputs made from them. */
export interface LoadedNotes {
  collection: Collection;
  blocks?: BlockStore;
  /** Where output made from the notes is kept for the next run: for notes read whole from the cache or written to it. */
  outputs?: OutputKeeper;
  /**
   * What on disk the notes were read from (answers.ts), where the output kept is all a run on them prints: none when
   * something was said about them, a folder met a link (whose target may change with no folder's knowing) or changed
   * too recently for its time to tell the next change.
   */
  sources?: Omit<AnswerSources, 'missing'>;
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
  const say = (text: string): void => {
    if (!quiet) io.stderr.write(text);
  };
  const listedAt = Date.now();
  const { files: listed, warnings, walked } = await listSources(paths, folderWalker(io.env));
  const warnCache = (message: string) => say(`kubenotes: warning: ${lineText(message)}\n`);
  const cache = listed.every((file) => file.path !== undefined) ? notesCache(io.env, paths, listed, warnCache) : undefined;
  const collection = cache?.read() ?? (await readCollection(paths, listed, cache, io, warnings, say));
  for (const warning of warnings) say(warningText(warning));
  const stamps = warnings.length === 0 && listed.every((file) => file.at === undefined) ? cache?.stampsOf(collection) : undefined;
  const folders = walked.flatMap(({ folders, gitignores }) => [...folders, ...gitignores]);
  const sources =
    stamps && !walked.some(({ links }) => links) && !anyRacy(folders, listedAt)
      ? { files: stamps.map(([, ...stamp]) => stamp), folders }
      : undefined;
  return { collection, blocks: cache, outputs: cache?.keptOutput(collection), sources };
}

/**
 * The collection of the files listed: each file's document from its own cache entry where that holds, else read and
 * parsed (and stored); a file that could not be read is left out, said in `warnings`, and tried again next time.
 * The warnings of the files parsed now join `warnings`: a file's are said when it is read, not on every run.
 */
async function readCollection(
  paths: string[],
  listed: ListedFile[],
  cache: NotesCache | undefined,
  io: NotesIo,
  warnings: Warning[],
  say: (text: string) => void,
): Promise<Collection> {
  const documents = listed.map((_, index) => cache?.readDocument(index));
  const budget = new SizeBudget();
  const parse = parser();
  // a file at a time, read, parsed, stored, and kept as stored, its text left on disk: the notes are
  // never all in memory at once
  let parsed = 0;
  for (const [index, file] of listed.entries()) {
    if (documents[index]) continue;
    for (const source of await readSourceFiles([file], () => io.stdin, warnings, budget)) {
      if ((parsed += source.bytes.length) >= HOLD_HEAP_AFTER_BYTES) holdHeapGrowth();
      const { document, terms } = await parse(source, cache !== undefined);
      warnings.push(...document.warnings);
      // before numbering: an entry holds the file as if alone
      documents[index] = (terms && cache?.writeDocument(index, document, source.bytes, terms)) || document;
    }
  }
  if (!documents.some(Boolean)) {
    // folders whose every Markdown file was skipped: each said why in a warning
    for (const warning of warnings) say(warningText(warning));
    throw new NoNotes(paths.join(' '), 'no Markdown file could be read (see the warnings above)');
  }
  const read = listed.flatMap((file, index) => (documents[index] ? [{ document: documents[index], walk: file.walk }] : []));
  const collection = assembleCollection(readingOrder(read));
  cache?.write(collection); // the entries written, even where a file could not be read
  return collection;
}

/**
 * A file's document, parsed on its own, and its words when they are to be kept; the parser (and marked in it) is
 * loaded only when there is something to parse, the YAML and TOML parsers only when a file may have front matter
 * (they cost more to load than most notes cost to read).
 */
function parser(): (source: SourceFile, withTerms: boolean) => Promise<{ document: NotesDocument; terms?: DocumentTerms }> {
  let parsers: FrontMatterParsers | undefined;
  // each imported once: the build makes an import() a require whose exports are copied each time it is called
  let collectionModule: Promise<typeof import('../core/notes/collection.js')> | undefined;
  let termsModule: Promise<typeof import('../core/query/owner-texts.js')> | undefined;
  return async (source, withTerms) => {
    const { parseSource } = await (collectionModule ??= import('../core/notes/collection.js'));
    if (!parsers && opensWithFence(source.bytes)) parsers = (await import('../core/markdown/frontmatter-parsers.js')).frontMatterParsers;
    const document = parseSource(source, parsers);
    if (!withTerms) return { document };
    const { documentTerms, ownerTexts } = await (termsModule ??= import('../core/query/owner-texts.js'));
    return { document, terms: documentTerms(ownerTexts(document)) };
  };
}
