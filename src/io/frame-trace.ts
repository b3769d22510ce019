// For the typing benchmark: with KUBENOTES_FRAME_TRACE=<file>, each chunk of keys read from the terminal appends
// "<read at> <frame written at>" (wall-clock milliseconds) to the file. Everything a key sets off — filtering, the
// frame, the write — runs before the event loop's next check phase, so setImmediate marks the frame's end.
import { appendFileSync } from 'node:fs';

const now = (): number => performance.timeOrigin + performance.now();

export function traceFrames(input: NodeJS.ReadStream, env: NodeJS.ProcessEnv): { release(): void } {
  const file = env.KUBENOTES_FRAME_TRACE;
  if (!file) return { release() {} };
  const onData = (): void => {
    const read = now();
    setImmediate(() => appendFileSync(file, `${read.toFixed(3)} ${now().toFixed(3)}\n`));
  };
  input.prependListener('data', onData);
  return { release: () => void input.off('data', onData) };
}
