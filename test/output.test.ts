// Results go through the pager only at a terminal and only when taller than it: the lines are counted as a split
// would count them (a last newline opens one more), as far as the terminal's height.
import { describe, expect, test } from '@jest/globals';
import { writeResult } from '../src/io/output.js';

/** A terminal of `rows` rows that keeps what is written to it. */
function terminal(rows: number) {
  const written: string[] = [];
  const stdout = {
    isTTY: true,
    rows,
    write: (text: string, done: () => void) => {
      written.push(text);
      done();
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  return { stdout, written };
}

describe('writeResult', () => {
  test.each([
    ['as tall as the terminal: printed', 'a\nb\nc', 3, 'printed'],
    ['one line taller (its last newline counts): paged', 'a\nb\nc\n', 3, 'paged'],
    ['far taller: paged', 'line\n'.repeat(100_000), 24, 'paged'],
    ['one line on a one-row terminal: printed', 'a', 1, 'printed'],
  ])('%s', async (_name, text, rows, delivery) => {
    const { stdout, written } = terminal(rows);
    expect(await writeResult(text, { paging: true, stdout, env: { PAGER: 'cat >/dev/null' } })).toBe(delivery);
    expect(written).toEqual(delivery === 'printed' ? [text] : []);
  });

  test('with paging off, or no pager, the tallest text is printed', async () => {
    for (const [paging, pager] of [
      [false, 'cat >/dev/null'],
      [true, ''],
    ] as const) {
      const { stdout, written } = terminal(1);
      expect(await writeResult('a\nb\nc\n', { paging, stdout, env: { PAGER: pager } })).toBe('printed');
      expect(written).toEqual(['a\nb\nc\n']);
    }
  });
});
