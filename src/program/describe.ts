// The commander program as plain data (commands, options, arguments, examples), read through commander's own Help
// so that it lists exactly what `--help` lists, commands added later included.
import type { Argument, Command, Help, Option } from 'commander';
import type { ArgumentSpec, CommandSpec, OptionSpec, ProgramSpec } from './spec.js';
import { KubenotesCommand } from './command.js';

const PATH_VALUE = /<(path|file|folder|dir)>|\[(path|file|folder|dir)\]/;
const NOTES_FOLDER_VALUE = /<notes-folder>/;

function describeOption(option: Option, help: Help): OptionSpec {
  return {
    flags: help.optionTerm(option),
    short: option.short,
    long: option.long,
    description: help.optionDescription(option),
    takesValue: option.required || option.optional,
    attribute: option.attributeName(),
    choices: option.argChoices,
    takesPath: PATH_VALUE.test(option.flags),
    takesNotesFolder: NOTES_FOLDER_VALUE.test(option.flags),
  };
}

function describeArgument(argument: Argument, help: Help): ArgumentSpec {
  return {
    name: argument.name(),
    description: help.argumentDescription(argument),
    required: argument.required,
    variadic: argument.variadic,
    choices: argument.argChoices,
  };
}

function describeCommand(command: Command, help: Help, isHelpCommand: boolean): CommandSpec {
  const own = command instanceof KubenotesCommand ? command : undefined;
  return {
    name: command.name(),
    usage: help.subcommandTerm(command),
    summary: help.subcommandDescription(command),
    description: help.commandDescription(command),
    options: help.visibleOptions(command).map((option) => describeOption(option, help)),
    // all of them: Help lists arguments only when one has a description
    arguments: command.registeredArguments.map((argument) => describeArgument(argument, help)),
    examples: own?.exampleList ?? [],
    completesSections: own?.namesSections ?? false,
    completesCommands: isHelpCommand,
  };
}

export function describeProgram(program: Command): ProgramSpec {
  const help = program.createHelp();
  return {
    name: program.name(),
    description: program.description(),
    version: program.version() ?? '',
    options: help.visibleOptions(program).map((option) => describeOption(option, help)),
    // the one listed command that is not among program.commands is commander's own `help [command]`
    commands: help.visibleCommands(program).map((command) => describeCommand(command, help, !program.commands.includes(command))),
    examples: program instanceof KubenotesCommand ? program.exampleList : [],
  };
}
