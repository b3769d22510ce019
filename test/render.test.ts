// The terminal renderer, one construct at a time: what a reader sees piped (plain) and at a colour terminal.
import { describe, expect, test } from '@jest/globals';
import { stripVTControlCharacters } from 'node:util';
import type { LinkReference } from '../src/core/links/targets.js';
import { ESCAPE, render, renderColour } from './helpers/render.js';

const lines = (text: string): string[] => text.trimEnd().split('\n');

describe('headings', () => {
  test('numbered when they are sections, ruled under levels 1–3, no # markers', async () => {
    const text = await render('## Talk\n\ntext\n\n### Part\n\n#### Detail\n', 80, { headingNumbers: ['7', '7.1', '7.1.1'] });
    expect(lines(text)).toEqual(['7  Talk', '═══════', '', 'text', '', '7.1  Part', '─────────', '', '7.1.1  Detail']);
  });

  test('a long heading wraps under its title, not under its number', async () => {
    const text = await render('## Understanding the Feature Lifecycle In Kubernetes\n', 30, { headingNumbers: ['8'] });
    expect(lines(text).slice(0, 3)).toEqual(['8  Understanding the Feature', '   Lifecycle In Kubernetes', '═'.repeat(28)]);
  });
});

describe('inline styles', () => {
  test('bold and italics inside list items: no ** or * left when piped, styled at a terminal', async () => {
    const markdown = '- **Title**: A talk\n- *Presenters*: Someone\n';
    expect(lines(await render(markdown))).toEqual(['  • Title: A talk', '  • Presenters: Someone']);
    const coloured = await renderColour(markdown);
    expect(coloured).toContain('\u001b[1mTitle\u001b[22m');
    expect(coloured).toContain('\u001b[3mPresenters\u001b[23m');
  });

  test('code spans, strikethrough and escapes lose their markers', async () => {
    expect(await render('Run `kubectl get` ~~now~~ \\*later\\*\n')).toBe('Run kubectl get now *later*\n');
  });

  test('an inline <br> breaks the line; other inline tags go', async () => {
    expect(await render('one<br>two <span>three</span>\n')).toBe('one\ntwo three\n');
  });

  test('lines that end in a lone carriage return are lines, as the parser reads them', async () => {
    expect(await render('# A\r\rtext\r')).toBe('A\n═\n\ntext\n');
  });

  test('entities are decoded, once; emoji codes stay text', async () => {
    expect(await render('Q&amp;A &lt;here&gt; &amp;lt; &#8217;&nbsp;:smile:\n')).toBe('Q&A <here> &lt; \u2019\u00a0:smile:\n');
  });

  test('code spans keep their colons in headings, list items, table headers and quotes', async () => {
    const text = await render('## `a:b`\n\n- `c:d`\n\n| `e:f` |\n| --- |\n| `g:h` |\n\n> `i:j`\n');
    expect(lines(text)).toEqual(['a:b', '═══', '', '  • c:d', '', 'e:f', '───', 'g:h', '', '│ i:j']);
  });
});

describe('lists', () => {
  test('nested lists indent by depth with a bullet per depth; numbers line up', async () => {
    const text = await render('- a\n  - b\n    - c\n\n8. eight\n1. nine\n1. ten\n');
    expect(lines(text)).toEqual(['  • a', '      ◦ b', '          ▪ c', '', '   8. eight', '   9. nine', '  10. ten']);
  });

  test('a wrapped item keeps its indentation', async () => {
    const text = await render('- one two three four five six seven eight nine\n  - ten eleven twelve thirteen\n', 24);
    expect(lines(text)).toEqual([
      '  • one two three four',
      '    five six seven eight',
      '    nine',
      '      ◦ ten eleven',
      '        twelve thirteen',
    ]);
  });

  test('task items show their boxes', async () => {
    expect(lines(await render('- [x] done\n- [ ] open\n'))).toEqual(['  • ☑ done', '  • ☐ open']);
  });
});

describe('rules', () => {
  test('as wide as the width, inside a list as wide as the item', async () => {
    expect(lines(await render('---\n\n- item\n\n  ***\n', 24))).toEqual(['─'.repeat(24), '', '  • item', '', '    ' + '─'.repeat(20)]);
  });
});

describe('block quotes', () => {
  test('wrapped inside the bar, the bar on every line', async () => {
    const text = await render('> one two three four five six\n>\n> seven\n', 16);
    expect(lines(text)).toEqual(['│ one two three', '│ four five six', '│', '│ seven']);
  });

  test("nested: a bar for each level, and the quote's style once per line, however deep", async () => {
    const text = await renderColour(`${'>'.repeat(30)} deep`);
    expect(stripVTControlCharacters(text)).toBe(`${'│ '.repeat(30)}deep\n`);
    expect(text.match(/\u001b\[3m/g)).toHaveLength(1); // chalk re-opened italics after each inner quote: 465 times
  });
});

describe('tables', () => {
  test('columns as wide as their content, aligned as the table says', async () => {
    const text = await render('| name | n |\n| :--- | ---: |\n| alpha | 1 |\n| b | 22 |\n');
    expect(lines(text)).toEqual(['name  │  n', '──────┼───', 'alpha │  1', 'b     │ 22']);
  });

  test('too wide: the widest column narrows and its cells wrap', async () => {
    const text = await render('| key | value |\n| --- | --- |\n| a | one two three four five six |\n', 20);
    for (const line of lines(text)) expect(line.length).toBeLessThanOrEqual(20);
    expect(text).toContain('a   │ one two three');
  });
});

describe('code blocks', () => {
  test('indented, never wrapped: a line wider than the width is cut with → in its last column, or kept whole when asked', async () => {
    const text = await render('```\nshort\n0123456789abcdefghij\n```\n', 14);
    expect(lines(text)).toEqual(['    short', '    012345678→']);
    const whole = await render('```\nshort\n0123456789abcdefghij\n```\n', 14, { wholeCode: true });
    expect(lines(whole)).toEqual(['    short', '    0123456789abcdefghij']);
  });

  test.each(['bash', 'yaml', 'json', 'go', 'typescript', 'python'])('%s is highlighted at a terminal', async (language) => {
    const samples: Record<string, string> = {
      bash: 'if true; then echo "hi"; fi',
      yaml: 'key: "value" # note',
      json: '{"key": 1}',
      go: 'func main() { return "x" }',
      typescript: 'const x: number = 1;',
      python: 'def f():\n    return "x"',
    };
    const coloured = await renderColour(`\`\`\`${language}\n${samples[language]}\n\`\`\`\n`);
    expect(coloured).toMatch(/\u001b\[3\dm/);
    expect(stripVTControlCharacters(coloured)).toBe(await render(`\`\`\`${language}\n${samples[language]}\n\`\`\`\n`));
  });

  test('an unknown language is shown as it is', async () => {
    expect(await renderColour('```cobol\nDISPLAY "X".\n```\n')).toBe('    DISPLAY "X".\n');
  });
});

describe('raw HTML never reaches the terminal', () => {
  test('comments are hidden, tags removed, their text kept', async () => {
    const text = await render(
      '<!-- secret note -->\n\nBefore <b>bold</b> after <!-- inline -->\n\n<div align="center">\n  <p>Centred &amp; <i>kept</i></p>\n</div>\n',
    );
    expect(lines(text)).toEqual(['Before bold after', '', 'Centred & kept']);
  });

  test('scripts and styles are dropped with their content', async () => {
    expect(await render('<script>alert(1)</script>\n\n<style>p {}</style>\n\ntext\n')).toBe('text\n');
  });
});

describe('images', () => {
  test('a placeholder with the alt text and the path; each image on its own line', async () => {
    const text = await render('![Cello workflow](/assets/cello.png)\n![](/assets/dev.png)\n');
    expect(lines(text)).toEqual(['[image: Cello workflow] /assets/cello.png', '[image] /assets/dev.png']);
  });
});

describe('links', () => {
  test('the text, then the URL; a bare URL once', async () => {
    expect(await render('[Helm Website](https://helm.sh) and https://lists.cncf.io/g/x\n')).toBe(
      'Helm Website (https://helm.sh) and https://lists.cncf.io/g/x\n',
    );
  });

  test('at a terminal the URL is dimmed; an OSC 8 hyperlink only where the terminal supports it', async () => {
    const plain = await renderColour('[Helm](https://helm.sh)\n');
    expect(plain).toContain('\u001b[2m(https://helm.sh)\u001b[22m');
    expect(plain).not.toContain('\u001b]8;;');
    const linked = await renderColour('[Helm](https://helm.sh)\n', 80, { hyperlinks: true });
    expect(linked).toContain('\u001b]8;;https://helm.sh\u0007');
    expect(linked).toMatch(/\u001b\]8;;\u0007 /);
  });

  test('piped output never has a hyperlink, even when asked for', async () => {
    expect(await render('[Helm](https://helm.sh)\n', 80, { hyperlinks: true })).not.toMatch(ESCAPE);
  });

  test('a link to a heading names the section with its number', async () => {
    const resolveLink = (reference: LinkReference) =>
      'href' in reference && reference.href === '#alert' ? { where: '7.6', title: 'Alert' } : undefined;
    expect(await render('See [alerts](#alert) and [Alert](#alert), not [x](#gone).\n', 80, { resolveLink })).toBe(
      'See alerts (→ 7.6 Alert) and Alert (→ 7.6), not x (#gone).\n',
    );
  });
});

describe('piped output', () => {
  test('no escape codes and no Markdown markers', async () => {
    const text = await render('## Title\n\n- **bold** and *em*\n\n> quote\n\n---\n\n`code`\n');
    expect(text).not.toMatch(ESCAPE);
    expect(text).not.toMatch(/#{2,}|\*\*|`/);
  });

  test('the same layout as the colour output', async () => {
    const markdown = '## Title\n\n- **bold** item that is long enough to wrap around\n  - nested\n\n| a | b |\n| - | - |\n| 1 | 2 |\n';
    expect(stripVTControlCharacters(await renderColour(markdown, 30))).toBe(await render(markdown, 30));
  });
});

describe('note text cannot drive the terminal', () => {
  test('escape sequences in text, code, links and headings are removed; colour output has only our SGR codes', async () => {
    const markdown =
      '## T\u001b[2Jitle\n\nText \u001b]0;title\u0007 \u009b31m\u0007 back\b\n\n```bash\necho \u001b[31m\n```\n\n[l\u001b[1mink](https://x.example/\u001b[2J)\n';
    expect(await render(markdown)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    const coloured = await renderColour(markdown, 80, { hyperlinks: true });
    const ours = coloured.replace(/\u001b\[[0-9;]*m/g, '').replace(/\u001b\]8;;https:\/\/x\.example\/\u0007|\u001b\]8;;\u0007/g, '');
    expect(ours).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('marking words (a search hit shown by the browser)', () => {
  test('text is marked wherever it is read, headings and links too; code stays as it is', async () => {
    const mark = (text: string) => text.replace(/charts?/gi, (word) => `[${word}]`);
    const text = await render(
      '### Chart Storage\n\nPush charts to [chart museums](https://example.com), or `chart push`:\n\n```\nhelm chart push\n```\n',
      80,
      { mark },
    );
    expect(lines(text)).toEqual([
      '[Chart] Storage',
      '───────────────',
      '',
      'Push [charts] to [chart] museums (https://example.com), or chart push:',
      '',
      '    helm chart push',
    ]);
  });
});
