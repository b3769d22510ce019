import { describe, expect, test } from '@jest/globals';
import { editorArguments, editorCommand } from '../src/io/editor.js';

describe('which editor', () => {
  test('$VISUAL, else $EDITOR, else vi; blank values do not count', () => {
    expect(editorCommand({ VISUAL: 'nvim', EDITOR: 'nano' })).toEqual(['nvim']);
    expect(editorCommand({ VISUAL: ' ', EDITOR: 'nano' })).toEqual(['nano']);
    expect(editorCommand({})).toEqual(['vi']);
  });

  test('options and quoted paths with spaces; nothing expanded', () => {
    expect(editorCommand({ EDITOR: `"/Applications/My Editor/bin/subl" -w '$HOME'` })).toEqual([
      '/Applications/My Editor/bin/subl',
      '-w',
      '$HOME',
    ]);
  });
});

describe('how to open a file at a line', () => {
  test.each([
    ['vi', ['+12', 'a.md']],
    ['/usr/bin/vim', ['+12', 'a.md']],
    ['nvim', ['+12', 'a.md']],
    ['nano', ['+12', 'a.md']],
    ['emacs', ['+12', 'a.md']],
    ['emacsclient', ['+12', 'a.md']],
    ['code', ['--goto', 'a.md:12']],
    ['codium', ['--goto', 'a.md:12']],
    ['hx', ['a.md:12']],
    ['notepad.exe', ['a.md']],
  ])('%s', (program, args) => {
    expect(editorArguments(program, 'a.md', 12)).toEqual(args);
  });
});
