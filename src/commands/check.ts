// `kubenotes check`: every internal link of the notes that leads nowhere, one a line; exit 1 when there is one.
import { BrokenLinks } from '../core/errors.js';
import { collectionLinks } from '../core/links/graph.js';
import { isInternal } from '../core/links/targets.js';
import { checkJson } from '../render/json.js';
import { checkedSummary, renderBrokenLinks } from '../render/reports/links.js';
import type { CommandContext } from './context.js';

export interface CheckOptions {
  json?: boolean;
}

export async function runCheck(context: CommandContext, options: CheckOptions): Promise<void> {
  // links lead anywhere in the notes; only those written below --under's folder are checked
  const collection = await context.notes();
  const files = new Set(collection.documents.map((d) => d.file));
  const internal = collectionLinks(await context.allNotes()).filter((link) => isInternal(link.kind) && files.has(link.file));
  const broken = internal.filter((link) => link.broken);
  const checked = checkedSummary(internal.length, collection.documents.length);
  // like a linter: the findings are the result; `[]` is still a result for scripts, and the exit code says which
  if (options.json) await context.write(checkJson(broken));
  else if (broken.length) await context.write(renderBrokenLinks(broken, context.lineWidth));
  else await context.write(`${checked}: all resolve\n`);
  if (broken.length) throw new BrokenLinks(broken.length, checked);
}
