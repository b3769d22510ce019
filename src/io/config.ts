// Reading the configuration file: $XDG_CONFIG_HOME/kubenotes/config.json, else ~/.config/kubenotes/config.json.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parseConfig, type Config } from '../core/config.js';
import { ConfigInvalid } from '../core/errors.js';
import { expandHome } from '../core/home.js';
import { reasonFor } from './notes-file.js';
import { STDIN_PATH } from './sources.js';

const homeOf = (env: NodeJS.ProcessEnv): string => env.HOME || homedir();

/** Where the configuration file is; a relative XDG_CONFIG_HOME is ignored, as the XDG spec says. */
export function configPath(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(homeOf(env), '.config');
  return join(base, 'kubenotes', 'config.json');
}

/** The settings of the configuration file; none when there is no file. Throws ConfigInvalid for a broken one. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const path = configPath(env);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return {};
    throw new ConfigInvalid(path, reasonFor(error));
  }
  const config = parseConfig(text, path);
  // `~/notes` is in the user's home; `notes` is next to the configuration file
  const place = (notes: string) => (notes === STDIN_PATH ? notes : resolve(dirname(path), expandHome(notes, homeOf(env))));
  return { ...config, notes: config.notes?.map(place) };
}
