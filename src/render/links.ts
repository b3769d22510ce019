// Links for people: what a section links to and what links to it (`links`), and the broken ones (`check`).
import type { NoteLink, SectionLinks } from '../core/link-graph.js';
import type { Section } from '../core/types.js';
import { escapedName, printable } from './safe-text.js';
import type { Style } from './style.js';

export interface LinksViewOptions {
  style: Style;
  /** Name each target section's file (when the notes are several files). */
  files: boolean;
}

/** One line of the notes' text: blanks and controls folded to single spaces. */

/** `7.6  Prometheus › Alert`: a section's number (when it has one) and path. */
const sectionName = (section: Section, style: Style): string =>
  [section.number && style.number(section.number), printable(section.path.join(' › '))].filter(Boolean).join('  ');

/** Where a link leads, as a line's end: a section, a whole file, why it is broken, or the URL. */
function targetText(link: NoteLink, { style, files }: LinksViewOptions): string {
  if (link.broken) return style.chalk.red(`broken: ${printable(link.broken.why)}`);
  const { target } = link;
  if (!target) return style.dim(printable(link.href));
  if (!target.section) return `${escapedName(target.document.file)}  ${printable(target.document.title)}`;
  return `${sectionName(target.section, style)}${files ? style.dim(`  (${escapedName(target.section.file)})`) : ''}`;
}

/** Each section under its number and path: its links (line, text, where it leads), then the sections that link to it. */
export function renderSectionLinks(entries: SectionLinks[], options: LinksViewOptions): string {
  const { style } = options;
  const blocks = entries.map(({ section, outgoing, incoming }) => {
    const lines = [`${sectionName(section, style)}  ${style.dim(`(${escapedName(section.file)}:${section.line})`)}`];
    const lineWidth = Math.max(0, ...outgoing.map((l) => String(l.line).length));
    lines.push(outgoing.length ? '  links to:' : `  links to: ${style.dim('nothing')}`);
    for (const link of outgoing) {
      const text = printable(link.text);
      // the text is said once: not again when it is the URL or the title it leads to
      const said = text === printable(link.href) || text === printable(link.target?.section?.title ?? '') ? '' : `${text} `;
      lines.push(`    ${style.dim(String(link.line).padStart(lineWidth))}  ${said}→ ${targetText(link, options)}`);
    }
    lines.push(incoming.length ? '  linked from:' : `  linked from: ${style.dim('nothing')}`);
    for (const link of incoming) {
      const from = link.section ? sectionName(link.section, style) : escapedName(link.file);
      lines.push(`    ${style.dim(`${escapedName(link.file)}:${link.line}`)}  ${from}: ${printable(link.text)}`);
    }
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

/** `file:line: [text](href): why; did you mean …?`, one broken link a line, as compilers and linters report. */
export function renderBrokenLinks(links: NoteLink[]): string {
  return links
    .map((link) => {
      const suggestion = link.broken?.suggestion ? `; did you mean ${link.broken.suggestion}?` : '';
      return `${escapedName(link.file)}:${link.line}: ${printable(link.source)}: ${printable(link.broken?.why ?? '')}${printable(suggestion)}\n`;
    })
    .join('');
}

const counted = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** What `check` looked at: `21 internal links in 7 files`. */
export const checkedSummary = (links: number, files: number): string => `${counted(links, 'internal link')} in ${counted(files, 'file')}`;
