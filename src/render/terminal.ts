// Markdown → terminal text with marked-terminal, coloured by the style's chalk, wrapped to the width given.
import { Marked } from 'marked';
import { markedTerminal } from 'marked-terminal';
import { stripVTControlCharacters } from 'node:util';
import type { Section } from '../core/types.js';
import type { Style } from './style.js';
import { templateSyntax } from './templates.js';

export interface TerminalOptions {
  style: Style;
  width: number;
}

/** Renders Markdown for the terminal; without colour, no escape sequence at all is left in the text. */
export function renderMarkdown(markdown: string, { style, width }: TerminalOptions): string {
  const { chalk } = style;
  const colored = chalk.level > 0;
  const marked = new Marked(
    markedTerminal({
      code: chalk.yellow,
      blockquote: chalk.gray.italic,
      html: chalk.gray,
      heading: chalk.green.bold,
      firstHeading: chalk.magenta.underline.bold,
      hr: chalk.reset,
      listitem: chalk.reset,
      table: chalk.reset,
      paragraph: chalk.reset,
      strong: chalk.bold,
      em: chalk.italic,
      codespan: chalk.yellow,
      del: chalk.dim.strikethrough,
      link: chalk.blue,
      href: chalk.blue.underline,
      width,
      reflowText: true,
      showSectionPrefix: colored,
      emoji: false,
    }) as never,
  );
  marked.use(templateSyntax(chalk.dim)); // site template syntax: dim literal text (see render/templates.ts)
  const text = marked.parse(markdown, { async: false }) as string;
  return colored ? text : stripVTControlCharacters(text);
}

/** Sections for `show`: each rendered; when several, each under a dim line with its number and path. */
export function renderSections(sections: Section[], options: TerminalOptions): string {
  return sections
    .map((section) => {
      const body = renderMarkdown(section.markdown, options);
      if (sections.length === 1) return body;
      const where = [section.number, section.path.join(' › ')].filter(Boolean).join('  ');
      return `${options.style.dim(`── ${where} (${section.file}:${section.line})`)}\n${body}`;
    })
    .join('\n');
}
