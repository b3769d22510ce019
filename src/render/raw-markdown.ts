// Sections as Markdown source: a section's exact slice, several joined by one blank line.

/** One section's slice as it is; several with their trailing blank lines trimmed and one blank line between. */
export function joinSlices(slices: string[]): string {
  if (slices.length === 1) return slices[0];
  return `${slices.map((slice) => slice.replace(/(\r\n?|\n|[ \t])*$/, '')).join('\n\n')}\n`;
}
