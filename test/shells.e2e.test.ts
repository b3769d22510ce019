// The completion scripts loaded in real shells, completing against the built kubenotes on PATH:
// bash through its completion function, zsh at a real prompt (zpty), fish through `complete -C`.
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { cleanEnv } from './helpers/cli.js';
import { fixturePath, repoPath } from './helpers/notes.js';
import { scratchFolder } from './helpers/scratch.js';

// `kubenotes` on PATH is this checkout's bin, as after an install
const bin = scratchFolder('kubenotes-bin-');
symlinkSync(repoPath('bin/kubenotes.js'), join(bin, 'kubenotes'));
const env = cleanEnv({ PATH: [bin, dirname(process.execPath), process.env.PATH].join(delimiter) });
const crlf = fixturePath('crlf.md');

function inShell(shell: string, args: string[], script: string) {
  const result = spawnSync(shell, [...args, script], { env, cwd: tmpdir(), encoding: 'utf8', timeout: 60_000 });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** Runs `shell` (the test is skipped, saying why, when it is not installed; .ci/run installs it). */
function testIn(shell: string): typeof test | typeof test.skip {
  if (spawnSync(shell, ['-c', 'exit 0']).status === 0) return test;
  console.warn(`skipping the ${shell} completion tests: ${shell} is not installed (apt-get install ${shell})`);
  return test.skip;
}

describe('bash', () => {
  // what bash sets before calling a completion function, for the words given, the cursor at the end of the last
  const bashScript = (lines: string[][]) => `source <(kubenotes completion bash) || exit 1
complete -p kubenotes
complete_words() {
  COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=\${#COMP_LINE}
  _kubenotes
  echo "[$*] \${COMPREPLY[*]}"
}
${lines.map((words) => `complete_words ${words.map((word) => `'${word}'`).join(' ')}`).join('\n')}`;

  test('the script registers a completion function; sh<Tab> is show, show prom<Tab> the Prometheus talk', () => {
    const { stdout, stderr, status } = inShell(
      'bash',
      ['--norc', '--noprofile', '-c'],
      bashScript([
        ['kubenotes', 'sh'],
        ['kubenotes', 'show', 'prom'],
      ]),
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toBe(
      'complete -F _kubenotes kubenotes\n[kubenotes sh] show\n[kubenotes show prom] prometheus---intro-deep-dive-and-open-qa\n',
    );
  });

  test('options, choices, --file values and files', () => {
    const { stdout } = inShell(
      'bash',
      ['--norc', '--noprofile', '-c'],
      bashScript([
        ['kubenotes', 'list', '--j'],
        ['kubenotes', 'completion', ''],
        ['kubenotes', '-f', crlf, 'show', ''],
        ['kubenotes', 'show', '--file', '=', crlf, 't'],
        ['kubenotes', '--file', crlf.replace(/lf\.md$/, '')],
      ]),
    );
    expect(
      stdout
        .split('\n')
        .slice(1, -1)
        .map((line) => line.replace(/^\[.*\] /, '')),
    ).toEqual(['--json', 'bash zsh fish', 'first 1 second 1.1 third 2', 'third', crlf]);
  });
});

describe('zsh', () => {
  // a real interactive zsh on a pseudo-terminal: type a line, press Tab, then ^T, bound to print the edited line
  const zptyScript = (lines: string[]) => `zmodload zsh/zpty
zpty z 'PS1="> " zsh -f -i'
zpty -w z 'autoload -Uz compinit && compinit -u -D && source <(kubenotes completion zsh) || print -r -- "NOT LOADED"'
zpty -w z 'dump-buffer() { zle -I; print -r -- "BUFFER[$BUFFER]"; BUFFER=; }; zle -N dump-buffer; bindkey "^T" dump-buffer'
zpty -w z '(( $+_comps[kubenotes] )) && print RE""GISTERED'
zpty -r -m z out '*REGISTERED*'
${lines.map((line) => `zpty -w -n z $'${line}\\t\\C-t'\nzpty -r -m z out '*BUFFER\\[*\\]*'\nprint -r -- "\${out##*BUFFER}"`).join('\n')}
zpty -d z`;

  // each step waits for the shell's answer; the spawn's timeout ends a completion that never comes
  testIn('zsh')(
    'sh<Tab> is show, show prom<Tab> the Prometheus talk, the notes of --file and of KUBENOTES_FILE=… before the command',
    () => {
      const { stdout, status } = inShell(
        'zsh',
        ['-f', '-c'],
        zptyScript([
          'kubenotes sh',
          'kubenotes show prom',
          `kubenotes -f ${crlf} show t`,
          `KUBENOTES_FILE=${crlf} kubenotes show s`,
          'kubenotes completion z',
        ]),
      );
      expect(
        stdout
          .replace(/\r/g, '')
          .split('\n')
          .filter((line) => line.startsWith('[')),
      ).toEqual([
        '[kubenotes show ]',
        '[kubenotes show prometheus---intro-deep-dive-and-open-qa ]',
        `[kubenotes -f ${crlf} show third ]`,
        `[KUBENOTES_FILE=${crlf} kubenotes show second ]`,
        '[kubenotes completion zsh ]',
      ]);
      expect(status).toBe(0);
    },
  );
});

describe('fish', () => {
  const fish = (lines: string[]) =>
    inShell(
      'fish',
      ['--no-config', '-c'],
      `kubenotes completion fish | source\n${lines.map((line) => `complete -C '${line}'; echo ---`).join('\n')}`,
    );

  testIn('fish')('sh<Tab> is show, show prom<Tab> the Prometheus talk, options and choices with their descriptions', () => {
    const { stdout, stderr } = fish(['kubenotes sh', 'kubenotes show prom', 'kubenotes list --j', 'kubenotes completion f']);
    expect(stderr).toBe('');
    expect(stdout.split('---\n')).toEqual([
      'show\tshow the section(s) a query names: id, number, path or fuzzy title\n',
      'prometheus---intro-deep-dive-and-open-qa\t7 Prometheus - Intro, Deep Dive, And Open Q+A\n',
      '--json\tevery section as JSON\n',
      'fish\n',
      '',
    ]);
  });

  testIn('fish')('the notes of --file, --file=, and KUBENOTES_FILE=… before the command', () => {
    const { stdout } = fish([
      `kubenotes --file ${crlf} show t`,
      `kubenotes --file=${crlf} show t`,
      `KUBENOTES_FILE=${crlf} kubenotes show t`,
      `kubenotes --file=${crlf.replace(/lf\.md$/, '')}`,
    ]);
    expect(stdout.split('---\n')).toEqual(['third\t2 Third\n', 'third\t2 Third\n', 'third\t2 Third\n', `--file=${crlf}\n`, '']);
  });
});
