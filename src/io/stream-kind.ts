// What a standard stream is, for an answer's invocation and for help's width: node:tty, with net and the streams it
// loads, costs more than printing either.
import { fstatSync, statSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * What a standard stream is: a file, a pipe (or socket), /dev/null, a terminal, another device, or closed. All but a
 * device that is not /dev/null are told without isatty(), whose module costs more to load than an answer.
 */
export function streamKind(fd: number): string {
  let stats: Stats;
  try {
    stats = fstatSync(fd);
  } catch {
    return 'closed';
  }
  if (stats.isFile()) return 'file';
  if (stats.isFIFO() || stats.isSocket()) return 'pipe'; // a socket: what Node's child processes are given for a pipe
  if (stats.isCharacterDevice() && isNullDevice(stats)) return 'null';
  const { isatty } = createRequire(import.meta.url)('node:tty') as typeof import('node:tty');
  return isatty(fd) ? 'terminal' : `device ${stats.rdev}`;
}

function isNullDevice(stats: Stats): boolean {
  try {
    const nothing = statSync('/dev/null');
    return stats.rdev === nothing.rdev && stats.dev === nothing.dev && stats.ino === nothing.ino;
  } catch {
    return false; // no /dev/null here
  }
}

/** Whether the stream `fd` is a terminal. */
export const isTerminal = (fd: number): boolean => streamKind(fd) === 'terminal';
