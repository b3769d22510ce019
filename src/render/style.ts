// A theme at the colour level chosen: its roles (kubenotes's own text) painted through one chalk instance, which
// rendered Markdown paints its elements with too. Without colour every theme is the plain one.
import { Chalk, type ChalkInstance } from 'chalk';
import { painter, type Paint } from './paint.js';
import { plain, ROLES, standard, type Role, type Theme } from './theme.js';

export type Style = Record<Role, Paint> & {
  /** The instance every painter of this output goes through, at the level chosen. */
  chalk: ChalkInstance;
  /** The theme as shown: the plain one without colour. */
  theme: Theme;
};

export function createStyle(level: 0 | 1 | 2 | 3, theme: Theme = standard): Style {
  const chalk = new Chalk({ level });
  const shown = level > 0 ? theme : plain;
  const roles = Object.fromEntries(ROLES.map((role) => [role, painter(shown.roles[role], chalk)])) as Record<Role, Paint>;
  return { ...roles, chalk, theme: shown };
}

/** What output painted with `style` depends on: its colour level and theme. */
export const styleKey = (style: Style): string => JSON.stringify([style.chalk.level, style.theme]);
