// What kubenotes itself may send to a terminal, and what nothing else may: for tests of terminal safety.

/**
 * kubenotes's own SGR sequences: chalk's, for what its themes use (bold, dim, italic, underline, strikethrough, the
 * basic foreground colours) and their resets — one parameter each, as chalk writes them. No blink, no hidden text,
 * no 256 or true colours.
 */
const OWN_SGR = /\u001b\[(?:0|1|2|3|4|9|22|23|24|29|3[0-79]|9[0-7])m/g;
/** kubenotes's own OSC 8 hyperlinks: `ESC ] 8 ; ; url BEL`, the URL without controls (it comes from safe text). */
const OWN_HYPERLINK = /\u001b\]8;;[^\u0000-\u001f\u007f-\u009f]*\u0007/g;

/** Output with kubenotes's own escape sequences taken out: what is left must be text. */
export const withoutOwnEscapes = (output: string): string => output.replace(OWN_SGR, '').replace(OWN_HYPERLINK, '');

/** Anything a terminal acts on: ESC, BEL, backspace, carriage return and the rest of C0 but tab and newline; DEL; C1. */
export const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** The first control character left in the output once kubenotes's own escapes are out, with what is around it. */
export function strayControl(output: string): string | undefined {
  const text = withoutOwnEscapes(output);
  const at = text.search(TERMINAL_CONTROL);
  return at === -1 ? undefined : JSON.stringify(text.slice(Math.max(at - 20, 0), at + 20));
}
