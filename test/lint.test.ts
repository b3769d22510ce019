// The lint set-up that `npm run lint` (and so CI) runs: eslint's type-aware rules and prettier's configuration,
// each given a planted text as if it stood in src/main.ts. The tree itself passing is `npm run lint`'s job.
import { describe, expect, jest, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { repoPath } from './helpers/notes.js';

// type-aware lint loads the whole program: generous, for a busy machine
jest.setTimeout(600_000);

const AS_IF_IN = 'src/main.ts';

/** The repository's own tool with `args`, `input` on stdin, run from the repository's root. */
const tool = (name: string, args: string[], input: string) =>
  spawnSync(process.execPath, [repoPath(`node_modules/${name}`), ...args], { cwd: repoPath(''), input, encoding: 'utf8' });

/** The rules eslint reports on `text`, as `line rule`. */
function lintFindings(text: string): string[] {
  const result = tool('eslint/bin/eslint.js', ['--stdin', '--stdin-filename', AS_IF_IN, '--format', 'json'], text);
  const [report] = JSON.parse(result.stdout) as Array<{ messages: Array<{ line: number; ruleId: string | null; message: string }> }>;
  return report.messages.map((message) => `${message.line} ${message.ruleId ?? message.message}`);
}

describe('eslint', () => {
  test('a promise nobody waits for, and promises where a boolean or a void callback belongs, are errors; awaited, they are not', () => {
    const planted = [
      'const save = (): Promise<boolean> => Promise.resolve(true);',
      'export function unwaited(): void {',
      '  save();',
      '  [1].forEach(async () => save());',
      '  if (save()) return;',
      '}',
      'export async function awaited(): Promise<void> {',
      '  await save();',
      '  await Promise.all([1].map(() => save()));',
      '  if (await save()) return;',
      '}',
      '',
    ].join('\n');
    expect(lintFindings(planted)).toEqual([
      '3 @typescript-eslint/no-floating-promises',
      '4 @typescript-eslint/no-misused-promises',
      '5 @typescript-eslint/no-misused-promises',
    ]);
  });
});

describe('prettier', () => {
  const format = (text: string): string => tool('prettier/bin/prettier.cjs', ['--stdin-filepath', AS_IF_IN], text).stdout;

  test('the house style (single quotes, lines up to 140 columns) is left as it is; other layouts are not', () => {
    const house = `export const greeting = (name: string): string => \`hello, \${name}\` + ' '.repeat(${'9'.repeat(50)});\n`;
    expect(format(house)).toBe(house);
    expect(format(house.replace("' '", '" "'))).toBe(house);
    expect(format(house.replace('(name: string)', '( name:string )'))).toBe(house);
  });
});
