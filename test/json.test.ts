// JSON output: valid JSON that no terminal acts on, whatever the notes hold.
import { describe, expect, test } from '@jest/globals';
import { toJson } from '../src/render/json.js';

describe('toJson', () => {
  test('C0 controls are escaped by JSON itself, DEL and C1 by kubenotes; the value reads back the same', () => {
    const value = { title: 'a\u001b[31mb\u0007c\u009b31m\u007fd' };
    const text = toJson(value);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('\\u009b');
    expect(JSON.parse(text)).toEqual(value);
  });
});
