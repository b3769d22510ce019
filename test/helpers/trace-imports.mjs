// Loaded with `node --import`: prints every module the program resolves to stderr, so a test can tell what a command loads.
import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(`
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  process.stderr.write('[import] ' + result.url + '\\n');
  return result;
}`));
