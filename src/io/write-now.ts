// Writing a whole answer to standard output at once, without process.stdout, whose stream costs more to set up than
// a short answer takes to write.
import { writeSync } from 'node:fs';

/** Writes `text` to file descriptor 1; what a full pipe that will not wait does not take goes through process.stdout. */
export function writeNow(text: string | Uint8Array): void {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(1, bytes, written);
  } catch (error) {
    // a reader that has already gone (EPIPE) needs no answer; a full pipe that will not wait takes it as a stream
    if ((error as NodeJS.ErrnoException).code === 'EAGAIN') process.stdout.write(bytes.subarray(written));
  }
}
