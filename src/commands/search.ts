// `kubenotes search`: the blocks a fuzzy query finds, best first, for people or as JSON.
import { NoHits, UsageError } from '../core/errors.js';
import type { Collection } from '../core/types.js';
import { styleKey } from '../render/style.js';
import type { CommandContext } from './context.js';

export interface SearchOptions {
  in?: string;
  limit: number;
  json?: boolean;
}

export async function runSearch(context: CommandContext, words: string[], options: SearchOptions): Promise<void> {
  const query = words.join(' ');
  if (query.trim() === '') throw new UsageError('search: the query is empty; give words to look for');
  if (options.in?.trim() === '') throw new UsageError('search: --in needs words of a section title or label');
  const collection = await context.notes();
  const { style, lineWidth } = context;
  // hits found before on the same notes are printed again as they were; the index, the block cutter and the
  // renderer are loaded only to find them
  const key = [query, options.in ?? null, options.limit, Boolean(options.json), lineWidth, styleKey(style)];
  const found = await context.kept('search', key, () => foundHits(context, collection, query, options));
  await context.write(found, { page: !options.json });
}

/** The hits of `query` as printed (JSON or the view); a search that finds nothing is an error (after `[]` as JSON). */
async function foundHits(context: CommandContext, collection: Collection, query: string, options: SearchOptions): Promise<string> {
  const [{ searchIndex }, { default: blockCutter }, { unquotedQuery }, { renderHits, searchJson }, { isSeveralFiles }] = await Promise.all([
    import('../core/query/search.js'),
    import('./block-cutter.cjs'),
    import('../core/query/match.js'),
    import('../render/reports/hits.js'),
    import('../core/notes/documents.js'),
  ]);
  const all = await context.allNotes();
  const store = await context.blockStore();
  // blocks are kept by their place in all the notes: notes cut by --under or --tag hold the same sections elsewhere
  const known = store?.readBlocks(all);
  // the words of all the notes: not of notes cut by --under or --tag, whose owners they do not number
  const terms = collection === all ? store?.readTerms(collection) : undefined;
  // the blocks this search cuts are kept for the next one (the same query then lexes nothing), set aside as they come
  const sink = store?.blockSink(all);
  const index = searchIndex(collection, blockCutter, known, terms, sink);
  let hits;
  try {
    hits = index.search(query, { within: options.in, limit: options.limit });
  } finally {
    sink?.finish(); // the scratch file let go, whatever happened
  }
  if (hits.length === 0) {
    // like grep: an empty result is still a result for scripts (`[]`), and exit 1 says nothing was found
    if (options.json) await context.write(searchJson(hits));
    // a phrase in quotes is said in one pair of them
    throw new NoHits(unquotedQuery(query), options.in);
  }
  if (options.json) return searchJson(hits);
  return renderHits(hits, {
    style: context.style,
    ranges: (text) => index.ranges(query, text),
    files: isSeveralFiles(collection),
    width: context.lineWidth,
  });
}
