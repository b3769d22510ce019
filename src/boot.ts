// The built CLI's start (bin/kubenotes.js loads it): help from the two files that hold it, before the cache is even
// looked for; anything else with the program's files compiled from the code earlier runs kept (io/kept-code.ts).
import { asksForHelp } from './help-request.js';

async function start(): Promise<void> {
  if (asksForHelp(process.argv.slice(2))) await import('./main.js');
  else (await import('./io/kept-code.js')).loadWithKeptCode(new URL('./main.js', import.meta.url));
}

// what cannot start fails the process, as main.ts's own failures do
start().catch((error: unknown) =>
  setImmediate(() => {
    throw error;
  }),
);
