// Notes saved with CRLF (Windows) or lone CR (classic Mac OS) line endings, through every command: titles without
// \r, the same line numbers and the same rendering as with LF, and the source (show --raw, export md, JSON markdown)
// exactly as the file has it.
import { beforeAll, describe, expect, jest, test } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';
import { scratchFolder } from './helpers/scratch.js';

jest.setTimeout(60_000);

/** Notes with front matter, both kinds of headings, a fence with a # line, a list of meta, a table, a quote, a diagram. */
const LF = [
  '---',
  'title: Line endings',
  'tags: [crlf]',
  '---',
  '',
  '## First talk',
  '',
  '- **Presenters**: Ada & Grace',
  '',
  'Some text with a [link](#second-part) and `code`.',
  '',
  '### Second part',
  '',
  '```bash',
  '# not a heading',
  'echo hello',
  '```',
  '',
  '| key | value |',
  '| --- | --- |',
  '| a | needle in a table |',
  '',
  'Setext heading',
  '--------------',
  '',
  '> a quoted needle',
  '',
  '```mermaid',
  'flowchart LR',
  '  A[start] --> B[end]',
  '```',
  '',
  '## Last',
  '',
  '1. one',
  '2. two needle',
].join('\n');

const ENDINGS = { crlf: '\r\n', cr: '\r' };
let folder: string;
const path = (ending: string): string => join(folder, `${ending}.md`);

beforeAll(() => {
  folder = scratchFolder('kubenotes-endings-');
  writeFileSync(path('lf'), `${LF}\n`);
  for (const [name, eol] of Object.entries(ENDINGS)) writeFileSync(path(name), `${LF}\n`.replace(/\n/g, eol));
});

/** A run of kubenotes on one of the files; the output as text, with the file's name the same for every ending. */
const run = (ending: string, ...args: string[]): string => {
  const key = `${ending} ${args.join(' ')}`;
  return (outputs[key] ??= runOnce(ending, args));
};
const outputs: Record<string, string> = {};
const runOnce = (ending: string, args: string[]): string => {
  const { stdout, stderr, status } = runCli(['-f', path(ending), ...args]);
  expect(stderr).toBe('');
  expect(status).toBe(0);
  return stdout.replaceAll(`${ending}.md`, 'notes.md');
};

describe.each(Object.entries(ENDINGS))('%s', (ending, eol) => {
  test.each([
    ['list', ['list', '--depth', '9']],
    ['list --json', ['list', '--json']],
    ['show', ['show', 'second part']],
    ['show, a section with its subsections', ['show', '1']],
    ['search', ['search', 'needle']],
    ['search --json', ['search', '--json', 'needle']],
    ['export txt', ['export', '--format', 'txt']],
    ['export html', ['export', '--format', 'html']],
    ['completion candidates', ['__complete', '--', 'show', '']],
  ])('%s: as with LF, titles and lines alike, no \\r', (_name, args) => {
    const output = run(ending, ...args);
    expect(output).toBe(run('lf', ...args));
    expect(output).not.toContain('\r');
  });

  test('show --raw and show --json: the section exactly as the file has it', () => {
    const file = readFileSync(path(ending), 'utf8');
    const section = `### Second part${eol}${eol}\`\`\`bash${eol}# not a heading${eol}echo hello${eol}\`\`\`${eol}${eol}| key | value |`;
    expect(file).toContain(section);
    expect(run(ending, 'show', '--raw', 'second part')).toContain(section);
    const [json] = JSON.parse(run(ending, 'show', '--json', 'second part'));
    expect(file.startsWith(json.markdown, file.indexOf('### Second part'))).toBe(true);
    expect(json.line).toBe(12);
  });

  test("export md: the file byte for byte; export json: each section's markdown exact, its text without \\r", () => {
    expect(run(ending, 'export', '--format', 'md')).toBe(readFileSync(path(ending), 'utf8'));
    const file = readFileSync(path(ending), 'utf8');
    const { sections } = JSON.parse(run(ending, 'export', '--format', 'json'));
    for (const section of sections) {
      expect(file).toContain(section.markdown);
      expect(section.text).not.toContain('\r');
    }
    expect(sections.map((s: { line: number }) => s.line)).toEqual([6, 12, 23, 33]);
  });
});
