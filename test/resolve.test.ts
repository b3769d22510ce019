import { describe, expect, test } from '@jest/globals';
import { NoMatch } from '../src/core/errors.js';
import fc from 'fast-check';
import { createMatcher, queryWords } from '../src/core/query/match.js';
import { mayMatchLiterally, resolveQuery, titleItems } from '../src/core/query/resolve.js';
import { buildCollection } from '../src/core/notes/collection.js';
import { bundledCollection } from './helpers/notes.js';

const notes = bundledCollection();
const picks = (query: string, options = {}) => resolveQuery(notes, query, options).map((s) => `${s.number} ${s.title}`);

describe('show resolution on the bundled notes', () => {
  test('an exact id first', () => {
    expect(picks('prometheus---intro-deep-dive-and-open-qa')).toEqual(['7 Prometheus - Intro, Deep Dive, And Open Q+A']);
    expect(picks('demo-2')).toEqual(['3.7 Demo']);
  });

  test('an id may be written as an anchor, #alert', () => {
    expect(picks('#alert')).toEqual(['7.6 Alert']);
  });

  test('one file: its title is no context for fuzzy words (every section shares it)', () => {
    expect(() => picks('session thoughts')).toThrow(NoMatch);
  });

  test('an outline number', () => {
    expect(picks('6')).toEqual(['6 Learn About Helm and its Ecosystem']);
    expect(picks('6.5')).toEqual(['6.5 Chart Storage']);
    expect(picks('7.10')).toEqual(['7.10 Agent Mode']);
  });

  test('a path with /', () => {
    expect(picks('prometheus/alert')).toEqual(['7.6 Alert']);
    expect(picks('helm/getting involved')).toEqual(['6.8 Getting Involved']);
    expect(picks('intuit/demo')).toEqual(['3.7 Demo']);
  });

  test('words may match the section title and its ancestors', () => {
    expect(picks('argoproj demo')).toEqual(['5.4 Demo']);
    expect(picks('helm getting involved')).toEqual(['6.8 Getting Involved']);
    expect(picks('prometheus agent')).toEqual(['7.10 Agent Mode']);
  });

  test('a typo or two is forgiven', () => {
    expect(picks('securty')).toEqual(['2 From Security Testing To Deployment In a Single PR']);
    expect(picks('security scaning')).toEqual(['2.2 Security Scanning']);
    expect(picks('kubernets enhancment')).toEqual(['8.1 KEP (Kubernetes Enhancement Proposal)']);
  });

  test('case does not matter', () => {
    expect(picks('CHART STORAGE')).toEqual(['6.5 Chart Storage']);
  });

  test('a whole talk wins over a subsection that matches no better', () => {
    expect(picks('prometheus')).toEqual(['7 Prometheus - Intro, Deep Dive, And Open Q+A']);
    expect(picks('helm')).toEqual(['6 Learn About Helm and its Ecosystem']);
  });

  test('an exact title wins over everything fuzzy', () => {
    expect(picks('not everything speaks prometheus')).toEqual(['7.8 Not Everything "Speaks" Prometheus']);
    expect(picks('history')).toEqual(['7.1 History']);
  });

  test('sections that share a title and match equally are all shown; --first keeps the best', () => {
    expect(picks('agenda')).toEqual(['3.1 Agenda', '5.1 Agenda']);
    expect(picks('demo')).toEqual(['1.3 Demo', '2.4 Demo', '3.7 Demo', '5.4 Demo']);
    expect(picks('takeaways')).toEqual(['2.5 Takeaways', '8.6 Takeaways']);
    expect(picks('agenda', { first: true })).toEqual(['3.1 Agenda']);
  });

  test('the table of contents is not matched by words', () => {
    expect(() => picks('session contents list')).toThrow(NoMatch);
  });

  test('no match: NoMatch with the closest titles', () => {
    expect.assertions(3);
    try {
      resolveQuery(notes, 'prometheus alrting rules');
    } catch (error) {
      expect(error).toBeInstanceOf(NoMatch);
      expect((error as NoMatch).exitCode).toBe(1);
      expect((error as NoMatch).suggestions.length).toBeGreaterThan(0);
    }
  });
});

test('an id repeated across files picks the section in each file', () => {
  const bytes = new TextEncoder().encode('## Intro\n\ntext\n');
  const collection = buildCollection([
    { file: 'a.md', bytes },
    { file: 'b.md', bytes },
  ]);
  expect(resolveQuery(collection, 'intro').map((s) => `${s.file} ${s.number}`)).toEqual(['a.md 1', 'b.md 2']);
});

test('several files: a file title is a path step and fuzzy context; file#anchor picks in that file', () => {
  const encode = (text: string) => new TextEncoder().encode(text);
  const collection = buildCollection([
    { file: 'docs/install.md', bytes: encode('# Installation\n\n## Usage\n') },
    { file: 'docs/webpack.md', bytes: encode('# Webpack\n\n## Usage\n') },
  ]);
  const pick = (query: string) => resolveQuery(collection, query).map((s) => `${s.file}#${s.id}`);
  expect(pick('webpack/usage')).toEqual(['docs/webpack.md#usage']);
  expect(pick('webpack usage')).toEqual(['docs/webpack.md#usage']);
  expect(pick('install.md#usage')).toEqual(['docs/install.md#usage']);
  expect(pick('usage')).toEqual(['docs/install.md#usage', 'docs/webpack.md#usage']);
  expect(() => pick('webpack.md#nothing')).toThrow(NoMatch);
});

test('an outline number no section has matches titles only as written, not as a typo of their numbers', () => {
  const encode = (text: string) => new TextEncoder().encode(text);
  const collection = buildCollection([
    { file: 'span.md', bytes: encode('# Span Log 23\n\n## Storage\n') },
    { file: 'release.md', bytes: encode('# Kubernetes 1.25 release\n\n## Changes\n') },
  ]);
  const pick = (query: string) => resolveQuery(collection, query).map((s) => s.title);
  expect(() => pick('3.2')).toThrow(NoMatch);
  expect(pick('1.25')).toEqual(['Kubernetes 1.25 release']);
  expect(pick('1')).toEqual(['Storage']);
  expect(pick('kubernets 1.25')).toEqual(['Kubernetes 1.25 release']); // a query of words keeps its typos
});

describe("show's literal step on a folder", () => {
  test('leaves out only documents none of whose titles, their paths or their page titles a query matches literally', () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    const word = fc.constantFrom(
      'Rotating',
      'rotate',
      'Mesh',
      'mesh-policy',
      'ΟΔΟΣ',
      'οδος',
      'O’Brien',
      "o'brien",
      'Über',
      'Gateway 9',
      'v1.2',
      'Side car',
    );
    const title = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
    const document = fc.record({
      page: title,
      headings: fc.array(fc.tuple(fc.integer({ min: 2, max: 4 }), title), { maxLength: 5 }),
      // a Hugo site's tabs: a heading in one goes by the tab's name too
      tabs: fc.option(fc.tuple(title, title, title)),
    });
    const markdownOf = ({
      page,
      headings,
      tabs,
    }: {
      page: string;
      headings: Array<[number, string]>;
      tabs: [string, string, string] | null;
    }) =>
      [
        `# ${page}`,
        ...headings.map(([level, text]) => `${'#'.repeat(level)} ${text}\n\ntext`),
        ...(tabs
          ? [`{{< tabs "${tabs[0]}" "${tabs[1]}" >}}`, '{{% codetab %}}', `### ${tabs[2]}`, '{{% /codetab %}}', '{{< /tabs >}}']
          : []),
      ].join('\n\n');
    // a word as typed: whole, part of one, in capitals
    const typed = fc.oneof(
      word,
      word.map((w) => w.slice(1, 4)),
      word.map((w) => w.toUpperCase()),
    );
    fc.assert(
      fc.property(
        fc.array(document, { minLength: 2, maxLength: 4 }),
        fc.array(typed, { minLength: 1, maxLength: 3 }),
        (documents, words) => {
          const collection = buildCollection(documents.map((d, i) => ({ file: `content/page-${i}.md`, bytes: encode(markdownOf(d)) })));
          const query = words.join(' ');
          const matched = new Set(
            createMatcher(titleItems(collection), (item) => item)
              .match(query, { typos: false })
              .map((ranked) => ranked.item.document),
          );
          const mayMatch = mayMatchLiterally(queryWords(query));
          return collection.documents.every((d, i) => !matched.has(i) || mayMatch(d));
        },
      ),
      { numRuns: 300 },
    );
  });
});
