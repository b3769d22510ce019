// Loaded with `node --require`: prints `[code] <file> kept` or `[code] <file> compiled` to stderr for each file of dist/
// that src/io/kept-code.ts compiles: kept when V8 took the code the cache kept for it.
const vm = require('node:vm');
const { writeSync } = require('node:fs');
const { basename } = require('node:path');

const { Script } = vm;
vm.Script = class TracedScript extends Script {
  constructor(code, options) {
    super(code, options);
    const kept = options?.cachedData !== undefined && !this.cachedDataRejected;
    if (options?.filename) writeSync(2, `[code] ${basename(options.filename)} ${kept ? 'kept' : 'compiled'}\n`);
  }
};
