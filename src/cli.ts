// The commander program: global options, the commands, and the one place errors become messages and exit codes.
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { supportsColor } from 'chalk';
import packageJson from '../package.json' with { type: 'json' };
import { buildCollection } from './core/collection.js';
import { KubenotesError } from './core/errors.js';
import { opensWithFence } from './core/frontmatter.js';
import type { Collection, Warning } from './core/types.js';
import type { CommandContext } from './commands/context.js';
import { writeResult } from './io/output.js';
import { bundledNotesPath, readSources } from './io/sources.js';
import { colorLevel, outputWidth } from './io/terminal.js';
import { createStyle } from './render/style.js';

/** What the program talks to; the real process by default, a test's own streams in unit tests. */
export interface ProgramIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WritableStream;
}

interface GlobalOptions {
  file: string[];
  color: boolean;
  pager: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return number;
}

/** The notes to read: every --file, else KUBENOTES_FILE, else the bundled notes. */
function notesPaths(options: GlobalOptions, env: NodeJS.ProcessEnv): string[] {
  if (options.file.length) return options.file;
  if (env.KUBENOTES_FILE) return [env.KUBENOTES_FILE];
  return [bundledNotesPath()];
}

const warningText = (warning: Warning): string =>
  `kubenotes: warning: ${warning.file}${warning.line === undefined ? '' : `:${warning.line}`}: ${warning.message}\n`;

/** Reads and indexes the notes; what was read with trouble is said once, as warnings on stderr. */
async function loadNotes(paths: string[], io: ProgramIo): Promise<Collection> {
  const { files, warnings } = await readSources(paths, io.stdin);
  // the YAML and TOML parsers cost more to load than most notes cost to read: only when a file may need them
  const parsers = files.some((f) => opensWithFence(f.bytes)) ? (await import('./core/frontmatter-parsers.js')).frontMatterParsers : undefined;
  const collection = buildCollection(files, parsers);
  for (const warning of [...warnings, ...collection.warnings]) io.stderr.write(warningText(warning));
  return collection;
}

function createContext(command: Command, io: ProgramIo): CommandContext {
  const options = command.optsWithGlobals<GlobalOptions>();
  const terminal = { env: io.env, isTTY: Boolean(io.stdout.isTTY), columns: io.stdout.columns, supportedLevel: supportsColor ? supportsColor.level : 0 };
  let loading: Promise<Collection> | undefined;
  return {
    notes: () => (loading ??= loadNotes(notesPaths(options, io.env), io)),
    style: createStyle(colorLevel(options.color, terminal)),
    env: io.env,
    width: outputWidth(terminal),
    write: (text, { page = false } = {}) => writeResult(text, { paging: page && options.pager, stdout: io.stdout, env: io.env }),
  };
}

function buildProgram(io: ProgramIo): Command {
  const program = new Command('kubenotes');
  program
    .description('Read, search and export Markdown notes from the shell.')
    .version(packageJson.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('-f, --file <path>', 'notes file, folder of .md files, or - for stdin (repeatable; default: $KUBENOTES_FILE, else the bundled notes)', collect, [])
    .option('--no-color', 'no colour, even at a terminal or with FORCE_COLOR')
    .option('--no-pager', 'never page output through $PAGER')
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .exitOverride();

  program
    .command('list')
    .description('outline of the notes: talks with their presenters and subsections')
    .option('-d, --depth <n>', 'levels of the outline to show', positiveInteger, 2)
    .option('--json', 'every section as JSON')
    .action(async (options, command: Command) => {
      const { runList } = await import('./commands/list.js');
      await runList(createContext(command, io), options);
    });

  program
    .command('show')
    .description('show the section(s) a query names: id, number, path or fuzzy title')
    .argument('<query...>', 'an id, file.md#anchor, an outline number (6.5), a path (prometheus/alert) or words of a title')
    .option('--first', 'only the best match, even when several match equally')
    .option('--raw', 'print the Markdown source')
    .option('--json', 'print the sections as JSON, with their Markdown')
    .action(async (words: string[], options, command: Command) => {
      const { runShow } = await import('./commands/show.js');
      await runShow(createContext(command, io), words, options);
    });

  program
    .command('edit')
    .description("open the section a query names in your editor at its heading ($VISUAL, else $EDITOR, else vi)")
    .argument('<query...>', 'an id, file.md#anchor, an outline number, a path or words of a title, as for show')
    .option('--first', 'the best match, even when several match equally')
    .action(async (words: string[], options, command: Command) => {
      const { runEdit } = await import('./commands/edit.js');
      await runEdit(createContext(command, io), words, options);
    });

  return program;
}

/** Runs kubenotes and returns its exit code; nothing here exits the process. */
export async function run(io: ProgramIo): Promise<number> {
  try {
    // a throwaway program tells whether a command was named (its option parsing keeps state, so not the real one)
    const { operands, unknown } = buildProgram(io).parseOptions(io.argv.slice(2));
    const program = buildProgram(io);
    if (operands.length === 0 && unknown.length === 0) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync(io.argv);
    return 0;
  } catch (error) {
    return reportError(error, io);
  }
}

const SUCCESSFUL_COMMANDER_EXITS = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

/** The single place an error becomes a message on stderr and an exit code. */
function reportError(error: unknown, io: ProgramIo): number {
  if (error instanceof CommanderError) return SUCCESSFUL_COMMANDER_EXITS.has(error.code) ? 0 : 2; // commander printed it
  if (error instanceof KubenotesError) {
    io.stderr.write(`kubenotes: ${error.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`kubenotes: unexpected error: ${message}\n`);
  if (io.env.KUBENOTES_DEBUG === '1' && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  else io.stderr.write('kubenotes: set KUBENOTES_DEBUG=1 for details, and please report this\n');
  return 2;
}
