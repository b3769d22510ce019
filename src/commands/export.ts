// `kubenotes export [query…]`: the notes, or the sections a query names, as Markdown, HTML, JSON or plain text, to
// stdout or written whole to a file.
import { resolveQuery } from '../core/query/resolve.js';
import { UsageError } from '../core/errors.js';
import { exportText, type ExportFormat } from '../render/export/text.js';
import { extensionOf, formatOfPath, formatsWithExtensions } from '../render/export/formats.js';
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
  const format = toFile ? formatOfFile(options.output!, options) : (options.format ?? 'md');
  const text = await exportText(format, collection, sections, { width: options.width ?? TEXT_WIDTH });
  // exact when piped or written; at a terminal the notes' escape sequences must not reach it
  if (!toFile) {
    await context.write(context.terminal ? safeText(text) : text);
    return;
  }
  const { writeFileAtomic } = await import('../io/atomic-write.js');
  await writeFileAtomic(options.output!, text, { force: options.force });
}

/**
 * The format of a file to write: --format, else the one its extension names (md for a name without one). An
 * extension that names no format needs --format; one that names another format than --format needs --force.
 */
function formatOfFile(path: string, { format, force }: ExportOptions): ExportFormat {
  const extension = extensionOf(path);
  const named = formatOfPath(path);
  if (format === undefined) {
    if (extension === undefined) return 'md';
    if (named) return named;
    throw new UsageError(
      `export: no format is written as .${extension}; name one with --format, or end the file name in one of: ${formatsWithExtensions()}`,
    );
  }
  if (named && named !== format && !force)
    throw new UsageError(`export: --format ${format} and a .${extension} file disagree; use --force to write ${format} to it anyway`);
  return format;
}
