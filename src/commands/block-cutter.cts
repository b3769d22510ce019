// The blocks cutter a search is handed (core/query/search.ts): markdown/blocks.ts, and the Markdown parser under it,
// loaded on its first cut. A cached search has every candidate's blocks kept and cuts none: loading marked, whose
// rules are built as it loads, cost it more than the search. CommonJS, for a require that runs on first use.
import type { BlockCutter } from '../core/query/search.js';

type Blocks = typeof import('../core/markdown/blocks.js');

let blocks: Blocks | undefined;
const loaded = (): Blocks => (blocks ??= require('../core/markdown/blocks.js') as Blocks);

const blockCutter: BlockCutter = {
  sectionBlocks: (section, source) => loaded().sectionBlocks(section, source),
  fileBlocks: (document, source) => loaded().fileBlocks(document, source),
};

export = blockCutter;
