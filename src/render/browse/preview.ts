// The browser's preview: a section rendered as `show` renders it, at the preview's width, as lines that fit it.
// Rendering takes longer than a keystroke may, so previews are kept by section and width and made off the key's path.
import { stripVTControlCharacters } from 'node:util';
import wrapAnsi from 'wrap-ansi';

/** What the preview shows: a key naming it (with its width) and how to render it at a width. */
export interface PreviewSource {
  key: string;
  render(width: number): Promise<string>;
  /** Text of the line to scroll to first (a search hit's line), if any. */
  focus?: string;
}

export interface Preview {
  lines: string[];
  /** The line the preview opens at. */
  top: number;
}

/** Previews kept: enough for a reader's wandering, small enough for a large folder's previews not to pile up. */
const CACHE_SIZE = 200;

export interface PreviewCache {
  /** The preview if it was made already. */
  get(source: PreviewSource, width: number): Preview | undefined;
  /** Makes the preview (once per source and width) and keeps it. */
  load(source: PreviewSource, width: number): Promise<Preview>;
}

/** The rendered text as lines no wider than `width` (a wide table or code line goes on to the next line). */
export function previewLines(text: string, width: number): string[] {
  return wrapAnsi(text.replace(/\n+$/, ''), width, { hard: true, trim: false, wordWrap: false }).split('\n');
}

/** The first line that shows `focus` (its first words), else the top. */
function focusLine(lines: string[], focus: string | undefined): number {
  const words = focus?.trim().split(/\s+/).slice(0, 3).join(' ');
  if (!words) return 0;
  const index = lines.findIndex((line) => stripVTControlCharacters(line).includes(words));
  return Math.max(index, 0);
}

export function createPreviewCache(): PreviewCache {
  const kept = new Map<string, Promise<Preview>>();
  const done = new Map<string, Preview>();
  const keyOf = (source: PreviewSource, width: number) => `${width}\u0000${source.key}`;
  return {
    get: (source, width) => done.get(keyOf(source, width)),
    load(source, width) {
      const key = keyOf(source, width);
      let preview = kept.get(key);
      if (!preview) {
        preview = source.render(width).then((text) => {
          const lines = previewLines(text, width);
          const made = { lines, top: focusLine(lines, source.focus) };
          done.set(key, made);
          return made;
        });
        kept.set(key, preview);
        // the oldest goes first: a Map keeps the order keys were added in
        if (kept.size > CACHE_SIZE) {
          const oldest = kept.keys().next().value!;
          kept.delete(oldest);
          done.delete(oldest);
        }
      }
      return preview;
    },
  };
}
