// `kubenotes export [query…]`: the notes, or the sections a query names, as Markdown, HTML, JSON or plain text, to
// stdout or written whole to a file.
import { resolveQuery } from '../core/resolve.js';
import { exportText, formatOfPath, type ExportFormat } from '../render/export.js';
import { safeText } from '../render/safe-text.js';
import type { CommandContext } from './context.js';

export interface ExportOptions {
  format?: ExportFormat;
  /** A file to write, or `-` for stdout. */
  output?: string;
  force?: boolean;
  /** `--width`: plain text is wrapped at this many columns, else at 80 whatever the terminal. */
  width?: number;
}

const STDOUT = '-';
const TEXT_WIDTH = 80;

export async function runExport(context: CommandContext, words: string[], options: ExportOptions): Promise<void> {
  const collection = await context.notes();
  const sections = words.length ? resolveQuery(collection, words.join(' ')) : undefined;
  const toFile = options.output !== undefined && options.output !== STDOUT;
  const format = options.format ?? (toFile ? formatOfPath(options.output!) : undefined) ?? 'md';
  const text = await exportText(format, collection, sections, { width: options.width ?? TEXT_WIDTH });
  // exact when piped or written; at a terminal the notes' escape sequences must not reach it
  if (!toFile) {
    await context.write(context.terminal ? safeText(text) : text);
    return;
  }
  const { writeFileAtomic } = await import('../io/atomic-write.js');
  await writeFileAtomic(options.output!, text, { force: options.force });
}
