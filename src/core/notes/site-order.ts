// The order a site's navigation shows a folder's pages in: its index page first, then by the front-matter key the
// site generator reads, then by title; a subfolder goes where its index page would. A blog's posts folder shows its
// newest post first.
import type { NotesDocument } from '../types.js';

/** Front-matter keys that order pages, lowercased: Hugo, Docusaurus, Jekyll's just-the-docs, Prometheus's docs. */
export const ORDER_KEYS = ['weight', 'sidebar_position', 'nav_order', 'sort_rank'] as const;

const INDEX_STEM = /^(readme|_?index)$/i;

/** Where Jekyll (`_posts`), MkDocs Material (`blog/posts`) and Hugo blogs (`content/posts`) keep dated posts. */
const POSTS_FOLDER = /^_?posts$/i;

/** A post's date as sortable text: front matter `date`, else the `YYYY-MM-DD-` a Jekyll post's file name starts with. */
function dateOf(document: NotesDocument): string {
  const value = document.meta.date;
  const stamp = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isFinite(stamp)) return new Date(stamp).toISOString();
  return /(?:^|\/)(\d{4}-\d{2}-\d{2})-[^/]*$/.exec(document.file)?.[1] ?? '';
}

/** A page's place among its siblings by the first order key it has; pages without one come after. */
function rankOf(document: NotesDocument | undefined): number {
  for (const key of ORDER_KEYS) {
    const value = document?.meta[key];
    const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (Number.isFinite(number)) return number;
  }
  return Infinity;
}

interface Folder {
  index?: NotesDocument;
  pages: NotesDocument[];
  folders: Map<string, Folder>;
}

const emptyFolder = (): Folder => ({ pages: [], folders: new Map() });

/** Titles as a site sorts them: letters alike whatever their case and accents, numbers by value. */
let titles: Intl.Collator | undefined;
// one collator, made when first sorting: `localeCompare` with options makes one each call
const compareTitles = (a: string, b: string): number => (titles ??= new Intl.Collator('en', { sensitivity: 'base', numeric: true })).compare(a, b);

/** What siblings are sorted by: rank, then (in a posts folder) date, newest first, then title (a folder by its index
 * page, else its name). */
interface Sibling {
  rank: number;
  date: string;
  title: string;
  documents: () => NotesDocument[];
}

function flatten(folder: Folder, name = ''): NotesDocument[] {
  const posts = POSTS_FOLDER.test(name);
  const siblings: Sibling[] = [
    ...folder.pages.map((page) => ({ rank: rankOf(page), date: posts ? dateOf(page) : '', title: page.title, documents: () => [page] })),
    ...[...folder.folders].map(([subName, sub]) => ({
      rank: rankOf(sub.index),
      date: '',
      title: sub.index?.title ?? subName,
      documents: () => flatten(sub, subName),
    })),
  ];
  siblings.sort(
    (a, b) =>
      a.rank - b.rank ||
      (a.date === b.date ? 0 : a.date < b.date ? 1 : -1) ||
      compareTitles(a.title, b.title) ||
      (a.title < b.title ? -1 : a.title > b.title ? 1 : 0),
  );
  return [...(folder.index ? [folder.index] : []), ...siblings.flatMap((s) => s.documents())];
}

/** The documents of one folder read, in the order its site would show them (a stable sort: ties keep their order). */
export function siteOrder(documents: NotesDocument[]): NotesDocument[] {
  const root = emptyFolder();
  for (const document of documents) {
    const parts = document.file.split('/');
    const name = parts.pop()!;
    let folder = root;
    for (const part of parts) {
      let sub = folder.folders.get(part);
      if (!sub) folder.folders.set(part, (sub = emptyFolder()));
      folder = sub;
    }
    if (INDEX_STEM.test(name.replace(/\.[^.]+$/, '')) && !folder.index) folder.index = document;
    else folder.pages.push(document);
  }
  return flatten(root);
}
