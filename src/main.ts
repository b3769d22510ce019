// Entry point of the built CLI: run kubenotes on this process and leave its exit code.
import { run } from './cli.js';

// a reader that stops early (`| head`, `2>&1 | head`) is not an error: EPIPE ends output quietly, on either stream
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});
process.exitCode = await run({ argv: process.argv, env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
