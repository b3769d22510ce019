// A text's words as search indexes them: kept apart from the matcher, so that storing a file's words at its first
// read loads no fuzzy matcher.

const WORD = /[\p{L}\p{N}]+/gu; // match() starts a global expression from the start, whatever it matched before

/** The runs of letters and digits of a text lowercased already (an owner's lowered text: not copied lowered again). */
export const loweredWords = (lowered: string): string[] => lowered.match(WORD) ?? [];

/** The runs of letters and digits of a text, lowercased. */
export const textWords = (text: string): string[] => loweredWords(text.toLowerCase());
