// Rendering for tests: Markdown or the bundled notes' sections through the terminal renderer, colour off or on.
import { renderMarkdown, type MarkdownOptions } from '../../src/render/terminal/sections.js';
import { createStyle } from '../../src/render/style.js';

/** Markdown rendered as piped output (no colour) at `width`, or with the options given. */
export const render = (markdown: string, width = 80, options: Partial<MarkdownOptions> = {}): Promise<string> =>
  renderMarkdown(markdown, { style: createStyle(0), width, ...options });

/** Markdown rendered in colour (chalk level 1), as at a terminal. */
export const renderColour = (markdown: string, width = 80, options: Partial<MarkdownOptions> = {}): Promise<string> =>
  renderMarkdown(markdown, { style: createStyle(1), width, ...options });

export const ESCAPE = /[\u001b\u009b\u009d]/;
