// Note text made safe to print at a terminal: no escape sequence or control character from the notes gets through.
import { stripVTControlCharacters } from 'node:util';

/** C0 controls but tab and newline, DEL, and the C1 controls (0x9B alone opens a CSI sequence on some terminals). */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** `text` without ANSI escape sequences or control characters; tabs and newlines stay. */
export function stripControls(text: string): string {
  return stripVTControlCharacters(text).replace(CONTROLS, '');
}
