// What every command is handed by the CLI: the notes (loaded on demand), the style and width, and where output goes.
import type { Collection } from '../core/types.js';
import type { Delivery } from '../io/output.js';
import type { Style } from '../render/style.js';
import type { Theme } from '../render/theme.js';

export interface CommandContext {
  /** The notes named by --file, KUBENOTES_FILE or the bundled default; read once, on first call. */
  notes(): Promise<Collection>;
  style: Style;
  /** Whether stdout is a terminal. */
  terminal: boolean;
  /** The environment kubenotes runs in (the editor to use, say). */
  env: NodeJS.ProcessEnv;
  /** Columns to render at; at a terminal, its width as it is now (it may have been resized since the start). */
  readonly width: number;
  /** Whether links may be OSC 8 hyperlinks (colour is on and the terminal supports them). */
  hyperlinks: boolean;
  /** The theme at a colour terminal (the configuration file's), if not the default. */
  theme?: Theme;
  /** Writes results to stdout (through the pager when `page` and the terminal calls for it). */
  write(text: string, options?: { page?: boolean }): Promise<Delivery>;
}
