// A tmux server of a test's own (no other session or test can get in the way): start a terminal of a size, type,
// read the screen, and wait for what a step expects — never for a time.
import { spawnSync } from 'node:child_process';
import { cleanEnv } from './cli.js';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/** How long the screen may take to show what a step expects, on a busy machine. */
const DEADLINE_MS = 20_000;

export function tmuxServer(name: string, pane: string) {
  const tmux = (...args: string[]): string => {
    const env = cleanEnv({ PAGER: 'less -R' });
    delete env.LESS;
    delete env.TMUX;
    return spawnSync('tmux', ['-L', name, ...args], { encoding: 'utf8', env }).stdout;
  };
  const screen = (escapes = false): string => tmux('capture-pane', '-t', pane, '-p', ...(escapes ? ['-e'] : []));
  /** Waits until the screen shows what `expected` looks for; returns the screen, or fails with the last one seen. */
  async function waitFor(expected: RegExp | ((screen: string) => boolean), what: string): Promise<string> {
    const matches = typeof expected === 'function' ? expected : (text: string) => expected.test(text);
    const deadline = Date.now() + DEADLINE_MS;
    let last = '';
    while (Date.now() < deadline) {
      last = screen();
      if (matches(last)) return last;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the screen never showed ${what}; it shows:\n${last}`);
  }
  return {
    tmux,
    screen,
    waitFor,
    keys: (...names: string[]): void => void tmux('send-keys', '-t', pane, ...names),
    type: (text: string): void => void tmux('send-keys', '-t', pane, '-l', text),
    /** A new terminal of this size running sh with a bare prompt. */
    open: (columns: number, rows: number): void => {
      tmux('kill-session', '-t', pane);
      tmux('new-session', '-d', '-s', pane, '-x', String(columns), '-y', String(rows), 'sh');
      tmux('send-keys', '-t', pane, "PS1='$ '", 'Enter');
    },
  };
}
