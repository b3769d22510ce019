// The export page's own stylesheet, inlined: light and dark colours by prefers-color-scheme, the contents beside the
// text on wide screens, and highlight.js's classes coloured like GitHub's code.

export const PAGE_CSS = `
:root {
  color-scheme: light dark;
  --text: #1f2328; --muted: #59636e; --background: #ffffff; --surface: #f6f8fa; --border: #d1d9e0;
  --link: #0969da; --mark: #fff8c5;
  --keyword: #cf222e; --title: #8250df; --constant: #0550ae; --string: #0a3069; --builtin: #953800;
  --comment: #59636e; --tag: #116329; --deleted: #82071e; --deleted-bg: #ffebe9; --added-bg: #dafbe1;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #e6edf3; --muted: #9198a1; --background: #0d1117; --surface: #151b23; --border: #3d444d;
    --link: #4493f8; --mark: #bb800926;
    --keyword: #ff7b72; --title: #d2a8ff; --constant: #79c0ff; --string: #a5d6ff; --builtin: #ffa657;
    --comment: #9198a1; --tag: #7ee787; --deleted: #ffdcd7; --deleted-bg: #67060c; --added-bg: #033a16;
  }
}
* { box-sizing: border-box; }
html { background: var(--background); color: var(--text); scroll-padding-top: 1rem; }
body {
  margin: 0 auto; padding: 1.5rem; max-width: 76rem; display: grid; gap: 0 3rem; grid-template-columns: minmax(0, 1fr);
  font: 16px/1.6 system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif;
}
@media (min-width: 64rem) {
  body { grid-template-columns: 17rem minmax(0, 1fr); }
  nav.toc { position: sticky; top: 0; max-height: 100vh; overflow-y: auto; padding-top: 1rem; }
}
nav.toc { font-size: 0.875rem; line-height: 1.45; }
nav.toc .toc-title { font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: 0.05em; margin: 0 0 0.5rem; }
nav.toc ul { list-style: none; margin: 0; padding: 0; }
nav.toc ul ul { padding-left: 1.25rem; }
nav.toc li { margin: 0.2rem 0; }
nav.toc a { color: var(--text); text-decoration: none; }
nav.toc a:hover { color: var(--link); text-decoration: underline; }
.number { color: var(--muted); font-variant-numeric: tabular-nums; margin-right: 0.35em; }
main { min-width: 0; max-width: 50rem; }
article + article { border-top: 1px solid var(--border); margin-top: 2.5rem; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.75em 0 0.6em; font-weight: 600; }
h1 { font-size: 2rem; margin-top: 0.5rem; }
h2 { font-size: 1.5rem; padding-bottom: 0.3em; border-bottom: 1px solid var(--border); }
h3 { font-size: 1.25rem; }
h4 { font-size: 1.05rem; }
:target { background: var(--mark); }
a { color: var(--link); text-underline-offset: 0.15em; }
p, ul, ol, blockquote, pre, table, dl, details { margin: 0 0 1rem; }
ul ul, ul ol, ol ul, ol ol { margin-bottom: 0; }
li + li { margin-top: 0.2rem; }
hr { border: 0; border-top: 1px solid var(--border); margin: 2rem 0; }
blockquote { margin-left: 0; padding: 0 1rem; color: var(--muted); border-left: 0.25rem solid var(--border); }
code, kbd, samp, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.875em; }
:not(pre) > code { padding: 0.15em 0.35em; border-radius: 6px; background: var(--surface); }
pre { padding: 0.9rem 1rem; overflow-x: auto; line-height: 1.45; border-radius: 6px; background: var(--surface); border: 1px solid var(--border); }
pre.diagram { line-height: 1.1; }
p.note { color: var(--muted); font-style: italic; }
.callout { margin: 1rem 0; padding: 0.2rem 1rem; border-left: 0.25rem solid var(--link); background: var(--surface); border-radius: 6px; }
.embed { margin: 1rem 0; padding: 0 1rem; border-left: 0.25rem solid var(--border); }
.callout-warning, .callout-caution, .callout-danger, .callout-error { border-left-color: #d29922; }
p.callout-title, p.tab { font-weight: 600; }
p.tab { margin-bottom: 0; border-bottom: 1px solid var(--border); }
.template { color: var(--muted); font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.9em; }
table { border-collapse: collapse; display: block; overflow-x: auto; }
th, td { padding: 0.35rem 0.8rem; border: 1px solid var(--border); }
th { background: var(--surface); }
img { max-width: 100%; }
img:not([src]) { color: var(--muted); font-style: italic; }
.hljs-keyword, .hljs-meta .hljs-keyword, .hljs-template-tag, .hljs-type, .hljs-variable.language_ { color: var(--keyword); }
.hljs-title, .hljs-title.class_, .hljs-title.function_ { color: var(--title); }
.hljs-attr, .hljs-attribute, .hljs-literal, .hljs-meta, .hljs-number, .hljs-operator, .hljs-variable, .hljs-selector-attr,
.hljs-selector-class, .hljs-selector-id, .hljs-property { color: var(--constant); }
.hljs-regexp, .hljs-string, .hljs-meta .hljs-string { color: var(--string); }
.hljs-built_in, .hljs-symbol { color: var(--builtin); }
.hljs-comment, .hljs-code, .hljs-formula { color: var(--comment); }
.hljs-name, .hljs-quote, .hljs-selector-tag, .hljs-selector-pseudo { color: var(--tag); }
.hljs-section { color: var(--constant); font-weight: bold; }
.hljs-bullet { color: var(--builtin); }
.hljs-emphasis { font-style: italic; }
.hljs-strong { font-weight: bold; }
.hljs-addition { color: var(--tag); background: var(--added-bg); }
.hljs-deletion { color: var(--deleted); background: var(--deleted-bg); }
@media print {
  body { display: block; }
  nav.toc { display: none; }
}
`;
