// Anchors a site makes that are neither a heading's id nor written in the page: MkDocs's slugs, which fold runs of
// hyphens; a Hugo page's included pages, whose headings and terms it shows; a Hugo section page that lists its pages.
import { slug } from 'github-slugger';
import { posix } from 'node:path';
import { extraAnchors } from '../links/html-anchors.js';
import type { NotesDocument, Section } from '../types.js';
import { includedPages, type HugoSite } from './hugo-paths.js';

export interface AnchorQuestion {
  document: NotesDocument;
  fragment: string;
  documents: NotesDocument[];
  site: HugoSite;
  /** Whether the notes are laid out as a Hugo site. */
  isSite: boolean;
  /** A document's anchors besides its headings' ids (html-anchors.ts), each → its line. */
  anchorsOf: (document: NotesDocument) => Map<string, number>;
}

/** The titles of a document's headings, its title heading first: what its ids are made of. */
export const headingTitles = (document: NotesDocument): string[] => [
  ...(document.titleId === undefined ? [] : [document.title]),
  ...document.sections.map((s) => s.title),
];

/** The section a line is in (its nearest heading above), if any. */
export function sectionAt(document: NotesDocument, line: number): { section?: Section } {
  const section = document.sections.findLast((s) => s.line <= line);
  return section ? { section } : {};
}

const foldHyphens = (id: string): string => id.toLowerCase().replace(/-+/g, '-');

/** Where a fragment that no heading and no written anchor of the document has leads on the site, if anywhere. */
export function siteAnchor(question: AnchorQuestion): { document: NotesDocument; section?: Section } | undefined {
  return folded(question) ?? inIncluded(question) ?? listedPage(question);
}

/**
 * MkDocs's slugs (Python-Markdown's) fold runs of hyphens: `Caret, Mark & Tilde` is #caret-mark-tilde there, and is
 * written so; a fragment with a run of hyphens is GitHub's own form, which matches only as it is.
 */
function folded({ document, fragment, anchorsOf }: AnchorQuestion): { document: NotesDocument; section?: Section } | undefined {
  const wanted = fragment.toLowerCase();
  if (foldHyphens(fragment) !== wanted) return undefined;
  const section = document.sections.find((s) => foldHyphens(s.id) === wanted);
  if (section) return { document, section };
  const anchor = [...anchorsOf(document)].find(([id]) => foldHyphens(id) === wanted);
  return anchor && { document, ...sectionAt(document, anchor[1]) };
}

/** A Hugo page's included pages are part of it: their headings and terms are its anchors (after its own headings). */
function inIncluded({ document, fragment, site }: AnchorQuestion): { document: NotesDocument; section?: Section } | undefined {
  if (!document.text.includes('include')) return undefined;
  for (const included of includedPages(site, document)) {
    const section = included.sections.find((s) => s.id === fragment);
    if (section) return { document: included, section };
    const term = extraAnchors(included.text, [...headingTitles(document), ...headingTitles(included)]).get(fragment);
    if (term !== undefined) return { document: included, ...sectionAt(included, term) };
  }
  return undefined;
}

/** A Hugo section page (`_index.md`) lists its pages (a glossary, say): a page below it whose title has that id. */
function listedPage({ document, fragment, documents, isSite }: AnchorQuestion): { document: NotesDocument } | undefined {
  if (!isSite || !/(?:^|\/)_index\.md$/i.test(document.file)) return undefined;
  const folder = posix.dirname(document.file);
  const page = documents.find((d) => d !== document && d.file.startsWith(`${folder}/`) && slug(d.title) === fragment.toLowerCase());
  return page && { document: page };
}
