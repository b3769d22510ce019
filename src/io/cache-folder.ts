// Where the cache lives, for the notes' entries and for the program's compiled code (kept-code.ts) alike.
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** Where the cache lives; a relative XDG_CACHE_HOME is ignored, as the XDG spec says. */
export function cacheFolder(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(env.HOME || homedir(), '.cache');
  return join(base, 'kubenotes');
}
