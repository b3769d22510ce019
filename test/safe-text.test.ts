// safeText: what the notes hold that a terminal would act on is removed; everything else is left as it is.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { lineText, safeText } from '../src/render/safe-text.js';

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('safeText', () => {
  test.each([
    ['CSI colour and screen clear', 'a\u001b[31mred\u001b[0m\u001b[2J\u001b[Hb', 'aredb'],
    ['CSI with private parameters', 'a\u001b[?1049hb', 'ab'],
    ['OSC window title ended by BEL', 'a\u001b]0;pwned\u0007b', 'ab'],
    ['OSC 8 hyperlink ended by ST', 'a\u001b]8;;https://evil\u001b\\click\u001b]8;;\u001b\\b', 'aclickb'],
    ['an unterminated OSC ends at the line end', 'a\u001b]0;runaway\nnext', 'a\nnext'],
    ['DCS, SOS, PM and APC', '1\u001bPq#0\u001b\\2\u001bXx\u001b\\3\u001b^y\u001b\\4\u001b_z\u001b\\5', '12345'],
    ['C1 CSI and OSC', 'a\u009b31mb\u009d0;t\u009cc', 'abc'],
    ['other escapes: reset, charset, save cursor', 'a\u001bcb\u001b(0c\u001b7d', 'abcd'],
    ['BEL, backspace, carriage return, form feed, DEL', 'a\u0007b\bc\rd\fe\u007ff', 'abcdef'],
    ['a lone ESC at the end', 'a\u001b', 'a'],
  ])('%s', (_name, input, expected) => {
    expect(safeText(input)).toBe(expected);
  });

  test('text, tabs, newlines and every printable script are left as they are', () => {
    const text = 'Tabs\there\nCRLF ends become LF\n’ “quotes” 🤷 日本語 é ñ ß — →';
    expect(safeText(text)).toBe(text);
    expect(safeText('a\r\nb')).toBe('a\nb');
  });

  test('property: no control character survives, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.oneof(
            fc.constantFrom('\u001b', '[', ']', '\u0007', '\\', 'P', '\u009b', '\u009d', '\n', '\r', '\b', ';', 'm', '8'),
            fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
          ),
        }),
        (text) => {
          expect(safeText(text)).not.toMatch(CONTROL);
        },
      ),
    );
  });

  test('property: text without controls is unchanged', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }).map((s) => s.replace(new RegExp(CONTROL.source, 'g'), '').replace(/\r/g, '')),
        (text) => {
          expect(safeText(text)).toBe(text);
        },
      ),
    );
  });
});

describe('lineText', () => {
  /** What no line of line-based output may hold: controls but tab, line breaks, bidi controls. */
  const BREAKS_A_LINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

  test.each([
    ['line breaks become spaces', 'a\nb\u2028c\u2029d', 'a b c d'],
    ['a bidi override is shown escaped', 'txt\u202eexe.md', 'txt\\u{202e}exe.md'],
    ['escapes are removed, a tab stays', 'a\u001b[31mb\tc', 'ab\tc'],
    ['CRLF is one space', 'a\r\nb', 'a b'],
  ])('%s', (_name, input, expected) => {
    expect(lineText(input)).toBe(expected);
  });

  test('property: nothing that breaks a line or acts on a terminal survives; text without any is the very string', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.oneof(
            fc.constantFrom('\u001b', '[', '\u009b', '\n', '\r', '\t', '\u2028', '\u202e', '\u2066', 'm', 'é', '日'),
            fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
          ),
        }),
        (text) => {
          const line = lineText(text);
          expect(line).not.toMatch(BREAKS_A_LINE);
          if (!BREAKS_A_LINE.test(text)) expect(line).toBe(text);
        },
      ),
    );
  });
});
