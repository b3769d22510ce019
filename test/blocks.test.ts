import { describe, expect, test } from '@jest/globals';
import { sectionBlocks } from '../src/core/markdown/blocks.js';
import { buildCollection } from '../src/core/notes/collection.js';
import { sectionSlices } from '../src/core/markdown/parse.js';
import type { Collection } from '../src/core/types.js';
import { bundledCollection, collectionOf, fixturePath } from './helpers/notes.js';

/** Every block of a collection's outline sections as `line kind [label] text (parents)`. */
function blocksOf(collection: Collection): string[] {
  return collection.documents.flatMap((document) => {
    const slices = sectionSlices(document).slice(1);
    return document.sections.flatMap((section, i) =>
      section.number === null
        ? []
        : sectionBlocks(section, slices[i]).map(
            (b) => `${b.line} ${b.kind} [${b.label}] ${b.text}${b.parents.length ? ` (${b.parents.join(' / ')})` : ''}`,
          ),
    );
  });
}

const fixture = blocksOf(collectionOf(fixturePath('blocks.md')));

describe('blocks of a section', () => {
  test('every kind, each on its own line, in order', () => {
    expect(fixture).toEqual([
      '3 heading [Talk One] Talk One',
      '4 meta [Talk One] Title: Talk One Full Title',
      '5 meta [Talk One] Presenters: Ada Lovelace, Analytical & Alan Turing, Bletchley',
      '7 paragraph [Talk One] Intro paragraph that spans two lines.',
      '10 paragraph [Takeaways] Takeaways',
      '11 item [Takeaways] First point',
      '12 item [Takeaways] Nested detail (First point)',
      '13 item [Takeaways] Deeper detail (First point / Nested detail)',
      '14 item [Takeaways] Second point',
      '16 paragraph [Talk One] Not a label: a paragraph follows.',
      '18 paragraph [Talk One] Plain text.',
      '20 heading [Sub Part] Sub Part',
      '22 row [Sub Part] Name | Value',
      '24 row [Sub Part] alpha | 1',
      '25 row [Sub Part] beta | 2',
      '27 quote [Sub Part] A quoted line\nand its continuation.',
      '30 code [Sub Part] echo hello',
      '34 paragraph [Goals] Goals:',
      '36 item [Goals] Loose first with a second paragraph',
      '39 item [Goals] Second',
      '40 item [Sub Part] Bold: not meta, this list does not open the section', // another bullet starts another list
    ]);
  });

  test('the same lines with CRLF line ends', () => {
    const crlf = collectionOf(fixturePath('blocks.md')).documents[0].text.replace(/\n/g, '\r\n');
    const collection = buildCollection([{ file: 'crlf.md', bytes: new TextEncoder().encode(crlf) }]);
    expect(blocksOf(collection)).toEqual(fixture);
  });

  test('a table of contents has no blocks; the title heading belongs to no section', () => {
    const blocks = blocksOf(bundledCollection());
    expect(blocks.filter((b) => b.includes('Contents') || b.includes('Session Notes'))).toEqual([]);
  });
});

describe('blocks of talks as the bundled notes write them (lines copied from them)', () => {
  const blocks = blocksOf(collectionOf(fixturePath('blocks-talks.md')));
  const at = (line: number) => blocks.filter((b) => b.startsWith(`${line} `));

  test('the Salesforce talk: short lines before lists label them', () => {
    expect(at(20)).toEqual(['20 paragraph [Takeaways] Takeaways']);
    expect(at(21)).toEqual(['21 item [Takeaways] Focus on improving developer experience.']);
    expect(at(9)).toEqual(['9 item [Problems] No inner loop (Developer experience)']);
    expect(at(12)[0]).toMatch(/^12 item \[Solution\] Offload/);
    expect(at(15)).toEqual(['15 item [Why Argo workflows?] Memoization and caching support']);
    expect(at(18)).toEqual(['18 item [Steps to convert to Argo Workflows] Enable Argo Workflow clusters per environment']);
  });

  test('a long lead sentence is no label; a list after a heading is labelled by it', () => {
    expect(at(26)).toEqual(['26 item [Dapr Overview] Service-to-service invocation']);
    expect(at(29)[0]).toMatch(/^29 item \[Chart Storage\] Push charts/);
  });

  test("meta: the talks' title and presenters, mojibake repaired", () => {
    expect(at(5)).toEqual(['5 meta [How Salesforce Is Moving To Argo Workflows] Presenter: Mayank Kumar & Andy Chen, Salesforce']);
    expect(at(40)[0]).toContain('Title: “Why Can’t Kubernetes Devs Just Add This New Feature? Seems So Easy!”');
  });

  test('nested items indented four spaces, code spans kept as text, the last line without a newline', () => {
    expect(at(33)).toEqual([
      '33 item [Typical (old/bad) workflow] If the scan fails, dev has to go back and fix bugs/vulns. (QA team/sec team runs security scans)',
    ]);
    expect(at(36)[0]).toContain('sum by(path) (rate(http_requests_total{status="500"}[5m]))');
    expect(at(45)[0]).toMatch(/^45 item \[Takeaways\] Not only code changes/);
  });
});

describe('blocks of the bundled notes', () => {
  const blocks = blocksOf(bundledCollection());

  test("every block's text is on its line of the file", () => {
    const lines = bundledCollection().documents[0].text.split('\n');
    const firstWord = (text: string) => text.match(/[\p{L}\p{N}]{3,}/u)?.[0] ?? '';
    for (const block of blocks) {
      const [line, kind] = block.split(' ');
      if (kind === 'code') continue; // a fence's first line is its ``` line
      const text = block.slice(block.indexOf('] ') + 2);
      expect(`${line}: ${lines[Number(line) - 1]}`).toContain(firstWord(text));
    }
  });
});
