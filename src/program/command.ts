// The commander Command kubenotes is built from: commander's own, plus examples and what its arguments name.
import { Command } from 'commander';
import type { Example } from './spec.js';

export class KubenotesCommand extends Command {
  /** Shown after the command's help and in the man page. */
  readonly exampleList: Example[] = [];
  /** Completion offers the ids and numbers of the notes for its arguments. */
  namesSections = false;

  // every `program.command(...)` is one of these, so the methods below chain on subcommands too
  override createCommand(name?: string): KubenotesCommand {
    return new KubenotesCommand(name);
  }

  /** Adds examples to the command's help; one call per command. */
  examples(examples: Example[]): this {
    this.exampleList.push(...examples);
    // the heading in help's colours, which are configured on the program by the time help is shown
    return this.addHelpText('after', () => formatExamples(examples, this.createHelp().styleTitle('Examples:')));
  }

  /** Marks the command's arguments as sections (ids, numbers), for completion. */
  sectionArguments(): this {
    this.namesSections = true;
    return this;
  }
}

/** Examples as help prints them: what it does as a shell comment, then the command line to copy. */
export function formatExamples(examples: Example[], heading = 'Examples:'): string {
  const lines = examples.flatMap(({ command, does }) => [`  # ${does}`, `  ${command}`]);
  return `\n${heading}\n${lines.join('\n')}`;
}
