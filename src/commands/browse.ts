// `kubenotes browse` (and plain `kubenotes` at a terminal): pick a section by its title, or a line of the notes by its
// words, with the highlighted one previewed beside the list; read it, and pick again with the query kept, until Esc,
// Ctrl-C or Ctrl-D. The browser draws on the alternate screen, as fzf and less do: the terminal is left as it was.
import { UsageError } from '../core/errors.js';
import type { Hit, SearchBlock } from '../core/query/hit.js';
import { searchIndex } from '../core/query/search.js';
import blockCutter from './block-cutter.cjs';
import { createTitleFilter, MATCH_LIMIT, placeText, type TitleMatch } from '../core/query/title-filter.js';
import type { Collection, Section } from '../core/types.js';
import type { PickerOptions, PickerSettings, PickResult, Terminal } from '../io/picker.js';
import { hitLabel, numberWidthOf, sectionRow } from '../render/browse/choices.js';
import { markRanges } from '../render/reports/hits.js';
import { backHint, type KeyHelp } from '../render/browse/help-line.js';
import { createPreviewCache, type PreviewSource } from '../render/browse/preview.js';
import type { CommandContext } from './context.js';

export interface BrowseOptions {
  /** Start in the list of search hits instead of the titles. */
  search?: boolean;
  /** Show the preview (--preview, --no-preview); else the configuration file's `preview`, else shown. */
  preview?: boolean;
}

/** One list the browser picks from: the picker's options for it, and what picking an item shows. */
interface List<T> extends Omit<PickerOptions<T>, 'query' | 'previews' | 'style' | 'note'> {
  /** The picked item rendered for the reader, for the query it was picked with. */
  render(value: T, query: string): Promise<string>;
}

/** Search hits offered at most: a few screens' worth. */
const HIT_LIMIT = 50;
const ALTERNATE_SCREEN = '\u001b[?1049h';
const MAIN_SCREEN = '\u001b[?1049l';
const CLEAR_SCREEN = '\u001b[H\u001b[2J';
const ERASE_LINE = '\r\u001b[2K';
/** The keys every list has, after its own (Tab's); the picker's ↑↓ and Enter come first. */
const COMMON_KEYS: KeyHelp[] = [
  ['ctrl-p', 'preview'],
  ['shift-↑↓/pgup/pgdn', 'scroll it'],
  ['esc', 'quit'],
];
const MOVE_KEYS: KeyHelp[] = [
  ['↑↓', 'move'],
  ['enter', 'read'],
];

export async function runBrowse(context: CommandContext, terminal: Terminal, options: BrowseOptions): Promise<void> {
  if (!terminal.input.isTTY || !terminal.output.isTTY) {
    throw new UsageError('browse: needs a terminal to read keys from and draw on; in scripts use list, show or search');
  }
  // read before the browser opens: warnings about the files stay on the main screen, where they are read after
  const collection = await context.notes();
  const lists = [titleList(collection, context), textList(collection, context)];
  const previews = createPreviewCache();
  const settings: PickerSettings = { preview: options.preview ?? context.preview ?? true };
  const warnings = collection.warnings.length;
  const note = warnings ? `${warnings} warning${warnings === 1 ? '' : 's'} about the notes: shown when you quit` : undefined;
  // a signal ends the browser as Esc does, so the terminal is put back (killed raw, it could not read a line)
  const { stopOnSignals } = await import('../io/signals.js');
  const stopping = stopOnSignals();
  const session: Terminal = { ...terminal, stop: stopping.signal };
  const { traceFrames } = await import('../io/frame-trace.js');
  const trace = traceFrames(terminal.input, context.env);
  let current = options.search ? 1 : 0;
  let query = '';
  terminal.output.write(ALTERNATE_SCREEN);
  try {
    for (;;) {
      terminal.output.write(CLEAR_SCREEN); // the picker starts at the top of a clean screen, whatever was there
      const result = await pickFrom(lists[current] as List<unknown>, { query, previews, style: context.style, note }, settings, session);
      if (result.kind === 'quit') return;
      query = result.query;
      if (result.kind === 'switch') current = 1 - current;
      else if (result.kind === 'picked') {
        terminal.output.write(CLEAR_SCREEN);
        if (!(await read(await lists[current].render(result.value as never, query), context, session))) return;
      }
    }
  } finally {
    terminal.output.write(MAIN_SCREEN);
    trace.release();
    stopping.release();
  }
}

async function pickFrom<T>(
  list: List<T>,
  state: Pick<PickerOptions<T>, 'query' | 'previews' | 'style' | 'note'>,
  settings: PickerSettings,
  terminal: Terminal,
): Promise<PickResult<T>> {
  const { pick } = await import('../io/picker.js'); // inquirer, only once the browser starts
  return pick({ ...list, ...state }, settings, terminal);
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

type Mark = (text: string) => string;

/** A section as show renders it at `width`, its words marked when it was found by a search. */
async function renderSection(
  section: Section,
  collection: Collection,
  context: CommandContext,
  width: number,
  mark?: Mark,
): Promise<string> {
  const { renderSections } = await import('../render/terminal/sections.js');
  const { style, hyperlinks } = context;
  return renderSections([section], collection, { style, width, hyperlinks, mark });
}

/** A hit's section, or for a hit before any section (front matter, a file's opening text), its whole file. */
async function renderPlace(
  block: SearchBlock,
  collection: Collection,
  context: CommandContext,
  width: number,
  mark: Mark,
): Promise<string> {
  if (block.section) return renderSection(block.section, collection, context, width, mark);
  const { renderDocument } = await import('../render/terminal/sections.js');
  const { style, hyperlinks } = context;
  return renderDocument(block.document, collection, { style, width, hyperlinks, mark });
}

const sectionKey = (section: Section): string => `${section.file}#${section.id}`;

function titleList(collection: Collection, context: CommandContext): List<TitleMatch> {
  const filter = createTitleFilter(collection);
  const all = filter('');
  const numberWidth = numberWidthOf(all.map((match) => match.section));
  const pageTitles = new Map(collection.documents.map((document) => [document.file, document.title]));
  const place = (section: Section) => placeText(pageTitles.get(section.file) ?? '', section.file);
  const source = (section: Section): PreviewSource => ({
    key: sectionKey(section),
    render: (width) => renderSection(section, collection, context, width),
  });
  return {
    message: 'Section',
    keys: [...MOVE_KEYS, ['tab', 'search the text'], ...COMMON_KEYS],
    filter,
    warmUp: filter.warmUp,
    total: all.length,
    limit: MATCH_LIMIT,
    row: (match, width) => sectionRow(match, place(match.section), numberWidth, { width, style: context.style }),
    preview: (match) => source(match.section),
    render: (match) => renderSection(match.section, collection, context, context.width),
  };
}

function textList(collection: Collection, context: CommandContext): List<Hit> {
  const index = searchIndex(collection, blockCutter);
  let query = '';
  const markFor = (typed: string) => (text: string) => markRanges(text, index.ranges(typed, text), context.style.match);
  return {
    message: 'Search',
    keys: [...MOVE_KEYS, ['tab', 'titles'], ...COMMON_KEYS],
    filter: (typed) => {
      query = typed;
      return typed.trim() ? index.search(typed, { limit: HIT_LIMIT }) : [];
    },
    limit: HIT_LIMIT,
    row: (hit, width) => hitLabel(hit, { width, style: context.style }),
    // the hit's section scrolled to its line, the words marked: kept per query, as the marks differ
    preview: (hit) => {
      const typed = query;
      const place = hit.block.section ? sectionKey(hit.block.section) : hit.block.document.file;
      return {
        key: `${typed}\u0000${place}`,
        render: (width) => renderPlace(hit.block, collection, context, width, markFor(typed)),
        focus: hit.block.text,
      };
    },
    render: (hit, typed) => renderPlace(hit.block, collection, context, context.width, markFor(typed)),
  };
}
