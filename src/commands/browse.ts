// `kubenotes browse` (and plain `kubenotes` at a terminal): pick a section by its title, or a line of the notes by its
// words, read it, and pick again with the query kept, until Esc, Ctrl-C or Ctrl-D.
import { UsageError } from '../core/errors.js';
import { filterSections, outlineSections } from '../core/resolve.js';
import { searchIndex, type Hit, type SearchDocument } from '../core/search.js';
import type { Collection, Section } from '../core/types.js';
import type { PickResult, Terminal } from '../io/picker.js';
import { hitChoices, numberWidthOf, sectionChoices, type Choice, type LabelOptions } from '../render/choices.js';
import { markRanges } from '../render/hits.js';
import { backHint, pickerTheme, type KeyHelp } from '../render/picker-theme.js';
import type { CommandContext } from './context.js';

export interface BrowseOptions {
  /** Start in the list of search hits instead of the titles. */
  search?: boolean;
}

/** One list the browser picks from: its prompt, its choices for a query, and what picking a choice shows. */
interface List<T> {
  message: string;
  keys: KeyHelp[];
  choices(query: string, options: LabelOptions): Choice<T>[];
  /** The chosen section rendered, for the query it was picked with. */
  render(value: T, query: string): Promise<string>;
}

/** Search hits offered at most: a few screens' worth. */
const HIT_LIMIT = 50;
/** Lines of the prompt besides its list: the query, a blank line, the help line, and one so it never scrolls. */
const PROMPT_LINES = 4;
/** Columns a choice leaves free: the cursor and its space, and the last column, where a terminal may wrap. */
const CHOICE_MARGIN = 3;
const CLEAR_SCREEN = '\u001b[H\u001b[2J';
const ERASE_LINE = '\r\u001b[2K';

export async function runBrowse(context: CommandContext, terminal: Terminal, options: BrowseOptions): Promise<void> {
  if (!terminal.input.isTTY || !terminal.output.isTTY) {
    throw new UsageError('browse: needs a terminal to read keys from and draw on; in scripts use list, show or search');
  }
  const collection = await context.notes();
  const titles = titleList(collection, context);
  const text = textList(collection, context);
  // a signal ends the browser as Esc does, so the terminal is put back (killed raw, it could not read a line)
  const { stopOnSignals } = await import('../io/signals.js');
  const stopping = stopOnSignals();
  const session: Terminal = { ...terminal, stop: stopping.signal };
  const pickers = [(query: string) => pickAndRender(titles, query, context, session), (query: string) => pickAndRender(text, query, context, session)];
  let current = options.search ? 1 : 0;
  let query = '';
  try {
    for (;;) {
      const result = await pickers[current](query);
      if (result.kind === 'quit') return;
      query = result.query;
      if (result.kind === 'switch') current = 1 - current;
      else if (result.kind === 'resized') terminal.output.write(CLEAR_SCREEN); // redrawn from the top at the new size
      else if (!(await read(result.value, context, session))) return;
    }
  } finally {
    stopping.release();
  }
}

/** The picker over a list, sized to the terminal as it is now; a pick comes back as its section, rendered. */
async function pickAndRender<T>(list: List<T>, query: string, context: CommandContext, terminal: Terminal): Promise<PickResult<string>> {
  const { pick } = await import('../io/picker.js'); // inquirer, only once the browser starts
  const { columns = 80, rows = 24 } = terminal.output;
  const labels = { width: columns - CHOICE_MARGIN, style: context.style };
  const result = await pick(
    {
      message: list.message,
      query,
      choices: (typed) => list.choices(typed, labels),
      pageSize: Math.max(rows - PROMPT_LINES, 3),
      theme: pickerTheme(context.style, list.keys, columns - 1),
    },
    terminal,
  );
  return result.kind === 'picked' ? { ...result, value: await list.render(result.value, result.query) } : result;
}

/** Shows a section: through the pager when taller than the screen, else printed above a line that waits for a key. */
async function read(text: string, context: CommandContext, terminal: Terminal): Promise<boolean> {
  const delivery = await context.write(text, { page: true });
  if (delivery !== 'printed') return delivery === 'paged';
  const { isQuitKey, readKey } = await import('../io/keys.js');
  terminal.output.write(backHint(context.style));
  const key = await readKey(terminal.input, terminal.stop);
  terminal.output.write(ERASE_LINE);
  return !isQuitKey(key);
}

/** A section as show renders it, its words marked when it was found by a search. */
async function renderSection(section: Section, collection: Collection, context: CommandContext, mark?: (text: string) => string): Promise<string> {
  const { renderSections } = await import('../render/terminal.js');
  const { style, width, hyperlinks, theme } = context;
  return renderSections([section], collection, { style, width, hyperlinks, theme, mark });
}

/** A hit's section, or for a hit before any section (front matter, a file's opening text), its whole file. */
async function renderPlace(hit: SearchDocument, collection: Collection, context: CommandContext, mark: (text: string) => string): Promise<string> {
  if (hit.section) return renderSection(hit.section, collection, context, mark);
  const { renderDocument } = await import('../render/terminal.js');
  const { style, width, hyperlinks, theme } = context;
  return renderDocument(hit.document, collection, { style, width, hyperlinks, theme, mark });
}

function titleList(collection: Collection, context: CommandContext): List<Section> {
  const numberWidth = numberWidthOf(outlineSections(collection));
  return {
    message: 'Section',
    keys: [['tab', 'search the text'], ['esc', 'quit']],
    choices: (query, options) => sectionChoices(filterSections(collection, query), numberWidth, options),
    render: (section) => renderSection(section, collection, context),
  };
}

function textList(collection: Collection, context: CommandContext): List<Hit> {
  const index = searchIndex(collection);
  return {
    message: 'Search',
    keys: [['tab', 'titles'], ['esc', 'quit']],
    choices: (query, options) => hitChoices(index.search(query, { limit: HIT_LIMIT }), options),
    render: (hit, query) =>
      renderPlace(hit.document, collection, context, (text) => markRanges(text, index.ranges(query, text), context.style.match)),
  };
}
