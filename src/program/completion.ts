// Shell completion, decided once for every shell: what to offer for the word being typed, from the program's spec
// and the words before it.
import type { CommandSpec, OptionSpec, ProgramSpec } from './spec.js';
import { expandHome } from '../core/home.js';
import type { Collection } from '../core/types.js';

export interface Candidate {
  value: string;
  description?: string;
}

export type Completion =
  | { kind: 'words'; candidates: Candidate[] }
  /** Paths: the shell completes them itself; `prefix` is an option's `--file=` typed in the same word. */
  | { kind: 'files'; prefix: string }
  /** The notes' section ids and numbers; `optionValues` are the options given on the line (`file` for --file). */
  | { kind: 'sections'; optionValues: Record<string, string[]> }
  /** The notes' folders, after `prefix` (`--under=` typed in the same word). */
  | { kind: 'folders'; prefix: string; optionValues: Record<string, string[]> };

/** What the words before the one being completed say. */
interface LineState {
  command?: CommandSpec;
  unknownCommand: boolean;
  /** Operands given to the command so far. */
  operands: number;
  /** The previous word is an option whose value is being typed now. */
  pendingValue?: OptionSpec;
  afterDashes: boolean;
  optionValues: Record<string, string[]>;
}

/** The command's options, then the program's it does not have itself (both have --help). */
function optionsIn(spec: ProgramSpec, state: LineState): OptionSpec[] {
  const own = state.command?.options ?? [];
  return [...own, ...spec.options.filter((global) => !own.some((option) => option.flags === global.flags))];
}

const findOption = (options: OptionSpec[], flag: string): OptionSpec | undefined =>
  options.find((option) => option.long === flag || option.short === flag);

/** An option word and the value typed in it: `--file=x`, `-fx`; no value for `--json` or `-f`. */
function splitOptionWord(word: string, options: OptionSpec[]): { option?: OptionSpec; value?: string } {
  const equals = word.indexOf('=');
  if (word.startsWith('--') && equals > 0) return { option: findOption(options, word.slice(0, equals)), value: word.slice(equals + 1) };
  const option = findOption(options, word);
  if (option || word.startsWith('--') || word.length <= 2) return { option };
  const short = findOption(options, word.slice(0, 2));
  return short?.takesValue ? { option: short, value: word.slice(2) } : {};
}

function readLine(spec: ProgramSpec, words: string[]): LineState {
  const state: LineState = { unknownCommand: false, operands: 0, afterDashes: false, optionValues: {} };
  const record = (option: OptionSpec, value: string) => (state.optionValues[option.attribute] ??= []).push(value);
  for (const word of words) {
    if (state.pendingValue) {
      // bash splits `--file=x` into `--file`, `=`, `x`
      if (word === '=') continue;
      record(state.pendingValue, word);
      state.pendingValue = undefined;
    } else if (!state.afterDashes && word === '--') {
      state.afterDashes = true;
    } else if (!state.afterDashes && word.startsWith('-') && word !== '-') {
      const { option, value } = splitOptionWord(word, optionsIn(spec, state));
      if (option?.takesValue && value !== undefined) record(option, value);
      else if (option?.takesValue) state.pendingValue = option;
    } else if (state.command || state.unknownCommand) {
      state.operands++;
    } else {
      state.command = spec.commands.find((command) => command.name === word);
      state.unknownCommand = !state.command;
    }
  }
  return state;
}

const words = (candidates: Candidate[]): Completion => ({ kind: 'words', candidates });
const NOTHING = words([]);

function completeValue(option: OptionSpec, prefix: string, optionValues: Record<string, string[]>): Completion {
  if (option.choices) return words(option.choices.map((choice) => ({ value: `${prefix}${choice}` })));
  if (option.takesNotesFolder) return { kind: 'folders', prefix, optionValues };
  return option.takesPath ? { kind: 'files', prefix } : NOTHING;
}

function completeOption(options: OptionSpec[], current: string, optionValues: Record<string, string[]>): Completion {
  const equals = current.indexOf('=');
  if (current.startsWith('--') && equals > 0) {
    const option = findOption(options, current.slice(0, equals));
    return option?.takesValue ? completeValue(option, current.slice(0, equals + 1), optionValues) : NOTHING;
  }
  // short flags only once a lone `-` asks for them; long ones say more
  const flags = options.flatMap((option) =>
    [option.long, current === '-' ? option.short : undefined].flatMap((flag) => (flag ? [{ flag, option }] : [])),
  );
  return words(flags.map(({ flag, option }) => ({ value: flag, description: option.description })));
}

const commandCandidates = (spec: ProgramSpec): Candidate[] =>
  spec.commands.map((command) => ({ value: command.name, description: command.summary }));

function completeOperand(spec: ProgramSpec, command: CommandSpec, index: number): Completion {
  const last = command.arguments.length - 1;
  const argument = command.arguments[Math.min(index, last)];
  if (!argument || (index > last && !argument.variadic)) return NOTHING;
  if (argument.choices) return words(argument.choices.map((choice) => ({ value: choice })));
  if (command.completesCommands) return words(commandCandidates(spec));
  return command.completesSections ? { kind: 'sections', optionValues: {} } : NOTHING;
}

/** What to offer for the last of `words` (the words after the program's name, up to the cursor). */
export function completeWords(spec: ProgramSpec, typed: string[]): Completion {
  const current = typed.at(-1) ?? '';
  const state = readLine(spec, typed.slice(0, -1));
  if (state.pendingValue) return completeValue(state.pendingValue, '', state.optionValues);
  if (!state.afterDashes && current.startsWith('-')) return completeOption(optionsIn(spec, state), current, state.optionValues);
  if (state.unknownCommand) return NOTHING;
  if (!state.command) return words(commandCandidates(spec));
  const completion = completeOperand(spec, state.command, state.operands);
  return completion.kind === 'sections' ? { ...completion, optionValues: state.optionValues } : completion;
}

/** Every section's id and outline number, each described by its title; an id shared by two files offered once. */
export function sectionCandidates(collection: Collection): Candidate[] {
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  const add = (value: string, description: string) => {
    if (seen.has(value)) return;
    seen.add(value);
    candidates.push({ value, description });
  };
  for (const section of collection.sections) {
    add(section.id, section.number ? `${section.number} ${section.title}` : section.title);
    if (section.number) add(section.number, section.title);
  }
  return candidates;
}

/** Every folder that holds a page, each once and ending in `/`, after `prefix`: what `--under` takes. */
export function folderCandidates(collection: Collection, prefix = ''): Candidate[] {
  const folders = new Set<string>();
  for (const { file } of collection.documents) {
    const parts = file.split('/').slice(0, -1);
    parts.forEach((_, i) => folders.add(`${parts.slice(0, i + 1).join('/')}/`));
  }
  return [...folders].map((folder) => ({ value: `${prefix}${folder}` }));
}

/** A word as the shell would pass it on: quotes removed, backslash escapes resolved (no expansion is run). */
export function dequote(word: string): string {
  return word.replace(
    /'([^']*)'|"((?:[^"\\]|\\.)*)"|\\(.)/gs,
    (_match, single?: string, double?: string, escaped?: string) =>
      single ?? (double !== undefined ? double.replace(/\\(["\\$`])/g, '$1') : escaped!),
  );
}

/** A notes path typed on the line, as the shell would hand it to kubenotes: unquoted, a leading `~` made home. */
export const typedPath = (word: string, home: string): string => expandHome(dequote(word), home);
