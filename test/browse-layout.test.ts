// Where the browser's panes go for a terminal's size, and the preview's lines and cache, without a terminal.
import { describe, expect, test } from '@jest/globals';
import { layoutOf } from '../src/render/browse/layout.js';
import { createPreviewCache, previewLines } from '../src/render/browse/preview.js';
import { widthOf } from '../src/render/wrap.js';

describe('layoutOf', () => {
  test('wide: the preview on the right, about half, the list as tall as the screen less the query, status and keys', () => {
    expect(layoutOf(120, 40, true)).toEqual({ list: { width: 58, height: 36 }, preview: { place: 'right', width: 58, height: 36 } });
    expect(layoutOf(200, 50, true).preview).toMatchObject({ place: 'right', width: 98 });
  });

  test('narrower: the preview below the list; small: no preview; turned off: none', () => {
    expect(layoutOf(80, 24, true)).toEqual({ list: { width: 79, height: 7 }, preview: { place: 'below', width: 79, height: 12 } });
    expect(layoutOf(59, 24, true).preview).toBeUndefined();
    expect(layoutOf(80, 14, true).preview).toBeUndefined();
    expect(layoutOf(200, 50, false)).toEqual({ list: { width: 199, height: 46 } });
  });

  test('the panes and their dividers never take more than the screen, at any size', () => {
    for (let columns = 1; columns <= 220; columns += 7) {
      for (let rows = 1; rows <= 60; rows += 3) {
        const { list, preview } = layoutOf(columns, rows, true);
        const width = preview?.place === 'right' ? list.width + 3 + preview.width : list.width;
        const height = preview?.place === 'below' ? list.height + 1 + preview.height : list.height;
        expect(width).toBeLessThanOrEqual(Math.max(columns - 1, 1));
        expect(height + 4).toBeLessThanOrEqual(Math.max(rows, 5));
      }
    }
  });
});

describe('the preview', () => {
  test('lines no wider than the pane, a long line carried on to the next', () => {
    const lines = previewLines(`short\n${'x'.repeat(25)}\n\n`, 10);
    expect(lines).toEqual(['short', 'xxxxxxxxxx', 'xxxxxxxxxx', 'xxxxx']);
    expect(Math.max(...lines.map(widthOf))).toBeLessThanOrEqual(10);
  });

  test('rendered once per section and width, opened at the line it focuses on', async () => {
    const cache = createPreviewCache();
    let renders = 0;
    const source = {
      key: 'a',
      focus: 'the hit line',
      render: async (width: number) => (renders++, `title\n\nbefore\nthe hit line here\nw=${width}`),
    };
    expect(cache.get(source, 40)).toBeUndefined();
    const preview = await cache.load(source, 40);
    expect(preview.top).toBe(3);
    await cache.load(source, 40);
    expect(cache.get(source, 40)).toBe(preview);
    expect(renders).toBe(1);
    await cache.load(source, 30); // another width is another preview
    expect(renders).toBe(2);
  });
});
