// node:child_process for the build (an esbuild alias, so also inside commander): requiring it loads streams, sockets
// and pipes, milliseconds of every start, and commander requires it as it loads for executable subcommands, which
// kubenotes has none of. Only the pager and the editor spawn, and the real module is required when one does. An ES
// module, so that the build fails if the program imports a name this does not give.
import type * as ChildProcess from 'node:child_process';
import { createRequire as requireFrom } from 'node:module';

let real: typeof ChildProcess | undefined;
// the name without `node:`, which the alias leaves alone
const childProcess = (): typeof ChildProcess => (real ??= requireFrom(import.meta.url)('child_process') as typeof ChildProcess);

export const spawn = ((...args: Parameters<typeof ChildProcess.spawn>) => childProcess().spawn(...args)) as typeof ChildProcess.spawn;
