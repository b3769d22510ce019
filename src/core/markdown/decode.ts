// Bytes → text: UTF-16 with a BOM, else UTF-8 (BOM skipped), Windows-1252 for bytes that are not UTF-8, then mojibake
// repair outside code (code shows its bytes on purpose).
import { NotText } from '../errors.js';

/** How far into a file a NUL byte marks it as binary. */
const BINARY_PROBE_BYTES = 8192;

/** Windows-1252 bytes 0x80–0x9F; the five it leaves undefined decode to the C1 control of the same value. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Each character a Windows-1252 decoder can produce for a byte ≥ 0x80, mapped back to that byte. */
const CP1252_BYTE = new Map<string, number>();
for (let byte = 0x80; byte <= 0xff; byte++) {
  const char = byte < 0xa0 ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  CP1252_BYTE.set(char, byte);
}

const CONTINUATION_CHARS = [...CP1252_BYTE].filter(([, byte]) => byte >= 0x80 && byte <= 0xbf).map(([char]) => char);
const escapeForClass = (chars: string[]): string => chars.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

/**
 * A lead byte of a multi-byte UTF-8 sequence (Â–ô as Windows-1252) followed by one to three continuation bytes,
 * or by nothing where a closing quote's third byte was lost.
 */
const MOJIBAKE = new RegExp(`[\\u00c2-\\u00f4][${escapeForClass(CONTINUATION_CHARS)}]{1,3}`, 'g');

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Windows-1252 by table: Node 20's TextDecoder('windows-1252') is really ISO-8859-1 and loses “ ” ’ €. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 0x8000;
  for (let from = 0; from < bytes.length; from += CHUNK) {
    const codes = Array.from(bytes.subarray(from, from + CHUNK), (byte) =>
      byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH.charCodeAt(byte - 0x80) : byte,
    );
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}

/** The UTF-16 a byte order mark says the bytes are in, if they start with one. */
function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Is this binary data rather than text: a NUL byte in its first 8 KiB, and no UTF-16 byte order mark? */
export const looksBinary = (bytes: Uint8Array): boolean => !utf16Of(bytes) && bytes.subarray(0, BINARY_PROBE_BYTES).includes(0);

/** Decodes a notes file and repairs its mojibake; `path` only names the file in the error for binary data. */
export const decodeNotes = (bytes: Uint8Array, path: string): string => repairOutsideCode(decodeSource(bytes, path));

/** A notes file's text exactly as its bytes say, before any repair: what `--raw` and Markdown export print. */
export function decodeSource(bytes: Uint8Array, path: string): string {
  if (looksBinary(bytes)) throw new NotText(path);
  const utf16 = utf16Of(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes); // the decoder drops the BOM
  try {
    return strictUtf8.decode(bytes); // the decoder drops a leading BOM
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** A fence line: up to three spaces, then three or more backticks or tildes. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** An inline code span: a run of backticks, text, the same run (CommonMark: neither run touches another backtick). */
const CODE_SPAN = /(?<!`)(`+)(?!`)[^]*?(?<!`)\1(?!`)/g;

/** repairMojibake everywhere but in fenced code blocks and code spans, which are left byte for byte. */
export function repairOutsideCode(text: string): string {
  if (!/[\u00c2-\u00f4]/.test(text)) return text;
  const out: string[] = [];
  let prose = '';
  let fence: string | undefined; // the open fence's run, while inside a block
  for (const line of text.split(/(?<=\n)/)) {
    const run = FENCE.exec(line)?.[1];
    if (fence === undefined && run !== undefined && !(run[0] === '`' && line.slice(line.indexOf(run) + run.length).includes('`'))) {
      out.push(repairProse(prose), line);
      prose = '';
      fence = run;
    } else if (fence !== undefined) {
      out.push(line);
      if (run !== undefined && run[0] === fence[0] && run.length >= fence.length && line.trim() === run) fence = undefined;
    } else prose += line;
  }
  out.push(repairProse(prose));
  return out.join('');
}

/** Repairs prose, leaving its code spans as they are. */
function repairProse(prose: string): string {
  let out = '';
  let from = 0;
  for (const span of prose.matchAll(CODE_SPAN)) {
    out += repairMojibake(prose.slice(from, span.index)) + span[0];
    from = span.index + span[0].length;
  }
  return out + repairMojibake(prose.slice(from));
}

/** Length of the UTF-8 sequence a lead byte opens, or 0 if it opens none. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * Undoes one round of "UTF-8 read as Windows-1252 and saved again". Only a run of characters that re-encodes to
 * one complete, valid UTF-8 sequence of a printable character is replaced, so correct text in any script stays.
 */
export function repairMojibake(text: string): string {
  if (!/[\u00c2-\u00f4]/.test(text)) return text;
  return text.replace(MOJIBAKE, (run: string, offset: number) => {
    const bytes = [...run].map((char) => CP1252_BYTE.get(char) ?? 0);
    const length = sequenceLength(bytes[0]);
    if (length === 0) return run;
    if (bytes.length >= length) {
      const repaired = decodeSequence(bytes.slice(0, length));
      return repaired === undefined ? run : repaired + run.slice(length);
    }
    // "â€" then a space or the end: a right double quote whose third byte (0x9D, undefined in Windows-1252) was lost.
    const next = text[offset + run.length];
    if (run === 'â€' && (next === undefined || /\s/.test(next))) return '\u201d';
    return run;
  });
}

/** The character a complete UTF-8 sequence encodes, if it is valid and printable (not a C1 control). */
function decodeSequence(bytes: number[]): string | undefined {
  try {
    const char = strictUtf8.decode(Uint8Array.from(bytes));
    return char.codePointAt(0)! < 0xa0 ? undefined : char;
  } catch {
    return undefined;
  }
}

/** The length of the valid UTF-8 sequence at `bytes[i]`, or 0 where the bytes there are not UTF-8. */
function validSequenceAt(bytes: Uint8Array, i: number): number {
  const lead = bytes[i];
  if (lead < 0x80) return 1;
  const length = sequenceLength(lead);
  if (length === 0 || i + length > bytes.length) return 0;
  // the second byte's range rules out overlong forms, surrogates and code points past U+10FFFF
  const [low, high] =
    lead === 0xe0
      ? [0xa0, 0xbf]
      : lead === 0xed
        ? [0x80, 0x9f]
        : lead === 0xf0
          ? [0x90, 0xbf]
          : lead === 0xf4
            ? [0x80, 0x8f]
            : [0x80, 0xbf];
  if (bytes[i + 1] < low || bytes[i + 1] > high) return 0;
  for (let k = 2; k < length; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return 0;
  return length;
}

/** A file name's bytes as text to show: UTF-8 where they are UTF-8, each other byte as `\xHH` (as git and ripgrep show them). */
export function decodeName(bytes: Uint8Array): string {
  let name = '';
  for (let i = 0; i < bytes.length;) {
    const length = validSequenceAt(bytes, i);
    if (length === 0) name += `\\x${bytes[i++].toString(16).padStart(2, '0')}`;
    else name += strictUtf8.decode(bytes.subarray(i, (i += length)));
  }
  return name;
}
