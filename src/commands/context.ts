// What every command is handed by the CLI: the notes (loaded on demand), the style and width, and where output goes.
// Loaded only once a command runs, so `--help` and `--version` never pay for chalk, the configuration or the notes.
import type { Config, ThemeName } from '../core/config.js';
import { NothingTagged } from '../core/errors.js';
import type { Collection } from '../core/types.js';
import { stampBeforeReading, type AnswerSources } from '../io/answers.js';
import { configPath, readConfig } from '../io/config.js';
import type { BlockStore, OutputKind } from '../io/cache.js';
import { loadNotes, type LoadedNotes } from '../io/notes.js';
import { wantsPager, writeResult, type Delivery } from '../io/output.js';
import { bundledNotesPath } from '../io/sources.js';
import { outputStyle, terminalColours } from '../io/style.js';
import { lineWidth, outputWidth } from '../io/tty.js';
import type { Style } from '../render/style.js';

/** What the program talks to: the real process by default, a test's own streams in unit tests. */
export interface ProgramIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WritableStream;
  /**
   * Told of each result written to stdout: with what on disk it was made from where it is an output kept for these
   * notes (so that the same command run the same way may print it again without running: answers.ts).
   */
  printed?(text: string, sources: AnswerSources | undefined): void;
}

export interface CommandContext {
  /** The notes named by --file, KUBENOTES_FILE or the bundled default, cut to --under's folder; read once, on first call. */
  notes(): Promise<Collection>;
  /** All the notes, whatever --under says: what links lead to. */
  allNotes(): Promise<Collection>;
  /** Where search keeps the blocks it cuts from these notes between runs, if anywhere. */
  blockStore(): Promise<BlockStore | undefined>;
  style: Style;
  /** Whether stdout is a terminal. */
  terminal: boolean;
  /** Whether output may go through a pager (no `--no-pager`). */
  pager: boolean;
  /** The environment kubenotes runs in (the editor to use, say). */
  env: NodeJS.ProcessEnv;
  /** Columns to render at; at a terminal, its width as it is now (it may have been resized since the start). */
  readonly width: number;
  /** Columns to cut a line of line-based output to: infinite into a pipe when no width was given (see lineWidth). */
  readonly lineWidth: number;
  /** Whether links may be OSC 8 hyperlinks (colour is on and the terminal supports them). */
  hyperlinks: boolean;
  /** The configuration file's `preview` (whether the browser shows one), if set. */
  preview?: boolean;
  /** Writes results to stdout (through the pager when `page` and the terminal calls for it). */
  write(text: string, options?: { page?: boolean }): Promise<Delivery>;
  /**
   * `make()`, which makes a command's output from the notes (as `notes()` gives them), or what it made on an earlier
   * run on the same notes, with the same --under and --tag: `key` names everything else the output is made from.
   */
  kept(kind: OutputKind, key: unknown[], make: () => string | Promise<string>): Promise<string>;
}

/** The global options, as commander parses them. */
export interface GlobalOptions {
  file: string[];
  color: boolean;
  pager: boolean;
  width?: number;
  /** `--theme`: the colours of everything shown, over the configuration file's. */
  theme?: ThemeName;
  /** No warnings about the notes. */
  quiet?: boolean;
  /** Only the pages below this folder of the notes (a command's option). */
  under?: string;
  /** `--tag`: only the notes with this tag (links still lead to all of them). */
  tag?: string;
}

/** The notes to read: every --file, else KUBENOTES_FILE, else the configuration file's, else the bundled notes. */
function notesPaths(options: GlobalOptions, env: NodeJS.ProcessEnv, config: Config): string[] {
  if (options.file.length) return options.file;
  if (env.KUBENOTES_FILE) return [env.KUBENOTES_FILE];
  return config.notes ?? [bundledNotesPath()];
}

/**
 * Each setting from the command line, else the environment, else the configuration file, else its default. What
 * only colour output needs (hyperlink support) is loaded only with colour on.
 */
export async function createContext(options: GlobalOptions, io: ProgramIo): Promise<CommandContext> {
  const configSources = stampBeforeReading(configPath(io.env));
  const config = readConfig(io.env);
  const terminal = terminalColours({ env: io.env, isTTY: Boolean(io.stdout.isTTY), columns: io.stdout.columns });
  let loading: Promise<LoadedNotes> | undefined;
  const load = () => (loading ??= loadNotes(notesPaths(options, io.env, config), io, { quiet: options.quiet || config.quiet }));
  const style = outputStyle({ color: options.color, theme: options.theme, configured: config.theme }, terminal);
  // OSC 8 only with colour on: piped and --no-color output carries no escape at all
  const hyperlinks = style.chalk.level > 0 && (await import('supports-hyperlinks')).default.supportsHyperlink(io.stdout); // a CommonJS module
  /** The output kept last, and what on disk it was made from (see ProgramIo.printed). */
  let lastKept: { text: string; sources?: AnswerSources } | undefined;
  return {
    notes: async () => {
      const { collection } = await load();
      const under =
        options.under === undefined ? collection : (await import('../core/query/under.js')).collectionUnder(collection, options.under);
      if (options.tag === undefined) return under;
      const { taggedCollection } = await import('../core/dialects/tags.js');
      const tagged = taggedCollection(under, options.tag);
      if (tagged.documents.length === 0) throw new NothingTagged(options.tag);
      return tagged;
    },
    allNotes: async () => (await load()).collection,
    blockStore: async () => (await load()).blocks,
    style,
    terminal: terminal.isTTY,
    pager: options.pager,
    env: io.env,
    get width() {
      return outputWidth({ ...terminal, columns: io.stdout.columns }, options.width, config.width);
    },
    get lineWidth() {
      return lineWidth({ ...terminal, columns: io.stdout.columns }, options.width, config.width);
    },
    hyperlinks,
    preview: config.preview,
    write: async (text, { page = false } = {}) => {
      const output = { paging: page && options.pager, stdout: io.stdout, env: io.env, configuredPager: config.pager };
      const delivery = await writeResult(text, output);
      // printed where the pager was not wanted: printed for want of a pager that did not start is not an answer
      const printed = delivery === 'printed' && !wantsPager(text, output);
      io.printed?.(text, printed && text === lastKept?.text ? lastKept.sources : undefined);
      return delivery;
    },
    kept: async (kind, key, make) => {
      const { outputs, sources } = await load();
      if (!outputs) return make();
      const text = await outputs(kind, JSON.stringify([key, options.under ?? null, options.tag ?? null]), make);
      lastKept = {
        text,
        sources: sources &&
          configSources && { ...sources, files: [...configSources.files, ...sources.files], missing: configSources.missing },
      };
      return text;
    },
  };
}
