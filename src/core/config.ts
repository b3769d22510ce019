// The configuration file's settings: its JSON checked against the settings kubenotes knows, with a reason if not.
import { ConfigInvalid } from './errors.js';

export interface Config {
  /** The notes when there is no --file and no KUBENOTES_FILE; paths as written in the file. */
  notes?: string[];
  /** The pager when PAGER is not set; "" never pages. */
  pager?: string;
  width?: number;
  theme?: ThemeName;
  /** No warnings about the notes (as --quiet). */
  quiet?: boolean;
  /** Whether the browser shows its preview; --preview and --no-preview override it. */
  preview?: boolean;
}

/** The themes: `standard` reads on dark and light backgrounds, `dark` and `light` suit one; `plain` has no style at all. */
export const THEME_NAMES = ['standard', 'dark', 'light', 'plain'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

type Check = (value: unknown) => string | undefined;

const isPath = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** Each setting and what is wrong with a value for it, if anything. */
const CHECKS: Record<keyof Config, Check> = {
  notes: (value) =>
    isPath(value) || (Array.isArray(value) && value.length > 0 && value.every(isPath)) ? undefined : 'a path or a list of paths',
  pager: (value) => (typeof value === 'string' ? undefined : 'a command, or "" for none'),
  width: (value) => (Number.isInteger(value) && (value as number) >= 1 ? undefined : 'a whole number of 1 or more'),
  theme: (value) => (THEME_NAMES.includes(value as ThemeName) ? undefined : `one of ${THEME_NAMES.map((n) => `"${n}"`).join(', ')}`),
  quiet: (value) => (typeof value === 'boolean' ? undefined : 'true or false'),
  preview: (value) => (typeof value === 'boolean' ? undefined : 'true or false'),
};

const KNOWN = Object.keys(CHECKS) as Array<keyof Config>;

/** The settings in a configuration file's text; `path` only names the file in the message of a ConfigInvalid. */
export function parseConfig(text: string, path: string): Config {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, '')); // editors on Windows start UTF-8 with a BOM, which JSON.parse refuses
  } catch (error) {
    throw new ConfigInvalid(path, `not valid JSON (${(error as Error).message})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new ConfigInvalid(path, 'expected a JSON object of settings, like {"width": 100}');
  const settings = json as Record<string, unknown>;
  for (const [key, value] of Object.entries(settings)) {
    if (!KNOWN.includes(key as keyof Config)) throw new ConfigInvalid(path, `unknown setting "${key}" (known: ${KNOWN.join(', ')})`);
    const wrong = CHECKS[key as keyof Config](value);
    if (wrong) throw new ConfigInvalid(path, `"${key}" must be ${wrong}, not ${JSON.stringify(value)}`);
  }
  const { notes, pager, width, theme, quiet, preview } = settings as Config & { notes?: string | string[] };
  return { notes: notes === undefined ? undefined : [notes].flat(), pager, width, theme, quiet, preview };
}
