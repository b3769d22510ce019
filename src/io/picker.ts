// The picker: a prompt of inquirer's framework (@inquirer/core's createPrompt, which hands us the whole frame) with
// the list as the reader types, the highlighted item's preview beside or below it, a status line and the keys.
// Filtering and drawing happen on the key's path; previews are rendered after it, and kept.
import { createPrompt, useEffect, useKeypress, useMemo, useState } from '@inquirer/core';
import type { Key } from 'node:readline';
import { layoutOf, type Layout } from '../render/browse/layout.js';
import { browserFrame, CURSOR_COLUMNS, type FrameParts } from '../render/browse/frame.js';
import type { KeyHelp } from '../render/browse/help-line.js';
import type { PreviewCache, PreviewSource } from '../render/browse/preview.js';
import type { Style } from '../render/style.js';
import { isQuitKey } from './keys.js';

export interface PickerOptions<T> {
  message: string;
  /** What the prompt opens with, as if typed. */
  query: string;
  /** The items for a query, best first. */
  filter(query: string): T[];
  /** How many items there are in all, for the status line (`12/5000`), if that is known. */
  total?: number;
  /** The most items `filter` gives: a list that long was cut (`500+/5000`). */
  limit?: number;
  /** An item's row, `width` columns at most. */
  row(item: T, width: number): string;
  preview(item: T): PreviewSource;
  previews: PreviewCache;
  keys: KeyHelp[];
  /**
   * Work to do once the first frame is drawn, so the first key does not pay for it (a filter's first run): a slice a
   * call, the next after the keys read meanwhile are handled, while it says work is left.
   */
  warmUp?(): boolean;
  /** A note for the status line (warnings about the notes), if any. */
  note?: string;
  style: Style;
}

/** What the reader may change that outlives one picker: whether the preview is shown. */
export interface PickerSettings {
  preview: boolean;
}

export interface Terminal {
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
  /** Aborted by a signal: the picker, and the wait for a key, end as on Esc. */
  stop?: AbortSignal;
}

/** How the picker ended; every end but quit carries the query as it was, for the next picker. */
export type PickResult<T> =
  { kind: 'picked'; value: T; query: string } | { kind: 'switch'; query: string } | { kind: 'resized'; query: string } | { kind: 'quit' };

/** Waits this long after the cursor settles before rendering a preview, so typing fast never waits on one. */
const PREVIEW_DELAY_MS = 30;

interface Config<T> {
  options: PickerOptions<T>;
  settings: PickerSettings;
  output: NodeJS.WriteStream;
}

const isShifted = (key: Key): boolean => Boolean(key.shift || key.meta || key.ctrl);

const browser = createPrompt(<T>({ options, settings, output }: Config<T>, done: (result: PickResult<T>) => void) => {
  const [query, setQuery] = useState(options.query);
  const [cursor, setCursor] = useState(0);
  const [shown, setShown] = useState(settings.preview);
  const [scroll, setScroll] = useState(0);
  const [loaded, setLoaded] = useState(0);
  const items = useMemo(() => options.filter(query), [query]);
  const layout: Layout = layoutOf(output.columns ?? 80, output.rows ?? 24, shown);
  const active = items.length ? items[Math.min(cursor, items.length - 1)] : undefined;
  const source = active === undefined ? undefined : options.preview(active);
  const previewWidth = layout.preview?.width ?? 0;
  const preview = source && layout.preview ? options.previews.get(source, previewWidth) : undefined;

  useEffect((rl) => {
    // the last query, typed in: the reader goes on editing it
    rl.clearLine(0);
    rl.write(options.query);
    const resized = () => done({ kind: 'resized', query: rl.line.replace(/\t/g, '') });
    output.on('resize', resized);
    let warming: NodeJS.Immediate | undefined;
    const warm = (): void => {
      warming = options.warmUp?.() ? setImmediate(warm) : undefined;
    };
    warming = setImmediate(warm);
    return () => {
      if (warming) clearImmediate(warming);
      output.off('resize', resized);
    };
  }, []);
  // the preview is rendered once the cursor rests, after the frame is drawn, and drawn again when it is ready
  useEffect(() => {
    if (!source || !layout.preview || preview) return;
    let current = true;
    const timer = setTimeout(
      () => void options.previews.load(source, previewWidth).then(() => current && setLoaded(loaded + 1)),
      PREVIEW_DELAY_MS,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [source?.key, previewWidth, Boolean(preview)]);

  useKeypress((key, rl) => {
    const event = key as Key;
    const page = Math.max(layout.list.height - 1, 1);
    const previewPage = Math.max((layout.preview?.height ?? 1) - 1, 1);
    if (isQuitKey(event)) done({ kind: 'quit' });
    // the query as last drawn: readline has cleared its line on Enter, and put a tab in it on Tab, by now
    else if (event.name === 'tab') done({ kind: 'switch', query });
    else if (event.name === 'return' || event.name === 'enter') {
      if (active !== undefined) done({ kind: 'picked', value: active, query });
      else rl.write(query); // nothing to pick: the reader goes on typing
    } else if (event.ctrl && event.name === 'p') {
      settings.preview = !shown;
      setShown(!shown);
    } else if ((event.name === 'up' || event.name === 'down') && event.shift)
      setScroll(Math.max(scroll + (event.name === 'up' ? -1 : 1), 0));
    else if ((event.name === 'pageup' || event.name === 'pagedown') && isShifted(event))
      setScroll(Math.max(scroll + (event.name === 'pageup' ? -previewPage : previewPage), 0));
    else if (event.name === 'up' || event.name === 'pageup') moveTo(cursor - (event.name === 'up' ? 1 : page));
    else if (event.name === 'down' || event.name === 'pagedown') moveTo(cursor + (event.name === 'down' ? 1 : page));
    else if (rl.line !== query) {
      setQuery(rl.line);
      moveTo(0);
    }
  });
  function moveTo(index: number): void {
    setCursor(Math.min(Math.max(index, 0), Math.max(items.length - 1, 0)));
    setScroll(0);
  }

  const parts: FrameParts = {
    message: options.message,
    query,
    ...visibleRows(items, cursor, layout.list.height, (item) => options.row(item, layout.list.width - CURSOR_COLUMNS)),
    count: `${items.length}${items.length === options.limit ? '+' : ''}${options.total === undefined ? '' : `/${options.total}`}`,
    note: options.note,
    preview: preview && { lines: preview.lines, top: preview.top + scroll },
    keys: options.keys,
  };
  const [header, ...body] = browserFrame(parts, layout, options.style);
  return [header, body.join('\n')];
});

/** The rows in view (only those are drawn): the list scrolled just enough for the cursor's row to be on screen. */
function visibleRows<T>(items: T[], cursor: number, height: number, row: (item: T) => string): { rows: string[]; cursorRow: number } {
  const start = Math.max(Math.min(cursor, items.length - 1) - height + 1, 0);
  return { rows: items.slice(start, start + height).map(row), cursorRow: cursor - start };
}

/** The picker until a choice, a key of the browser's, a resize, or the terminal's `stop` (a signal: as quit). */
export async function pick<T>(
  options: PickerOptions<T>,
  settings: PickerSettings,
  { input, output, stop }: Terminal,
): Promise<PickResult<T>> {
  if (stop?.aborted) return { kind: 'quit' };
  try {
    // createPrompt's prompt is not generic: the result is the T of the options handed in
    const result: PickResult<unknown> = await browser(
      { options, settings, output },
      { input, output, signal: stop, clearPromptOnDone: true },
    );
    return result as PickResult<T>;
  } catch (error) {
    // Ctrl-C (readline's SIGINT) and a signal end the prompt with an error of inquirer's: both are quit
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) return { kind: 'quit' };
    throw error;
  }
}
