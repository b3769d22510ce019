// node:child_process for the build (an esbuild alias, so also inside commander): requiring it loads streams, sockets
// and pipes, milliseconds of every start, and commander requires it as it loads for executable subcommands, which
// kubenotes has none of. Only the pager and the editor spawn, and the real module is required when one does.
import type * as ChildProcess from 'node:child_process';

let real: typeof ChildProcess | undefined;
// the name without `node:`, which the alias leaves alone
const childProcess = (): typeof ChildProcess => (real ??= require('child_process') as typeof ChildProcess);

export const spawn = ((...args: Parameters<typeof ChildProcess.spawn>) => childProcess().spawn(...args)) as typeof ChildProcess.spawn;
