// The program's commands, options and examples as plain data: what help, the man page and completion are made from.

/** A command line worth showing, and what it does. */
export interface Example {
  command: string;
  does: string;
}

export interface OptionSpec {
  /** As in help: `-d, --depth <n>`. */
  flags: string;
  short?: string;
  long?: string;
  /** The description as help shows it, with choices and default. */
  description: string;
  /** Whether the option takes a value (`<n>`), so the next word is its value. */
  takesValue: boolean;
  /** The property the value is stored under (`file` for `--file`). */
  attribute: string;
  /** The values it accepts, when it names them (`--format md|html|…`). */
  choices?: string[];
  /** Its value names a file or folder (`<path>`, `<file>`, `<dir>`, `<folder>`). */
  takesPath: boolean;
  /** Its value names a folder of the notes, relative to them (`<notes-folder>`). */
  takesNotesFolder: boolean;
}

export interface ArgumentSpec {
  name: string;
  description: string;
  required: boolean;
  variadic: boolean;
  choices?: string[];
}

export interface CommandSpec {
  name: string;
  /** As in help: `show [options] <query...>`. */
  usage: string;
  /** One line, for listings. */
  summary: string;
  description: string;
  options: OptionSpec[];
  arguments: ArgumentSpec[];
  examples: Example[];
  /** Its arguments name sections (ids, numbers), so completion offers those of the current notes. */
  completesSections: boolean;
  /** Its argument is another command's name (`help <command>`). */
  completesCommands: boolean;
}

export interface ProgramSpec {
  name: string;
  description: string;
  version: string;
  /** Options accepted before or after any command. */
  options: OptionSpec[];
  commands: CommandSpec[];
  examples: Example[];
}
