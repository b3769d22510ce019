import { describe, expect, test } from '@jest/globals';
import { buildCollection } from '../src/core/notes/collection.js';
import { frontMatterParsers } from '../src/core/markdown/frontmatter-parsers.js';
import { placeOf, type Hit } from '../src/core/query/hit.js';
import { searchIndex, type BlockOwner } from '../src/core/query/search.js';
import * as blockCutter from '../src/core/markdown/blocks.js';
import { bundledCollection } from './helpers/notes.js';
import { sharedLazily } from '../src/core/notes/lazy.js';
import type { NotesDocument } from '../src/core/types.js';
import { recordingSink } from './helpers/sinks.js';
import { termIndexOf } from './helpers/terms.js';

const notes = bundledCollection();
const search = (query: string, within?: string, limit = 10): Hit[] => searchIndex(notes, blockCutter).search(query, { within, limit });
const where = (hit: Hit) => `${placeOf(hit.block).number} ${hit.block.label}`;

describe('scope: --in', () => {
  test("takeaways: both Takeaways sections and the Salesforce talk's Takeaways list", () => {
    const hits = search('e', 'takeaways', 100);
    expect(new Set(hits.map(where))).toEqual(new Set(['2.5 Takeaways', '4 Takeaways', '8.6 Takeaways']));
  });

  test("a talk's title covers the whole talk", () => {
    const hits = search('storage', 'prometheus', 100);
    expect(hits.length).toBeGreaterThan(3);
    expect(hits.every((hit) => placeOf(hit.block).path[0].startsWith('Prometheus'))).toBe(true);
    expect(search('storage', undefined, 100).some((hit) => placeOf(hit.block).title === 'Chart Storage')).toBe(true);
  });

  test('a scope that matches nothing finds nothing', () => {
    expect(search('storage', 'zzzz')).toEqual([]);
  });
});

describe('ranking', () => {
  test('scores are 0–1 and never rise down the list', () => {
    const scores = search('helm', undefined, 50).map((hit) => hit.score);
    expect(scores.length).toBe(50);
    expect(scores.every((score, i) => score >= 0 && score <= 1 && (i === 0 || score <= scores[i - 1]))).toBe(true);
  });

  test('equal hits come in document order; copies of a hit in one section are one hit, counted', () => {
    const text = '## A\n\n- same line\n\n## B\n\n- same line\n- same line\n';
    const collection = buildCollection([
      { file: 'a.md', bytes: new TextEncoder().encode(text) },
      { file: 'b.md', bytes: new TextEncoder().encode(text) },
    ]);
    const hits = searchIndex(collection, blockCutter).search('same line', { limit: 10 });
    expect(hits.map((hit) => `${placeOf(hit.block).file}:${hit.block.line}`)).toEqual(['a.md:3', 'a.md:7', 'b.md:3', 'b.md:7']);
    expect(hits.map((hit) => hit.copies)).toEqual([undefined, 2, undefined, 2]);
  });

  test('a limit only cuts the full ranking (typos are skipped only when literal hits fill it)', () => {
    for (const query of ['helm', 'kubernetes enhancment', 'memoisation', 'sum by(path)', 'dapr secrets', 'the']) {
      expect(search(query, undefined, 3)).toEqual(search(query, undefined, 1000).slice(0, 3));
    }
  });

  test('the table of contents is not searched', () => {
    expect(search('extend your microservices', undefined, 50).map((hit) => hit.block.line)).not.toContain(5);
  });

  test('a query in double quotes is the phrase in them: ranked as without the quotes, typos not needed', () => {
    for (const query of ['argo workflows', 'chart storage', 'memoization and caching']) {
      const plain = search(query);
      expect(plain.length).toBeGreaterThan(0);
      for (const quoted of [`"${query}"`, ` “${query}” `]) expect([quoted, search(quoted)]).toEqual([quoted, plain]);
    }
    // the highlight is the words', as without the quotes
    const index = searchIndex(notes, blockCutter);
    const text = 'Memoization and caching support';
    expect(index.ranges('"memoization and caching"', text)).toEqual(index.ranges('memoization and caching', text));
    expect(index.ranges('"memoization and caching"', text).length).toBe(3);
  });

  test('nothing found: no hits', () => {
    expect(search('qwertyuiop')).toEqual([]);
  });
});

describe('highlight ranges', () => {
  test('on the text as given, typos included', () => {
    const index = searchIndex(notes, blockCutter);
    const text = 'Memoization and caching support';
    expect(index.ranges('memoisation support', text).map(([start, end]) => text.slice(start, end))).toEqual(['Memoization', 'support']);
  });
});

describe('files: front matter and the text before the first heading', () => {
  const text =
    '---\ntitle: Widget guide\nlinkTitle: Widgets\ntags: [kubectl, helm]\ndescription: Run widgets anywhere\n---\nIntro about sprockets.\n\n## Install\n\nUse {{< figure src="x.png" >}} and {% include banner.html %} here.\n';
  const collection = buildCollection([{ file: 'guide.md', bytes: new TextEncoder().encode(text) }], frontMatterParsers);
  const find = (query: string) => searchIndex(collection, blockCutter).search(query, { limit: 10 });

  test('tags and description are found as metadata, at their line, under the file', () => {
    const [tags] = find('kubectl');
    expect(tags.block).toMatchObject({ kind: 'meta', label: 'tags', text: 'kubectl, helm', line: 4, section: null });
    expect(placeOf(tags.block)).toEqual({ id: null, number: null, title: 'Widget guide', path: ['Widget guide'], file: 'guide.md' });
    expect(find('widgets anywhere')[0].block).toMatchObject({ kind: 'meta', label: 'description', line: 5 });
  });

  test('the title and other keys are not prose', () => {
    expect(find('linkTitle')).toEqual([]);
    expect(find('title').map((hit) => hit.block.text)).toEqual([]);
  });

  test('the text before the first heading is searchable', () => {
    expect(find('sprockets').map((hit) => [hit.block.line, hit.block.section])).toEqual([[7, null]]);
  });

  test('site template syntax is not matched as words', () => {
    expect(find('figure')).toEqual([]);
    expect(find('banner')).toEqual([]);
    expect(find('use here').map((hit) => hit.block.text)).toEqual(['Use and here.']);
  });
});

describe('blocks known from an earlier search', () => {
  test('are used instead of cutting the section again: only the sections not known are cut', () => {
    const collection = bundledCollection();
    const section = collection.sections.find((s) => s.number === '6.5')!;
    const known = new Map([
      [
        section,
        [{ kind: 'item' as const, line: section.line + 1, text: 'storage, as the store kept it', label: 'Chart Storage', parents: [] }],
      ],
    ]);
    const sink = recordingSink();
    const index = searchIndex(collection, blockCutter, known, undefined, sink);
    const hits = index.search('storage', { limit: 100 }).filter((hit) => placeOf(hit.block).number === '6.5');
    expect(hits.map((hit) => hit.block.text)).toEqual(['storage, as the store kept it']);
    index.search('helm', { limit: 10 });
    expect(sink.given.has(section)).toBe(false);
    expect(sink.given.size).toBeGreaterThan(5);
  });
});

describe('a search with a sink', () => {
  // more owners than a group of candidates: the search goes through them a group at a time
  const pages = Array.from({ length: 30 }, (_, p) => {
    const parts = Array.from({ length: 50 }, (_, n) => `## Part ${n}\n\ncommon word w${p}x${n}${n % 9 === 0 ? '' : ' and more words'}\n`);
    return { file: `page-${p}.md`, bytes: new TextEncoder().encode(`# Page ${p}\n\n${parts.join('\n')}`) };
  });
  const shown = (hits: Hit[]) => hits.map((hit) => `${hit.block.document.file}:${hit.block.line} ${hit.block.text} ${hit.score}`);

  test("hands it each owner's blocks it cut, once, and finds what a search without one finds", () => {
    const kept = buildCollection(pages);
    const expected = shown(searchIndex(kept, blockCutter, undefined, termIndexOf(kept)).search('common', { limit: 5 }));
    const collection = buildCollection(pages);
    const given = new Map<BlockOwner, number>();
    const sink = { add: (owner: BlockOwner) => void given.set(owner, (given.get(owner) ?? 0) + 1) };
    const index = searchIndex(collection, blockCutter, undefined, termIndexOf(collection), sink);
    expect(shown(index.search('common', { limit: 5 }))).toEqual(expected);
    expect(given.size).toBe(30 * 50);
    expect([...given.values()].every((count) => count === 1)).toBe(true);
  });

  test('reads the text of a file of more sections than a group once, not once a group', () => {
    const parts = Array.from({ length: 3000 }, (_, n) => `## Part ${n}\n\ncommon word ${n}\n`);
    const collection = buildCollection([{ file: 'long.md', bytes: new TextEncoder().encode(`# Long\n\n${parts.join('\n')}`) }]);
    const terms = termIndexOf(collection);
    const [document] = collection.documents;
    const { text } = document;
    let reads = 0;
    Object.defineProperty(
      document,
      'text',
      sharedLazily<NotesDocument>('text', () => (reads++, text)),
    );
    const index = searchIndex(collection, blockCutter, undefined, terms, { add: () => {} });
    expect(index.search('common', { limit: 3 }).map((hit) => hit.block.text)).toEqual(['common word 0', 'common word 1', 'common word 2']);
    expect(reads).toBe(1);
  });
});
