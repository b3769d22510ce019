// Opening a file at a line in the user's editor: $VISUAL, else $EDITOR, else vi, with the arguments each editor takes.
import { spawn } from 'node:child_process';
import { basename } from 'node:path';
import { EditorFailed } from '../core/errors.js';
import { holdInterrupts } from './signals.js';

/** Editors that take `+LINE file`. */
const PLUS_LINE = new Set([
  'vi',
  'vim',
  'nvim',
  'gvim',
  'mvim',
  'view',
  'nano',
  'pico',
  'emacs',
  'emacsclient',
  'micro',
  'kak',
  'joe',
  'mcedit',
  'ne',
]);
/** Editors that take `--goto file:line` (VS Code and its forks). */
const GOTO = new Set(['code', 'code-insiders', 'codium', 'vscodium', 'cursor']);
/** Editors that take `file:line`. */
const COLON_LINE = new Set(['subl', 'sublime_text', 'hx', 'helix', 'zed']);

/** The editor command as words: `$VISUAL`, else `$EDITOR`, else `vi`; quotes group words, nothing is expanded. */
export function editorCommand(env: NodeJS.ProcessEnv): string[] {
  const setting = [env.VISUAL, env.EDITOR].find((value) => value?.trim()) ?? 'vi';
  return [...setting.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** The arguments that open `file` at `line` in `program`; an editor not known here gets the file alone. */
export function editorArguments(program: string, file: string, line: number): string[] {
  const name = basename(program).replace(/\.(exe|cmd)$/i, '');
  if (GOTO.has(name)) return ['--goto', `${file}:${line}`];
  if (COLON_LINE.has(name)) return [`${file}:${line}`];
  if (PLUS_LINE.has(name)) return [`+${line}`, file];
  return [file];
}

/** Runs the editor on the user's terminal and waits for it to close. */
export function openInEditor(file: string, line: number, env: NodeJS.ProcessEnv): Promise<void> {
  const [program, ...options] = editorCommand(env);
  const chosen = env.VISUAL?.trim() || env.EDITOR?.trim() ? `editor "${program}"` : `the default editor (${program})`;
  return new Promise((resolve, reject) => {
    const child = spawn(program, [...options, ...editorArguments(program, file, line)], { stdio: 'inherit', env });
    // Ctrl-C is the editor's (vi stays open): kubenotes must not end and give the terminal back to the shell meanwhile
    const held = holdInterrupts();
    child.on('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'ENOENT' ? 'was not found' : `could not start: ${error.message}`;
      reject(new EditorFailed(`${chosen} ${why}; set $VISUAL or $EDITOR to the command that runs your editor`));
    });
    child.on('close', (code, signal) => {
      held.release();
      // after a failed start this rejects a promise already rejected with the clearer reason above: no effect
      if (code === 0) resolve();
      else reject(new EditorFailed(`${chosen} ${signal ? `was stopped by ${signal}` : `exited with status ${code}`}`));
    });
  });
}
