// A search hit: the block that matched, with the section and file that hold it, and its score.
import type { Block } from '../markdown/blocks.js';
import type { NotesDocument, Section } from '../types.js';

/** A block with the section that holds it. */
export interface SearchBlock extends Block {
  /** The section that holds the block; null for a file's front matter and the text before its first heading. */
  section: Section | null;
  /** The file that holds the block. */
  document: NotesDocument;
}

/** Where a block is, as search prints it: its section, or for a block before any section, its file by title. */
export function placeOf(block: SearchBlock): { id: string | null; number: string | null; title: string; path: string[]; file: string } {
  const { section, document } = block;
  if (section) return { id: section.id, number: section.number, title: section.title, path: section.path, file: section.file };
  return { id: null, number: null, title: document.title, path: [document.title], file: document.file };
}

export interface Hit {
  block: SearchBlock;
  /** 0–1, 1 best; orders the hits. */
  score: number;
  /** How many hits of this page have the same text (tabs, copies), when more than this one. */
  copies?: number;
}
