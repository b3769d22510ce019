import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { lexMarkdown, parseDocument, sectionSlices } from '../src/core/markdown/parse.js';
import { bundledCollection, collectionOf, fixturePath } from './helpers/notes.js';

const parseFixture = (name: string) => parseDocument(readFileSync(fixturePath(name), 'utf8'), name);
const summary = (name: string) => parseFixture(name).sections.map((s) => [s.number, s.id, s.title, s.level, s.line]);

describe('headings', () => {
  test('marked decides: not in a code fence or indented code; setext headings count', () => {
    expect(summary('headings.md')).toEqual([
      ['1', 'doc', 'Doc', 1, 1],
      ['2', 'setext-one', 'Setext One', 1, 7],
      ['2.1', 'setext-two', 'Setext Two', 2, 10],
      ['2.2', 'demo', 'Demo', 2, 13],
      ['2.3', 'demo-1', 'Demo', 2, 15],
    ]);
  });

  test('a file with several level-1 headings has no title heading: it is named by its file; the shallowest level is numbered', () => {
    const document = parseFixture('headings.md');
    expect(document.title).toBe('headings');
    expect(document.sections.filter((s) => s.level === 1).map((s) => s.number)).toEqual(['1', '2']);
  });

  test('titles lose inline Markdown and raw HTML', () => {
    const document = parseDocument('## A `code` **bold** [link](#x) <b>tag</b> &amp; more\n', 'x.md');
    expect(document.sections[0].title).toBe('A code bold link tag & more');
    expect(document.sections[0].id).toBe('a-code-bold-link-tag--more');
  });
});

describe('outline', () => {
  const document = parseFixture('outline.md');
  const byId = (id: string) => document.sections.find((s) => s.id === id)!;

  test('a single opening level-1 heading is the title, not a section', () => {
    expect(document.title).toBe('Talks');
    expect(document.sections.map((s) => s.title)).not.toContain('Talks');
  });

  test('numbers, paths and levels in document order', () => {
    expect(document.sections.map((s) => [s.number, s.path.join(' / ')])).toEqual([
      [null, 'Contents'],
      ['1', 'Alpha talk'],
      ['1.1', 'Alpha talk / Part A'],
      ['1.1.1', 'Alpha talk / Part A / Deep'],
      ['1.2', 'Alpha talk / Part B'],
      ['2', 'Beta'],
      ['2.1', 'Beta / Beta part'],
      ['3', 'Links here'],
    ]);
  });

  test('a body of nothing but lists of #anchor links is a table of contents; links among prose are not', () => {
    expect(byId('contents').number).toBeNull();
    expect(byId('links-here').number).toBe('3');
  });

  test('meta: the leading **Key**: value items, keys lowercased, inline Markdown removed', () => {
    expect(byId('alpha-talk').meta).toEqual({ title: 'Alpha talk', presenters: 'Ann & Bob' });
    expect(byId('beta').meta).toEqual({ presenter: 'Cy' });
    expect(byId('part-a').meta).toEqual({});
  });

  test('markdown runs from the heading to the next heading of the same or a higher level', () => {
    expect(byId('part-a').markdown).toBe('### Part A\n\n#### Deep\n\n');
    expect(byId('alpha-talk').markdown).toMatch(/^## Alpha talk\n[\s\S]*### Part B\n\n$/);
  });

  test('the slices put together are the file', () => {
    expect(sectionSlices(document).join('')).toBe(document.text);
  });

  test('numbers can start after an earlier file', () => {
    const later = parseDocument(document.text, 'outline.md', { firstNumber: 9 });
    expect(later.sections.filter((s) => s.number).map((s) => s.number)).toEqual(['9', '9.1', '9.1.1', '9.2', '10', '10.1', '11']);
  });
});

describe('line endings', () => {
  const document = parseFixture('crlf.md');

  test('CRLF: titles without \\r, lines counted right, slices exact', () => {
    expect(document.sections.map((s) => [s.title, s.line])).toEqual([
      ['First', 1],
      ['Second', 4],
      ['Third', 6],
    ]);
    expect(sectionSlices(document).join('')).toBe(document.text);
    expect(document.sections[1].markdown).toBe('### Second\r\ntext\r\n');
  });

  test('lone CR line endings', () => {
    const text = '## A\rone\r\r## B\rtwo\r';
    const cr = parseDocument(text, 'cr.md');
    expect(cr.sections.map((s) => [s.title, s.line, s.markdown])).toEqual([
      ['A', 1, '## A\rone\r\r'],
      ['B', 4, '## B\rtwo\r'],
    ]);
  });
});

describe("notes in the bundled notes' shape (a title, Contents, talks with subsections)", () => {
  const talks = collectionOf(fixturePath('talks.md'));

  test('the Contents section is a table of contents; the title is the document title', () => {
    expect(talks.documents[0].title).toBe('Session Notes and Thoughts');
    expect(talks.sections[0]).toMatchObject({ id: 'contents', number: null, line: 3 });
  });

  test('lines and paths of a subsection', () => {
    const alert = talks.sections.find((s) => s.id === 'alert')!;
    expect(alert).toMatchObject({ number: '2.2', level: 3, line: 34, path: ['Prometheus - Intro, Deep Dive, And Open Q+A', 'Alert'] });
    expect(alert.markdown).toBe('### Alert\n\nConfigure alerts based on a matching time series\n\n');
  });
});

describe('the bundled notes', () => {
  const collection = bundledCollection();
  const talks = collection.sections.filter((s) => s.number && !s.number.includes('.'));

  test('eight talks numbered 1 to 8 in document order, each with presenters', () => {
    expect(talks.map((t) => t.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(talks.map((t) => t.title.split(' ').slice(0, 3).join(' '))).toEqual([
      'Extend Your Microservices',
      'From Security Testing',
      'How Intuit Manages',
      'How Salesforce Is',
      'How To Build',
      'Learn About Helm',
      'Prometheus - Intro,',
      'Understanding the Feature',
    ]);
    expect(talks.every((t) => (t.meta.presenters ?? t.meta.presenter)?.length)).toBe(true);
    expect(talks[3].meta.presenter).toBe('Mayank Kumar & Andy Chen, Salesforce');
  });

  test('ids are GitHub anchors, repeated headings numbered', () => {
    const ids = collection.sections.map((s) => s.id);
    expect(ids).toContain('prometheus---intro-deep-dive-and-open-qa');
    expect(ids.filter((id) => /^demo(-\d)?$/.test(id))).toEqual(['demo', 'demo-1', 'demo-2', 'demo-3']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('the repaired talk title in meta', () => {
    expect(talks[7].meta.title).toBe(
      '“Why Can’t Kubernetes Devs Just Add This New Feature? Seems So Easy!” - Understanding the Feature Lifecycle In Kubernetes',
    );
  });
});

describe('what marked itself trips on', () => {
  test('a quote in a list item that a lazy line continues is read, not thrown on (marked reads a list that is not there)', () => {
    const text = `# T\n\n## S\n\n- **Presenters**: \n  > -\n  ${'word '.repeat(400)}\n\n## After\n`;
    const document = parseDocument(text, 'quote.md');
    expect(document.sections.map((s) => s.title)).toEqual(['S', 'After']);
    expect(lexMarkdown(text).map((t) => t.type)).toEqual(['heading', 'space', 'heading', 'space', 'list', 'space', 'heading']);
  });
});
