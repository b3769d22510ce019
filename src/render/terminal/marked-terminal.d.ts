// The part of marked-terminal 7 that kubenotes uses (its @types package is written against marked 11).
declare module 'marked-terminal' {
  import type { MarkedExtension, RendererObject } from 'marked';

  type Style = (text: string) => string;

  export interface TerminalRendererOptions {
    code?: Style;
    blockquote?: Style;
    html?: Style;
    heading?: Style;
    firstHeading?: Style;
    hr?: Style;
    listitem?: Style;
    table?: Style;
    paragraph?: Style;
    strong?: Style;
    em?: Style;
    codespan?: Style;
    del?: Style;
    link?: Style;
    href?: Style;
    /** Every piece of inline text, before it is styled. */
    text?: Style;
    image?: (href: string, title: string | null, text: string) => string;
    width?: number;
    reflowText?: boolean;
    showSectionPrefix?: boolean;
    unescape?: boolean;
    emoji?: boolean;
    /** Columns code blocks are indented by. */
    tab?: number | string;
  }

  /** marked-terminal's renderers as a marked extension; `renderer` holds each of them. */
  export function markedTerminal(
    options?: TerminalRendererOptions,
    highlightOptions?: Record<string, unknown>,
  ): MarkedExtension & { renderer: RendererObject };
}
