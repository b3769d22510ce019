// The renderer through the built CLI: hostile notes in every command, --width, and what `show` loads.
import { describe, expect, jest, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { bundledInputs, cleanEnv, modulesLoaded, runCli } from './helpers/cli.js';
import { fixturePath, repoPath } from './helpers/notes.js';

jest.setTimeout(30_000); // several runs of the CLI per test, on a shared machine
const hostile = fixturePath('hostile-escapes.md');
/** Anything a terminal acts on, other than newline. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
/** kubenotes's own colours and hyperlinks, removed so that anything left is from the notes. */
const withoutOurs = (text: string): string =>
  text.replace(/\u001b\[[0-9;]*m/g, '').replace(/\u001b\]8;;(?:https:\/\/[^\u0000-\u001f\u007f-\u009f]*)?\u0007/g, '');

describe('a notes file full of escape sequences renders harmlessly', () => {
  test.each([
    ['list', ['list', '--depth', '3']],
    ['show', ['show', 'red']],
    ['show, several sections', ['show', '1', '1.1']],
    ['show --json', ['show', '--json', 'red']],
    ['list --json', ['list', '--json']],
  ])('%s, piped: no control character at all', (_name, args) => {
    const { stdout, stderr, status } = runCli(['-f', hostile, ...args]);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(CONTROL);
  });

  test('show, in colour with hyperlinks forced: only our own colours and links', () => {
    const { stdout } = runCli(['-f', hostile, 'show', 'red'], { env: cleanEnv({ FORCE_COLOR: '3', FORCE_HYPERLINK: '1' }) });
    expect(stdout).toMatch(/\u001b\[/);
    expect(withoutOurs(stdout)).not.toMatch(CONTROL);
    expect(stdout).toContain('Red title here');
    expect(stdout).toContain('Mallory hidden, Eve');
  });

  test('list, in colour: the titles and presenters without their escapes', () => {
    const { stdout } = runCli(['-f', hostile, 'list'], { env: cleanEnv({ FORCE_COLOR: '1' }) });
    expect(withoutOurs(stdout)).not.toMatch(CONTROL);
    expect(withoutOurs(stdout)).toContain('1  Red title here\n   Mallory hidden, Eve\n');
  });

  test('an error message that quotes titles from the notes', () => {
    const { stderr, status } = runCli(['-f', hostile, 'show', 'red titel hre']);
    expect(status).toBe(1);
    expect(stderr).toContain('did you mean');
    expect(stderr).not.toMatch(CONTROL);
  });

  test('show --raw piped is the exact source, escapes and all (it is for files and pipes)', () => {
    const { stdout } = runCli(['-f', hostile, 'show', '--raw', 'red']);
    expect(readFileSync(hostile, 'utf8')).toContain(stdout);
    expect(stdout).toMatch(/\u001b\[31m/);
  });
});

describe('piped output of the bundled notes', () => {
  test('plain text: no escape codes, no ### or ** markers, the bold meta items as words', () => {
    const { stdout } = runCli(['show', 'dapr']);
    expect(stdout).not.toMatch(CONTROL);
    expect(stdout).not.toMatch(/#{2,}|\*\*/);
    expect(stdout).toContain('  • Title: Extend Your Microservices With Pluggable Components Via Dapr\n');
    expect(stdout).toContain('1.2.1  Design tenants\n');
  });
});

describe('--width', () => {
  const widest = (text: string): number => Math.max(...text.split('\n').map((line) => [...line].length));

  test('wraps show at the width given, before COLUMNS', () => {
    const { stdout, status } = runCli(['--width', '40', 'show', 'salesforce'], { env: cleanEnv({ COLUMNS: '120' }) });
    expect(status).toBe(0);
    expect(widest(stdout)).toBeLessThanOrEqual(40);
  });

  test('COLUMNS when piped and no --width; 80 without either', () => {
    expect(widest(runCli(['show', 'salesforce'], { env: cleanEnv({ COLUMNS: '50' }) }).stdout)).toBeLessThanOrEqual(50);
    const at80 = runCli(['show', 'salesforce']).stdout;
    expect(widest(at80)).toBe(80);
  });

  test('a diagram wider than the width falls back to its source under a note', () => {
    const { stdout } = runCli(['--width', '30', 'show', 'dapr overview']);
    expect(stdout).toContain('\n(diagram too wide to draw)\n    flowchart LR\n');
    expect(stdout).toContain('    flowchart LR');
  });

  test('takes a whole number', () => {
    const { stderr, status } = runCli(['--width', 'wide', 'show', 'alert']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/--width/);
  });

  test('a width past any terminal is 10,000 columns, not a rule too long to be a string', () => {
    for (const [args, env] of [
      [['--width', '999999999999999999999', 'show', '6.8'], {}],
      [['show', '6.8'], { COLUMNS: '99999999999' }],
      [['-w', '1e21', 'export', '--format', 'txt', '6.8'], {}],
    ] as const) {
      const { stdout, stderr, status } = runCli([...args], { env: cleanEnv(env) });
      expect({ stderr, status }).toEqual({ stderr: '', status: 0 });
      expect(stdout.trimEnd().split('\n').at(-1)).toBe('─'.repeat(10_000));
    }
  });
});

describe('show loads only what a section needs', () => {
  /** The modules a successful run resolves, from the import tracer. */
  function modulesOf(args: string[], env = cleanEnv()): string[] {
    const { status, modules } = modulesLoaded(args, env);
    expect(status).toBe(0);
    return modules;
  }

  test('a section without a diagram does not load the diagram renderer; one with a diagram does', () => {
    expect(modulesOf(['show', '6.5']).some((url) => /dist\/draw-/.test(url))).toBe(false);
    expect(modulesOf(['show', '6.4']).some((url) => /dist\/draw-/.test(url))).toBe(true);
  });

  test('highlight.js: not at all without colour; in colour only its core and the six grammars, never every language', () => {
    const code = fixturePath('code-blocks.md');
    expect(modulesOf(['-f', code, 'show', 'shell']).some((url) => /highlight|syntax-colour/.test(url))).toBe(false);
    const loaded = modulesOf(['-f', code, 'show', 'shell'], cleanEnv({ FORCE_COLOR: '1' })).filter((url) =>
      url.includes('/node_modules/highlight.js/'),
    );
    expect(loaded.some((url) => url.endsWith('/lib/core.js'))).toBe(true);
    expect(loaded.some((url) => /\/lib\/(index|common)\.js$/.test(url))).toBe(false);
    const grammars = loaded.filter((url) => url.includes('/languages/')).map((url) => url.split('/').pop());
    expect(new Set(grammars)).toEqual(new Set(['bash.js', 'go.js', 'json.js', 'python.js', 'typescript.js', 'yaml.js']));
  });

  test('the terminal renderer, marked-terminal in it, is loaded by show and not by list or --version', () => {
    const terminal = (args: string[]) => modulesOf(args).some((url) => /dist\/sections-/.test(url));
    expect(terminal(['show', '6.5'])).toBe(true);
    expect(terminal(['list'])).toBe(false);
    expect(terminal(['--version'])).toBe(false);
  });

  test("the build bundles marked-terminal with the lean highlighter in place of cli-highlight and node-emoji's data left out", () => {
    const bundled = [...bundledInputs().values()].flat();
    expect(bundled).toContain('node_modules/marked-terminal/index.js');
    expect(bundled).toContain('src/render/terminal/cli-highlight-lean.ts');
    expect(bundled.filter((source) => /node_modules\/(cli-highlight|emojilib)\//.test(source))).toEqual([]);
    // at run time only Node's own modules and highlight.js's core and six grammars (cli-highlight would import it all)
    const built = readdirSync(repoPath('dist'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(repoPath(`dist/${name}`), 'utf8'))
      .join('\n');
    const imported = [...built.matchAll(/\brequire\("([^".][^"]*)"\)/g)].map((match) => match[1]);
    const grammars = ['bash', 'go', 'json', 'python', 'typescript', 'yaml'].map((name) => `highlight.js/lib/languages/${name}`);
    expect(new Set(imported.filter((name) => !isBuiltin(name)))).toEqual(new Set(['highlight.js/lib/core', ...grammars]));
  });
});
