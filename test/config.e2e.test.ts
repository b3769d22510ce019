// The configuration file as a user meets it: command line > environment > config file > defaults, and a broken file
// stops kubenotes with one line (exit 2) but never help or completion.
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, runCli } from './helpers/cli.js';
import { fixturePath, repoPath } from './helpers/notes.js';
import { scratchFolder } from './helpers/scratch.js';

const scratch = scratchFolder('kubenotes-config-');

/** An XDG_CONFIG_HOME whose kubenotes/config.json holds `text`. */
function configHome(text: string): string {
  const home = mkdtempSync(join(scratch, 'xdg-'));
  mkdirSync(join(home, 'kubenotes'));
  writeFileSync(join(home, 'kubenotes', 'config.json'), text);
  return home;
}

const titles = (stdout: string): string[] => JSON.parse(stdout).sections.map((s: { title: string }) => s.title);

describe('notes: --file > KUBENOTES_FILE > "notes" > the bundled notes', () => {
  const xdg = configHome(JSON.stringify({ notes: fixturePath('crlf.md') }));
  test.each([
    ['the config file', [], {}, ['First', 'Second', 'Third']],
    ['KUBENOTES_FILE over it', [], { KUBENOTES_FILE: fixturePath('folder') }, ['One', 'Two', 'Three']],
    ['--file over both', ['-f', fixturePath('outline.md')], { KUBENOTES_FILE: fixturePath('folder') }, ['Contents', 'Alpha talk']],
  ])('%s', (_name, args, env, expected) => {
    const { stdout, status } = runCli(['list', '--json', ...(args as string[])], { env: cleanEnv({ XDG_CONFIG_HOME: xdg, ...env }) });
    expect(status).toBe(0);
    expect(titles(stdout).slice(0, expected.length)).toEqual(expected);
  });

  test('without a config file, the bundled notes', () => {
    expect(JSON.parse(runCli(['list', '--json']).stdout).title).toBe('Session Notes and Thoughts');
  });
});

describe('width: --width > COLUMNS > the config file > the terminal, else 80', () => {
  test('"width" wraps rendered sections as COLUMNS would; COLUMNS and --width win over it', () => {
    const xdg = configHome('{"width": 40}');
    const at = (args: string[], env: NodeJS.ProcessEnv) => runCli(['show', '1.1', ...args], { env: cleanEnv(env) }).stdout;
    const configured = at([], { XDG_CONFIG_HOME: xdg });
    expect(configured).toBe(at([], { COLUMNS: '40' }));
    expect(configured).not.toBe(at([], {}));
    expect(at([], { XDG_CONFIG_HOME: xdg, COLUMNS: '100' })).toBe(at([], { COLUMNS: '100' }));
    expect(at(['--width', '100'], { XDG_CONFIG_HOME: xdg, COLUMNS: '60' })).toBe(at([], { COLUMNS: '100' }));
  });
});

// paging needs a terminal: `script` gives kubenotes one, five rows high, so the outline is taller than the screen
const hasScript = spawnSync('script', ['--version']).status === 0;
if (!hasScript) console.warn('skipping the pager precedence test: `script` (util-linux) is not installed');
(hasScript ? describe : describe.skip)('pager: --no-pager > PAGER > "pager" > less', () => {
  const pagedTo = (name: string) => `cat > ${join(scratch, name)}`;
  const atTerminal = (args: string, env: NodeJS.ProcessEnv) =>
    spawnSync('script', ['-qec', `stty rows 5 cols 80; "${process.execPath}" "${repoPath('bin/kubenotes.js')}" ${args}`, '/dev/null'], {
      env: cleanEnv(env),
      input: '',
      timeout: 30_000,
    });

  test('the config file’s pager, PAGER over it, and none with --no-pager', () => {
    const xdg = configHome(JSON.stringify({ pager: pagedTo('by-config') }));
    atTerminal('list', { XDG_CONFIG_HOME: xdg });
    expect(readFileSync(join(scratch, 'by-config'), 'utf8')).toContain('Prometheus');
    const overridden = configHome(JSON.stringify({ pager: pagedTo('overridden') }));
    atTerminal('list', { XDG_CONFIG_HOME: overridden, PAGER: pagedTo('by-env') });
    expect(existsSync(join(scratch, 'by-env'))).toBe(true);
    atTerminal('list --no-pager', { XDG_CONFIG_HOME: overridden });
    expect(existsSync(join(scratch, 'overridden'))).toBe(false);
  });
});

describe('a broken config file', () => {
  const xdg = configHome('{"width": 100,}');
  const env = cleanEnv({ XDG_CONFIG_HOME: xdg });

  test('stops a command with one line on stderr naming the file, exit 2, nothing on stdout', () => {
    const { stdout, stderr, status } = runCli(['list'], { env });
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^kubenotes: ${join(xdg, 'kubenotes', 'config.json')}: not valid JSON \\(.+\\)\\n$`));
  });

  test('does not stop help, or completion (which offers no sections rather than an error)', () => {
    expect(runCli(['--help'], { env }).status).toBe(0);
    expect(runCli(['completion', 'bash'], { env }).status).toBe(0);
    expect(runCli(['__complete', '--', 'show', ''], { env })).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(runCli(['__complete', '--', 'sh'], { env }).stdout).toMatch(/^show\t/m);
  });
});

describe('theme', () => {
  test('"plain" renders without style even where colour is on; "standard" is the default', () => {
    const ansi = /\u001b\[/;
    const show = (env: NodeJS.ProcessEnv) => runCli(['show', '6.5'], { env: cleanEnv({ FORCE_COLOR: '1', ...env }) }).stdout;
    expect(show({})).toMatch(ansi);
    expect(show({ XDG_CONFIG_HOME: configHome('{"theme": "standard"}') })).toMatch(ansi);
    expect(show({ XDG_CONFIG_HOME: configHome('{"theme": "plain"}') })).not.toMatch(ansi);
  });
});
