// Every human output fits the width (--width here; COLUMNS, the config file and the terminal choose it as they do for
// show): titles cut at their end, files at their start, hits to a window around their match; code lines are cut with
// a marker, never wrapped, and whole into a pipe with --no-pager; --json is never cut.
import { describe, expect, jest, test } from '@jest/globals';
import stringWidth from 'string-width';
import { cleanEnv, runCli } from './helpers/cli.js';
import { fixturePath } from './helpers/notes.js';

jest.setTimeout(120_000); // many runs of the CLI, on a shared machine
const WIDE = fixturePath('wide-notes');
const DAPR_RUN =
  'dapr run --app-id checkout-service --app-port 3000 --resources-path ./components --unix-domain-socket /tmp/dapr-sockets -- node app.js';
const CODE_INDENT = 4;

/** The commands of each kind of human output, on the bundled notes and on a folder of long titles, paths and code. */
const RUNS: Array<[string, string[]]> = [
  ['bundled', ['list']],
  ['bundled', ['list', '--depth', '3']],
  ['bundled', ['search', 'helm']],
  ['bundled', ['search', 'memoisation']],
  ['bundled', ['links', 'contents']],
  ['bundled', ['links', 'prometheus']],
  ['bundled', ['check']],
  ['bundled', ['show', 'prometheus']],
  ['bundled', ['show', 'salesforce']],
  ['bundled', ['help', 'search']],
  ['bundled', ['--help']],
  ['wide', ['list']],
  ['wide', ['search', 'unix', 'domain', 'socket']],
  ['wide', ['search', 'jsonpath']],
  ['wide', ['links', 'sidecar', 'socket']],
  ['wide', ['links', 'why', 'shared']],
  ['wide', ['check']],
  ['wide', ['show', '2']],
  ['wide', ['show', '1']],
];

const linesOf = (text: string): string[] => text.split('\n').filter((line) => line !== '');

describe.each([40, 60, 80, 120])('at %i columns', (width) => {
  test.each(RUNS.map(([notes, args]) => [`${notes}: ${args.join(' ')}`, notes, args] as const))(
    '%s: no line wider',
    (_name, notes, args) => {
      const { stdout, status } = runCli([...(notes === 'wide' ? ['-f', WIDE] : []), '--width', String(width), ...args]);
      expect(status === 0 || args[0] === 'check').toBe(true);
      expect(stdout).not.toBe('');
      const wider = linesOf(stdout).filter((line) => stringWidth(line) > width);
      expect(wider).toEqual([]);
    },
  );

  test('a long command in a code block: intact up to the marker in the last column, its rest never starting a line', () => {
    const { stdout } = runCli(['-f', WIDE, '--width', String(width), 'show', '2']);
    const kept = DAPR_RUN.slice(0, width - CODE_INDENT - 1);
    const rest = DAPR_RUN.slice(kept.length);
    expect(linesOf(stdout)).toContain(`${' '.repeat(CODE_INDENT)}${kept}→`);
    expect(linesOf(stdout).filter((line) => line.trim().startsWith(rest.trim().slice(0, 8)))).toEqual([]);
  });
});

describe('code lines', () => {
  test('in colour the marker is dim, and the line still fits', () => {
    const { stdout } = runCli(['-f', WIDE, '--width', '60', 'show', '2'], { env: cleanEnv({ FORCE_COLOR: '1' }) });
    const line = stdout.split('\n').find((l) => l.includes('dapr run'))!;
    expect(line.endsWith('\u001b[2m→\u001b[22m')).toBe(true);
    expect(stringWidth(line)).toBe(60);
  });

  test('into a pipe with --no-pager, code lines are whole', () => {
    const { stdout, status } = runCli(['-f', WIDE, '--width', '40', '--no-pager', 'show', '2']);
    expect(status).toBe(0);
    expect(linesOf(stdout)).toContain(`${' '.repeat(CODE_INDENT)}${DAPR_RUN}`);
    expect(stdout).not.toContain('→\n');
  });
});

describe('search', () => {
  test('a block of several lines (code) shows the lines that matched, each on its own, not the block joined', () => {
    const { stdout } = runCli(['-f', WIDE, '--width', '120', 'search', 'resources-path']);
    const lines = linesOf(stdout);
    expect(lines.some((line) => line.includes('dapr run --app-id'))).toBe(true);
    expect(lines.some((line) => line.includes('mkdir'))).toBe(false);
  });

  test('a long line shows a window around its match, with … at each end that was cut', () => {
    const { stdout } = runCli(['-f', WIDE, '--width', '60', 'search', 'jsonpath']);
    expect(stdout).toMatch(/^ +14 {2}…[^\n]*jsonpath[^\n]*…$/m);
  });

  test('--json is never cut', () => {
    const { stdout } = runCli(['-f', WIDE, '--width', '40', 'search', '--json', 'resources-path']);
    expect(JSON.parse(stdout)[0].text).toContain(DAPR_RUN);
  });
});

test('list: a long title is cut at its end, a long file name at its start, each with …', () => {
  const { stdout } = runCli(['-f', WIDE, '--width', '60', 'list']);
  expect(stdout).toMatch(/^Running The Sidecar[^\n]*…  \(…[^\n]*-sockets\.md\)$/m);
  expect(stdout).toMatch(/^2  Running The Sidecar Over A Unix Domain Socket Instead Of…$/m);
});

test('check: the file keeps its end, the line number and the reason are there', () => {
  const { stdout } = runCli(['-f', WIDE, '--width', '60', 'check']);
  expect(stdout).toMatch(/^README\.md:9: \[a page that is g…: no file operations-handboo…$/m);
});
