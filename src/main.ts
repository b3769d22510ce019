// Entry point of the built CLI: run kubenotes on this process and leave its exit code.
import { run } from './cli.js';

process.stdout.on('error', () => {}); // a reader that stops early (`| head`) is not an error: EPIPE ends output quietly
process.exitCode = await run({ argv: process.argv, env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
