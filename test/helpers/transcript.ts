// Transcripts: the ```console blocks of the README and the manual, read as commands and the output they promise.

/** One `$ command` of a console block with the lines it is documented to print. */
export interface TranscriptStep {
  command: string;
  expected: string[];
  /** The exit status the example states with a last line `[exit N]`; 0 when it states none. */
  exit: number;
  /** 1-based line of the command in its Markdown file. */
  line: number;
}

export interface TranscriptBlock {
  line: number;
  steps: TranscriptStep[];
}

// a fence may be indented, as in a list item; its lines lose that indent
const FENCE = /^( *)(`{3,}|~{3,})\s*(\S*)\s*(.*)$/;
const EXIT = /^\[exit (\d+)\]$/;

/** The console blocks of a Markdown text, but those marked `console norun`. */
export function transcriptBlocks(markdown: string): TranscriptBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: TranscriptBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = FENCE.exec(lines[index]);
    if (!open) continue;
    const [, indent, fence, language, info] = open;
    const closing = new RegExp(`^ *${fence[0]}{${fence.length},}\\s*$`);
    const close = lines.findIndex((line, at) => at > index && closing.test(line));
    const end = close === -1 ? lines.length : close;
    const body = lines.slice(index + 1, end).map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line));
    if (language === 'console' && !/\bnorun\b/.test(info)) blocks.push({ line: index + 1, steps: stepsOf(body, index + 2) });
    index = end;
  }
  return blocks;
}

function stepsOf(lines: string[], firstLine: number): TranscriptStep[] {
  const steps: TranscriptStep[] = [];
  lines.forEach((text, offset) => {
    if (text.startsWith('$ ')) steps.push({ command: text.slice(2), expected: [], exit: 0, line: firstLine + offset });
    else steps.at(-1)?.expected.push(text);
  });
  for (const step of steps) {
    while (step.expected.length > 0 && step.expected.at(-1)!.trim() === '') step.expected.pop();
    const exit = EXIT.exec(step.expected.at(-1) ?? '');
    if (exit) {
      step.exit = Number(exit[1]);
      step.expected.pop();
    }
  }
  return steps;
}

/** Output as a transcript compares it: lines without trailing blanks, no blank lines at the end. */
export function normalisedLines(output: string): string[] {
  const lines = output
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd());
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines;
}

/** Whether `actual` is what `expected` documents: equal lines, where a line `...` stands for any number of lines. */
export function matchesTranscript(expected: string[], actual: string[]): boolean {
  const want = expected.map((line) => line.trimEnd());
  // reachable[j]: the expected lines so far can produce the first j actual lines
  let reachable = new Array<boolean>(actual.length + 1).fill(false);
  reachable[0] = true;
  for (const line of want) {
    const next = new Array<boolean>(actual.length + 1).fill(false);
    for (let j = 0; j <= actual.length; j++) {
      if (!reachable[j]) continue;
      if (line === '...') for (let k = j; k <= actual.length; k++) next[k] = true;
      else if (j < actual.length && actual[j] === line) next[j + 1] = true;
    }
    reachable = next;
  }
  return reachable[actual.length];
}
