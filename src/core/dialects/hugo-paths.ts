// Where a Hugo site's links lead: a `ref`/`relref` argument (a path from the content folder, relative to the page,
// or a page's name) and a site-root URL (`/docs/x/y/`, `/docs/x/y.md#z`) → the file, as Hugo builds its pages:
// the content folder (`content/`, or `content/<language>/` when all the content is under one language folder),
// then each page's URL from its folder and file name, or its front matter's `url` or `slug`, and its `aliases`.
import { posix } from 'node:path';
import type { NotesDocument } from '../types.js';

const MARKDOWN_FILE = /\.(?:md|markdown)$/i;
/** A page that stands for its folder: a section's `_index.md`, a bundle's `index.md`. */
const FOLDER_PAGE = /(?:^|\/)_?index\.(?:md|markdown)$/i;

export interface HugoSite {
  /** The content folder, relative to the notes' root: '' or ends in '/'. */
  contentRoot: string;
  /** Each page's URL path (lowercased, no slashes at either end: '' for the home page) and its aliases' → the page. */
  byUrl: Map<string, NotesDocument>;
  /** Each page's path from the content folder without extension, lowercased (`docs/x/_index` is also `docs/x`). */
  byPath: Map<string, NotesDocument>;
}

/** The content folder of notes laid out as a Hugo site, or undefined when they are not (no `content/` folder in the paths). */
export function contentRoot(files: string[]): string | undefined {
  const content = files.filter((f) => /^content\/[^/]+\//.test(f)); // a file beside the language folders (a licence) is no page
  if (content.length === 0) return files.some((f) => /(?:^|\/)_index\.md$/i.test(f)) ? '' : undefined;
  const languages = new Set(content.map((f) => /^content\/([a-z]{2}(?:-[a-z]+)?)\//i.exec(f)?.[1]));
  return languages.size === 1 && !languages.has(undefined) ? `content/${[...languages][0]}/` : 'content/';
}

const trimSlashes = (path: string): string => path.replace(/^\/+|\/+$/g, '').toLowerCase();
const metaString = (document: NotesDocument, key: string): string | undefined => {
  const value = document.meta[key];
  return typeof value === 'string' ? value : undefined;
};

/** A page's URL path as Hugo builds it without `permalinks` configured. */
function pageUrl(document: NotesDocument, root: string): string {
  const url = metaString(document, 'url');
  if (url !== undefined) return trimSlashes(url);
  const path = document.file.slice(root.length);
  const folder = posix.dirname(path) === '.' ? '' : posix.dirname(path);
  if (FOLDER_PAGE.test(path)) return trimSlashes(folder);
  const name = metaString(document, 'slug') ?? posix.basename(path).replace(MARKDOWN_FILE, '');
  return trimSlashes(`${folder}/${name}`);
}

/** The notes as a Hugo site whose content folder is `root`. */
export function hugoSite(documents: NotesDocument[], root: string): HugoSite {
  const byUrl = new Map<string, NotesDocument>();
  const byPath = new Map<string, NotesDocument>();
  for (const document of documents) {
    if (!document.file.startsWith(root)) continue;
    const path = document.file.slice(root.length).replace(MARKDOWN_FILE, '').toLowerCase();
    byPath.set(path, document);
    if (FOLDER_PAGE.test(document.file)) byPath.set(path.replace(/\/?_?index$/, ''), document);
    byUrl.set(pageUrl(document, root), document);
    const aliases = document.meta.aliases;
    for (const alias of Array.isArray(aliases) ? aliases : aliases === undefined ? [] : [aliases]) {
      if (!byUrl.has(trimSlashes(String(alias)))) byUrl.set(trimSlashes(String(alias)), document);
    }
  }
  return { contentRoot: root, byUrl, byPath };
}

/** The page a site-root URL path leads to (`/docs/x/`, `/docs/x.md`, `/docs/x/_index.md`), if any. */
export function pageAtUrl(site: HugoSite, path: string): NotesDocument | undefined {
  const url = trimSlashes(path);
  return site.byUrl.get(url.replace(/\/?(?:_?index)?\.(?:md|markdown|html)$/, '')) ?? site.byPath.get(url.replace(MARKDOWN_FILE, ''));
}

/**
 * The page a ref names, read as Hugo's `ref`: an absolute path from the content folder; else relative to the page's
 * folder (its bundle's, for an index); else from the content folder; else the one page whose path ends so. Several
 * pages that end so: the ref is ambiguous, as Hugo says; none: missing.
 */
export function pageOfRef(site: HugoSite, fromFile: string, target: string): NotesDocument | NotesDocument[] {
  const wanted = target.replace(MARKDOWN_FILE, '').replace(/\/+$/, '').toLowerCase();
  if (wanted.startsWith('/')) return site.byPath.get(posix.normalize(wanted.slice(1))) ?? [];
  const from = fromFile.slice(site.contentRoot.length);
  const relative = posix.normalize(posix.join(posix.dirname(from), wanted)).toLowerCase();
  const found = site.byPath.get(relative) ?? site.byPath.get(posix.normalize(wanted));
  if (found) return found;
  const ending = [...new Set([...site.byPath].filter(([path]) => path === wanted || path.endsWith(`/${wanted}`)).map(([, d]) => d))];
  return ending.length === 1 ? ending[0] : ending;
}

/** The pages a page's `{{% include "path" %}}` shortcodes put into it, whose headings are then its own. */
export function includedPages(site: HugoSite, document: NotesDocument): NotesDocument[] {
  const included = [...document.text.matchAll(/\{\{[<%]-?\s*include\s+["`]?([^"`\s>%]+)/g)];
  return included.map((m) => site.byPath.get(trimSlashes(m[1]).replace(MARKDOWN_FILE, ''))).filter((d) => d !== undefined);
}
