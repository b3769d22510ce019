// Loaded with `node --require`: counts the program's writeSync calls to files under a folder (KUBENOTES_COUNT_WRITES)
// and prints `[writes] N` to stderr as it exits, so a test can tell how many system calls its files took.
const fs = require('node:fs');

const under = process.env.KUBENOTES_COUNT_WRITES;
const paths = new Map();
let writes = 0;

// the build calls fs's functions through the module object, so replacing them here is seen
const open = fs.openSync;
fs.openSync = function (path, ...rest) {
  const fd = open.call(this, path, ...rest);
  paths.set(fd, String(path));
  return fd;
};
const write = fs.writeSync;
fs.writeSync = function (fd, ...rest) {
  if (paths.get(fd)?.startsWith(under)) writes++;
  return write.call(this, fd, ...rest);
};
process.on('exit', () => write(2, `[writes] ${writes}\n`));
