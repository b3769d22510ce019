// Which notes a wiki link's page names, as Obsidian resolves `[[Name]]`: the path from the vault's root, else the
// one file of that name, else, of several, the one nearest the linking note by folder (an equal tie is ambiguous);
// then the notes whose front matter's `aliases` hold it; then (kubenotes's own reading) the notes of that title.
import { posix } from 'node:path';
import type { NotesDocument } from '../types.js';

const MARKDOWN_FILE = /\.(?:md|markdown)$/i;

/** How many folders two files share from the root. */
function sharedFolders(a: string, b: string): number {
  const left = posix.dirname(a).split('/');
  const right = posix.dirname(b).split('/');
  let shared = 0;
  while (shared < left.length && shared < right.length && left[shared] === right[shared] && left[shared] !== '.') shared++;
  return shared;
}

/** Front matter's `aliases` (or `alias`): a list, or one name. */
export function aliasesOf(document: NotesDocument): string[] {
  const value = document.meta.aliases ?? document.meta.alias;
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String);
}

export function wikiCandidates(documents: NotesDocument[], fromFile: string, page: string): NotesDocument[] {
  const wanted = page.toLowerCase().replace(MARKDOWN_FILE, '').replace(/^\/+/, '');
  const exact = documents.filter((d) => d.file.toLowerCase().replace(MARKDOWN_FILE, '') === wanted);
  if (exact.length) return exact;
  const named = documents.filter((d) => d.file.toLowerCase().replace(MARKDOWN_FILE, '').endsWith(`/${wanted}`));
  if (named.length > 1) {
    const nearness = named.map((d) => sharedFolders(d.file, fromFile));
    const nearest = Math.max(...nearness);
    const closest = named.filter((_, i) => nearness[i] === nearest);
    return closest;
  }
  if (named.length) return named;
  const aliased = documents.filter((d) => aliasesOf(d).some((alias) => alias.toLowerCase() === page.toLowerCase()));
  return aliased.length ? aliased : documents.filter((d) => d.title.toLowerCase() === page.toLowerCase());
}
