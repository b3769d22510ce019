// The browser's choice list without a terminal: which sections a query keeps and in what order, each choice's line,
// and cutting to the width.
import { describe, expect, jest, test } from '@jest/globals';
import fc from 'fast-check';
import fuzzysort from 'fuzzysort';
import { buildCollection } from '../src/core/notes/collection.js';
import { filterSections, outlineSections, resolveQuery } from '../src/core/query/resolve.js';
import { searchIndex } from '../src/core/query/search.js';
import * as blockCutter from '../src/core/markdown/blocks.js';
import { createTitleFilter, placeText, PREPARE_SLICE } from '../src/core/query/title-filter.js';
import { hitLabel, numberWidthOf, sectionRow } from '../src/render/browse/choices.js';
import { cutStartToWidth, cutToWidth } from '../src/render/fit.js';
import { keysHelpLine } from '../src/render/browse/help-line.js';
import { createStyle } from '../src/render/style.js';
import { widthOf } from '../src/render/wrap.js';
import type { Section } from '../src/core/types.js';
import { ESCAPE } from './helpers/render.js';
import { bundledCollection, collectionOf, fixturePath } from './helpers/notes.js';

const notes = bundledCollection();
const plain = createStyle(0);
const numberWidth = numberWidthOf(outlineSections(notes));
const section = (number: string) => notes.sections.find((s) => s.number === number)!;
const PLACE = placeText('KubeCon + CloudNativeCon North America 2022', 'kubecon-na-2022.md');
const row = (number: string, width: number, marks: number[] = []) =>
  sectionRow({ section: section(number), marks }, PLACE, numberWidth, { width, style: plain });
const rowsOf = (sections: Section[], width: number, style = plain) =>
  sections.map((s) => sectionRow({ section: s, marks: [] }, placeText('', s.file), numberWidthOf(sections), { width, style }));

describe('cutToWidth', () => {
  test('leaves text that fits; cuts what does not with an ellipsis, in columns', () => {
    expect(cutToWidth('Chart Storage', 13)).toBe('Chart Storage');
    expect(cutToWidth('Chart Storage', 12)).toBe('Chart Stora…');
    expect(cutToWidth('Chart Storage', 7)).toBe('Chart…'); // no space left before the ellipsis
    expect(cutToWidth('Chart', 1)).toBe('…');
    expect(cutToWidth('Chart', 0)).toBe('');
  });

  test('wide characters count two columns and are never split; an emoji stays whole', () => {
    expect(cutToWidth('日本語のノート', 6)).toBe('日本…');
    expect(widthOf(cutToWidth('日本語のノート', 6))).toBe(5);
    expect(cutToWidth('👩‍👩‍👧 family notes', 4)).toBe('👩‍👩‍👧…');
  });

  test('is never wider than asked, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.integer({ min: 0, max: 40 }), (text, width) => {
        expect(widthOf(cutToWidth(text, width))).toBeLessThanOrEqual(width);
      }),
    );
  });
});

describe('title rows', () => {
  test('a talk: its number, its title, and — cut from the left — its page and file', () => {
    expect(row('6', 100)).toBe('6      Learn About Helm and its Ecosystem  …+ CloudNativeCon North America 2022 · kubecon-na-2022.md');
  });

  test('a subsection: its path; the page and file keep at most a share of the row, cut from the left', () => {
    expect(row('6.5', 80)).toBe('6.5    Learn About Helm and its Ecosystem › Chart Storage  …· kubecon-na-2022.md');
    expect(row('6.5', 40)).toBe('6.5    Learn About… › Chart…   …-2022.md');
  });

  test('rows of the same title in different files read apart by their file, cut from the left', () => {
    const rowIn = (file: string) =>
      sectionRow({ section: { ...section('6.5'), file }, marks: [] }, placeText('Redis', file), numberWidth, { width: 60, style: plain });
    expect(rowIn('state/redis/component-3.md')).toMatch(/ › Chart Storage  …component-3\.md$/);
    expect(rowIn('state/redis/component-3.md')).not.toBe(rowIn('pubsub/redis/component-4.md'));
    expect(cutStartToWidth('state/redis/component-3.md', 15)).toBe('…component-3.md');
  });

  test('matched characters are marked in the match style; parents are dim', () => {
    const colour = createStyle(1);
    const marked = sectionRow({ section: section('6.5'), marks: [37, 38] }, PLACE, numberWidth, { width: 100, style: colour });
    expect(marked).toContain(colour.match('C') + colour.match('h'));
    expect(marked).toContain(colour.dim('L'));
  });

  test('no row is wider than asked, at any width', () => {
    const sections = outlineSections(notes);
    fc.assert(
      fc.property(fc.integer({ min: numberWidth + 4, max: 160 }), (width) => {
        for (const line of rowsOf(sections, width, createStyle(1))) expect(widthOf(line)).toBeLessThanOrEqual(width);
      }),
    );
  });

  test("the notes' escape sequences never reach a row; colour is kubenotes's own", () => {
    const hostile = collectionOf(fixturePath('hostile-escapes.md'));
    const lines = rowsOf(outlineSections(hostile), 77);
    for (const line of lines) expect(line).not.toMatch(ESCAPE);
    expect(lines[0]).toMatch(/^1    Red title here +hostile-escapes\.md$/);
  });
});

describe('the title filter', () => {
  const filter = createTitleFilter(notes);
  test('every word typed must match the path or the place; the best first, marks in the path', () => {
    const [best] = filter('helm chart');
    expect(best.section.number).toBe('6.5');
    const path = best.section.path.join(' › ');
    expect(best.marks.map((index) => path[index]).join('')).toMatch(/^Helm.*Chart/i);
  });

  test('no query: the whole outline, in order; an outline number: that section and those under it', () => {
    expect(filter('').map((match) => match.section)).toEqual(outlineSections(notes));
    expect(filter('6.5').map((match) => match.section.number)).toEqual(['6.5']);
  });

  test('its targets are prepared when something is first typed, once: the unfiltered list and a number need none', () => {
    const prepare = jest.spyOn(fuzzysort, 'prepare');
    try {
      const fresh = createTitleFilter(notes);
      fresh('');
      fresh('6.5');
      expect(prepare).not.toHaveBeenCalled();
      fresh('helm');
      fresh('prom');
      expect(prepare).toHaveBeenCalledTimes(outlineSections(notes).length);
    } finally {
      prepare.mockRestore();
    }
  });

  test('its warm-up prepares and first searches a slice of the targets a call: none left, none done', () => {
    // a folder of more sections than two slices, in memory
    const page = (p: number) =>
      [`# Page ${p}`, ...Array.from({ length: 60 }, (_, s) => `## ${['Setup', 'Usage', 'Alerts'][s % 3]} ${p}.${s}\n\ntext`)].join('\n\n');
    const folder = buildCollection(
      Array.from({ length: 180 }, (_, p) => ({ file: `docs/page-${p}.md`, bytes: new TextEncoder().encode(page(p)) })),
    );
    const rows = filterSections(folder, '').length;
    expect(rows).toBeGreaterThan(2 * PREPARE_SLICE);
    const prepare = jest.spyOn(fuzzysort, 'prepare');
    // how many targets each search went through, as it was called (the filter's own array grows after)
    const searched: number[] = [];
    const search = fuzzysort.go.bind(fuzzysort);
    const go = jest.spyOn(fuzzysort, 'go').mockImplementation((query, targets, options) => {
      searched.push(targets.length);
      return search(query, targets, options);
    });
    try {
      const warming = createTitleFilter(folder);
      const perCall: number[] = [];
      let left = true;
      while (left) {
        const before = prepare.mock.calls.length;
        left = warming.warmUp();
        perCall.push(prepare.mock.calls.length - before);
      }
      expect(perCall).toHaveLength(Math.ceil(rows / PREPARE_SLICE));
      expect(Math.max(...perCall)).toBe(PREPARE_SLICE);
      expect(prepare).toHaveBeenCalledTimes(rows);
      // each slice searched on its own
      expect(searched.length).toBeGreaterThanOrEqual(perCall.length);
      expect(Math.max(...searched)).toBeLessThanOrEqual(PREPARE_SLICE);
      const searches = go.mock.calls.length;
      // the picker opened again (after a section was read, or the terminal resized): nothing left to do
      expect(warming.warmUp()).toBe(false);
      expect(go).toHaveBeenCalledTimes(searches);
      expect(prepare).toHaveBeenCalledTimes(rows);
      // what it filters is what a filter never warmed filters, and one a query reached halfway through its warm-up
      const halfway = createTitleFilter(folder);
      halfway.warmUp();
      const fresh = createTitleFilter(folder);
      for (const query of ['usage 7', 'alerts 179.5', 'page 3 setup']) {
        const ids = (filter: typeof fresh) => filter(query).map((match) => `${match.section.file}#${match.section.id}`);
        const expected = ids(fresh);
        expect(ids(warming)).toEqual(expected);
        expect(ids(halfway)).toEqual(expected);
        // typed again (the last query's matches searched again): the same rows, ties in the same order
        expect(ids(fresh)).toEqual(expected);
      }
    } finally {
      prepare.mockRestore();
      go.mockRestore();
    }
  });

  test('a query that extends the last one gives what a fresh filter gives', () => {
    const fresh = createTitleFilter(notes);
    for (const query of ['p', 'pr', 'pro', 'prom a']) filter(query);
    expect(filter('prom al').map((m) => m.section.id)).toEqual(fresh('prom al').map((m) => m.section.id));
  });
});

describe('filtering as the reader types', () => {
  const numbers = (query: string) => filterSections(notes, query).map((s) => s.number);

  test('no query: every section of the outline, in order, without the table of contents', () => {
    expect(numbers('')).toEqual(outlineSections(notes).map((s) => s.number));
    expect(numbers('').length).toBe(notes.sections.length - 1);
  });

  test("words: show's fuzzy matcher, best first, typos forgiven", () => {
    expect(numbers('helm chart')).toEqual(['6.5']);
    expect(numbers('prometheus')[0]).toBe('7'); // the talk over its subsection 'Not Everything "Speaks" Prometheus'
    expect(numbers('securty')[0]).toBe('2');
    expect(numbers('sharding etcd')).toEqual([]);
  });

  test('the first choice is what show picks for the same words', () => {
    for (const query of ['argoproj demo', 'helm getting involved', 'prometheus agent', 'kubernets enhancment', 'agenda']) {
      expect(filterSections(notes, query)[0]).toBe(resolveQuery(notes, query, { first: true })[0]);
    }
  });

  test('an outline number: that section and the ones below it', () => {
    expect(numbers('6.4')).toEqual(['6.4', '6.4.1']);
    expect(numbers('7.1')).toEqual(['7.1']);
  });
});

describe('search hit choices', () => {
  const index = searchIndex(notes, blockCutter);
  const hit = (query: string) => index.search(query, { limit: 1 })[0];

  test('the hit text, then talk › label', () => {
    expect(hitLabel(hit('memoisation'), { width: 100, style: plain })).toBe(
      'Memoization and caching support  How Salesforce Is Moving From Spinnaker To A… › Why Argo workflows?',
    );
  });

  test('a long text keeps most of the line; the talk is cut before the label', () => {
    const line = hitLabel(hit('helm plugin system'), { width: 77, style: plain });
    expect(line).toBe('Helm has a plugin system so you can store ch…  Learn About H… › Chart Storage');
    expect(widthOf(line)).toBeLessThanOrEqual(77);
  });

  test('no line is wider than asked, at any width', () => {
    const hits = index.search('helm', { limit: 30 });
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 160 }), (width) => {
        for (const found of hits) expect(widthOf(hitLabel(found, { width, style: createStyle(1) }))).toBeLessThanOrEqual(width);
      }),
    );
  });
});

describe('the help line', () => {
  const keys: Array<[string, string]> = [
    ['↑↓', 'navigate'],
    ['⏎', 'select'],
    ['tab', 'search the text'],
    ['esc', 'quit'],
  ];

  test("inquirer's keys and the browser's, cut to the width", () => {
    expect(keysHelpLine(keys, 80, plain)).toBe('↑↓ navigate • ⏎ select • tab search the text • esc quit');
    expect(keysHelpLine(keys, 40, plain)).toBe('↑↓ navigate • ⏎ select • tab search the…');
  });
});
