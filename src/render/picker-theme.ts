// How the picker looks: inquirer's search prompt styled by kubenotes's own colours (so --no-color and NO_COLOR hold),
// and its help line with the browser's keys, cut to the width.
import { cutToWidth } from './fit.js';
import type { Style } from './style.js';

/** A key and what it does, as the help line lists them. */
export type KeyHelp = [key: string, action: string];

const KEY_SEPARATOR = ' • ';

/** The help line: inquirer's keys, then the browser's, dimmed; keys that do not fit are cut off with an ellipsis. */
export function keysHelpLine(keys: KeyHelp[], width: number, style: Style): string {
  const plain = keys.map(([key, action]) => `${key} ${action}`).join(KEY_SEPARATOR);
  if (cutToWidth(plain, width) !== plain) return style.dim(cutToWidth(plain, width));
  return keys.map(([key, action]) => `${style.title(key)} ${style.dim(action)}`).join(style.dim(KEY_SEPARATOR));
}

/** The theme of inquirer's search prompt (a partial one: what is left out stays inquirer's). */
export function pickerTheme(style: Style, extraKeys: KeyHelp[], width: number) {
  const { chalk } = style;
  return {
    prefix: { idle: style.number('?'), done: style.number('?') },
    spinner: { interval: 80, frames: ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'].map(style.dim) },
    icon: { cursor: '❯' },
    style: {
      answer: style.number,
      message: (text: string) => style.title(text),
      error: (text: string) => style.dim(text),
      help: style.dim,
      highlight: chalk.cyan,
      key: (text: string) => style.title(`<${text}>`),
      searchTerm: (text: string) => text,
      description: style.dim,
      disabled: style.dim,
      keysHelpTip: (keys: KeyHelp[]) => keysHelpLine([...keys, ...extraKeys], width, style),
    },
  };
}

/** The line under a section shown without the pager, until a key is pressed. */
export const backHint = (style: Style): string => `\n${style.dim('any key: back to the list • esc: quit')}`;
