// Adversarial notes through every command of the built CLI: escape sequences in the text, in character references,
// in file names, in front matter and in its parser's messages never reach the terminal — in results, in warnings,
// in error messages, in completion candidates — piped, in forced colour, and at a real terminal.
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, runCli } from './helpers/cli.js';
import { strayControl } from './helpers/escapes.js';
import { fixturePath, repoPath } from './helpers/notes.js';
import { scratchFolder } from './helpers/scratch.js';

jest.setTimeout(120_000); // some fifty runs of the CLI

let folder: string;
const ESC = '\u001b';

beforeAll(() => {
  folder = scratchFolder('kubenotes-hostile-');
  copyFileSync(fixturePath('hostile-escapes.md'), join(folder, 'escapes.md'));
  copyFileSync(fixturePath('hostile-references.md'), join(folder, 'references.md'));
  // a file name and a front-matter title that carry escapes, and front matter whose parser quotes them in a warning
  writeFileSync(
    join(folder, `name ${ESC}[2J${ESC}]0;pwned\u0007.md`),
    `---\ntitle: "Front ${ESC}[31mmatter\u0007"\n---\n\n## Named\n\ntext\n`,
  );
  writeFileSync(join(folder, `broken ${ESC}[5m.md`), `---\ntitle: [${ESC}[2J\ndescription: "\u009b31m\n---\n\n## Broken\n`);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Every command, with options that make it print what the notes hold; `md` and `--raw` are left out: piped, they are the source. */
const COMMANDS: Array<[string, string[]]> = [
  ['list', ['list', '--depth', '9']],
  ['list --json', ['list', '--json']],
  ['show, one section', ['show', 'named']],
  ['show, several sections', ['show', 'shared']],
  ['show, a whole file', ['show', 'references to controls']],
  ['show --json', ['show', '--json', 'shared']],
  ['show, nothing found: suggestions', ['show', 'sharde titel']],
  ['search', ['search', 'title']],
  ['search --json', ['search', '--json', 'clear']],
  ['search, nothing found', ['search', `zzz${ESC}[2J`]],
  ['export txt', ['export', '--format', 'txt']],
  ['export html', ['export', '--format', 'html']],
  ['export json', ['export', '--format', 'json']],
  ['export, a query', ['export', '--format', 'txt', 'shared']],
  ['edit, several sections: the candidates', ['edit', 'shared']],
  ['edit --first', ['edit', '--first', 'shared']],
  ['completion candidates', ['__complete', '--', 'show', '']],
  ['an unknown command, typed with escapes', [`sh${ESC}[2Jow`]],
  ['a bad option value', ['list', '--depth', `${ESC}]0;x\u0007`]],
  ['a missing file', ['-f', `missing ${ESC}[2J.md`, 'list']],
];

describe.each([
  ['piped', {}],
  ['in forced colour, with hyperlinks', { FORCE_COLOR: '3', FORCE_HYPERLINK: '1' }],
])('%s', (_how, colour) => {
  const env = (): NodeJS.ProcessEnv => cleanEnv({ ...colour, KUBENOTES_FILE: folder, VISUAL: 'true' });

  test.each(COMMANDS)("%s: nothing but text and kubenotes's own escapes, on stdout and on stderr", (_name, args) => {
    const { stdout, stderr, status } = runCli(args, { env: env() });
    expect([0, 1, 2]).toContain(status);
    expect(stdout + stderr).not.toBe('');
    expect(strayControl(stdout)).toBeUndefined();
    expect(strayControl(stderr)).toBeUndefined();
  });

  test('the warnings name the files with their escapes shown, as git and ripgrep show them, never sent', () => {
    const { stderr } = runCli(['list'], { env: env() });
    expect(stderr).toMatch(/^kubenotes: warning: broken \\x1b\[5m\.md:2: front matter not read: /m);
    expect(strayControl(stderr)).toBeUndefined();
  });
});

/** Runs a command at a pseudo-terminal (util-linux `script`) and returns everything it wrote there. */
function atTerminal(args: string[]): string {
  const command = [process.execPath, repoPath('bin/kubenotes.js'), '--no-pager', ...args]
    .map((word) => `'${word.replace(/'/g, "'\\''")}'`)
    .join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    env: cleanEnv({ KUBENOTES_FILE: folder, TERM: 'xterm-256color' }),
    encoding: 'utf8',
    timeout: 30_000,
  });
  return result.stdout.replace(/\r\n/g, '\n'); // the terminal's line discipline writes CR LF
}

const hasScript = spawnSync('script', ['-qec', 'true', '/dev/null']).status === 0;
if (!hasScript) console.log('skipping the pseudo-terminal tests: util-linux script is not installed');

(hasScript ? describe : describe.skip)('at a terminal', () => {
  test.each([
    ['show --raw', ['show', '--raw', 'shared']],
    ['export md', ['export', '--format', 'md']],
    ['export html', ['export', '--format', 'html']],
    ['show, in colour', ['show', 'shared']],
    ['list, in colour', ['list']],
  ])("%s: the notes' escapes are removed", (name, args) => {
    const output = atTerminal(args);
    expect(output).toContain('Shared');
    if (name.endsWith('in colour')) expect(output).toMatch(/\u001b\[/);
    expect(strayControl(output)).toBeUndefined();
  });
});
