// Loaded with `node --require`: prints the V8 flags the program sets as it runs (`[v8 flags] …` to stderr as it
// exits), so a test can tell whether a command held its heap's growth (io/heap.ts).
const v8 = require('node:v8');

const flags = [];
const setFlags = v8.setFlagsFromString;
// the build calls v8's functions through the module object, so replacing one here is seen
v8.setFlagsFromString = function (flag) {
  flags.push(flag);
  return setFlags.call(this, flag);
};
process.on('exit', () => process.stderr.write(`[v8 flags] ${flags.join(' ')}\n`));
