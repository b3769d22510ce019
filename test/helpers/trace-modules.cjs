// Loaded with `node --require`: prints every module the program loads to stderr, as a URL (`file:…`, `node:…`), so a
// test can tell what a command loads. The build is CommonJS: every module comes through require, or, for the files of
// dist/ that src/io/kept-code.ts compiles with their kept code, through a vm.Script.
const Module = require('node:module');
const vm = require('node:vm');
const { writeSync } = require('node:fs');
const { pathToFileURL } = require('node:url');

// written at once: buffered output is lost if the program exits first
const trace = (url) => writeSync(2, `[module] ${url}\n`);

// Node's own modules are loaded without being resolved; files are resolved first
const load = Module._load;
Module._load = function (request, ...rest) {
  if (Module.isBuiltin(request)) trace(request.startsWith('node:') ? request : `node:${request}`);
  return load.call(this, request, ...rest);
};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const file = resolve.call(this, request, ...rest);
  // a file already loaded is resolved again when asked for from another folder: it is not loaded again
  if (!Module.isBuiltin(file) && !Module._cache[file]) trace(pathToFileURL(file).href);
  return file;
};
// kept-code.ts reads vm.Script from the module as it compiles each file
const { Script } = vm;
vm.Script = class TracedScript extends Script {
  constructor(code, options) {
    if (options?.filename) trace(pathToFileURL(options.filename).href);
    super(code, options);
  }
};
