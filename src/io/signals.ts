// Signals while the terminal is kubenotes's or a child's: kubenotes puts the terminal back, or waits for the child.

/** Signals that would end kubenotes at once; the browser ends on them as on Esc, once its terminal is put back. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Until `release`, SIGINT, SIGTERM and SIGHUP abort `signal` instead of ending kubenotes: killed in the middle of a
 * prompt, it would leave the terminal raw, without echo, where the shell cannot read a line.
 */
export function stopOnSignals(): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const onSignal = (): void => controller.abort();
  for (const name of STOP_SIGNALS) process.on(name, onSignal);
  return { signal: controller.signal, release: () => STOP_SIGNALS.forEach((name) => process.off(name, onSignal)) };
}

/**
 * Until `release`, Ctrl-C is the child's to handle (the pager, the editor, which have the terminal): it reaches them
 * and kubenotes alike, and kubenotes waits for the child instead of leaving it behind on the terminal with the shell.
 */
export function holdInterrupts(): { interrupted(): boolean; release(): void } {
  let interrupted = false;
  const onInterrupt = (): void => {
    interrupted = true;
  };
  process.on('SIGINT', onInterrupt);
  return { interrupted: () => interrupted, release: () => process.off('SIGINT', onInterrupt) };
}
