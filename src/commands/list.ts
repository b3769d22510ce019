// `kubenotes list`: the outline of the notes, or every section as JSON.
import { listJson } from '../render/json.js';
import { renderOutline } from '../render/reports/outline.js';
import type { CommandContext } from './context.js';

export interface ListOptions {
  depth: number;
  json?: boolean;
}

export async function runList(context: CommandContext, options: ListOptions): Promise<void> {
  const collection = await context.notes();
  if (options.json) await context.write(listJson(collection));
  else await context.write(renderOutline(collection, options.depth, context.style, context.lineWidth), { page: true });
}
