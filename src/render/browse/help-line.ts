// The browser's help line, its keys in kubenotes's own colours (so --no-color and NO_COLOR hold), cut to the width.
import { cutToWidth } from '../fit.js';
import type { Style } from '../style.js';

/** A key and what it does, as the help line lists them. */
export type KeyHelp = [key: string, action: string];

const KEY_SEPARATOR = ' • ';

/** The help line: inquirer's keys, then the browser's, dimmed; keys that do not fit are cut off with an ellipsis. */
export function keysHelpLine(keys: KeyHelp[], width: number, style: Style): string {
  const plain = keys.map(([key, action]) => `${key} ${action}`).join(KEY_SEPARATOR);
  if (cutToWidth(plain, width) !== plain) return style.dim(cutToWidth(plain, width));
  return keys.map(([key, action]) => `${style.title(key)} ${style.dim(action)}`).join(style.dim(KEY_SEPARATOR));
}

/** The line under a section shown without the pager, until a key is pressed. */
export const backHint = (style: Style): string => `\n${style.dim('any key: back to the list • esc: quit')}`;
