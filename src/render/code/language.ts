// The language a code fence names, for every view that highlights or draws code blocks.

/** The first word of a fence's info string, lowercased (```` ```TypeScript title="x" ```` → `typescript`). */
export const languageOf = (info: string | undefined): string => (info ?? '').trim().split(/\s+/)[0].toLowerCase();
