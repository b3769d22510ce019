// A theme's text styles as functions over text, through one chalk instance at the colour level chosen.
import type { ChalkInstance } from 'chalk';
import type { TextStyle } from './theme.js';

export type Paint = (text: string) => string;

const unchanged: Paint = (text) => text;

/** The style as a function; without colour (or without a style) text is left as it is. */
export function painter(style: TextStyle | undefined, chalk: ChalkInstance): Paint {
  if (!style || chalk.level === 0) return unchanged;
  let styled = chalk;
  if (style.color) styled = styled[style.color];
  if (style.bold) styled = styled.bold;
  if (style.dim) styled = styled.dim;
  if (style.italic) styled = styled.italic;
  if (style.underline) styled = styled.underline;
  if (style.strikethrough) styled = styled.strikethrough;
  if (styled === chalk) return unchanged;
  return (text) => (text === '' ? '' : styled(text));
}
