// Loaded with `node --import`: counts the Intl.Segmenters the program really makes (each loads ICU's break data),
// and prints the count to stderr at exit as `[segmenters] N`.
import { writeSync } from 'node:fs';

const Eager = Intl.Segmenter;
let made = 0;
Intl.Segmenter = class extends Eager {
  constructor(...args) {
    super(...args);
    made += 1;
  }
};
process.on('exit', () => writeSync(2, `[segmenters] ${made}\n`));
