// Output into a pipe that closes early (`| head -1`): every command ends quietly with its own exit status — no EPIPE
// message, no stack trace — whether stdout or stderr loses its reader.
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv } from './helpers/cli.js';
import { repoPath } from './helpers/notes.js';
import { scratchFolder } from './helpers/scratch.js';

jest.setTimeout(60_000);

let folder: string;
const kubenotes = `'${process.execPath}' '${repoPath('bin/kubenotes.js')}'`;

beforeAll(() => {
  folder = scratchFolder('kubenotes-pipes-');
  // ~400 kB of notes: far more than a pipe holds (64 KiB), so the writer is still writing when head has gone
  const notes = readFileSync(repoPath('notes/kubecon-na-2022.md'), 'utf8');
  writeFileSync(
    join(folder, 'notes.md'),
    Array.from({ length: 8 }, (_, i) => notes.replace('# Session Notes and Thoughts', `## Copy ${i}`)).join('\n'),
  );
  // a folder with more warnings than a pipe holds
  mkdirSync(join(folder, 'warnings'));
  copyFileSync(join(folder, 'notes.md'), join(folder, 'warnings', 'notes.md'));
  for (let i = 0; i < 1500; i++) writeFileSync(join(folder, 'warnings', `binary-${i}.md`), Buffer.from([0]));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs a bash pipeline; kubenotes's exit status from PIPESTATUS, its stderr from a file, and what head printed. */
function pipeline(command: string): { status: number; stderr: string; stdout: string } {
  const stderrFile = join(folder, 'stderr');
  const result = spawnSync('bash', ['-c', `${command.replace('{stderr}', stderrFile)}; echo "STATUS=\${PIPESTATUS[0]}"`], {
    cwd: folder,
    env: cleanEnv({ VISUAL: 'true' }),
    encoding: 'utf8',
    timeout: 60_000,
  });
  const status = Number(/STATUS=(\d+)\n$/.exec(result.stdout)?.[1]);
  let stderr = '';
  try {
    stderr = readFileSync(stderrFile, 'utf8');
  } catch {
    // the pipeline sent stderr along with stdout
  }
  rmSync(stderrFile, { force: true });
  return { status, stderr, stdout: result.stdout.replace(/STATUS=\d+\n$/, '') };
}

describe('kubenotes … | head -1', () => {
  test.each([
    ['list', 'list --depth 9'],
    ['list --json', 'list --json'],
    ['show', 'show 1'],
    ['show --raw', 'show --raw 1'],
    ['show --json', 'show --json 1'],
    ['search', 'search --limit 100000 helm'],
    ['search --json', 'search --json --limit 100000 helm'],
    ['export md', 'export'],
    ['export txt', 'export --format txt'],
    ['export html', 'export --format html'],
    ['export json', 'export --format json'],
    ['completion', 'completion bash'],
    ['completion candidates', "__complete -- show ''"],
    ['help', '--help'],
  ])('%s: exit 0, nothing on stderr', (_name, args) => {
    const { status, stderr, stdout } = pipeline(`${kubenotes} -f notes.md ${args} 2>{stderr} | head -1`);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout.split('\n')).toHaveLength(2); // head's one line
  });

  test('a search that finds nothing keeps its status (1), also into a closed pipe', () => {
    const { status, stderr } = pipeline(`${kubenotes} -f notes.md search zzzzqqq 2>{stderr} | head -1`);
    expect(status).toBe(1);
    expect(stderr).toBe('kubenotes: nothing matches "zzzzqqq"\n');
  });

  test('warnings into a pipe that closes (2>&1 | head -1): exit 0, quietly', () => {
    const { status, stdout } = pipeline(`${kubenotes} -f warnings list 2>&1 | head -1`);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^kubenotes: warning: binary-0\.md: file skipped/);
  });

  test('a reader slower than kubenotes still gets every warning: kubenotes exits once stderr is written', () => {
    const direct = pipeline(`${kubenotes} -f warnings list >/dev/null 2>{stderr}`);
    expect(direct.stderr.length).toBeGreaterThan(65536); // more than a pipe holds: the end waits for the reader
    const slow = pipeline(`${kubenotes} -f warnings list 2>&1 >/dev/null | (sleep 1; cat)`);
    expect(slow.status).toBe(0);
    expect(slow.stdout).toBe(direct.stderr);
  });

  test('stdout closed before kubenotes starts (>&-): exit 0, quietly', () => {
    const { status, stderr } = pipeline(`${kubenotes} -f notes.md list 2>{stderr} >&-`);
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});
