// A text's words as search indexes them: kept apart from the matcher, so that storing a file's words at its first
// read loads no fuzzy matcher.

/** The runs of letters and digits of a text, lowercased. */
export const textWords = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
