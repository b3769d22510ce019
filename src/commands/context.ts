// What every command is handed by the CLI: the notes (loaded on demand), the style and width, and where output goes.
import type { Collection } from '../core/types.js';
import type { Style } from '../render/style.js';

export interface CommandContext {
  /** The notes named by --file, KUBENOTES_FILE or the bundled default; read once, on first call. */
  notes(): Promise<Collection>;
  style: Style;
  /** The environment kubenotes runs in (the editor to use, say). */
  env: NodeJS.ProcessEnv;
  width: number;
  /** Writes results to stdout (through the pager when `page` and the terminal calls for it). */
  write(text: string, options?: { page?: boolean }): Promise<void>;
}
