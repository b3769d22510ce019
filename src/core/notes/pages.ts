// A page is a file seen whole: its title, its intro (the text before its first section) and its sections. It takes
// part in show, export, edit and links as a section of level 0 does, so every command that takes sections takes it.
import { slug } from 'github-slugger';
import { findFrontMatter } from '../markdown/frontmatter.js';
import type { Collection, MetaValue, NotesDocument, Section } from '../types.js';
import { lazily } from './lazy.js';

/** The level a page stands at, above every heading. */
export const PAGE_LEVEL = 0;

export const isPage = (section: Section): boolean => section.level === PAGE_LEVEL;

const pages = new WeakMap<NotesDocument, Section>();
const metaText = (value: MetaValue): string => (Array.isArray(value) ? value.join(', ') : String(value));

/**
 * A document as a page: its whole Markdown without front matter, starting on the line after it; its id the anchor
 * of its title heading (or its title's); its meta the front matter's, as text.
 */
export function pageOf(document: NotesDocument): Section {
  let page = pages.get(document);
  if (!page) {
    const meta = Object.fromEntries(Object.entries(document.meta).map(([key, value]) => [key, metaText(value)]));
    page = { id: document.titleId ?? slug(document.title), number: null, title: document.title, level: PAGE_LEVEL, path: [document.title], line: 1, file: document.file, meta, markdown: '' };
    // the text only when asked for: matching a query against every page's title reads no file's text
    const frontMatter = () => findFrontMatter(document.text);
    lazily(page, 'line', () => 1 + (frontMatter()?.lines ?? 0));
    lazily(page, 'markdown', () => document.text.slice(frontMatter()?.end ?? 0));
    pages.set(document, page);
  }
  return page;
}

/** Does the page's own text open with its title, as its one level-1 heading (and not another title over it)? */
export const titledByHeading = (document: NotesDocument): boolean => document.titleId !== undefined && slug(document.title) === document.titleId;

/** Every page of the collection, in reading order. */
export const pagesOf = (collection: Collection): Section[] => collection.documents.map(pageOf);
