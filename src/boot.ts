// The built CLI's start (bin/kubenotes.js loads it), a file of its own: help from the two files that hold it, before
// the cache is even looked for; a command run before the same way on the same notes from its answer (io/answers.ts),
// before the program is loaded; anything else with the program's files compiled from the code earlier runs kept
// (io/kept-code.ts).
import { createRequire } from 'node:module';
import { asksForHelp } from './help-request.js';

// the program, its loader and the answers are files of the build beside this one (the answers' alone, in one file:
// loaded before anything else of the program), not bundled into it: each loaded only when needed
const requireBuilt = createRequire(import.meta.url);

if (asksForHelp(process.argv.slice(2))) requireBuilt('./main.js');
else if (!(requireBuilt('./io/answers.js') as typeof import('./io/answers.js')).printedAnswer(process))
  (requireBuilt('./io/kept-code.js') as typeof import('./io/kept-code.js')).loadWithKeptCode(new URL('./main.js', import.meta.url));
