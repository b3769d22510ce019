// The configuration file: its settings checked (core), and found and read where XDG says (io).
import { describe, expect, test } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../src/core/config.js';
import { ConfigInvalid } from '../src/core/errors.js';
import { configPath, readConfig } from '../src/io/config.js';
import { scratchFolder } from './helpers/scratch.js';

const PATH = '/home/me/.config/kubenotes/config.json';
const reason = (text: string): string => {
  try {
    parseConfig(text, PATH);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigInvalid);
    expect((error as ConfigInvalid).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error(`accepted: ${text}`);
};

describe('parseConfig', () => {
  test('every setting; notes as one path or several', () => {
    expect(parseConfig('{"notes": "~/notes", "pager": "less -R", "width": 100, "theme": "plain"}', PATH)).toEqual({
      notes: ['~/notes'],
      pager: 'less -R',
      width: 100,
      theme: 'plain',
    });
    expect(parseConfig('{"notes": ["a.md", "b"]}', PATH).notes).toEqual(['a.md', 'b']);
    expect(parseConfig('{"pager": ""}', PATH).pager).toBe('');
    expect(parseConfig('{}', PATH)).toEqual({});
  });

  test('a file that starts with a UTF-8 byte order mark, as Windows editors write it, is read', () => {
    expect(parseConfig('\ufeff{"width": 100}', 'config.json')).toEqual(parseConfig('{"width": 100}', 'config.json'));
  });

  test('a broken file is one line that names the file and says what is wrong', () => {
    expect(reason('{"width": 100,}')).toMatch(new RegExp(`^${PATH}: not valid JSON \\(.+\\)$`));
    expect(reason('')).toMatch(/not valid JSON/);
    expect(reason('[1]')).toBe(`${PATH}: expected a JSON object of settings, like {"width": 100}`);
    expect(reason('{"widht": 100}')).toBe(`${PATH}: unknown setting "widht" (known: notes, pager, width, theme, quiet, preview)`);
    expect(reason('{"width": "wide"}')).toBe(`${PATH}: "width" must be a whole number of 1 or more, not "wide"`);
    expect(reason('{"width": 0}')).toMatch(/"width" must be/);
    expect(reason('{"preview": "no"}')).toBe(`${PATH}: "preview" must be true or false, not "no"`);
    expect(reason('{"notes": []}')).toBe(`${PATH}: "notes" must be a path or a list of paths, not []`);
    expect(reason('{"pager": false}')).toMatch(/"pager" must be a command, or "" for none/);
    expect(reason('{"theme": 3}')).toMatch(/"theme" must be one of "standard", "dark", "light", "plain", not 3/);
    for (const text of ['{"width": 1,}', '{"notes": [1]}']) expect(reason(text)).not.toMatch(/\n/);
  });
});

describe('configPath and readConfig', () => {
  test('$XDG_CONFIG_HOME/kubenotes/config.json, else ~/.config/kubenotes/config.json; a relative XDG_CONFIG_HOME is ignored', () => {
    expect(configPath({ XDG_CONFIG_HOME: '/xdg', HOME: '/home/me' })).toBe('/xdg/kubenotes/config.json');
    expect(configPath({ HOME: '/home/me' })).toBe(PATH);
    expect(configPath({ XDG_CONFIG_HOME: 'relative', HOME: '/home/me' })).toBe(PATH);
  });

  test('no file: no settings; notes paths made absolute: ~ is home, others next to the file; - stays stdin', () => {
    const home = scratchFolder('kubenotes-home-');
    expect(readConfig({ HOME: home })).toEqual({});
    mkdirSync(join(home, '.config', 'kubenotes'), { recursive: true });
    writeFileSync(join(home, '.config', 'kubenotes', 'config.json'), '{"notes": ["~/notes", "work.md", "/abs.md", "-"], "width": 90}');
    expect(readConfig({ HOME: home })).toEqual({
      notes: [join(home, 'notes'), join(home, '.config', 'kubenotes', 'work.md'), '/abs.md', '-'],
      width: 90,
    });
  });

  test('a configuration file that cannot be read is a ConfigInvalid, not a crash', () => {
    const xdg = scratchFolder('kubenotes-xdg-');
    mkdirSync(join(xdg, 'kubenotes', 'config.json'), { recursive: true });
    expect(() => readConfig({ XDG_CONFIG_HOME: xdg })).toThrow(new ConfigInvalid(join(xdg, 'kubenotes', 'config.json'), 'is a folder'));
  });
});
