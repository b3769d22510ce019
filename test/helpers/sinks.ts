// What a search hands its sink: the blocks it cut, recorded, and handed on to the cache's sink to be kept.
import type { BlockOwner, BlockSink, OwnerBlocks } from '../../src/core/query/search.js';

export interface RecordingSink extends BlockSink {
  /** Each owner's blocks the search cut (not those it was given), once. */
  given: Map<BlockOwner, OwnerBlocks>;
  /** Finishes the sink handed on to: the cache keeps the blocks. */
  finish(): void;
}

/** A sink that records the blocks a search cuts and hands them on to `to` (a cache's), if given. */
export function recordingSink(to?: BlockSink & { finish(): void }): RecordingSink {
  const given = new Map<BlockOwner, OwnerBlocks>();
  return {
    given,
    add: (owner, blocks) => {
      given.set(owner, blocks);
      to?.add(owner, blocks);
    },
    finish: () => to?.finish(),
  };
}
