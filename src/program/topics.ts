// What the man page says besides the commands: configuration, environment and exit status. README says the same
// at more length.
import type { ManualSection } from './manpage.js';

export const MANUAL_TOPICS: ManualSection[] = [
  {
    title: 'CONFIGURATION',
    paragraphs: [
      'An optional JSON file, $XDG_CONFIG_HOME/kubenotes/config.json, else ~/.config/kubenotes/config.json. ' +
        'A setting on the command line wins over the environment, which wins over this file, which wins over the defaults.',
    ],
    entries: [
      ['notes', 'the notes to read when there is no --file and no KUBENOTES_FILE: a path, or a list of paths; ~ is your home, a relative path is relative to the file'],
      ['pager', 'the pager when PAGER is not set ("" never pages); default: less -FRX'],
      ['width', 'columns to wrap at, unless --width or COLUMNS says otherwise; default: the terminal\'s width, else 80'],
      ['theme', 'the colours of everything kubenotes shows at a colour terminal, unless --theme says otherwise: standard (the default; dark and light backgrounds), dark, light or plain (none)'],
    ],
  },
  {
    title: 'ENVIRONMENT',
    entries: [
      ['KUBENOTES_FILE', 'the notes when no --file is given'],
      ['PAGER', 'the pager for output taller than the terminal (default: less -FRX)'],
      ['NO_COLOR', 'no colour'],
      ['FORCE_COLOR', 'colour even when output is not a terminal (1, 2 or 3; 0 turns it off)'],
      ['COLUMNS', 'the width to wrap at, unless --width says otherwise (at a terminal too)'],
      ['XDG_CONFIG_HOME', 'where the configuration file is looked for (default: ~/.config)'],
      ['XDG_CACHE_HOME', 'where the parsed notes are kept between runs, in kubenotes/ (default: ~/.cache); safe to delete'],
      ['KUBENOTES_DEBUG', 'set to 1 to print the stack trace of an unexpected error'],
    ],
  },
  {
    title: 'EXIT STATUS',
    entries: [
      ['0', 'success'],
      ['1', 'nothing found; for check, a broken link'],
      ['2', 'a usage or input error: unknown command or option, missing argument, unreadable notes, a broken configuration file'],
    ],
  },
];
