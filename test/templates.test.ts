import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import type { Token } from 'marked';
import { lexWithLines, parseDocument, sectionSlices } from '../src/core/markdown/parse.js';
import { blockText } from '../src/core/markdown/plaintext.js';
import { TEMPLATE_TOKEN, templateBlocksAsFences, templateSpans } from '../src/core/markdown/templates.js';

const spansOf = (text: string) => templateSpans(text).map(({ start, end }) => text.slice(start, end));
const tokensOf = (text: string): Token[] => lexWithLines(text).map((t) => t.token);

describe('finding template spans', () => {
  test('Hugo shortcodes, Liquid tags and output', () => {
    const text = 'a {{< ref "x" >}} b {{% notice %}} c {% include y.html %} d {{ site.url }} e {{</* escaped */>}}';
    expect(spansOf(text)).toEqual(['{{< ref "x" >}}', '{{% notice %}}', '{% include y.html %}', '{{ site.url }}', '{{</* escaped */>}}']);
  });

  test('a span may run over lines of one paragraph, never over a blank line; an unclosed {{ is text', () => {
    expect(spansOf('{{< figure\n  src="x"\n>}}')).toEqual(['{{< figure\n  src="x"\n>}}']);
    expect(spansOf('{{ open\n\nlater }}')).toEqual([]);
    expect(spansOf('a { b } {{ c')).toEqual([]);
    // bounded, so a paragraph of unclosed `{{` is read in linear time
    expect(spansOf(`{{ ${'x'.repeat(1990)} }}`)).toHaveLength(1);
    expect(spansOf(`{{ ${'x'.repeat(2010)} }}`)).toEqual([]);
  });
});

describe('template spans in the lexer', () => {
  test('one template token each: {{<figure src=…>}} is not HTML, {{ a_b_c }} not emphasis', () => {
    const [paragraph] = tokensOf('See {{<figure src="/a.png">}} and {{ a_b_c }}.\n') as Array<Token & { tokens: Token[] }>;
    expect(paragraph.tokens.map((t) => [t.type, t.raw])).toEqual([
      ['text', 'See '],
      [TEMPLATE_TOKEN, '{{<figure src="/a.png">}}'],
      ['text', ' and '],
      [TEMPLATE_TOKEN, '{{ a_b_c }}'],
      ['text', '.'],
    ]);
  });

  test('code spans and code blocks keep template syntax as code', () => {
    const tokens = tokensOf('Use `{{ .Values.image }}`.\n\n```yaml\nimage: {{ .Values.image }}\n```\n');
    expect(JSON.stringify(tokens)).not.toContain(`"type":"${TEMPLATE_TOKEN}"`);
  });

  test('plain text keeps spans as written (titles, exports) but Hugo shortcodes, which the site replaces; search prose can leave them out', () => {
    const tokens = tokensOf('## Install {{< version >}}\n\nRun {% include cmd.html %} now, `{{ .Values }}` too.\n');
    expect(parseDocument('## Install {{< version >}}\n', 'x.md').sections[0].title).toBe('Install');
    expect(blockText(tokens)).toBe('Install \nRun {% include cmd.html %} now, {{ .Values }} too.');
    expect(blockText(tokens, { omitTemplates: true })).toBe('Install \nRun  now, {{ .Values }} too.');
  });
});

describe('template code blocks', () => {
  test('a # comment inside {% highlight %} or {{< highlight >}} is code, not a heading', () => {
    const text =
      '## A\n\n{% highlight bash %}\n# not a heading\n{% endhighlight %}\n\n{{< highlight go >}}\n# nor this\n{{< /highlight >}}\n\n## B\n';
    const document = parseDocument(text, 'x.md');
    expect(document.sections.map((s) => [s.title, s.line])).toEqual([
      ['A', 1],
      ['B', 11],
    ]);
    expect(sectionSlices(document).join('')).toBe(text);
    expect(document.sections[0].markdown).toContain('{% highlight bash %}\n# not a heading\n');
  });

  test('turned into fences line for line; the language kept; longer than a fence inside', () => {
    expect(templateBlocksAsFences('{% highlight ruby linenos %}\nx\n{% endhighlight %}')).toBe('```ruby\nx\n```');
    expect(templateBlocksAsFences('{{< highlight md >}}\n````\n# x\n````\n{{< /highlight >}}')).toBe('`````md\n````\n# x\n````\n`````');
  });

  test('left alone inside a Markdown fence, and when never closed', () => {
    const fenced = '```\n{% highlight ruby %}\n# x\n{% endhighlight %}\n```\n';
    expect(templateBlocksAsFences(fenced)).toBe(fenced);
    expect(templateBlocksAsFences('{% highlight ruby %}\n# x\n')).toBe('{% highlight ruby %}\n# x\n');
    expect(parseDocument('{% highlight ruby %}\n## x\n', 'x.md').sections.map((s) => s.title)).toEqual(['x']);
  });

  test('property: template syntax anywhere never breaks parsing, and slices still make the file', () => {
    const piece = fc.constantFrom(
      '{{< note >}}',
      '{{< /note >}}',
      '{{% x %}}',
      '{% raw %}',
      '{{ a }}',
      '{{',
      '}}',
      '{%',
      '%}',
      '{% highlight sh %}',
      '{% endhighlight %}',
      '{{< highlight go >}}',
      '{{< /highlight >}}',
      '# H',
      '## H2',
      '```',
      'text',
      '',
      '---',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), (pieces, eol) => {
        const text = pieces.join(eol);
        const document = parseDocument(text, 'x.md');
        expect(sectionSlices(document).join('')).toBe(text);
        expect(templateBlocksAsFences(text.replace(/\r\n/g, '\n')).split('\n')).toHaveLength(text.split('\n').length);
      }),
      { numRuns: 300 },
    );
  });
});
