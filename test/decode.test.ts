import { describe, expect, test } from '@jest/globals';
import { decodeName, decodeNotes, decodeWindows1252, repairMojibake } from '../src/core/markdown/decode.js';
import { NotText } from '../src/core/errors.js';
import { bundledBytes } from './helpers/notes.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
/** Text that was UTF-8, read as Windows-1252 and saved again as UTF-8. */
const mojibake = (text: string): string => decodeWindows1252(utf8(text));

describe('repairMojibake', () => {
  test('puts back a four-byte emoji (ðŸ¤· is 🤷)', () => {
    expect(repairMojibake('interested ðŸ¤·')).toBe('interested 🤷');
  });

  test('puts back curly quotes and apostrophes (â€œ, â€™)', () => {
    expect(repairMojibake('â€œWhy Canâ€™t')).toBe('“Why Can’t');
  });

  test('a closing â€ whose third byte was lost, before a space or the end, is ”', () => {
    expect(repairMojibake('Easy!â€ - Understanding')).toBe('Easy!” - Understanding');
    expect(repairMojibake('Easy!â€')).toBe('Easy!”');
  });

  test('a truncated â€ inside a word is left alone', () => {
    expect(repairMojibake('xâ€y')).toBe('xâ€y');
  });

  test.each(['é', 'ü', 'ß', '日本語', 'Ελληνικά', 'русский', '🤷 🎉', 'naïve café Straße', '½ © ® ¿', 'Â', 'Ã'])(
    'round-trips mojibake of %s and leaves the correct text as it is',
    (text) => {
      if (text !== 'Â' && text !== 'Ã') expect(repairMojibake(mojibake(text))).toBe(text);
      expect(repairMojibake(text)).toBe(text);
    },
  );

  test('does not turn a sequence into a C1 control character', () => {
    expect(repairMojibake('Â€')).toBe('Â€'); // would be U+0080
  });
});

describe('decodeNotes', () => {
  test('repairs all three kinds of mojibake in the bundled notes', () => {
    const text = decodeNotes(bundledBytes(), 'kubecon-na-2022.md');
    expect(text).toContain('Watch the recording if interested 🤷\n');
    expect(text).toContain('**Title**: “Why Can’t Kubernetes Devs Just Add This New Feature? Seems So Easy!” - Understanding');
    expect(text).not.toMatch(/ðŸ|â€/);
  });

  test('changes nothing else in the bundled notes', () => {
    const original = bundledBytes().toString('utf8');
    const text = decodeNotes(bundledBytes(), 'kubecon-na-2022.md');
    expect(text.split('\n').length).toBe(original.split('\n').length);
    const changed = text.split('\n').filter((line, i) => line !== original.split('\n')[i]);
    expect(changed).toHaveLength(2);
  });

  test('skips a UTF-8 byte order mark', () => {
    expect(decodeNotes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x23, 0x20, 0x41]), 'x.md')).toBe('# A');
  });

  test('reads bytes that are not UTF-8 as Windows-1252', () => {
    expect(decodeNotes(Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94]), 'x.md')).toBe('café “q”');
  });

  test('refuses a file with a NUL byte in its first 8 KiB', () => {
    expect(() => decodeNotes(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'image.png')).toThrow(NotText);
    expect(() => decodeNotes(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'image.png')).toThrow(/image\.png: not a text file/);
  });

  test('a NUL byte after the first 8 KiB does not make a file binary', () => {
    const bytes = new Uint8Array(9000).fill(0x61);
    bytes[8500] = 0;
    expect(() => decodeNotes(bytes, 'x.md')).not.toThrow();
  });
});

describe('what decoding leaves as it is', () => {
  test('mojibake inside fenced code blocks and code spans is kept: code shows its bytes on purpose', () => {
    const text = [
      'Curly: â€œquotedâ€ and `â€œa spanâ€` and ``a `tick` â€œtooâ€``',
      '',
      '```text',
      'â€œWhy Canâ€™t',
      '```',
      '',
      '~~~~',
      '```',
      'Ã© inside a tilde fence, past a shorter backtick line',
      '~~~~',
      'After: Ã©',
      '',
    ].join('\n');
    // only the prose's two runs are repaired
    const expected = text.replace('Curly: â€œquotedâ€ and', 'Curly: “quoted” and').replace('After: Ã©', 'After: é');
    expect(expected).not.toBe(text);
    expect(decodeNotes(utf8(text), 'x.md')).toBe(expected);
  });

  test.each([
    ['UTF-16LE', Buffer.from([0xff, 0xfe, ...Buffer.from('# Ünïcode — notes\n', 'utf16le')])],
    ['UTF-16BE', Buffer.from([0xfe, 0xff, ...Buffer.from('# Ünïcode — notes\n', 'utf16le').swap16()])],
  ])('%s with a byte order mark is text, not binary', (_name, bytes) => {
    expect(decodeNotes(bytes, 'x.md')).toBe('# Ünïcode — notes\n');
  });
});

test('decodeName: UTF-8 where the bytes are UTF-8, every other byte as \\xHH', () => {
  expect(decodeName(Buffer.from('café 🤷.md'))).toBe('café 🤷.md');
  expect(decodeName(Buffer.from([0x63, 0xe9, 0x2e, 0x6d, 0x64]))).toBe('c\\xe9.md');
  // an overlong slash, a surrogate, a cut sequence at the end
  expect(decodeName(Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x61, 0xe2, 0x82]))).toBe('\\xc0\\xaf\\xed\\xa0\\x80a\\xe2\\x82');
});
