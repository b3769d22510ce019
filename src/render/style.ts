// The colours of kubenotes's own text (outline, headers, messages), from one chalk instance at the level chosen.
import { Chalk, type ChalkInstance } from 'chalk';

export interface Style {
  chalk: ChalkInstance;
  /** Outline numbers. */
  number: (text: string) => string;
  /** A top-level title. */
  title: (text: string) => string;
  /** Secondary text: presenters, paths, notes. */
  dim: (text: string) => string;
  /** The characters a search matched. */
  match: (text: string) => string;
}

export function createStyle(level: 0 | 1 | 2 | 3): Style {
  const chalk = new Chalk({ level });
  return { chalk, number: chalk.cyan, title: chalk.bold, dim: chalk.dim, match: chalk.red.bold };
}
