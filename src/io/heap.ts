// How far V8 lets its heap grow past what is live before collecting it: by default, for speed, to several times it.
// For a command that goes through 100s of MBs of notes (a first run on a folder, a first search of a common word) that
// headroom is most of its peak memory. Once a command has gone through enough notes, growth is held to half again what
// is live: as fast there, by the benchmark, at about a third less memory. Not from the start: loading V8's settings
// costs more than a small command's whole run. The limit is set anew only by a full collection, and the last one may
// have set it to several times what was live then: the hold collects once, so that it holds from there.
import { createRequire as requireFrom } from 'node:module';

/** The notes (in bytes read, or blocks cut) a command goes through before its heap's growth is held. */
export const HOLD_HEAP_AFTER_BYTES = 16 * 1024 * 1024;

let held = false;

/** Holds the heap's growth (see above) from now on, in this process. */
export function holdHeapGrowth(): void {
  if (held) return;
  held = true;
  const require = requireFrom(import.meta.url);
  const v8 = require('node:v8') as typeof import('node:v8');
  // a V8 setting read each time the heap's limit is set anew, after each full collection
  v8.setFlagsFromString('--heap-growing-percent=50');
  // V8 gives `gc` to contexts made once it is exposed
  v8.setFlagsFromString('--expose-gc');
  const collect = (require('node:vm') as typeof import('node:vm')).runInNewContext('gc') as () => void;
  collect();
}
