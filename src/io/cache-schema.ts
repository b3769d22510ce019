// What a cache entry must hold to be used: every value of the type and range a parse gives, checked on read, since
// a value printed as it is (an outline number, a line, an id) must never carry a control character to the terminal.
import type { Block, BlockKind } from '../core/markdown/blocks.js';

type Check = (value: unknown) => boolean;

/** C0 but tab and newline, DEL, C1: what a parse never puts in an id or an outline number. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const BLOCK_KINDS: readonly BlockKind[] = ['heading', 'paragraph', 'item', 'row', 'quote', 'code', 'meta'];

export const isString: Check = (value) => typeof value === 'string';
export const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
export const isLine = (value: unknown): value is number => isCount(value) && value >= 1;
/** An id or outline number: a string a parse could give, printed as it is. */
export const isPlainName: Check = (value) => typeof value === 'string' && !CONTROL.test(value);
const OUTLINE_NUMBER = /^\d+(\.\d+)*$/; // made once: a literal in the check would be a new object for each of a folder's sections
export const isOutlineNumber: Check = (value) => value === null || (typeof value === 'string' && OUTLINE_NUMBER.test(value));
export const isLevel: Check = (value) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 6;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const arrayOf =
  (check: Check) =>
  (value: unknown): value is unknown[] =>
    Array.isArray(value) && value.every(check);
export const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value);
export const recordOf =
  (check: Check): Check =>
  (value) =>
    isRecord(value) && Object.values(value).every(check);

/** An object with (at least) these fields, each passing its check. */
export const shape = (fields: Record<string, Check>): Check => {
  // once, and gone through with indexes: a shape checks every block of a search's candidates, and until V8 optimizes
  // it, destructuring each [name, check] pair allocates an iterator
  const names = Object.keys(fields);
  const checks = Object.values(fields);
  return (value) => {
    if (!isRecord(value)) return false;
    for (let i = 0; i < names.length; i++) if (!checks[i](value[names[i]])) return false;
    return true;
  };
};

const isScalar: Check = (value) =>
  typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
export const isMetaValue: Check = (value) => isScalar(value) || arrayOf(isScalar)(value);

export const isWarning = shape({ file: isString, line: optional(isLine), message: isString });

export const isBlock: (value: unknown) => value is Block = shape({
  kind: (value) => BLOCK_KINDS.includes(value as BlockKind),
  line: isLine,
  text: isString,
  label: isString,
  parents: arrayOf(isString),
}) as (value: unknown) => value is Block;
