// string-width for the build (an esbuild alias, so also inside wrap-ansi and cli-table3): text of characters one
// column wide each, which is nearly all notes, is measured by its length; string-width itself, whose loading (the
// emoji and grapheme tables, Intl.Segmenter) costs more than rendering a section, is loaded for the rest only.
// CommonJS, so that cli-table3's require() gets the function as its own string-width would give it.

/**
 * Characters string-width measures as one column: printable ASCII, Latin-1 and Latin Extended, common punctuation,
 * currency, arrows, mathematical operators, box drawing and geometric shapes (the renderer's own rules and bullets).
 */
const NARROW = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u024f\u2010-\u2027\u2030-\u205e\u20a0-\u20c0\u2190-\u22ff\u2500-\u25fc]*$/;
/** Terminal escape sequences, which take no column (string-width's own pattern, from ansi-regex). */
const ESCAPES = /[\u001b\u009b]/;

interface Options {
  ambiguousIsNarrow?: boolean;
  countAnsiEscapeCodes?: boolean;
}

type Measure = (text: string, options?: Options) => number;

let exact: Measure | undefined;
let escapes: RegExp | undefined;

function stringWidth(text: string, options?: Options): number {
  if (typeof text === 'string' && (options === undefined || options.ambiguousIsNarrow !== false)) {
    let visible = text;
    if (!options?.countAnsiEscapeCodes && ESCAPES.test(text)) {
      escapes ??= (require('../../node_modules/ansi-regex/index.js') as { default: () => RegExp }).default();
      visible = text.replace(escapes, '');
    }
    if (NARROW.test(visible)) return visible.length;
  }
  // bundled, this require evaluates string-width on its first call
  exact ??= (require('../../node_modules/string-width/index.js') as { default: Measure }).default;
  return exact(text, options);
}

export = stringWidth;
