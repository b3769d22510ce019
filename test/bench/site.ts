// A generated notes folder in the shape of a real docs site, for the folder benchmark: nested sections with an
// `_index.md` each, pages with front matter (title, weight), an intro, headings, lists, code, links between pages,
// many small pages and a few long ones. Deterministic, so every run measures the same folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WORDS = (
  'cluster node pod service ingress gateway policy secret volume claim operator controller reconcile webhook ' +
  'admission scheduler kubelet runtime container image registry chart release rollout canary traffic mesh proxy ' +
  'sidecar certificate rotation identity token audit metric alert dashboard trace span log pipeline build deploy ' +
  'cache index query shard replica backup restore snapshot storage network latency throughput budget quota'
).split(' ');

/** A small deterministic generator (mulberry32), so the folder is the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedSite {
  root: string;
  files: number;
  bytes: number;
  /** The title of a page in the middle of the site, for `show <page title>`. */
  pageTitle: string;
  /** A path below the root of one page, to touch for the "after one change" rows. */
  pagePath: string;
}

/** Writes a site of `files` pages (about `kilobytesPerPage` each, a few ten times longer) under `root`. */
export function writeSite(root: string, files: number, kilobytesPerPage: number): GeneratedSite {
  const next = random(files);
  const pick = (): string => WORDS[Math.floor(next() * WORDS.length)];
  const sentence = (): string => {
    const words = Array.from({ length: 8 + Math.floor(next() * 12) }, pick);
    return `${words[0][0].toUpperCase()}${words.join(' ').slice(1)}.`;
  };
  const title = (): string =>
    Array.from({ length: 2 + Math.floor(next() * 3) }, pick)
      .map((w) => w[0].toUpperCase() + w.slice(1))
      .join(' ');
  const perFolder = 25;
  let bytes = 0;
  let pageTitle = '';
  let pagePath = '';
  const pages: string[] = [];
  for (let index = 0; index < files; index++) {
    const folder = `content/docs/area-${Math.floor(index / (perFolder * 10))}/topic-${Math.floor(index / perFolder) % 10}`;
    const isIndex = index % perFolder === 0;
    const path = `${folder}/${isIndex ? '_index' : `page-${index}`}.md`;
    const pageName = `${title()} ${index}`;
    const long = index % 97 === 0;
    const target = kilobytesPerPage * 1024 * (long ? 30 : 1);
    const lines = ['---', `title: "${pageName}"`, `weight: ${(index * 7) % 50}`, '---', '', sentence() + ' ' + sentence(), ''];
    // a word few pages hold, for the rare-word search
    if (index % 211 === 5) lines.push(`The quasar ${pick()} is rare.`, '');
    let size = 0;
    let heading = 0;
    while (size < target) {
      heading++;
      const block = [`## ${title()}`, '', sentence() + ' ' + sentence() + ' ' + sentence(), '', `- ${sentence()}`, `- ${sentence()}`, ''];
      if (heading % 3 === 0)
        block.push('```yaml', `${pick()}: ${pick()}`, `${pick()}:`, `  ${pick()}: ${Math.floor(next() * 100)}`, '```', '');
      if (heading % 4 === 0 && pages.length > 0)
        block.push(`See [${pick()}](/${pages[Math.floor(next() * pages.length)].replace(/\.md$/, '')}/).`, '');
      if (heading % 5 === 0) block.push(`### ${title()}`, '', sentence(), '');
      const text = block.join('\n');
      size += Buffer.byteLength(text) + 1;
      lines.push(text);
    }
    const text = lines.join('\n');
    mkdirSync(join(root, folder), { recursive: true });
    writeFileSync(join(root, path), text);
    bytes += Buffer.byteLength(text);
    pages.push(path.replace(/^content\//, ''));
    if (index === Math.floor(files / 2) + 1) {
      pageTitle = pageName;
      pagePath = path;
    }
  }
  writeFileSync(join(root, 'hugo.toml'), 'title = "Generated docs"\n');
  return { root, files, bytes, pageTitle, pagePath };
}
