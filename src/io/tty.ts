// What the terminal on the other end can take: colour and width, decided once from flags, environment and stream.

/** The streams and environment a decision is made from; tests pass their own. */
export interface TerminalEnvironment {
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  columns?: number;
  /** Colour level the terminal reports (chalk's supportsColor), used when colour is on at a TTY. */
  supportedLevel?: number;
}

/** Colour level 0–3: `--no-color` wins, then FORCE_COLOR, then NO_COLOR, then whether stdout is a terminal. */
export function colorLevel(flag: boolean, terminal: TerminalEnvironment): 0 | 1 | 2 | 3 {
  if (!flag) return 0;
  const force = terminal.env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const level = Number.parseInt(force, 10);
    return Number.isNaN(level) || force === '' ? 1 : (Math.min(Math.max(level, 1), 3) as 1 | 2 | 3);
  }
  if (terminal.env.NO_COLOR) return 0;
  if (!terminal.isTTY || terminal.env.TERM === 'dumb') return 0;
  return Math.min(Math.max(terminal.supportedLevel ?? 1, 1), 3) as 1 | 2 | 3;
}

const DEFAULT_WIDTH = 80;
export const MIN_WIDTH = 20;
/** No terminal is wider; a rule as wide as `--width 1e21` is no string at all. */
export const MAX_WIDTH = 10_000;

/**
 * Columns to wrap at: `--width`, else COLUMNS, else the configuration file's width, else the terminal's width, else
 * 80 — command line over environment over configuration over what the terminal reports by default.
 */
export function outputWidth(terminal: TerminalEnvironment, flag?: number, configured?: number): number {
  const columns = Number.parseInt(terminal.env.COLUMNS ?? '', 10);
  const detected = terminal.isTTY && terminal.columns ? terminal.columns : DEFAULT_WIDTH;
  return Math.min(Math.max(flag || (columns > 0 ? columns : 0) || configured || detected, MIN_WIDTH), MAX_WIDTH);
}

/**
 * Columns to cut a line of `list`, `search`, `links` or `check` to: the output width at a terminal or when one was
 * given (`--width`, COLUMNS, the configuration file); into a pipe with none given, lines are whole, for the tools that
 * read them (`grep`, an editor's quickfix list).
 */
export function lineWidth(terminal: TerminalEnvironment, flag?: number, configured?: number): number {
  const given = flag || Number.parseInt(terminal.env.COLUMNS ?? '', 10) > 0 || configured;
  return terminal.isTTY || given ? outputWidth(terminal, flag, configured) : Number.POSITIVE_INFINITY;
}
