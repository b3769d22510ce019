// The commander program: global options, the commands, and the one place errors become messages and exit codes.
// Only commander and the words of the help are loaded here; each command loads what it needs when it runs.
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { PassThrough, Writable } from 'node:stream';
import { THEME_NAMES, type ThemeName } from './core/config.js';
import { KubenotesError, UsageError } from './core/errors.js';
import type { CommandContext, GlobalOptions, ProgramIo } from './commands/context.js';
import { KubenotesCommand } from './program/command.js';
import { describeProgram } from './program/describe.js';
import { writeResult } from './io/output.js';
import { colorLevel, MAX_WIDTH, MIN_WIDTH, outputWidth } from './io/tty.js';
import { safeText } from './render/safe-text.js';
import type { Style } from './render/style.js';
import { wrapLongLines } from './render/wrap.js';
import { SHELLS, type Shell } from './program/completion-scripts.js';
import { EXPORT_FORMATS } from './render/export/formats.js';
import { VERSION } from './version.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return number;
}

function wholeNumber(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new InvalidArgumentError('expected a whole number of 0 or more');
  return number;
}

/** `--under`, for every command that reads pages: a folder relative to the notes, which Tab offers. */
const underOption = (): Option =>
  new Option('--under <notes-folder>', 'only the pages below this folder of the notes; numbers and ids as without it');

/** The context a command runs in, from the global options (and `overrides` of them); its module is loaded only now. */
async function contextOf(command: Command, io: ProgramIo, overrides: Partial<GlobalOptions> = {}): Promise<CommandContext> {
  const { createContext } = await import('./commands/context.js');
  return createContext({ ...command.optsWithGlobals<GlobalOptions>(), ...overrides }, io);
}

/** Writes to stdout, never through the pager: for output that scripts and shells read. */
const plainWriter = (io: ProgramIo) => async (text: string) => {
  await writeResult(text, { paging: false, stdout: io.stdout, env: io.env });
};

/** Help in the theme's colours: commander's headings and terms. */
const helpColours = (style: Style) => ({
  styleTitle: style.helpTitle,
  styleCommandText: style.helpTerm,
  styleSubcommandText: style.helpTerm,
  styleOptionText: style.helpTerm,
  styleArgumentText: style.helpTerm,
});

/**
 * Help's style when colour may be on: only then are chalk, the theme and the configuration file loaded (help must
 * start fast). A broken configuration file is the commands' to report; help still works.
 */
async function helpStyle(options: Partial<GlobalOptions>, io: ProgramIo): Promise<Style | undefined> {
  const terminal = { env: io.env, isTTY: Boolean(io.stdout.isTTY) };
  if (colorLevel(options.color ?? true, terminal) === 0) return undefined;
  const [{ outputStyle, terminalColours }, { readConfig }] = await Promise.all([import('./io/style.js'), import('./io/config.js')]);
  let configured: ThemeName | undefined;
  try {
    configured = readConfig(io.env).theme;
  } catch {
    // shown by the command that reads the file
  }
  return outputStyle({ color: true, theme: options.theme, configured }, terminalColours(terminal));
}

/**
 * `helpWidth`: the columns help fits in (the configuration file's width is not read for help, which must start fast);
 * `style`: help's colours, if any.
 */
function buildProgram(
  io: ProgramIo,
  helpWidth = outputWidth({ env: io.env, isTTY: Boolean(io.stdout.isTTY), columns: io.stdout.columns }),
  style?: Style,
): Command {
  const program = new KubenotesCommand('kubenotes');
  program
    .description('Read, search and export Markdown notes from the shell.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addOption(
      new Option('-f, --file <path>', 'notes file, folder of .md files, or - for stdin (repeatable)')
        .argParser(collect)
        .default([], '$KUBENOTES_FILE, else "notes" of the config file, else the bundled notes'),
    )
    .option('--tag <tag>', 'only the notes with this tag (front matter or #tag in the text; #tag/sub counts)')
    .option('--no-color', 'no colour, even at a terminal or with FORCE_COLOR')
    .addOption(
      new Option('--theme <name>', "the colours at a colour terminal (default: the config file's theme, else standard)").choices(
        THEME_NAMES,
      ),
    )
    .option('--no-pager', 'never page output through $PAGER')
    .option('-q, --quiet', 'no warnings about the notes (a file skipped, front matter not read)')
    .option(
      '-w, --width <n>',
      "columns to wrap output at (default: $COLUMNS, else the config file's width, else the terminal's, else 80)",
      (value) => Math.min(positiveInteger(value), MAX_WIDTH),
    )
    .configureHelp({ showGlobalOptions: true, helpWidth, minWidthToWrap: 12, ...(style && helpColours(style)) }) // commander keeps to one line what has fewer than 40 columns left
    // commander wraps descriptions only: the usage line and the examples are wrapped here; errors quote the words typed
    .configureOutput({
      writeOut: (text) => io.stdout.write(wrapLongLines(text, helpWidth)),
      writeErr: (text) => io.stderr.write(safeText(text)),
      outputError: (text, write) => write(inOurVoice(text)),
      // kubenotes decides colour (helpStyle), not commander's own reading of the process
      getOutHasColors: () => style !== undefined,
      getErrHasColors: () => false,
    })
    .exitOverride()
    .examples([
      { command: 'kubenotes list', does: 'the outline of the bundled notes' },
      { command: 'kubenotes show prometheus/alert', does: 'a section, by path' },
      { command: 'kubenotes -f ~/notes list', does: 'your own notes: a file or a folder of Markdown files' },
      { command: 'source <(kubenotes completion bash)', does: 'Tab completion in this shell (also zsh, fish)' },
    ])
    .addHelpText(
      'after',
      `\nRun 'kubenotes help <command>' for its options and examples; settings: ~/.config/kubenotes/config.json (man kubenotes).`,
    );

  program
    .command('list')
    .description('outline of the notes: talks with their presenters and subsections')
    .option('-d, --depth <n>', 'levels of the outline to show; 0 lists the pages alone, one a line', wholeNumber, 2)
    .option('--json', 'every section as JSON')
    .addOption(underOption())
    .examples([
      { command: 'kubenotes list --depth 1', does: 'only the talks, with their presenters' },
      { command: 'kubenotes list --json | jq -r ".sections[].id"', does: 'every section id, for scripts' },
    ])
    .action(async (options, command: Command) => {
      const { runList } = await import('./commands/list.js');
      await runList(await contextOf(command, io), options);
    });

  program
    .command('show')
    .description('show the section(s) a query names: id, number, path or fuzzy title')
    .argument('<query...>', 'an id, file.md#anchor, an outline number (6.5), a path (prometheus/alert) or words of a title')
    .option('--first', 'only the best match, even when several match equally')
    .option('--raw', 'print the Markdown source')
    .option('--json', 'print the sections as JSON, with their Markdown')
    .sectionArguments()
    .addOption(underOption())
    .examples([
      { command: 'kubenotes show 6.5', does: 'a section by its outline number' },
      { command: 'kubenotes show prometheus/alert', does: 'by path: words of the titles, top down' },
      { command: 'kubenotes show argoproj demo', does: "by fuzzy words of its title and its parents' titles" },
      { command: 'kubenotes show --raw chart storage', does: 'the Markdown source, exactly as in the file' },
    ])
    .action(async (words: string[], options, command: Command) => {
      const { runShow } = await import('./commands/show.js');
      await runShow(await contextOf(command, io), words, options);
    });

  program
    .command('search')
    .description('find the lines of the notes that match a query, best first: phrases, words in any order, typos')
    .argument('<query...>', 'words to look for; punctuation is taken literally (sum by(path), v2.39)')
    .option('--in <label>', 'only blocks whose section path or label matches these words (--in takeaways)')
    .option('--limit <n>', 'at most this many hits', positiveInteger, 10)
    .option('--json', 'print the hits as JSON')
    .addOption(underOption())
    .examples([
      { command: 'kubenotes search memoisation', does: 'every line about memoization, typo forgiven' },
      { command: 'kubenotes search --in takeaways scanning', does: 'only in sections or lists labelled Takeaways' },
      { command: 'kubenotes search "sum by(path)"', does: 'punctuation is taken literally' },
      { command: 'kubenotes search --json --limit 3 helm', does: 'the three best hits as JSON, for scripts' },
    ])
    .action(async (words: string[], options, command: Command) => {
      const { runSearch } = await import('./commands/search.js');
      await runSearch(await contextOf(command, io), words, options);
    });

  program
    .command('export')
    .description('write the notes, or the sections a query names, as Markdown, HTML, JSON or plain text')
    .argument('[query...]', 'the sections to export, as `show` finds them (default: all the notes)')
    .addOption(new Option('--format <format>', "what to write (default: from the -o file's extension, else md)").choices(EXPORT_FORMATS))
    .option('-o, --output <file>', 'the file to write, whole or not at all (default: stdout; - is stdout)')
    .option('--force', 'overwrite the -o file if it exists')
    .sectionArguments()
    .addOption(underOption())
    .examples([
      { command: 'kubenotes export -o kubecon.html', does: 'one standalone page: contents, highlighted code, diagrams' },
      { command: 'kubenotes export prometheus --format txt', does: 'a talk as plain text, wrapped at 80 columns (or --width)' },
      { command: 'kubenotes export 6.5 --format md', does: "a section's Markdown, exactly as in the file" },
      { command: 'kubenotes export --format json | jq ".sections[0].text"', does: 'every section with its Markdown and plain text' },
    ])
    .action(async (words: string[], options, command: Command) => {
      const { runExport } = await import('./commands/export.js');
      const { width } = command.optsWithGlobals<GlobalOptions>();
      await runExport(await contextOf(command, io), words, { ...options, width });
    });

  program
    .command('browse')
    .description('pick sections from a list as you type and read them, one after another (at a terminal)')
    .option('--search', 'search the text of the notes instead of the titles (Tab switches inside)')
    .addOption(underOption())
    .option('--preview', 'show the highlighted section beside or below the list (the default; Ctrl-P toggles it)')
    .option('--no-preview', 'no preview: the list only (config: "preview": false)')
    .examples([
      { command: 'kubenotes browse', does: 'type a few letters of a title, Enter to read the section, Esc to leave' },
      { command: 'kubenotes browse --search', does: 'pick a line of the notes by its words; Tab switches to titles' },
      { command: 'kubenotes', does: 'the same as kubenotes browse, at a terminal' },
    ])
    .action(async (options, command: Command) => {
      const { runBrowse } = await import('./commands/browse.js');
      // warnings would land on the browser's screen: they are held and said once it is left
      const held: Buffer[] = [];
      const stderr = new Writable({ write: (chunk: Buffer, _encoding, done) => done(void held.push(chunk)) });
      try {
        await runBrowse(await contextOf(command, { ...io, stderr }), { input: io.stdin, output: io.stdout }, options);
      } finally {
        io.stderr.write(Buffer.concat(held));
      }
    });

  program
    .command('links')
    .description('what the section(s) a query names link to, and what links to them')
    .argument('<query...>', 'an id, file.md#anchor, an outline number, a path or words of a title, as for show')
    .option('--first', 'only the best match, even when several match equally')
    .option('--json', 'print the links as JSON')
    .sectionArguments()
    .addOption(underOption())
    .examples([
      { command: 'kubenotes links prometheus', does: "the Prometheus talk's links, and the Contents entry that links to it" },
      { command: 'kubenotes links contents', does: 'where each entry of the Contents leads: number and path' },
      { command: 'kubenotes -f ~/docs links --json install.md#helm-chart', does: "links to and from a file's section, as JSON" },
    ])
    .action(async (words: string[], options, command: Command) => {
      const { runLinks } = await import('./commands/links.js');
      await runLinks(await contextOf(command, io), words, options);
    });

  program
    .command('check')
    .description('report every link to the notes that leads nowhere: a missing file or heading, an ambiguous wiki link')
    .option('--json', 'print the broken links as JSON ([] when all resolve)')
    .addOption(underOption())
    .examples([
      { command: 'kubenotes check', does: 'the bundled notes: every Contents link resolves (exit 0)' },
      { command: 'kubenotes -f ~/docs check', does: 'a docs folder: file:line: [text](href): why, exit 1 if any is broken' },
      { command: 'kubenotes -f ~/docs check --json | jq -r ".[].file"', does: 'for CI: the files with broken links' },
    ])
    .action(async (options, command: Command) => {
      const { runCheck } = await import('./commands/check.js');
      await runCheck(await contextOf(command, io), options);
    });

  program
    .command('tags')
    .description('the tags of the notes (front matter tags and #tags in the text), with how many notes have each')
    .option('--json', 'print the tags and their counts as JSON')
    .examples([
      { command: 'kubenotes -f ~/vault tags', does: 'every tag, most used first' },
      { command: 'kubenotes -f ~/vault --tag project list', does: 'the outline of the notes tagged #project (or #project/…)' },
    ])
    .action(async (options, command: Command) => {
      const { runTags } = await import('./commands/tags.js');
      await runTags(await contextOf(command, io), options);
    });

  program
    .command('completion')
    .description('print the Tab-completion script for bash, zsh or fish')
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(SHELLS))
    .examples([
      { command: 'source <(kubenotes completion bash)', does: 'bash, now (add the line to ~/.bashrc to keep it)' },
      { command: 'kubenotes completion zsh > "${fpath[1]}/_kubenotes"', does: 'zsh, from the next shell on (compinit must run)' },
      { command: 'kubenotes completion fish > ~/.config/fish/completions/kubenotes.fish', does: 'fish, from the next shell on' },
    ])
    .action(async (shell: Shell) => {
      const { runCompletion } = await import('./commands/completion.js');
      await runCompletion({ write: plainWriter(io) }, shell);
    });

  // what the completion scripts call at each Tab: the candidates for the last word typed
  program
    .command('__complete', { hidden: true })
    .argument('[words...]')
    .helpOption(false)
    .allowUnknownOption()
    .action(async (words: string[], _options, command: Command) => {
      const { runComplete } = await import('./commands/complete.js');
      await runComplete(describeProgram(program), words, {
        // warnings about the notes would land in the user's prompt: completion reads them quietly
        notes: async (file) => (await contextOf(command, { ...io, stderr: new PassThrough() }, file.length ? { file } : {})).notes(),
        write: plainWriter(io),
      });
    });

  // what the build keeps as dist/help.txt, which the entry prints for --help without loading this module
  program.command('__prepared-help', { hidden: true }).action(async () => {
    const { prepareHelp } = await import('./program/prepared.js');
    await plainWriter(io)(prepareHelp((width) => helpAt(io, width), MIN_WIDTH, MAX_WIDTH));
  });

  // what the build turns into dist/kubenotes.1
  program.command('__manpage', { hidden: true }).action(async () => {
    const { renderManPage } = await import('./program/manpage.js');
    const { readManual } = await import('./program/manual.js');
    const spec = describeProgram(program);
    await plainWriter(io)(renderManPage(spec, readManual(spec.commands.map((command) => command.name))));
  });

  program
    .command('edit')
    .description('open the section a query names in your editor at its heading ($VISUAL, else $EDITOR, else vi)')
    .argument('<query...>', 'an id, file.md#anchor, an outline number, a path or words of a title, as for show')
    .option('--first', 'the best match, even when several match equally')
    .sectionArguments()
    .examples([
      { command: 'kubenotes edit prometheus/alert', does: 'open the notes at the Alert heading of the Prometheus talk' },
      { command: 'VISUAL="code --wait" kubenotes edit 6.5', does: 'in VS Code (code --goto file:line)' },
      { command: 'kubenotes -f ~/notes edit --first installation', does: 'the best of several equal matches' },
    ])
    .action(async (words: string[], options, command: Command) => {
      const { runEdit } = await import('./commands/edit.js');
      await runEdit(await contextOf(command, io), words, options);
    });

  // a command's own usage errors say where its help is
  for (const command of program.commands)
    command.configureOutput({ ...program.configureOutput(), outputError: (text, write) => write(inOurVoice(text, command.name())) });
  return program;
}

/** The program's help as `--help` prints it at `width` columns. */
function helpAt(io: ProgramIo, width: number): string {
  let text = '';
  const stdout = { write: (chunk: string) => Boolean((text += chunk)) } as NodeJS.WriteStream;
  buildProgram({ ...io, stdout }, width).outputHelp();
  return text;
}

/** Where to read how a command is used: `(see 'kubenotes help search')`, or the program's help. */
const seeHelp = (command?: string): string => `(see 'kubenotes help${command ? ` ${command}` : ''}')`;

/** commander's error (`error: …`, a suggestion on a line of its own) as kubenotes says it: on one line, with where to read more. */
function inOurVoice(text: string, command?: string): string {
  const message = text
    .trim()
    .replace(/^error:\s*/, '')
    .split('\n')
    .join(' ');
  return `kubenotes: ${message} ${seeHelp(command)}\n`;
}

/** Runs kubenotes and returns its exit code; nothing here exits the process. */
export async function run(io: ProgramIo): Promise<number> {
  let command: string | undefined; // the command that runs, once its action starts
  try {
    // a throwaway program tells whether a command was named (its option parsing keeps state, so not the real one)
    const probe = buildProgram(io);
    const { operands, unknown } = probe.parseOptions(io.argv.slice(2));
    // help fits --width wherever it is on the command line, which commander has not read when it prints help
    const options = probe.opts<Partial<GlobalOptions>>();
    const program = buildProgram(io, options.width, await helpStyle(options, io));
    program.hook('preAction', (_program, action) => {
      command = action.name();
    });
    const [first, topic] = operands;
    // commander answers `help <unknown>` with the whole help on stderr and exits 0; `help help` is the program's help
    if (first === 'help' && topic === 'help') {
      program.outputHelp();
      return 0;
    }
    if (first === 'help' && topic !== undefined && !program.commands.some((command) => command.name() === topic)) {
      throw new UsageError(`unknown command '${topic}'`);
    }
    // the browser's own options (--no-preview) may be given to plain `kubenotes` too
    const browseOptions = program.commands.find((command) => command.name() === 'browse')!.options;
    const bare = operands.length === 0 && unknown.every((word) => browseOptions.some((option) => option.long === word));
    // plain `kubenotes` is the browser at a terminal; anywhere else its help, without waiting for input
    if (bare && !(io.stdin.isTTY && io.stdout.isTTY)) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync(bare ? [...io.argv.slice(0, 2), 'browse', ...io.argv.slice(2)] : io.argv);
    return 0;
  } catch (error) {
    return reportError(error, io, command);
  }
}

const SUCCESSFUL_COMMANDER_EXITS = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

/** The single place an error becomes a message on stderr and an exit code. */
function reportError(error: unknown, io: ProgramIo, command: string | undefined): number {
  if (error instanceof CommanderError) return SUCCESSFUL_COMMANDER_EXITS.has(error.code) ? 0 : 2; // commander printed it
  if (error instanceof KubenotesError) {
    const help = error instanceof UsageError ? ` ${seeHelp(command)}` : '';
    io.stderr.write(`kubenotes: ${safeText(error.message)}${help}\n`); // suggestions are titles from the notes
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`kubenotes: unexpected error: ${safeText(message)}\n`);
  if (io.env.KUBENOTES_DEBUG === '1' && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  else io.stderr.write('kubenotes: set KUBENOTES_DEBUG=1 for details, and please report this\n');
  return 2;
}
