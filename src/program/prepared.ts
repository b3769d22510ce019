// The program's help prepared at build time (dist/help.txt), so that `kubenotes --help` is printed without loading
// commander: the text as commander formats it at every width from the narrowest up to the one from which it no longer
// changes, each different text kept once. The width is chosen at run time, as the help would choose it.
//
// The file: a line of JSON, `{"from": 20, "index": [0, 0, 1, …], "ends": [3012, 6020, …]}` — the text for width
// `from + i` is text `index[i]` (the last one for any wider width) — then the texts, text k ending at `ends[k]`.

interface Header {
  from: number;
  index: number[];
  ends: number[];
}

/** The help file from `helpAt`, the help at a width, for every width from `from` up to `to` at the most. */
export function prepareHelp(helpAt: (width: number) => string, from: number, to: number): string {
  const widest = helpAt(to);
  const texts: string[] = [];
  const index: number[] = [];
  for (let width = from; width <= to; width++) {
    const text = helpAt(width);
    if (text !== texts.at(-1)) texts.push(text);
    index.push(texts.length - 1);
    // no line wider than this width: no wider width wraps anything
    if (text === widest && text.split('\n').every((line) => line.length <= width)) break;
  }
  let end = 0;
  const ends = texts.map((text) => (end += text.length));
  return `${JSON.stringify({ from, index, ends } satisfies Header)}\n${texts.join('')}`;
}

/** The prepared help for `width`; undefined when the file is not one prepareHelp wrote. */
export function preparedHelpAt(file: string, width: number): string | undefined {
  const newline = file.indexOf('\n');
  let header: Header;
  try {
    header = JSON.parse(file.slice(0, newline)) as Header;
  } catch {
    return undefined;
  }
  const { from, index, ends } = header;
  if (!Number.isInteger(from) || !Array.isArray(index) || !Array.isArray(ends) || width < from || index.length === 0) return undefined;
  const k = index[Math.min(width - from, index.length - 1)];
  const start = newline + 1 + (k === 0 ? 0 : ends[k - 1]);
  const end = newline + 1 + ends[k];
  if (!Number.isInteger(start) || !Number.isInteger(end) || start > end || end > file.length) return undefined;
  return file.slice(start, end);
}
