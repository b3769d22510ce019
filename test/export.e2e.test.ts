// `kubenotes export` through the built CLI: the md, json and txt formats, writing files, and what it loads.
import { describe, expect, jest, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { decodeNotes } from '../src/core/markdown/decode.js';
import { documentSource, sectionSource } from '../src/core/notes/source.js';
import { cleanEnv, runCli, sourcesLoaded } from './helpers/cli.js';
import { bundledBytes, bundledCollection, fixturePath, repoPath } from './helpers/notes.js';
import { scratchFolder } from './helpers/scratch.js';

jest.setTimeout(60_000); // many runs of the CLI, on a shared machine
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const collection = bundledCollection();
const folder = scratchFolder('kubenotes-export-');
let files = 0;
/** A path in the test folder that no other test uses. */
const freshPath = (name: string): string => join(folder, `${++files}-${name}`);

describe('md: the exact source', () => {
  test('the whole bundled file comes out byte for byte as the file holds it, mojibake and all: the repair is for reading', () => {
    const { stdout, stderr, status } = runCli(['export']);
    expect({ stderr, status }).toEqual({ stderr: '', status: 0 });
    expect(stdout).toBe(bundledBytes().toString('utf8'));
    expect(decodeNotes(bundledBytes(), 'kubecon-na-2022.md')).not.toBe(stdout); // the file has mojibake (🤷 as ðŸ¤·) that reading repairs
    const path = freshPath('notes.md');
    expect(runCli(['export', '-o', path]).status).toBe(0);
    expect(readFileSync(path).equals(bundledBytes())).toBe(true);
  });

  test('a section is its slice of the file, subsections and all', () => {
    const chart = collection.sections.find((s) => s.number === '6.5')!;
    expect(runCli(['export', '6.5']).stdout).toBe(chart.markdown);
    expect(collection.documents[0].text).toContain(chart.markdown);
    expect(runCli(['export', 'helm']).stdout).toBe(collection.sections.find((s) => s.number === '6')!.markdown);
  });

  test('several sections are joined by one blank line, as show --raw joins them', () => {
    const { stdout } = runCli(['export', 'demo']);
    const demos = collection.sections.filter((s) => s.title === 'Demo');
    expect(demos.length).toBeGreaterThan(1);
    expect(stdout).toBe(`${demos.map((s) => sectionSource(collection, s).trimEnd()).join('\n\n')}\n`);
    expect(stdout).toBe(runCli(['show', '--raw', 'demo']).stdout);
  });

  test('a folder: its files in reading order, each as loaded, joined by one blank line', () => {
    const { stdout } = runCli(['-f', fixturePath('folder'), 'export']);
    const a = readFileSync(fixturePath('folder/a.md'), 'utf8');
    const b = readFileSync(fixturePath('folder/sub/b.markdown'), 'utf8');
    expect(stdout).toBe(`${a.trimEnd()}\n\n${b.trimEnd()}\n`);
  });
});

describe('json: the list --json fields with markdown and text', () => {
  test('the whole collection: its title, and every section as list --json has it plus its Markdown and plain text', () => {
    const exported = JSON.parse(runCli(['export', '--format', 'json']).stdout);
    const listed = JSON.parse(runCli(['list', '--json']).stdout);
    expect(Object.keys(exported)).toEqual(['title', 'sections']);
    expect(exported.title).toBe(listed.title);
    expect(exported.sections.map(({ markdown, text, ...fields }: Record<string, unknown>) => fields)).toEqual(listed.sections);
    expect(exported.sections.map((s: { markdown: string }) => s.markdown)).toEqual(collection.sections.map((s) => s.markdown));
    for (const section of exported.sections) expect(Object.keys(section)).toEqual([...Object.keys(listed.sections[0]), 'markdown', 'text']);
  });

  test('a query: only its sections; text is what a reader sees, without markup', () => {
    const { sections } = JSON.parse(runCli(['export', '--format', 'json', 'prometheus/alert']).stdout);
    expect(sections.map((s: { id: string }) => s.id)).toEqual(['alert']);
    const { text, markdown } = sections[0];
    expect(markdown).toContain('### Alert');
    expect(text.split('\n')[0]).toBe('Alert');
    expect(text).not.toMatch(/^#|\*\*|\]\(/m);
  });
});

describe('txt: plain text, as piped show renders it', () => {
  const linesOf = (text: string): string[] => text.replace(/\n$/, '').split('\n');

  test('a section is exactly what piped show prints, at 80 columns whatever COLUMNS says', () => {
    const { stdout, status } = runCli(['export', '--format', 'txt', 'prometheus'], { env: cleanEnv({ COLUMNS: '120' }) });
    expect(status).toBe(0);
    expect(stdout).toBe(runCli(['show', 'prometheus']).stdout);
    expect(Math.max(...linesOf(stdout).map((line) => stringWidth(line)))).toBeLessThanOrEqual(80);
    expect(Math.max(...linesOf(stdout).map((line) => stringWidth(line)))).toBeGreaterThan(70);
  });

  test('--width wraps at that width', () => {
    const { stdout } = runCli(['export', '--format', 'txt', '--width', '50', 'prometheus']);
    expect(stdout).toBe(runCli(['show', '--width', '50', 'prometheus']).stdout);
    // the renderer breaks lines between words; a longer word (a PromQL query) is broken across lines, all of it kept
    expect(linesOf(stdout).filter((line) => stringWidth(line) > 50)).toEqual([]);
    expect(stdout.replace(/\n\s*/g, '')).toContain('sum(rate(http_requests_total{status="500"}[5m]))');
    expect(Math.max(...linesOf(stdout).map((line) => stringWidth(line)))).toBeGreaterThan(45);
  });

  test('the whole collection: every talk with its number, no markup, no escape codes, even with colour forced', () => {
    const { stdout } = runCli(['export', '--format', 'txt'], { env: cleanEnv({ FORCE_COLOR: '3' }) });
    expect(stdout).not.toMatch(CONTROL);
    expect(stdout).not.toMatch(/^#{1,6} |\*\*|\]\(#/m);
    for (const talk of collection.sections.filter((s) => s.level === 2 && s.number))
      expect(stdout).toContain(`${talk.number}  ${talk.title.slice(0, 30)}`);
    expect(stdout.startsWith('Session Notes and Thoughts\n')).toBe(true);
    expect(Math.max(...linesOf(stdout).map((line) => stringWidth(line)))).toBeLessThanOrEqual(80);
  });

  test('hostile notes: no control character in any format but md, which is the source as it is', () => {
    const hostile = fixturePath('hostile-escapes.md');
    for (const format of ['txt', 'json', 'html']) expect(runCli(['-f', hostile, 'export', '--format', format]).stdout).not.toMatch(CONTROL);
  });
});

describe('writing files', () => {
  test('-o writes the file and prints nothing; -o - is stdout', () => {
    const path = freshPath('alert.txt');
    const written = runCli(['export', 'prometheus/alert', '-o', path]);
    expect(written).toEqual({ stdout: '', stderr: '', status: 0 });
    // the format follows the file's extension when --format is not given
    expect(readFileSync(path, 'utf8')).toBe(runCli(['export', '--format', 'txt', 'prometheus/alert']).stdout);
    expect(runCli(['export', 'prometheus/alert', '-o', '-']).stdout).toBe(collection.sections.find((s) => s.id === 'alert')!.markdown);
    const json = freshPath('alert.json');
    expect(runCli(['export', 'prometheus/alert', '-o', json]).status).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).sections[0].id).toBe('alert');
  });

  test('the extension chooses the format: .html and .htm are HTML, .markdown Markdown, .txt text, .json JSON', () => {
    const written = (name: string) => {
      const path = freshPath(name);
      expect(runCli(['export', 'prometheus/alert', '-o', path])).toEqual({ stdout: '', stderr: '', status: 0 });
      return readFileSync(path, 'utf8');
    };
    expect(written('alert.html')).toMatch(/^<!doctype html>/);
    expect(written('alert.HTM')).toMatch(/^<!doctype html>/);
    expect(written('alert.markdown')).toBe(collection.sections.find((s) => s.id === 'alert')!.markdown);
    expect(written('alert.txt')).toBe(runCli(['export', '--format', 'txt', 'prometheus/alert']).stdout);
    expect(JSON.parse(written('alert.json')).sections[0].id).toBe('alert');
  });

  test('an extension that names no format needs --format: exit 2, the formats and their extensions listed, nothing written', () => {
    const path = freshPath('notes.pdf');
    const { stdout, stderr, status } = runCli(['export', '-o', path]);
    expect({ stdout, status }).toEqual({ stdout: '', status: 2 });
    expect(stderr).toBe(
      "kubenotes: export: no format is written as .pdf; name one with --format, or end the file name in one of: md (.md, .markdown), html (.html, .htm), json (.json), txt (.txt) (see 'kubenotes help export')\n",
    );
    expect(existsSync(path)).toBe(false);
    expect(runCli(['export', '--format', 'html', '-o', path]).status).toBe(0);
    expect(readFileSync(path, 'utf8')).toMatch(/^<!doctype html>/);
  });

  test('--format and an extension that names another format: a usage error, unless --force', () => {
    const path = freshPath('notes.html');
    const { stderr, status } = runCli(['export', '--format', 'md', '-o', path]);
    expect({ stderr, status }).toEqual({
      stderr:
        "kubenotes: export: --format md and a .html file disagree; use --force to write md to it anyway (see 'kubenotes help export')\n",
      status: 2,
    });
    expect(existsSync(path)).toBe(false);
    expect(runCli(['export', '--format', 'md', '--force', '-o', path]).status).toBe(0);
    expect(readFileSync(path, 'utf8')).toMatch(/^# Session Notes and Thoughts/);
  });

  test('an existing file is not overwritten without --force: exit 2, one line naming it, the file untouched', () => {
    const path = freshPath('notes.md');
    writeFileSync(path, 'my own notes\n');
    const { stdout, stderr, status } = runCli(['export', '-o', path]);
    expect({ stdout, stderr, status }).toEqual({
      stdout: '',
      stderr: `kubenotes: ${path}: file exists (use --force to overwrite)\n`,
      status: 2,
    });
    expect(readFileSync(path, 'utf8')).toBe('my own notes\n');
    expect(runCli(['export', '--force', '-o', path]).status).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(documentSource(collection.documents[0]));
  });

  test('-o /dev/stdout writes through the pipe, and /dev/null stays a device even with --force', () => {
    const piped = spawnSync(
      'sh',
      ['-c', '"$0" "$@" | cat', process.execPath, repoPath('bin/kubenotes.js'), 'export', '--force', '-o', '/dev/stdout', '8.6'],
      {
        env: cleanEnv(),
        encoding: 'utf8',
      },
    );
    expect({ status: piped.status, stderr: piped.stderr }).toEqual({ status: 0, stderr: '' });
    expect(piped.stdout).toBe(runCli(['export', '8.6']).stdout);
    expect(runCli(['export', '--force', '-o', '/dev/null', '8.6']).status).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  test('a missing folder: exit 2 and one line naming the path', () => {
    const path = join(folder, 'no-such-folder', 'notes.html');
    const { stderr, status } = runCli(['export', '-o', path]);
    expect({ stderr, status }).toEqual({ stderr: `kubenotes: ${path}: cannot write: no such folder\n`, status: 2 });
  });

  // a write that fails halfway, as on a full disk: the file size limit stops even root, where chmod does not
  test('a write that fails part way leaves the old file intact and no temporary file: exit 2, one line', () => {
    const dir = mkdtempSync(join(folder, 'limited-'));
    const path = join(dir, 'notes.html');
    writeFileSync(path, 'the old page\n');
    // `ulimit -f 8`: writes beyond 4–8 KB fail (EFBIG); the page is ~50 KB. Node ignores SIGXFSZ, so the error is seen.
    const result = spawnSync(
      'sh',
      ['-c', 'ulimit -f 8 && exec "$0" "$@"', process.execPath, repoPath('bin/kubenotes.js'), 'export', '--force', '-o', path],
      {
        env: cleanEnv(),
        encoding: 'utf8',
      },
    );
    expect({ stderr: result.stderr, status: result.status }).toEqual({
      stderr: `kubenotes: ${path}: cannot write: file too large for this system\n`,
      status: 2,
    });
    expect(readFileSync(path, 'utf8')).toBe('the old page\n');
    expect(readdirSync(dir)).toEqual(['notes.html']);
  });

  test('--format takes only md, html, json, txt, which Tab completion offers', () => {
    const { stderr, status } = runCli(['export', '--format', 'pdf']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/Allowed choices are md, html, json, txt/);
    expect(runCli(['__complete', '--', 'export', '--format', '']).stdout).toBe('md\nhtml\njson\ntxt\n');
    expect(runCli(['__complete', '--', 'export', '-o', '']).stdout).toMatch(/^:files/);
    expect(runCli(['__complete', '--', 'export', '']).stdout).toMatch(/^alert\t7.6 Alert$/m);
  });

  test('a query that names nothing: exit 1 with suggestions, and no file', () => {
    const path = freshPath('none.md');
    const { stderr, status } = runCli(['export', 'zqxj vwkp', '-o', path]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/no section matches/);
    expect(existsSync(path)).toBe(false);
  });

  test("the examples of export's help run in an empty folder and succeed", () => {
    const cwd = mkdtempSync(join(folder, 'examples-'));
    const examples = runCli(['export', '--help'])
      .stdout.split('\nExamples:\n')[1]
      .split('\n')
      .filter((line) => line.startsWith('  kubenotes '));
    const plain = examples.map((line) => line.trim()).filter((line) => !/[|<>~$"'`;&]/.test(line));
    expect(plain.length).toBeGreaterThanOrEqual(3);
    for (const example of plain) {
      const { status, stderr } = runCli(example.split(' ').slice(1), { cwd });
      expect({ example, status, stderr }).toEqual({ example, status: 0, stderr: '' });
    }
    expect(readdirSync(cwd)).toEqual(['kubecon.html']);
  });
});

describe('export loads only what its format needs', () => {
  const heavy = (source: string): boolean =>
    /node_modules\/(sanitize-html|htmlparser2|postcss|marked-terminal)\/|src\/render\/(html\/page|terminal\/sections)\.ts/.test(source);

  test('md and json load neither the sanitiser nor a renderer; html loads the sanitiser; list never does', () => {
    expect(sourcesLoaded(['export']).filter(heavy)).toEqual([]);
    expect(sourcesLoaded(['export', '--format', 'json']).filter(heavy)).toEqual([]);
    expect(sourcesLoaded(['list']).filter(heavy)).toEqual([]);
    expect(sourcesLoaded(['export', '--format', 'html', '6.5'])).toContain('node_modules/sanitize-html/index.js');
  });
});

describe('a site folder: front matter and template syntax', () => {
  const hugo = fixturePath('sites/hugo-docs');
  const exported = (format: string) => runCli(['-f', hugo, 'export', '--format', format]);

  test.each(['md', 'html', 'json', 'txt'])('%s: every file exports', (format) => {
    const { status, stderr } = exported(format);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
  });

  test('txt and html show no front-matter key as text; Hugo shortcodes are the site’s to replace, other template syntax stays literal text', () => {
    for (const format of ['txt', 'html']) {
      const { stdout } = exported(format);
      expect(stdout).not.toMatch(/linkTitle|^weight:/m);
      expect(stdout).toContain('Any conformant cluster works.');
    }
    expect(exported('txt').stdout).toContain('You need a cluster. Any conformant cluster works.');
    for (const format of ['txt', 'html']) expect(exported(format).stdout).not.toMatch(/\{\{[<%]|\{\{&lt;|[>%]\}\}|&gt;\}\}/);
  });

  test('md keeps each file exactly, front matter included', () => {
    expect(exported('md').stdout).toContain(readFileSync(join(hugo, 'content/docs/install.md'), 'utf8'));
  });
});
