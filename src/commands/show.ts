// `kubenotes show <query…>`: the sections a query names, rendered, as source, or as JSON.
import { keptTokens } from '../io/cache.js';
import { sectionSource } from '../core/notes/source.js';
import { showJson } from '../render/json.js';
import { joinSlices } from '../render/raw-markdown.js';
import { safeText } from '../render/safe-text.js';
import { styleKey } from '../render/style.js';
import type { CommandContext } from './context.js';

export interface ShowOptions {
  first?: boolean;
  raw?: boolean;
  json?: boolean;
}

export async function runShow(context: CommandContext, words: string[], options: ShowOptions): Promise<void> {
  const collection = await context.notes();
  const query = words.join(' ');
  // the resolver (and the fuzzy matching under it) is loaded only when a query is to be resolved
  const resolved = async () => (await import('../core/query/resolve.js')).resolveQuery(collection, query, { first: options.first });
  if (options.json) {
    await context.write(showJson(await resolved()));
    return;
  }
  if (options.raw) {
    const source = joinSlices((await resolved()).map((s) => sectionSource(collection, s)));
    // exact when piped or redirected; at a terminal the notes' escape sequences must not reach it
    await context.write(context.terminal ? safeText(source) : source);
    return;
  }
  const rendering = {
    style: context.style,
    width: context.width,
    hyperlinks: context.hyperlinks,
    // into a pipe with no pager, code lines are whole: what a script or `less -S` reads is the code as written
    wholeCode: !context.terminal && !context.pager,
  };
  // a section shown is often shown again: what the same query showed of the same notes with the same options is
  // printed again, and else what it names is rendered from the tokens kept of it, so that it is not lexed again
  const key = [query, Boolean(options.first), { ...rendering, style: styleKey(rendering.style) }];
  const text = await context.kept('show', key, async () => {
    const sections = await resolved();
    // the terminal renderer is loaded only by the commands that render
    const { renderSections } = await import('../render/terminal/sections.js');
    return renderSections(sections, collection, { ...rendering, keepTokens: keptTokens(context.env) });
  });
  await context.write(text, { page: true });
}
