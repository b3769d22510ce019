// Runs the built CLI as a user does: `node bin/kubenotes.js …`, stdin a pipe (not a TTY), stdout and stderr apart.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoPath } from './notes.js';
import { scratchFolder } from './scratch.js';

export interface CliResult {
  stdout: string;
  stderr: string;
  status: number | null;
}

export interface CliOptions {
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** A configuration folder with no kubenotes/config.json in it. */
const NO_CONFIG = join(tmpdir(), 'kubenotes-tests-without-config');

/** The cache folders of this test file's runs (removed when its tests are done, as every scratch folder is). */
let caches: string | undefined;

/** A new, empty cache folder: runs share a cache only when a test means them to (by reusing one environment). */
export function freshCacheHome(): string {
  caches ??= scratchFolder('kubenotes-tests-cache-');
  return mkdtempSync(join(caches, 'run-'));
}

/**
 * An environment without the user's colour, pager, editor, notes, configuration file and cache, so tests see
 * defaults; its cache folder is new and empty.
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'KUBENOTES_FILE', 'KUBENOTES_DEBUG', 'PAGER', 'COLUMNS', 'VISUAL', 'EDITOR'])
    delete env[name];
  return { ...env, XDG_CONFIG_HOME: NO_CONFIG, XDG_CACHE_HOME: freshCacheHome(), ...extra };
}

/** The built CLI with `args`, run through the `prefix` command (none, or one that changes the user). */
function spawnCli(prefix: string[], args: string[], options: CliOptions): CliResult {
  const [command, ...rest] = [...prefix, process.execPath, repoPath('bin/kubenotes.js'), ...args];
  const result = spawnSync(command, rest, {
    input: options.input ?? '',
    env: options.env ?? cleanEnv(),
    cwd: options.cwd,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

export const runCli = (args: string[], options: CliOptions = {}): CliResult => spawnCli([], args, options);

/** Root reads every file whatever its mode (and CI runs as root): `nobody` can be denied, as a user is. */
const NOBODY = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
const isRoot = process.getuid?.() === 0;
/** Why runCliUnprivileged cannot run here, if it cannot: as root it needs util-linux's setpriv. */
export const unprivilegedUnavailable =
  isRoot && spawnSync('setpriv', ['--version']).status !== 0 ? 'setpriv (util-linux) is not installed' : undefined;

/**
 * runCli as a user whom file modes apply to: as root, as `nobody` through setpriv — the paths it reads must then be
 * open to others (a folder of mode 0755, files of 0644) but for the ones a test closes.
 */
export const runCliUnprivileged = (args: string[], options: CliOptions = {}): CliResult => spawnCli(isRoot ? NOBODY : [], args, options);

/**
 * The source files (`src/…`, `node_modules/…`) whose code a successful run of kubenotes loads: esbuild bundles them
 * into dist/ files and names each one's inputs in the build's metafile; what is not bundled is named by its own URL.
 */
export function sourcesLoaded(args: string[], env = cleanEnv()): string[] {
  const { status, modules } = modulesLoaded(args, env);
  if (status !== 0) throw new Error(`kubenotes ${args.join(' ')} exited with ${status}`);
  return modules.flatMap((url) => {
    if (!url.startsWith('file:') || !url.includes('/dist/')) return [url];
    return bundledInputs().get(basename(fileURLToPath(url))) ?? [];
  });
}

/** The sources bundled into each file of dist/, by its name, from the metafile the build's first pass writes. */
export function bundledInputs(): Map<string, string[]> {
  const { outputs } = JSON.parse(readFileSync(repoPath('node_modules/.cache/kubenotes-build.json'), 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, unknown> }>;
  };
  return new Map(Object.entries(outputs).map(([output, { inputs }]) => [basename(output), Object.keys(inputs)]));
}

/** A run of the CLI with the module tracer: its exit status and every module it loaded, in order. */
export function modulesLoaded(args: string[], env = cleanEnv()): { status: number | null; modules: string[] } {
  const result = spawnSync(
    process.execPath,
    ['--require', repoPath('test/helpers/trace-modules.cjs'), repoPath('bin/kubenotes.js'), ...args],
    {
      env,
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  const modules = result.stderr
    .split('\n')
    .filter((line) => line.startsWith('[module] '))
    .map((line) => line.slice(9));
  return { status: result.status, modules };
}
