// `kubenotes links <query…>`: for the sections a query picks, what they link to and what links to them.
import { sectionLinks } from '../core/links/graph.js';
import { resolveQuery } from '../core/query/resolve.js';
import { linksJson } from '../render/json.js';
import { renderSectionLinks } from '../render/reports/links.js';
import type { CommandContext } from './context.js';
import { isSeveralFiles } from '../core/notes/documents.js';

export interface LinksOptions {
  first?: boolean;
  json?: boolean;
}

export async function runLinks(context: CommandContext, words: string[], options: LinksOptions): Promise<void> {
  const collection = await context.notes();
  const all = await context.allNotes(); // what links lead to and come from may be outside --under's folder
  const entries = resolveQuery(collection, words.join(' '), { first: options.first }).map((section) => sectionLinks(all, section));
  if (options.json) await context.write(linksJson(entries));
  else
    await context.write(
      renderSectionLinks(entries, { style: context.style, files: isSeveralFiles(collection), width: context.lineWidth }),
      { page: true },
    );
}
