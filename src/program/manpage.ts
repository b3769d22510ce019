// The man page (roff, section 1): its synopsis and command list from the program's own description, its text from
// the manual in docs/ — the same pages the tests run — so `man kubenotes` and the manual cannot drift apart.
import type { Example, ProgramSpec } from './spec.js';
import { markdownToRoff, roff } from '../render/roff.js';

/** The manual's Markdown the man page is made of. */
export interface Manual {
  /** Each command's page, by command name. */
  commands: Record<string, string>;
  /** The global options, as the manual lists them. */
  options: string;
  configuration: string;
  environment: string;
  exitStatus: string;
}

function examples(list: Example[]): string[] {
  if (list.length === 0) return [];
  const lines = list.flatMap(({ command, does }) => [`# ${does}`, command]).map(roff);
  return ['.PP', 'Examples:', '.RS', '.nf', ...lines, '.fi', '.RE'];
}

export function renderManPage(program: ProgramSpec, manual: Manual): string {
  const commands = program.commands.flatMap((spec) => {
    const page = manual.commands[spec.name];
    if (page === undefined) throw new Error(`the manual has no page for "${spec.name}"`);
    return [`.SS "${roff(`${program.name} ${spec.usage}`)}"`, ...markdownToRoff(page)];
  });
  const lines = [
    `.TH ${program.name.toUpperCase()} 1 "" "${program.name} ${program.version}" "User Commands"`,
    '.SH NAME',
    `${program.name} \\- ${roff(program.description.replace(/\.$/, ''))}`,
    '.SH SYNOPSIS',
    `.B ${program.name}`,
    '[\\fIoptions\\fR] \\fIcommand\\fR [\\fIarguments\\fR]',
    '.SH DESCRIPTION',
    roff(program.description),
    ...examples(program.examples),
    '.SH OPTIONS',
    ...markdownToRoff(manual.options),
    '.SH COMMANDS',
    ...commands,
    '.SH CONFIGURATION',
    ...markdownToRoff(manual.configuration),
    '.SH ENVIRONMENT',
    ...markdownToRoff(manual.environment),
    '.SH "EXIT STATUS"',
    ...markdownToRoff(manual.exitStatus),
    '.SH "SEE ALSO"',
    roff('The manual, with examples and their output: docs/README.md in the source.'),
  ];
  return `${lines.join('\n')}\n`;
}
