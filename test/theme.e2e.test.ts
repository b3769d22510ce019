// --theme and the configuration file's theme reach everything kubenotes paints — list, search, links, check and help
// — where colour is on; --no-color and NO_COLOR leave it all plain.
import { describe, expect, test } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, runCli } from './helpers/cli.js';
import { fixturePath } from './helpers/notes.js';
import { scratchFolder } from './helpers/scratch.js';

const ESCAPE = /\u001b\[/;
const links = fixturePath('links');

/** What each painted view prints; `check` exits 1 on its broken links. */
const VIEWS: Array<[string, string[]]> = [
  ['list', ['list']],
  ['search', ['search', 'prometheus']],
  ['links', ['-f', links, 'links', 'broken links']],
  ['check', ['-f', links, 'check']],
  ['help', ['--help']],
  ["a command's help", ['help', 'search']],
];

const run = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { env: cleanEnv({ FORCE_COLOR: '1', ...env }) }).stdout;

function configHome(theme: string): string {
  const home = scratchFolder('kubenotes-theme-');
  mkdirSync(join(home, 'kubenotes'));
  writeFileSync(join(home, 'kubenotes', 'config.json'), JSON.stringify({ theme }));
  return home;
}

describe.each(VIEWS)('%s', (_view, args) => {
  test('--theme light and --theme dark paint it differently; the text is the same', () => {
    const lightText = run(['--theme', 'light', ...args]);
    const darkText = run(['--theme', 'dark', ...args]);
    expect(lightText).toMatch(ESCAPE);
    expect(darkText).toMatch(ESCAPE);
    expect(lightText).not.toBe(darkText);
    const plainText = run(['--no-color', ...args]);
    expect(lightText.replace(/\u001b\[\d+m/g, '')).toBe(plainText);
  });

  test("the configuration file's theme reaches it, and --theme wins over it", () => {
    const configured = { XDG_CONFIG_HOME: configHome('light') };
    expect(run(args, configured)).toBe(run(['--theme', 'light', ...args]));
    expect(run(['--theme', 'dark', ...args], configured)).toBe(run(['--theme', 'dark', ...args]));
  });

  test('--no-color and NO_COLOR: no colour in any theme', () => {
    expect(run(['--no-color', '--theme', 'dark', ...args])).not.toMatch(ESCAPE);
    expect(runCli(['--theme', 'dark', ...args], { env: cleanEnv({ NO_COLOR: '1' }) }).stdout).not.toMatch(ESCAPE);
  });
});

describe('--theme', () => {
  test('names one of the themes', () => {
    const { stderr, status } = runCli(['--theme', 'sepia', 'list']);
    expect(stderr).toMatch(/^kubenotes: .*sepia.*standard, dark, light, plain/);
    expect(status).toBe(2);
  });

  test('the standard theme is the default', () => {
    expect(run(['--theme', 'standard', 'show', '6.5'])).toBe(run(['show', '6.5']));
  });

  test('a broken configuration file does not stop help in colour', () => {
    const home = scratchFolder('kubenotes-theme-');
    mkdirSync(join(home, 'kubenotes'));
    writeFileSync(join(home, 'kubenotes', 'config.json'), '{ "theme": ');
    const { stdout, status } = runCli(['--theme', 'dark', '--help'], { env: cleanEnv({ FORCE_COLOR: '1', XDG_CONFIG_HOME: home }) });
    expect(stdout).toMatch(ESCAPE);
    expect(status).toBe(0);
  });
});
