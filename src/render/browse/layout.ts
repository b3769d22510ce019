// Where the browser's panes go for a terminal's size: the list, and the preview beside it (wide terminals), below it
// (narrow ones) or nowhere (small ones, or when the reader turned it off). Pure: sizes in, sizes out.

export interface Pane {
  width: number;
  height: number;
}

export interface Layout {
  list: Pane;
  /** Where the preview is, if anywhere, and its size. */
  preview?: Pane & { place: 'right' | 'below' };
}

/** From this many columns the preview sits beside the list, as fzf's --preview does. */
export const SIDE_BY_SIDE_COLUMNS = 100;
/** Under this many columns or rows there is no room for a preview worth reading. */
export const PREVIEW_MIN_COLUMNS = 60;
export const PREVIEW_MIN_ROWS = 15;
/** Lines of the frame that are not panes: the query line, the status line, the keys line, and one left empty. */
export const CHROME_LINES = 4;
/** Columns between the list and a preview beside it (` │ `), and the line over a preview below it. */
export const DIVIDER_COLUMNS = 3;
const DIVIDER_LINES = 1;
/** The last column stays empty: a terminal may wrap a line that fills it. */
const MARGIN = 1;

export function layoutOf(columns: number, rows: number, preview: boolean): Layout {
  const width = Math.max(columns - MARGIN, 1);
  const height = Math.max(rows - CHROME_LINES, 1);
  if (!preview || columns < PREVIEW_MIN_COLUMNS || rows < PREVIEW_MIN_ROWS) return { list: { width, height } };
  if (columns >= SIDE_BY_SIDE_COLUMNS) {
    const listWidth = Math.floor((width - DIVIDER_COLUMNS) / 2);
    return { list: { width: listWidth, height }, preview: { place: 'right', width: width - DIVIDER_COLUMNS - listWidth, height } };
  }
  const listHeight = Math.floor((height - DIVIDER_LINES) * 0.4);
  return { list: { width, height: listHeight }, preview: { place: 'below', width, height: height - DIVIDER_LINES - listHeight } };
}
