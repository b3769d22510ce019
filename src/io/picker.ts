// The picker: inquirer's search prompt over a list of choices, opened with the reader's last query, with keys of the
// browser's own (Tab to switch lists, Esc/Ctrl-C/Ctrl-D to quit) and a redraw when the terminal is resized.
// inquirer has no keys of its own to add nor a starting query, so the picker listens to the keys itself and ends the
// prompt through its AbortSignal; the browser opens a new one, with the query typed into it, for the next step.
import type { Key } from 'node:readline';
import { emitKeypressEvents } from 'node:readline';
import type { Choice } from '../render/choices.js';
import { isQuitKey } from './keys.js';

type SearchConfig = Parameters<typeof import('@inquirer/search').default>[0];

export interface PickerOptions<T> {
  message: string;
  /** What the prompt opens with, as if typed. */
  query: string;
  /** The choices for a query, best first. */
  choices(query: string): Choice<T>[];
  pageSize: number;
  theme: SearchConfig['theme'];
}

export interface Terminal {
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
  /** Aborted by a signal: the picker, and the wait for a key, end as on Esc. */
  stop?: AbortSignal;
}

/** How the picker ended; every end but quit carries the query as it was, for the next picker. */
export type PickResult<T> =
  | { kind: 'picked'; value: T; query: string }
  | { kind: 'switch'; query: string }
  | { kind: 'resized'; query: string }
  | { kind: 'quit' };

/** The picker until a choice, a key of the browser's, a resize, or the terminal's `stop` (a signal: as quit). */
export async function pick<T>(options: PickerOptions<T>, { input, output, stop }: Terminal): Promise<PickResult<T>> {
  if (stop?.aborted) return { kind: 'quit' };
  const { default: search } = await import('@inquirer/search');
  const controller = new AbortController();
  let query = options.query;
  let ending: PickResult<T> | undefined;
  const end = (result: PickResult<T>): void => {
    ending ??= result;
    controller.abort();
  };
  // registered before the prompt's own listeners, so these keys are seen while the query is still the reader's
  const onKey = (_sequence: string | undefined, key: Key | undefined): void => {
    if (isQuitKey(key)) end({ kind: 'quit' });
    else if (key?.name === 'tab') end({ kind: 'switch', query });
  };
  const onResize = (): void => end({ kind: 'resized', query });
  const onStop = (): void => end({ kind: 'quit' });
  emitKeypressEvents(input);
  input.on('keypress', onKey);
  output.on('resize', onResize);
  stop?.addEventListener('abort', onStop);
  try {
    const prompt = search<T>(
      {
        message: options.message,
        pageSize: options.pageSize,
        theme: options.theme,
        // the prompt asks for choices whenever its query changes: that query is the reader's, until the prompt ends
        source: (term) => {
          if (controller.signal.aborted) return [];
          query = term ?? '';
          return options.choices(query);
        },
      },
      { input, output, signal: controller.signal, clearPromptOnDone: true },
    );
    // the prompt is drawn and listening by now: the last query is typed in, as a paste would be
    if (options.query) input.emit('keypress', options.query, { sequence: options.query });
    const value = await prompt;
    return { kind: 'picked', value, query };
  } catch (error) {
    if (ending) return ending;
    // inquirer's own end for Ctrl-C (and a signal): quit, without its "force closed" message
    if (error instanceof Error && error.name === 'ExitPromptError') return { kind: 'quit' };
    throw error;
  } finally {
    input.off('keypress', onKey);
    output.off('resize', onResize);
    stop?.removeEventListener('abort', onStop);
  }
}
