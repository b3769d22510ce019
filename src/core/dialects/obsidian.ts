// Obsidian's own syntax besides wiki links: a block's id (`text ^block-id`, hidden on the page, a target of
// `[[Note#^block-id]]`) and inline `#tags`.
import type { TokenizerExtension, Tokens } from 'marked';
import type { NotesDocument, Section } from '../types.js';

/** The token of a block id marker: nothing to show. */
export const BLOCK_ID_TOKEN = 'blockid';

export interface BlockIdToken extends Tokens.Generic {
  type: typeof BLOCK_ID_TOKEN;
  raw: string;
  id: string;
}

/** ` ^id` at the end of a line (or alone on one), as Obsidian writes a block's id. */
const BLOCK_ID = /^[ \t]*\^([\w-]+)[ \t]*(?=\n|$)/;

export const blockIdMarker: TokenizerExtension = {
  name: BLOCK_ID_TOKEN,
  level: 'inline',
  start: (src) => {
    if (!src.includes('^')) return undefined;
    const at = src.search(/(?:^|[ \t\])])\^[\w-]+[ \t]*(?:\n|$)/m);
    return at === -1 ? undefined : at + (/[\])]/.test(src[at]) ? 1 : 0);
  },
  tokenizer(src): BlockIdToken | undefined {
    const match = BLOCK_ID.exec(src);
    return match ? { type: BLOCK_ID_TOKEN, raw: match[0], id: match[1] } : undefined;
  },
};

/** Block ids of a text as Obsidian reads them: `^id` ending a line, outside code; each → its 1-based line in the text. */
export function blockIds(text: string, firstLine = 1): Map<string, number> {
  const ids = new Map<string, number>();
  let fence: string | undefined;
  text.split('\n').forEach((line, index) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length))) fence = fence ? undefined : marker;
    const id = !fence && /(?:^|[ \t\])])\^([\w-]+)[ \t]*$/.exec(line)?.[1]; // Obsidian reads `![[x.png]]^id` too
    if (id && !ids.has(id)) ids.set(id, index + firstLine);
  });
  return ids;
}

/** `#tag` in prose: after a space or a line's start, letters, digits, `_`, `-` and `/`, not digits alone. */
const INLINE_TAG = /(?:^|[\s(])#([\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*)/gu;

/** The inline tags of some plain text, without their `#`, lowercased as Obsidian compares them. */
export const inlineTags = (text: string): string[] => [...text.matchAll(INLINE_TAG)].map((m) => m[1].toLowerCase());

/** The lines of the block (a paragraph, a list, a quote: up to the blank lines around it) holding line `line` (1-based), and its first line. */
export function blockAround(text: string, line: number): { first: number; markdown: string } {
  const lines = text.split('\n');
  let start = line - 1;
  let end = line - 1;
  while (start > 0 && lines[start - 1].trim() !== '') start--;
  while (end + 1 < lines.length && lines[end + 1].trim() !== '') end++;
  return { first: start + 1, markdown: lines.slice(start, end + 1).join('\n') };
}

/** A block named by its id (`^id`) as a section of its own, for `show note#^id`: its lines, in the section it is in. */
export function blockSection(document: NotesDocument, id: string): Section | undefined {
  const line = blockIds(document.text).get(id.replace(/^\^/, ''));
  if (line === undefined) return undefined;
  const around = document.sections.findLast((s) => s.line <= line);
  const path = [...(around?.path ?? []), `^${id.replace(/^\^/, '')}`];
  const { first, markdown } = blockAround(document.text, line);
  return {
    id: path.at(-1)!,
    number: null,
    title: path.at(-1)!,
    level: (around?.level ?? 1) + 1,
    path,
    line: first,
    file: document.file,
    meta: {},
    markdown: `${markdown}\n`,
  };
}
