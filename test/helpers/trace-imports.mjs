// Loaded with `node --import`: prints every module the program resolves to stderr, so a test can tell what a command loads.
import { register } from 'node:module';
register(
  'data:text/javascript,' +
    encodeURIComponent(`
import { writeSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  // written at once: the hooks run on a thread of their own, whose buffered output is lost if the program exits first
  writeSync(2, '[import] ' + result.url + '\\n');
  return result;
}`),
);
