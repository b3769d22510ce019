// Whether a command line asks for the program's help alone, which the entry answers before the program is loaded.

export const asksForHelp = (args: string[]): boolean =>
  args.length === 1 && (args[0] === '--help' || args[0] === '-h' || args[0] === 'help');
