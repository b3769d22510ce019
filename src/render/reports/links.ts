// Links for people: what a section links to and what links to it (`links`), and the broken ones (`check`).
import type { NoteLink, SectionLinks } from '../../core/links/graph.js';
import type { Section } from '../../core/types.js';
import { cutStartToWidth, cutToWidth, fitSectionPath } from '../fit.js';
import { escapedName, printable } from '../safe-text.js';
import type { Style } from '../style.js';
import { widthOf } from '../wrap.js';

export interface LinksViewOptions {
  style: Style;
  /** Name each target section's file (when the notes are several files). */
  files: boolean;
  /** Columns each line may fill. */
  width: number;
}

/** A file's name (and line) takes at most this share of a line; a link's text this share of what is left. */
const FILE_SHARE = 0.4;
const TEXT_SHARE = 0.4;

/** `notes/a.md:12` in at most `width` columns: cut at its start, since its end names the file and line. */
const fitFile = (file: string, width: number): string => cutStartToWidth(escapedName(file), width);

/** `7.6  Prometheus › Alert`: a section's number (when it has one) and path, in `width` columns. */
function sectionName(section: Section, style: Style, width: number): string {
  const number = section.number ?? '';
  const path = fitSectionPath(section.path.map(printable), width - (number ? number.length + 2 : 0));
  return number ? `${style.number(number)}  ${path}` : path;
}

/** A section's name and then `  (file)` dimmed, in `width` columns: the file takes at most its share. */
function sectionAndFile(section: Section, file: string, style: Style, width: number): string {
  // the file takes what the name leaves, and at least its share when the name needs the room
  const room = Math.max(width - widthOf(sectionName(section, style, Infinity)) - 1, Math.floor(width * FILE_SHARE));
  const where = ` (${fitFile(file, room - 3)})`;
  return `${sectionName(section, style, width - widthOf(where) - 1)} ${style.dim(where)}`;
}

/** Where a link leads, as a line's end in `width` columns: a section, a whole file, why it is broken, or the URL. */
function targetText(link: NoteLink, { style, files }: LinksViewOptions, width: number): string {
  if (link.broken) return style.broken(cutToWidth(`broken: ${printable(link.broken.why)}`, width));
  const { target } = link;
  if (!target) return style.dim(cutToWidth(printable(link.href), width));
  if (!target.section) return cutToWidth(`${escapedName(target.document.file)}  ${printable(target.document.title)}`, width);
  return files ? sectionAndFile(target.section, target.section.file, style, width) : sectionName(target.section, style, width);
}

/** Each section under its number and path: its links (line, text, where it leads), then the sections that link to it. */
export function renderSectionLinks(entries: SectionLinks[], options: LinksViewOptions): string {
  const { style, width } = options;
  const blocks = entries.map(({ section, outgoing, incoming }) => {
    const lines = [sectionAndFile(section, `${section.file}:${section.line}`, style, width)];
    const lineWidth = Math.max(0, ...outgoing.map((l) => String(l.line).length));
    lines.push(outgoing.length ? '  links to:' : `  links to: ${style.dim('nothing')}`);
    const room = width - lineWidth - 6;
    for (const link of outgoing) {
      const text = printable(link.text);
      // the text is said once: not again when it is the URL or the title it leads to
      const said =
        text === printable(link.href) || text === printable(link.target?.section?.title ?? '')
          ? ''
          : `${cutToWidth(text, Math.floor(room * TEXT_SHARE))} `;
      lines.push(
        `    ${style.dim(String(link.line).padStart(lineWidth))}  ${said}→ ${targetText(link, options, room - widthOf(said) - 2)}`,
      );
    }
    lines.push(incoming.length ? '  linked from:' : `  linked from: ${style.dim('nothing')}`);
    for (const link of incoming) {
      const at = fitFile(`${link.file}:${link.line}`, Math.floor((width - 4) * FILE_SHARE));
      const rest = width - 6 - widthOf(at);
      const from = link.section ? sectionName(link.section, style, Math.floor(rest / 2)) : fitFile(link.file, Math.floor(rest / 2));
      lines.push(`    ${style.dim(at)}  ${from}: ${cutToWidth(printable(link.text), rest - widthOf(from) - 2)}`);
    }
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

/**
 * `file:line: [text](href): why; did you mean …?`, one broken link a line, as compilers and linters report, in `width`
 * columns: the file keeps its end (and at most its share), the rest is cut at its end; the place dimmed, why in the
 * broken style.
 */
export function renderBrokenLinks(links: NoteLink[], width: number, style: Style): string {
  return links
    .map((link) => {
      const suggestion = link.broken?.suggestion ? `; did you mean ${link.broken.suggestion}?` : '';
      const at = `${fitFile(`${link.file}:${link.line}`, Math.floor(width * FILE_SHARE) - 1)}:`;
      const why = `${printable(link.broken?.why ?? '')}${printable(suggestion)}`;
      // the link as written takes what the reason leaves, and at least its share when the reason needs the room
      const room = width - widthOf(at) - 1;
      const source = cutToWidth(printable(link.source), Math.max(room - widthOf(why) - 2, Math.floor(room * TEXT_SHARE)));
      return `${style.dim(at)} ${source}: ${style.broken(cutToWidth(why, room - widthOf(source) - 2))}\n`;
    })
    .join('');
}

const counted = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** What `check` looked at: `21 internal links in 7 files`. */
export const checkedSummary = (links: number, files: number): string => `${counted(links, 'internal link')} in ${counted(files, 'file')}`;
