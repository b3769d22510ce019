import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { findFrontMatter } from '../src/core/markdown/frontmatter.js';
import { frontMatterParsers as parsers } from '../src/core/markdown/frontmatter-parsers.js';
import { lineStarts, parseDocument, sectionSlices } from '../src/core/markdown/parse.js';

const word = fc.stringMatching(/^[A-Za-z0-9]{1,8}$/);
const inlineText = fc.oneof(
  fc.array(word, { minLength: 1, maxLength: 5 }).map((words) => words.join(' ')),
  fc.string({ maxLength: 20 }),
  fc.constantFrom('**bold** _em_ `code`', '[link](#x)', '🤷 emoji', '!!!', '# # #', 'Demo', 'Demo', 'a\tb'),
);

/** Lines of Markdown that exercise the parser: headings of both kinds, fences (some unclosed), lists, quotes, rules. */
const block = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 6 }), inlineText).map(([level, text]) => `${'#'.repeat(level)} ${text}`),
  fc.tuple(inlineText, fc.constantFrom('===', '---')).map(([text, rule]) => `${text}\n${rule}`),
  inlineText,
  fc.constant(''),
  fc.constant('```'),
  fc.tuple(fc.constantFrom('```', '~~~'), inlineText).map(([fence, text]) => `${fence}\n# ${text}\n${fence}`),
  inlineText.map((text) => `- ${text}`),
  inlineText.map((text) => `  - **Key**: ${text}`),
  inlineText.map((text) => `> ${text}`),
  fc.constant('---'),
  fc.constant('- [x](#x)'),
);

const markdown = fc
  .tuple(fc.array(block, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([blocks, eol, finalEol]) => blocks.join('\n').replace(/\n/g, eol) + (finalEol ? eol : ''));

describe('parser properties', () => {
  test('never throws; slices reproduce the text; ids unique; each section starts at its heading line', () => {
    fc.assert(
      fc.property(fc.oneof(markdown, fc.string({ maxLength: 300 })), (text) => {
        const document = parseDocument(text, 'x.md');
        expect(sectionSlices(document).join('')).toBe(text);
        const ids = document.sections.map((s) => s.id);
        expect(new Set(ids).size).toBe(ids.length);
        const starts = lineStarts(text);
        for (const section of document.sections) {
          expect(text.startsWith(section.markdown, starts[section.line - 1])).toBe(true);
          expect(section.title).not.toMatch(/[\r\n]/);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('numbers are unique and a child number extends its parent', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const numbered = parseDocument(text, 'x.md').sections.filter((s) => s.number !== null);
        const numbers = numbered.map((s) => s.number!);
        expect(new Set(numbers).size).toBe(numbers.length);
        for (const section of numbered) {
          expect(section.path).toHaveLength(section.number!.split('.').length);
          const parent = section.number!.split('.').slice(0, -1).join('.');
          if (parent) expect(numbers).toContain(parent);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('front matter, well-formed or not: never throws, never a section, slices still make the file, lines still right', () => {
    const key = fc.constantFrom('title', 'tags', 'weight', 'description', 'Title');
    const yamlLine = fc.oneof(
      fc.tuple(key, inlineText).map(([k, v]) => `${k}: ${v}`),
      fc.tuple(key, fc.array(word, { maxLength: 3 })).map(([k, v]) => `${k}: [${v.join(', ')}]`),
      fc.constantFrom('  - item', 'tags: [open', ': no key', '"', '# comment', 'a: b: c', '...', '---', 'title = "toml"', '[table]'),
    );
    const frontMatter = fc.tuple(
      fc.constantFrom('---', '+++'),
      fc.array(yamlLine, { maxLength: 6 }),
      fc.constantFrom('---', '+++', '...', ''),
    );
    fc.assert(
      fc.property(frontMatter, markdown, fc.constantFrom('\n', '\r\n'), fc.boolean(), ([open, lines, close], body, eol, bom) => {
        const text = `${bom ? '\uFEFF' : ''}${[open, ...lines, close].join(eol)}${eol}${body}`;
        const document = parseDocument(text, 'x.md', { parsers });
        expect(sectionSlices(document).join('')).toBe(text);
        const starts = lineStarts(text);
        const block = findFrontMatter(text);
        for (const section of document.sections) {
          expect(text.startsWith(section.markdown, starts[section.line - 1])).toBe(true);
          if (block) expect(section.line).toBeGreaterThan(block.lines); // nothing inside front matter is a heading
        }
        // a block opened and closed by the same fence is always front matter
        if (close === open || (open === '---' && close === '...')) expect(block).toBeDefined();
        expect(document.title.length).toBeGreaterThan(0);
        expect(document.warnings.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 400 },
    );
  });
});
