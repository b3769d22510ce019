// How a process was run: everything but the files it reads that what it prints may depend on (an answer is kept for
// one invocation: answers.ts).
import { sha256 } from './sha256.js';
import { streamKind } from './stream-kind.js';

export interface Invocation {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The Node that runs it (its own Unicode tables, say). */
  node: string;
  /** What standard input, output and error are (see streamKind); standard output's size where it may be a terminal. */
  terminals: string[];
  columns?: number;
  rows?: number;
}

/** How this process was run; undefined where it cannot be told (its working folder is gone). */
export function invocationOf(process: NodeJS.Process): Invocation | undefined {
  let cwd: string;
  try {
    cwd = process.cwd();
  } catch {
    return undefined;
  }
  const terminals = [0, 1, 2].map(streamKind);
  const size = terminals[1] === 'terminal' ? { columns: process.stdout.columns, rows: process.stdout.rows } : {};
  return { argv: process.argv, cwd, env: process.env, node: process.version, terminals, ...size };
}

/** The hash that names an invocation: the environment's variables in order of their names. */
export function invocationHash({ argv, cwd, env, node, terminals, columns, rows }: Invocation): string {
  const variables = Object.keys(env)
    .sort()
    .map((name) => [name, env[name]]);
  return sha256(JSON.stringify([node, argv, cwd, variables, terminals, columns ?? null, rows ?? null]));
}
