// A grid of terminal cells for drawing: lines are kept as directions per cell, so crossings and junctions come
// out as the right box-drawing character (┬ where a line leaves a box, ┼ where two cross); text is laid on top.
import stringWidth from 'string-width';

const UP = 1;
const DOWN = 2;
const LEFT = 4;
const RIGHT = 8;

const JUNCTIONS: Record<number, string> = {
  [UP]: '│',
  [DOWN]: '│',
  [UP | DOWN]: '│',
  [LEFT]: '─',
  [RIGHT]: '─',
  [LEFT | RIGHT]: '─',
  [DOWN | RIGHT]: '┌',
  [DOWN | LEFT]: '┐',
  [UP | RIGHT]: '└',
  [UP | LEFT]: '┘',
  [UP | DOWN | RIGHT]: '├',
  [UP | DOWN | LEFT]: '┤',
  [DOWN | LEFT | RIGHT]: '┬',
  [UP | LEFT | RIGHT]: '┴',
  [UP | DOWN | LEFT | RIGHT]: '┼',
};

const ARROWS = { up: '▲', down: '▼', left: '◄', right: '►' } as const;
export type Heading = keyof typeof ARROWS;

export class TextCanvas {
  private readonly lines = new Map<string, number>();
  /** Characters laid over lines; '' is the second column of a wide character. */
  private readonly characters = new Map<string, string>();
  private maxX = -1;
  private maxY = -1;

  private extend(x: number, y: number): void {
    if (x < 0 || y < 0) throw new RangeError(`cell ${x},${y} is off the canvas`);
    this.maxX = Math.max(this.maxX, x);
    this.maxY = Math.max(this.maxY, y);
  }

  private join(x: number, y: number, directions: number): void {
    this.extend(x, y);
    const key = `${x},${y}`;
    this.lines.set(key, (this.lines.get(key) ?? 0) | directions);
  }

  /** A straight line between two cells in one row or one column; each end joins whatever it meets. */
  line(x1: number, y1: number, x2: number, y2: number): void {
    if (x1 !== x2 && y1 !== y2) throw new RangeError('lines are horizontal or vertical');
    const [ax, bx] = [Math.min(x1, x2), Math.max(x1, x2)];
    const [ay, by] = [Math.min(y1, y2), Math.max(y1, y2)];
    if (ax === bx && ay === by) return;
    for (let x = ax; x <= bx; x++) {
      for (let y = ay; y <= by; y++) {
        const directions = ay === by ? (x > ax ? LEFT : 0) | (x < bx ? RIGHT : 0) : (y > ay ? UP : 0) | (y < by ? DOWN : 0);
        this.join(x, y, directions);
      }
    }
  }

  /** A rectangle's outline; `rounded` corners for round shapes. */
  rectangle(x: number, y: number, width: number, height: number, rounded = false): void {
    const right = x + width - 1;
    const bottom = y + height - 1;
    this.line(x, y, right, y);
    this.line(x, bottom, right, bottom);
    this.line(x, y, x, bottom);
    this.line(right, y, right, bottom);
    if (rounded)
      [
        ['╭', x, y],
        ['╮', right, y],
        ['╰', x, bottom],
        ['╯', right, bottom],
      ].forEach(([c, cx, cy]) => this.text(cx as number, cy as number, c as string));
  }

  /** Text from cell (x, y) rightwards, over any line; wide characters take two cells. */
  text(x: number, y: number, text: string): void {
    let column = x;
    for (const character of text) {
      const width = stringWidth(character);
      if (width === 0) continue; // a combining mark or control has no cell of its own
      this.extend(column, y);
      this.characters.set(`${column},${y}`, character);
      if (width === 2) this.characters.set(`${column + 1},${y}`, '');
      column += width;
    }
  }

  arrow(x: number, y: number, heading: Heading): void {
    this.text(x, y, ARROWS[heading]);
  }

  get width(): number {
    return this.maxX + 1;
  }

  /** The drawing as lines, trailing spaces removed. */
  toLines(): string[] {
    const rows: string[] = [];
    for (let y = 0; y <= this.maxY; y++) {
      let row = '';
      for (let x = 0; x <= this.maxX; x++) {
        const key = `${x},${y}`;
        const character = this.characters.get(key);
        row += character ?? (this.lines.has(key) ? JUNCTIONS[this.lines.get(key)!] : ' ');
      }
      rows.push(row.trimEnd());
    }
    return rows;
  }
}
