import { describe, expect, test } from '@jest/globals';
import { buildCollection } from '../src/core/collection.js';
import { searchIndex, type Hit } from '../src/core/search.js';
import { bundledCollection } from './helpers/notes.js';

const notes = bundledCollection();
const search = (query: string, within?: string, limit = 10): Hit[] => searchIndex(notes).search(query, { within, limit });
const where = (hit: Hit) => `${hit.document.section.number} ${hit.document.label}`;

describe('scope: --in', () => {
  test('takeaways: both Takeaways sections and the Salesforce talk\'s Takeaways list', () => {
    const hits = search('e', 'takeaways', 100);
    expect(new Set(hits.map(where))).toEqual(new Set(['2.5 Takeaways', '4 Takeaways', '8.6 Takeaways']));
  });

  test('a talk\'s title covers the whole talk', () => {
    const hits = search('storage', 'prometheus', 100);
    expect(hits.length).toBeGreaterThan(3);
    expect(hits.every((hit) => hit.document.section.path[0].startsWith('Prometheus'))).toBe(true);
    expect(search('storage', undefined, 100).some((hit) => hit.document.section.title === 'Chart Storage')).toBe(true);
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

  test('equal hits come in document order', () => {
    const text = '## A\n\n- same line\n\n## B\n\n- same line\n- same line\n';
    const collection = buildCollection([{ file: 'a.md', bytes: new TextEncoder().encode(text) }, { file: 'b.md', bytes: new TextEncoder().encode(text) }]);
    const hits = searchIndex(collection).search('same line', { limit: 10 });
    expect(hits.map((hit) => `${hit.document.section.file}:${hit.document.line}`)).toEqual(['a.md:3', 'a.md:7', 'a.md:8', 'b.md:3', 'b.md:7', 'b.md:8']);
  });

  test('a limit only cuts the full ranking (typos are skipped only when literal hits fill it)', () => {
    for (const query of ['helm', 'kubernetes enhancment', 'memoisation', 'sum by(path)', 'dapr secrets', 'the']) {
      expect(search(query, undefined, 3)).toEqual(search(query, undefined, 1000).slice(0, 3));
    }
  });

  test('the table of contents is not searched', () => {
    expect(search('extend your microservices', undefined, 50).map((hit) => hit.document.line)).not.toContain(5);
  });

  test('nothing found: no hits', () => {
    expect(search('qwertyuiop')).toEqual([]);
  });
});

describe('highlight ranges', () => {
  test('on the text as given, typos included', () => {
    const { ranges } = searchIndex(notes);
    const text = 'Memoization and caching support';
    expect(ranges('memoisation support', text).map(([start, end]) => text.slice(start, end))).toEqual(['Memoization', 'support']);
  });
});
