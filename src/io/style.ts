// The style of everything kubenotes shows: the colour level from the flags, environment and terminal (see tty.ts),
// and the theme from --theme, else the configuration file's, else the standard one.
import { supportsColor } from 'chalk';
import type { ThemeName } from '../core/config.js';
import { createStyle, type Style } from '../render/style.js';
import { THEMES } from '../render/theme.js';
import { colorLevel, type TerminalEnvironment } from './tty.js';

export interface StyleChoice {
  /** false with `--no-color`. */
  color: boolean;
  /** `--theme`. */
  theme?: ThemeName;
  /** The configuration file's theme. */
  configured?: ThemeName;
}

/** The level the terminal can show (chalk's reading of it), for output at a terminal with colour on. */
export const terminalColours = (terminal: Omit<TerminalEnvironment, 'supportedLevel'>): TerminalEnvironment => ({
  ...terminal,
  supportedLevel: supportsColor ? supportsColor.level : 0,
});

export function outputStyle({ color, theme, configured }: StyleChoice, terminal: TerminalEnvironment): Style {
  return createStyle(colorLevel(color, terminal), THEMES[theme ?? configured ?? 'standard']);
}
