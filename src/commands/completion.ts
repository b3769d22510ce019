// `kubenotes completion <shell>`: the completion script for bash, zsh or fish, to load or save (see its help).
import { completionScript, type Shell } from '../program/completion-scripts.js';

export interface CompletionIo {
  write(text: string): Promise<void>;
}

export const runCompletion = (io: CompletionIo, shell: Shell): Promise<void> => io.write(completionScript(shell));
