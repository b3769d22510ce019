// The browser's choice list without a terminal: which sections a query keeps and in what order, each choice's line,
// and cutting to the width.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { filterSections, outlineSections, resolveQuery } from '../src/core/resolve.js';
import { searchIndex } from '../src/core/search.js';
import { hitChoices, hitLabel, numberWidthOf, sectionChoices, sectionLabel } from '../src/render/choices.js';
import { cutToWidth } from '../src/render/fit.js';
import { keysHelpLine } from '../src/render/picker-theme.js';
import { createStyle } from '../src/render/style.js';
import { widthOf } from '../src/render/wrap.js';
import { ESCAPE } from './helpers/render.js';
import { bundledCollection, collectionOf, fixturePath } from './helpers/notes.js';

const notes = bundledCollection();
const plain = createStyle(0);
const numberWidth = numberWidthOf(outlineSections(notes));
const section = (number: string) => notes.sections.find((s) => s.number === number)!;
const label = (number: string, width: number) => sectionLabel(section(number), numberWidth, { width, style: plain });

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

describe('section choices', () => {
  test('a talk: its number, its title and its presenters, cut at the width', () => {
    expect(label('6', 77)).toBe('6      Learn About Helm and its Ecosystem  Andrew Block & Karena Angell, Red…');
  });

  test('a subsection: its number and its path; the parents are cut before the section’s own title', () => {
    expect(label('6.5', 77)).toBe('6.5    Learn About Helm and its Ecosystem › Chart Storage');
    expect(label('1.2.3', 77)).toBe('1.2.3  Extend Your Microservices With Plug… › Adding components in Kubernetes');
    expect(label('6.5', 40)).toBe('6.5    Learn About Helm… › Chart Storage');
    expect(label('6.1', 40)).toBe('6.1    Learn About… › Helm: Package man…');
  });

  test('presenters go when there is no room for them, the title stays', () => {
    expect(label('6', 50)).toBe('6      Learn About Helm and its Ecosystem');
    expect(label('6', 30)).toBe('6      Learn About Helm and i…');
  });

  test('no line is wider than asked, at any width', () => {
    const sections = outlineSections(notes);
    fc.assert(
      fc.property(fc.integer({ min: numberWidth + 4, max: 160 }), (width) => {
        for (const choice of sectionChoices(sections, numberWidth, { width, style: createStyle(1) })) expect(widthOf(choice.name)).toBeLessThanOrEqual(width);
      }),
    );
  });

  test("the notes' escape sequences never reach a line; colour is kubenotes's own", () => {
    const hostile = collectionOf(fixturePath('hostile-escapes.md'));
    const sections = outlineSections(hostile);
    for (const choice of sectionChoices(sections, numberWidthOf(sections), { width: 77, style: plain })) expect(choice.name).not.toMatch(ESCAPE);
    expect(sectionChoices(sections, 3, { width: 77, style: plain }).map((c) => c.name)).toContain('1    Red title here  Mallory hidden, Eve');
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
  const index = searchIndex(notes);
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
        for (const choice of hitChoices(hits, { width, style: createStyle(1) })) expect(widthOf(choice.name)).toBeLessThanOrEqual(width);
      }),
    );
  });
});

describe('the help line', () => {
  const keys: Array<[string, string]> = [['↑↓', 'navigate'], ['⏎', 'select'], ['tab', 'search the text'], ['esc', 'quit']];

  test("inquirer's keys and the browser's, cut to the width", () => {
    expect(keysHelpLine(keys, 80, plain)).toBe('↑↓ navigate • ⏎ select • tab search the text • esc quit');
    expect(keysHelpLine(keys, 40, plain)).toBe('↑↓ navigate • ⏎ select • tab search the…');
  });
});
