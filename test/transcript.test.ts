import { describe, expect, test } from '@jest/globals';
import { matchesTranscript, normalisedLines, transcriptBlocks } from './helpers/transcript.js';

describe('transcript blocks', () => {
  const page = [
    '# Page',
    '```console',
    '$ kubenotes list',
    'one',
    '...',
    'three',
    '',
    '$ kubenotes show nothing',
    'kubenotes: no section matches "nothing"',
    '[exit 1]',
    '```',
    '```console norun',
    '$ kubenotes browse',
    '```',
    '```sh',
    '$ not a transcript',
    '```',
  ].join('\n');

  test('reads the commands of console blocks, their output and stated exit, and skips norun blocks', () => {
    expect(transcriptBlocks(page)).toEqual([
      {
        line: 2,
        steps: [
          { command: 'kubenotes list', expected: ['one', '...', 'three'], exit: 0, line: 3 },
          { command: 'kubenotes show nothing', expected: ['kubenotes: no section matches "nothing"'], exit: 1, line: 8 },
        ],
      },
    ]);
  });

  test('reads a console block indented in a list item, without its indent', () => {
    const item = [
      '- a list item:',
      '',
      '  ```console',
      '  $ kubenotes -f fifo.md list',
      '  kubenotes: fifo.md: a named pipe (FIFO), not a file',
      '  [exit 2]',
      '  ```',
    ].join('\n');
    expect(transcriptBlocks(item)).toEqual([
      {
        line: 3,
        steps: [
          { command: 'kubenotes -f fifo.md list', expected: ['kubenotes: fifo.md: a named pipe (FIFO), not a file'], exit: 2, line: 4 },
        ],
      },
    ]);
  });

  test('`...` stands for any number of lines, and nothing else differs', () => {
    expect(matchesTranscript(['one', '...', 'three'], ['one', 'three'])).toBe(true);
    expect(matchesTranscript(['one', '...', 'three'], ['one', 'two', 'two', 'three'])).toBe(true);
    expect(matchesTranscript(['...'], [])).toBe(true);
    expect(matchesTranscript(['one', '...', 'three'], ['one', 'two'])).toBe(false);
    expect(matchesTranscript(['one', 'two'], ['one', 'two changed'])).toBe(false);
    expect(matchesTranscript(['one'], ['one', 'two'])).toBe(false);
  });

  test('output is compared without trailing blanks or blank last lines', () => {
    expect(normalisedLines('a  \r\nb\n\n\n')).toEqual(['a', 'b']);
  });
});
