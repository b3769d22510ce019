// The man page (roff, section 1) from the program's own description: the text of `--help`, its examples, and the
// topics help does not cover.
import type { CommandSpec, Example, OptionSpec, ProgramSpec } from './spec.js';

export interface ManualSection {
  title: string;
  paragraphs?: string[];
  /** Term and its meaning, as a tagged list. */
  entries?: Array<[string, string]>;
}

/** Text as roff prints it literally: backslashes and hyphens escaped, no line taken for a request. */
const roff = (text: string): string =>
  text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .replace(/^[.']/gm, '\\&$&');

const tagged = (term: string, text: string): string[] => ['.TP', `.B ${roff(term)}`, roff(text)];

const options = (list: OptionSpec[]): string[] => list.flatMap((option) => tagged(option.flags, option.description));

function examples(list: Example[]): string[] {
  if (list.length === 0) return [];
  const lines = list.flatMap(({ command, does }) => [`# ${does}`, command]).map(roff);
  return ['.PP', 'Examples:', '.RS', '.nf', ...lines, '.fi', '.RE'];
}

function command(spec: CommandSpec, program: string): string[] {
  const described = spec.arguments.filter((argument) => argument.description);
  return [
    `.SS "${roff(`${program} ${spec.usage}`)}"`,
    roff(spec.description),
    ...described.flatMap((argument) => tagged(argument.name, argument.description)),
    // every command takes --help; OPTIONS says so once
    ...options(spec.options.filter((option) => option.long !== '--help')),
    ...examples(spec.examples),
  ];
}

function topic(section: ManualSection): string[] {
  const paragraphs = (section.paragraphs ?? []).flatMap((text) => ['.PP', roff(text)]);
  const entries = (section.entries ?? []).flatMap(([term, text]) => tagged(term, text));
  return [`.SH ${section.title}`, ...paragraphs, ...entries];
}

export function renderManPage(program: ProgramSpec, topics: ManualSection[]): string {
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
    'Accepted before or after the command.',
    ...options(program.options),
    '.SH COMMANDS',
    ...program.commands.flatMap((spec) => command(spec, program.name)),
    ...topics.flatMap(topic),
  ];
  return `${lines.join('\n')}\n`;
}
