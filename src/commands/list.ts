// `kubenotes list`: the outline of the notes, or every section as JSON.
import { listJson } from '../render/json.js';
import { styleKey } from '../render/style.js';
import type { CommandContext } from './context.js';

export interface ListOptions {
  depth: number;
  json?: boolean;
}

/** The outline or the JSON, as made on an earlier run on the same notes where the cache keeps it: a folder's outline is its every section. */
export async function runList(context: CommandContext, options: ListOptions): Promise<void> {
  const collection = await context.notes();
  const { style, lineWidth } = context;
  if (options.json) await context.write(await context.kept('list', ['--json'], () => listJson(collection)));
  else {
    // the outline's layout (and the width tables it loads) only when it is made
    const outline = await context.kept('list', [options.depth, lineWidth, styleKey(style)], async () =>
      (await import('../render/reports/outline.js')).renderOutline(collection, options.depth, style, lineWidth),
    );
    await context.write(outline, { page: true });
  }
}
