// The notes as one standalone HTML page: inline styles, no script, nothing loaded from elsewhere, a table of contents.
import { documentOf, notesTitle } from '../../core/notes/documents.js';
import type { Collection, Section } from '../../core/types.js';
import { escapeHtml, renderPageBody, type PageHeading, type PagePiece } from './markdown.js';
import { PAGE_CSS } from './style.js';
import { safeText } from '../safe-text.js';

/**
 * The browser may load nothing but the page's own styles and images that are embedded or beside the page: if a
 * note ever got past the sanitiser, it still could not run a script or send a request.
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'none'; base-uri 'none'";

/** The whole collection (each document as loaded), or the sections given, as a page. */
export function renderHtmlPage(collection: Collection, sections?: Section[]): string {
  const pieces: PagePiece[] = sections
    ? sections.map((s) => ({ file: s.file, markdown: s.markdown, line: s.line }))
    : collection.documents.map((d) => ({ file: d.file, markdown: d.text, line: 1 }));
  const body = renderPageBody(pieces, collection);
  // titles are the notes' own text, escape sequences and all; the page keeps none (ids stay as list --json has them)
  const title = pageTitle(collection, sections);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="generator" content="kubenotes">',
    `<title>${escapeHtml(safeText(title))}</title>`,
    `<style>${PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    tableOfContents(body.headings),
    '<main>',
    ...body.pieces.map((piece) => `<article>\n${piece}</article>`),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The page's `<title>`: `section — page — notes` as far as each exists (a title said once), else "Notes". */
function pageTitle(collection: Collection, sections?: Section[]): string {
  const pages = new Set(sections?.map((section) => documentOf(collection, section).title));
  const parts = [sections?.length === 1 ? sections[0].title : null, pages.size === 1 ? [...pages][0] : null, notesTitle(collection)];
  const said = [...new Set(parts.filter((part): part is string => Boolean(part)))];
  return said.length ? said.join(' — ') : 'Notes';
}

/** The outline of the page as nested lists of links, each with its number; empty when there is no outline. */
function tableOfContents(headings: PageHeading[]): string {
  if (headings.length === 0) return '';
  let html = '';
  const open: number[] = [];
  for (const { id, number, title, level } of headings) {
    while (open.length && open.at(-1)! > level) {
      html += '</li></ul>';
      open.pop();
    }
    if (open.at(-1) === level) html += '</li>';
    else {
      html += '<ul>';
      open.push(level);
    }
    html += `\n<li><a href="#${escapeHtml(id)}"><span class="number">${escapeHtml(number)}</span>${escapeHtml(safeText(title))}</a>`;
  }
  html += '</li></ul>'.repeat(open.length);
  return `<nav class="toc" aria-label="Table of contents">\n<p class="toc-title">On this page</p>\n${html}\n</nav>`;
}
