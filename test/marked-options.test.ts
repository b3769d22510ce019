// Our theme as marked-terminal's options, and the lean cli-highlight that marked-terminal highlights code with.
import { describe, expect, test } from '@jest/globals';
import { Chalk } from 'chalk';
import { highlight, loadHighlighter } from '../src/render/terminal/cli-highlight-lean.js';
import { languageOf } from '../src/render/code/language.js';
import { painter } from '../src/render/paint.js';
import { codeTheme, markedTerminalOptions } from '../src/render/terminal/marked-options.js';
import { plain, standard } from '../src/render/theme.js';

const colour = new Chalk({ level: 1 });
const STYLES = [
  'code',
  'blockquote',
  'html',
  'heading',
  'firstHeading',
  'hr',
  'listitem',
  'table',
  'paragraph',
  'strong',
  'em',
  'codespan',
  'del',
  'link',
  'href',
] as const;
const context = (theme = standard, chalk = colour) => ({
  theme,
  width: 72,
  paint: (element: keyof typeof theme.styles) => painter(theme.styles[element], chalk),
});

describe('markedTerminalOptions', () => {
  test('every style option comes from the theme: bold for strong, the level-1 heading style for the first heading', () => {
    const options = markedTerminalOptions(context(), colour);
    expect(options.strong!('x')).toBe(colour.bold('x'));
    expect(options.firstHeading!('x')).toBe(colour.magenta.bold('x'));
    expect(options.href!('x')).toBe(colour.dim('x'));
    expect(options.blockquote!('x')).toBe(colour.italic('x'));
  });

  test.each([
    ['the plain theme', plain, colour],
    ['no colour', standard, new Chalk({ level: 0 })],
  ])('%s: every style option leaves text as it is', (_name, theme, chalk) => {
    const options = markedTerminalOptions(context(theme, chalk), chalk);
    for (const name of STYLES) expect(options[name]!('text')).toBe('text');
  });

  test('kubenotes wraps, numbers and decodes; the width, the code indent and the image placeholder are ours', () => {
    const options = markedTerminalOptions(context(plain), colour);
    expect(options).toMatchObject({ width: 72, tab: 4, reflowText: false, showSectionPrefix: false, unescape: false, emoji: false });
    expect(options.text!('Q&amp;A\nnext')).toBe('Q&A next');
    expect(options.image!('/a.png', null, 'Alt')).toBe('[image: Alt] /a.png');
  });

  test("codeTheme: the theme's code style by default, each scope its own", () => {
    const theme = codeTheme(standard, colour);
    expect(theme.keyword!('if')).toBe(colour.magenta('if'));
    expect(theme.default!('x')).toBe('x');
  });
});

describe('cli-highlight-lean', () => {
  const theme = codeTheme(standard, colour);

  test('before the highlighter is loaded every language throws, as cli-highlight does for one it does not know', () => {
    expect(() => highlight('echo hi', { language: 'bash', theme })).toThrow();
  });

  test('once loaded: the six languages highlighted with the theme; an unknown or unnamed one still throws', async () => {
    await loadHighlighter();
    expect(highlight('echo "hi"', { language: 'Bash title="x"', theme })).toBe(`${colour.cyan('echo')} ${colour.green('"hi"')}`);
    expect(() => highlight('DISPLAY "X".', { language: 'cobol', theme })).toThrow();
    expect(() => highlight('text', { theme })).toThrow();
  });

  test('languageOf: the first word of the info string, lowercased', () => {
    expect(languageOf(' YAML  title="x"')).toBe('yaml');
    expect(languageOf(undefined)).toBe('');
  });
});
