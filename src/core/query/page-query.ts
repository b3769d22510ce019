// Show's queries that name a page: its file's path (or the tail of it, with or without the extension, or the folder
// an index page stands for), or its title exactly, any case, punctuation ignored.
import { textWords } from './match.js';
import { pageOf } from '../notes/pages.js';
import type { Collection, Section } from '../types.js';

const MARKDOWN_EXTENSION = /\.(md|markdown|mdx|mkd|mdown)$/i;
const INDEX_NAME = /(^|\/)(readme|_?index)$/i;

/** A path as typed: slashes, no leading `./`, no trailing slash. */
const typedPath = (query: string): string =>
  query
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');

/** Is `path` the whole of `file` or its tail, starting at a folder? */
const isTail = (path: string, file: string): boolean => file === path || file.endsWith(`/${path}`);

/**
 * The pages a path names: the file as `list` shows it or its tail (`visualization/grafana.md`), the same without
 * its extension when it has a folder in it, or the folder of an `_index.md`/`index.md`/`README.md`. Only queries
 * that look like paths (a `/` or a Markdown extension) are tried, so a title word is never read as a file name.
 */
export function pagesByPath(collection: Collection, query: string): Section[] {
  if (!query.includes('/') && !MARKDOWN_EXTENSION.test(query.trim())) return [];
  const path = typedPath(query);
  if (path === '') return [];
  const { documents } = collection;
  const exact = documents.filter((document) => isTail(path, document.file));
  if (exact.length) return exact.map(pageOf);
  return documents
    .filter((document) => {
      const stem = document.file.replace(MARKDOWN_EXTENSION, '');
      return (path.includes('/') && isTail(path, stem)) || (INDEX_NAME.test(stem) && isTail(path, stem.replace(INDEX_NAME, '')));
    })
    .map(pageOf);
}

/** A title's words, for comparing titles whatever their case and punctuation. */
export const titleKey = (title: string): string => textWords(title).join(' ');

/** The pages whose title is the query, word for word; a page made only for a document that matches. */
export function pagesByTitle(collection: Collection, query: string): Section[] {
  const key = titleKey(query);
  return key === '' ? [] : collection.documents.filter((document) => titleKey(document.title) === key).map(pageOf);
}
