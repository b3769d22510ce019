// One theme paints everything: every role of kubenotes's own text has a style in each theme, colour comes only
// through the theme (paint.ts is the one module that calls chalk's styles), and no dependency's global is changed.
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { THEME_NAMES } from '../src/core/config.js';
import { keysHelpLine } from '../src/render/browse/help-line.js';
import { createStyle } from '../src/render/style.js';
import { dark, light, plain, ROLES, THEMES } from '../src/render/theme.js';
import { repoPath } from './helpers/notes.js';

const sources = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? sources(path) : /\.c?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
const SOURCES = sources(repoPath('src')).map((path) => ({ file: relative(repoPath(''), path), text: readFileSync(path, 'utf8') }));

/** The lines of src/ (outside `except`) that match, as `file: line`. */
const linesMatching = (pattern: RegExp, except: string[] = []): string[] =>
  SOURCES.filter(({ file }) => !except.includes(file)).flatMap(({ file, text }) =>
    text
      .split('\n')
      .filter((line) => pattern.test(line))
      .map((line) => `${file}: ${line.trim()}`),
  );

describe('themes', () => {
  test.each(THEME_NAMES)('%s: every role has a style, if only the empty one', (name) => {
    const theme = THEMES[name];
    for (const role of ROLES) expect([role, typeof theme.roles[role]]).toEqual([role, 'object']);
  });

  test('every role the source paints with is a role of the themes', () => {
    const painted = new Set(SOURCES.flatMap(({ text }) => [...text.matchAll(/\bstyle\.(\w+)\(/g)].map((match) => match[1])));
    expect(painted.size).toBeGreaterThan(4);
    for (const role of painted) expect(ROLES).toContain(role);
  });

  test.each([
    ['dark', dark],
    ['light', light],
  ] as const)('%s paints every role, and differently from the other', (_name, theme) => {
    const style = createStyle(1, theme);
    const other = createStyle(1, theme === dark ? light : dark);
    for (const role of ROLES) expect([role, style[role]('x') !== 'x']).toEqual([role, true]);
    expect(ROLES.filter((role) => style[role]('x') !== other[role]('x')).length).toBeGreaterThan(4);
  });

  test('without colour every theme is the plain one', () => {
    for (const name of THEME_NAMES) {
      const style = createStyle(0, THEMES[name]);
      expect(style.theme).toBe(plain);
      for (const role of ROLES) expect(style[role]('x')).toBe('x');
    }
  });
});

describe('the views follow the theme they are handed', () => {
  test("the browser's help line: its keys in the theme's key style", () => {
    const keys: Array<[string, string]> = [
      ['⏎', 'select'],
      ['esc', 'quit'],
    ];
    const line = (theme: typeof dark) => keysHelpLine(keys, 80, createStyle(1, theme));
    expect(line(dark)).toContain(createStyle(1, dark).key('⏎'));
    expect(line(light)).toContain(createStyle(1, light).key('⏎'));
    expect(line(dark)).not.toBe(line(light));
  });
});

describe('colour comes only through the theme', () => {
  test("no module but paint.ts calls chalk's styles", () => {
    // any member of a chalk instance but its level: chalk.red, chalk.bold, chalk['cyan'], chalk.hex(…)
    expect(linesMatching(/\bchalk\s*(\.\s*(?!level\b)\w+|\[)/i, ['src/render/paint.ts'])).toEqual([]);
  });

  test("no module takes chalk's global instance or changes a level it does not own", () => {
    expect(linesMatching(/^import\s+[\w$]+\s*(,\s*\{[^}]*\})?\s*from\s*'chalk'/)).toEqual([]);
    expect(linesMatching(/\.level\s*=[^=]/)).toEqual([]);
  });
});
