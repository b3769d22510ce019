// A link of the notes → its kind and, when it points inside the notes, the section (or whole file) it leads to, or
// why it leads nowhere: a missing file, a missing heading, a wiki link that matches several files.
import { distance } from 'fastest-levenshtein';
import { slug } from 'github-slugger';
import { posix } from 'node:path';
import { contentRoot, hugoSite, pageAtUrl, pageOfRef, type HugoSite } from '../dialects/hugo-paths.js';
import { headingTitles, sectionAt, siteAnchor } from '../dialects/site-anchors.js';
import { isRefLink } from '../dialects/hugo.js';
import { wikiCandidates } from '../dialects/obsidian-paths.js';
import { extraAnchors } from './html-anchors.js';
import { typoBudget } from '../query/lexicon.js';
import { createMatcher, type Matcher } from '../query/match.js';
import { decodeEntities } from '../markdown/plaintext.js';
import type { Tokens } from 'marked';
import type { Collection, NotesDocument, Section } from '../types.js';
import { wikiHref, type WikiTarget } from '../markdown/wikilinks.js';

/** `#anchor`, `other.md`, `other.md#anchor`, `[[wiki]]`, an http(s) or mailto URL, or anything else (an image, a site path, another scheme). */
export type LinkKind = 'anchor' | 'file' | 'file+anchor' | 'wiki' | 'external' | 'other';

/** A link as written: a Markdown link's href, a wiki link's target, or a Hugo `ref`/`relref` shortcode's argument. */
export type LinkReference = { href: string } | { wiki: WikiTarget } | { ref: string };

/** What a Markdown link token refers to: its Hugo ref, or its href. */
export const linkReference = (token: Tokens.Link): LinkReference => (isRefLink(token) ? { ref: token.href } : { href: token.href });

export type BrokenReason = 'missing-file' | 'missing-anchor' | 'ambiguous';

export interface Resolution {
  kind: LinkKind;
  /** Where an internal link leads: a section, or a whole file (`other.md`, `[[Other]]`, its title heading). */
  target?: { document: NotesDocument; section?: Section };
  /** Why an internal link leads nowhere, and what to write instead when something close exists. */
  broken?: { reason: BrokenReason; why: string; suggestion?: string };
}

/** The links kubenotes follows; the others are classified, never fetched, never checked. */
export const isInternal = (kind: LinkKind): boolean => kind !== 'external' && kind !== 'other';

const EXTERNAL = /^(?:https?:|mailto:|\/\/)/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const MARKDOWN_FILE = /\.(?:md|markdown)$/i;
/** A wiki link to an attachment (`[[diagram.png]]`), not to a note. */
const ATTACHMENT = /\.[a-z0-9]{2,5}$/i;

/** The collection looked up by file name (normalised), and each file's ids, HTML anchors and anchor matcher as needed. */
interface LinkIndex {
  byFile: Map<string, NotesDocument>;
  idsOf: Map<NotesDocument, Map<string, Section>>;
  htmlAnchorsOf: Map<NotesDocument, Map<string, number>>;
  anchorMatchers: Map<NotesDocument, Matcher<Section>>;
  documents: NotesDocument[];
  /** The notes read as a Hugo site: from their content folder, or from their root when they are not laid out as one. */
  site?: HugoSite;
  /** Whether they are laid out as one, so that a site-root URL is a page of theirs. */
  isSite?: boolean;
}

function siteOf(index: LinkIndex): HugoSite {
  if (!index.site) {
    const root = contentRoot(index.documents.map((d) => d.file));
    index.isSite = root !== undefined;
    index.site = hugoSite(index.documents, root ?? '');
  }
  return index.site;
}

const indexes = new WeakMap<Collection, LinkIndex>();

/** A document's sections by id, made when a link first points into it (rendering a page asks of a few documents, not all). */
function sectionIds(index: LinkIndex, document: NotesDocument): Map<string, Section> {
  let ids = index.idsOf.get(document);
  if (!ids) index.idsOf.set(document, (ids = new Map(document.sections.map((s) => [s.id, s]))));
  return ids;
}

function linkIndex(picked: Collection): LinkIndex {
  const collection = picked.whole ?? picked;
  let index = indexes.get(collection);
  if (!index) {
    const byFile = new Map(collection.documents.map((d) => [posix.normalize(d.file), d]));
    index = { byFile, idsOf: new Map(), htmlAnchorsOf: new Map(), anchorMatchers: new Map(), documents: collection.documents };
    indexes.set(collection, index);
  }
  return index;
}

/** A percent-encoded URL part decoded, or as it is when it is not valid percent-encoding. */
export function decodeUriComponentSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Where a link written in `fromFile` leads. */
export function resolveLink(collection: Collection, fromFile: string, reference: LinkReference): Resolution {
  const index = linkIndex(collection);
  if ('ref' in reference) return resolveRef(index, fromFile, reference.ref.trim());
  return 'wiki' in reference ? resolveWiki(index, fromFile, reference.wiki) : resolveHref(index, fromFile, reference.href.trim());
}

/** A Hugo ref: its page as Hugo finds it (hugo-paths.ts), then its anchor; a ref is always into the notes. */
function resolveRef(index: LinkIndex, fromFile: string, ref: string): Resolution {
  const hash = ref.indexOf('#');
  const page = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  const site = siteOf(index);
  const kind = hash === -1 ? 'file' : page === '' ? 'anchor' : 'file+anchor';
  if (page === '') return inDocument(index, kind, index.byFile.get(posix.normalize(fromFile)), fragment, (id) => `#${id}`);
  const found = pageOfRef(site, fromFile, page);
  if (!Array.isArray(found)) return inDocument(index, kind, found, fragment, (id) => `${page}#${id}`);
  if (found.length > 1)
    return {
      kind,
      broken: { reason: 'ambiguous', why: `ref "${page}" matches ${found.length} pages: ${found.map((d) => d.file).join(', ')}` },
    };
  return { kind, broken: { reason: 'missing-file', why: `no page "${page}" in the site` } };
}

function resolveHref(index: LinkIndex, fromFile: string, href: string): Resolution {
  if (EXTERNAL.test(href)) return { kind: 'external' };
  if (SCHEME.test(href)) return { kind: 'other' };
  const hash = href.indexOf('#');
  const written = (hash === -1 ? href : href.slice(0, hash)).replace(/\?.*$/, '');
  const fragment = hash === -1 ? '' : decodeUriComponentSafely(href.slice(hash + 1));
  const from = posix.normalize(fromFile);
  if (written === '') return inDocument(index, 'anchor', index.byFile.get(from), fragment, (id) => `#${id}`);

  const path = decodeUriComponentSafely(written);
  // the site is modelled only for a site-root path (a relative link needs no model of all the pages)
  if (path.startsWith('/') && !index.byFile.has(posix.normalize(path.slice(1)))) {
    const site = siteOf(index);
    if (index.isSite) return siteRootLink(index, site, hash === -1 ? 'file' : 'file+anchor', path, fragment);
  }
  // a site-root path is read from the notes' root, as GitHub reads it from the repository's
  const file = path.startsWith('/') ? posix.normalize(path.slice(1)) : posix.join(posix.dirname(from), path);
  if (file === '..' || file.startsWith('../')) return { kind: 'other' }; // outside the notes: not theirs to check
  const kind = hash === -1 ? 'file' : 'file+anchor';
  const document = index.byFile.get(file);
  if (document) return inDocument(index, kind, document, fragment, (id) => `${written}#${id}`);
  if (!MARKDOWN_FILE.test(file)) return { kind: 'other' }; // an image, a folder, a page of the site
  const closest = closestFile(index, file, (d) => d.file);
  const suggestion =
    closest && `${posix.relative(posix.dirname(from), closest.file) || closest.file}${hash === -1 ? '' : href.slice(hash)}`;
  return { kind, broken: { reason: 'missing-file', why: `no file ${file} in the notes`, ...(suggestion ? { suggestion } : {}) } };
}

/** A site-root URL of a Hugo site: the page at that URL; a page's URL that leads to no page is broken, a file's is not ours to check. */
function siteRootLink(index: LinkIndex, site: HugoSite, kind: LinkKind, path: string, fragment: string): Resolution {
  const document = pageAtUrl(site, path);
  if (document) return inDocument(index, kind, document, fragment, (id) => `${path}#${id}`);
  const isPage = path.endsWith('/') || MARKDOWN_FILE.test(path) || !/\.[a-z0-9]+$/i.test(posix.basename(path));
  return isPage ? { kind, broken: { reason: 'missing-file', why: `no page at ${path} in the site` } } : { kind: 'other' };
}

/** The section of `document` a fragment names (GitHub's id, compared as GitHub does, case-insensitively), or the whole document. */
function inDocument(
  index: LinkIndex,
  kind: LinkKind,
  document: NotesDocument | undefined,
  fragment: string,
  rewrite: (id: string) => string,
): Resolution {
  if (!document) return { kind: 'other' }; // a file that is not among the notes (standard input's name, say)
  if (fragment === '') return { kind, target: { document } };
  const ids = sectionIds(index, document);
  const section = ids.get(fragment) ?? ids.get(fragment.toLowerCase());
  if (section) return { kind, target: { document, section } };
  if (document.titleId !== undefined && [fragment, fragment.toLowerCase()].includes(document.titleId))
    return { kind, target: { document } };
  const inHtml = htmlAnchorLine(index, document, fragment);
  if (inHtml !== undefined) return { kind, target: { document, ...sectionAt(document, inHtml) } };
  const elsewhere = siteAnchor({
    document,
    fragment,
    documents: index.documents,
    site: siteOf(index),
    isSite: index.isSite === true,
    anchorsOf: (d) => extraAnchorsOf(index, d),
  });
  if (elsewhere) return { kind, target: elsewhere };
  const closest = closestAnchor(index, document, fragment.replaceAll('-', ' '));
  const why = `no heading #${fragment} in ${document.file}`;
  return { kind, broken: { reason: 'missing-anchor', why, ...(closest ? { suggestion: rewrite(closest.id) } : {}) } };
}

/** The section of `document` whose id is most like the words given, by the matcher's word similarity. */
function closestAnchor(index: LinkIndex, document: NotesDocument, words: string): Section | undefined {
  let matcher = index.anchorMatchers.get(document);
  if (!matcher) {
    matcher = createMatcher(document.sections, (s) => ({ primary: s.id.replaceAll('-', ' ') }));
    index.anchorMatchers.set(document, matcher);
  }
  return matcher.closest(words, 1)[0];
}

/** Anchors set other than by a heading (raw HTML, attributes, a definition's term, a block id), read the first time one is asked for. */
function extraAnchorsOf(index: LinkIndex, document: NotesDocument): Map<string, number> {
  let anchors = index.htmlAnchorsOf.get(document);
  if (!anchors) index.htmlAnchorsOf.set(document, (anchors = extraAnchors(document.text, headingTitles(document))));
  return anchors;
}

const htmlAnchorLine = (index: LinkIndex, document: NotesDocument, fragment: string): number | undefined =>
  extraAnchorsOf(index, document).get(fragment);

/** The file whose key (its path, its name) is a typo or two from `wanted`, as the matcher's typo budget allows. */
function closestFile(index: LinkIndex, wanted: string, keyOf: (document: NotesDocument) => string): NotesDocument | undefined {
  let best: { document: NotesDocument; edits: number } | undefined;
  for (const document of index.documents) {
    const edits = distance(wanted.toLowerCase(), keyOf(document).toLowerCase());
    if (edits <= typoBudget(wanted.length) && (!best || edits < best.edits)) best = { document, edits };
  }
  return best?.document;
}

/** `[[page#heading]]`: the page by its file's path or name, else by title, case-insensitively; `[[#heading]]` in the same file. */
function resolveWiki(index: LinkIndex, fromFile: string, wiki: WikiTarget): Resolution {
  siteOf(index);
  if (index.isSite) return { kind: 'other' }; // Hugo reads no wiki links: `[[x]]` on its pages is text (a TOML table, say)
  const page = decodeEntities(wiki.page);
  const heading = wiki.heading === undefined ? '' : decodeEntities(wiki.heading);
  const candidates =
    page === ''
      ? [index.byFile.get(posix.normalize(fromFile))].filter((d) => d !== undefined)
      : wikiCandidates(index.documents, fromFile, page);
  if (candidates.length === 1) return wikiHeading(index, candidates[0], heading, (title) => `[[${page}#${title}]]`);
  if (page === '') return { kind: 'other' }; // standard input's name, say: not among the notes
  if (candidates.length > 1) {
    const why = `matches ${candidates.length} files: ${candidates.map((d) => d.file).join(', ')}`;
    return {
      kind: 'wiki',
      broken: { reason: 'ambiguous', why, suggestion: candidates.map((d) => `[[${d.file.replace(MARKDOWN_FILE, '')}]]`).join(' or ') },
    };
  }
  if (ATTACHMENT.test(page) && !MARKDOWN_FILE.test(page)) return { kind: 'other' };
  const closest =
    closestFile(index, page, (d) => d.title) ?? closestFile(index, page, (d) => posix.basename(d.file).replace(MARKDOWN_FILE, ''));
  const suggestion = closest && `[[${wikiHref({ page: closest.title, heading: wiki.heading })}]]`;
  return {
    kind: 'wiki',
    broken: { reason: 'missing-file', why: `no file or title "${page}" in the notes`, ...(suggestion ? { suggestion } : {}) },
  };
}

/** A wiki link's heading, as written (`Sync waves`) or as an id (`sync-waves`), in the document it names. */
function wikiHeading(index: LinkIndex, document: NotesDocument, heading: string, rewrite: (title: string) => string): Resolution {
  if (heading === '') return { kind: 'wiki', target: { document } };
  if (heading.startsWith('^')) {
    const line = htmlAnchorLine(index, document, heading);
    if (line !== undefined) return { kind: 'wiki', target: { document, ...sectionAt(document, line) } };
    return { kind: 'wiki', broken: { reason: 'missing-anchor', why: `no block ${heading} in ${document.file}` } };
  }
  const id = slug(heading);
  const section = sectionIds(index, document).get(id);
  if (section) return { kind: 'wiki', target: { document, section } };
  if (document.titleId === id) return { kind: 'wiki', target: { document } };
  const closest = closestAnchor(index, document, heading);
  const why = `no heading "${heading}" in ${document.file}`;
  return { kind: 'wiki', broken: { reason: 'missing-anchor', why, ...(closest ? { suggestion: rewrite(closest.title) } : {}) } };
}
