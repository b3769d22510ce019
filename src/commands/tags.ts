// `kubenotes tags`: the tags of the notes (front matter's and inline `#tags`) with how many notes have each.
import { NothingTagged } from '../core/errors.js';
import { tagCounts } from '../core/dialects/tags.js';
import { toJson } from '../render/json.js';
import type { CommandContext } from './context.js';

export interface TagsOptions {
  json?: boolean;
}

export async function runTags(context: CommandContext, options: TagsOptions): Promise<void> {
  const counts = tagCounts(await context.notes());
  if (options.json) await context.write(toJson(counts));
  else if (counts.length) {
    const widest = String(counts[0].notes).length;
    await context.write(counts.map(({ tag, notes }) => `${String(notes).padStart(widest)}  #${tag}\n`).join(''), { page: true });
  }
  if (counts.length === 0) throw new NothingTagged();
}
