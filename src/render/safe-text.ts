// Note text made harmless for a terminal: escape sequences and control characters from the notes are removed.

// ECMA-48 string commands (OSC, DCS, SOS, PM, APC), 7-bit or C1, up to their terminator — or the end of the line,
// so that an unterminated one cannot swallow the rest of the notes.
const STRING_COMMAND = /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[^\n]*?(?:\u0007|\u001b\\|\u009c|(?=\n)|$)/g;
// Control sequences: CSI parameters, intermediates and the final byte.
const CONTROL_SEQUENCE = /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?/g;
// Any other escape: ESC, intermediates, a final byte (ESC c resets the terminal, ESC ( 0 switches its charset).
const OTHER_ESCAPE = /\u001b[\u0020-\u002f]*[\u0030-\u007e]?/g;
// What is left of C0 (tab and newline are text), DEL and C1: BEL, backspace, carriage return, form feed, …
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text with its control characters removed (what is left of an escape sequence shows as text); tabs and newlines stay. */
export const withoutControlCharacters = (text: string): string => text.replace(CONTROL_CHARACTER, '');

/** Text from the notes with every escape sequence and control character removed; tabs and newlines stay. */
export function safeText(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .replace(STRING_COMMAND, '')
    .replace(CONTROL_SEQUENCE, '')
    .replace(OTHER_ESCAPE, '')
    .replace(CONTROL_CHARACTER, '');
}

/** Bidirectional embeddings, overrides and isolates: they reorder what a line shows (U+202E makes `txt.exe` read `exe.txt`). */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;
/** Whatever breaks a line or acts on a terminal, in a name (or a line: see lineText). */
const NAME_ESCAPED = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NEEDS_ESCAPING = new RegExp(NAME_ESCAPED.source); // not global: test() keeps no place
const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r' };

/** A character as an escape a reader can see: \n, \x1b, \u{202e}. */
const visible = (char: string): string => {
  const code = char.codePointAt(0)!;
  return NAMED_ESCAPES[char] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`);
};

/** Text from the notes for one line of line-based output: made safe, line breaks as spaces, bidi controls shown escaped. */
export const lineText = (text: string): string =>
  // nearly every title has nothing to change: tested once rather than copied by seven replaces (a folder's list has 10,000s)
  NEEDS_ESCAPING.test(text)
    ? safeText(text)
        .replace(/[\n\u2028\u2029]/g, ' ')
        .replace(BIDI_CONTROL, visible)
    : text;

/** Text from the notes for one line: made safe, its blanks folded to single spaces, bidi controls shown escaped. */
export const printable = (text: string): string => lineText(text).replace(/\s+/g, ' ').trim();

/** A file name as git and ripgrep show one: a newline, control character or bidi control escaped, so no name forges a line. */
export const escapedName = (name: string): string => name.replace(NAME_ESCAPED, visible);

/** Where in `text` safeText removes characters: what a view that keeps each character's index must leave out. */
export function unsafeIndexes(text: string): Set<number> {
  const removed = new Set<number>();
  for (const pattern of [STRING_COMMAND, CONTROL_SEQUENCE, OTHER_ESCAPE, CONTROL_CHARACTER]) {
    for (const match of text.matchAll(pattern)) for (let i = match.index; i < match.index + match[0].length; i++) removed.add(i);
  }
  return removed;
}
