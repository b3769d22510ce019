import { describe, expect, test } from '@jest/globals';
import { colorLevel, outputWidth } from '../src/io/tty.js';

const at = (env: NodeJS.ProcessEnv, isTTY: boolean) => ({ env, isTTY, supportedLevel: 3 });

describe('colorLevel', () => {
  test('colour at a terminal, none when piped', () => {
    expect(colorLevel(true, at({}, true))).toBe(3);
    expect(colorLevel(true, at({}, false))).toBe(0);
  });
  test('--no-color wins over everything', () => {
    expect(colorLevel(false, at({ FORCE_COLOR: '1' }, true))).toBe(0);
  });
  test('FORCE_COLOR gives colour when piped, at its level; 0 or false turns it off', () => {
    expect(colorLevel(true, at({ FORCE_COLOR: '1' }, false))).toBe(1);
    expect(colorLevel(true, at({ FORCE_COLOR: '3' }, false))).toBe(3);
    expect(colorLevel(true, at({ FORCE_COLOR: '' }, false))).toBe(1);
    expect(colorLevel(true, at({ FORCE_COLOR: '0' }, true))).toBe(0);
    expect(colorLevel(true, at({ FORCE_COLOR: 'false' }, true))).toBe(0);
  });
  test('NO_COLOR turns colour off at a terminal; TERM=dumb too', () => {
    expect(colorLevel(true, at({ NO_COLOR: '1' }, true))).toBe(0);
    expect(colorLevel(true, at({ TERM: 'dumb' }, true))).toBe(0);
  });
});

describe('outputWidth', () => {
  test("COLUMNS, else the terminal's width, else 80", () => {
    expect(outputWidth({ env: {}, isTTY: true, columns: 120 })).toBe(120);
    expect(outputWidth({ env: { COLUMNS: '100' }, isTTY: true, columns: 120 })).toBe(100);
    expect(outputWidth({ env: { COLUMNS: '100' }, isTTY: false })).toBe(100);
    expect(outputWidth({ env: {}, isTTY: false })).toBe(80);
  });
  test('--width wins over the terminal and COLUMNS; 20 at the least', () => {
    expect(outputWidth({ env: { COLUMNS: '100' }, isTTY: true, columns: 120 }, 60)).toBe(60);
    expect(outputWidth({ env: {}, isTTY: false }, 5)).toBe(20);
  });
  test('10,000 at the most, from --width, COLUMNS or the configuration file', () => {
    expect(outputWidth({ env: {}, isTTY: false }, 1e21)).toBe(10_000);
    expect(outputWidth({ env: { COLUMNS: '999999999999' }, isTTY: false })).toBe(10_000);
    expect(outputWidth({ env: {}, isTTY: false }, undefined, 123456)).toBe(10_000);
  });
  test('the configuration file: below --width and COLUMNS, above the terminal', () => {
    expect(outputWidth({ env: {}, isTTY: true, columns: 120 }, undefined, 70)).toBe(70);
    expect(outputWidth({ env: { COLUMNS: '100' }, isTTY: true, columns: 120 }, undefined, 70)).toBe(100);
    expect(outputWidth({ env: { COLUMNS: '100' }, isTTY: true, columns: 120 }, 60, 70)).toBe(60);
  });
});
