// A generated folder of notes for the browser's tests and its typing benchmark: many files, each with a page title
// and sections whose titles repeat across files (as component docs do), so rows must say which file they are in.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const COMPONENTS = ['redis', 'kafka', 'postgres', 'mysql', 'rabbitmq', 'mqtt', 'azure blob', 'aws s3', 'gcp pubsub', 'consul'];
const KINDS = ['state', 'pubsub', 'bindings', 'secrets', 'configuration'];
const TOPICS = ['Spec metadata fields', 'Setup', 'Related links', 'Authentication', 'Retries and timeouts', 'Examples'];

/** Writes `files` Markdown files of `sectionsPerFile` sections under `folder` (in sub-folders by kind); returns it. */
export function writeGeneratedNotes(folder: string, files = 100, sectionsPerFile = 50): string {
  for (let f = 0; f < files; f++) {
    const component = COMPONENTS[f % COMPONENTS.length];
    const kind = KINDS[Math.floor(f / COMPONENTS.length) % KINDS.length];
    const title = `${component} ${kind} ${f}`;
    const lines = [`---`, `title: "${title}"`, `---`, ''];
    for (let s = 0; s < sectionsPerFile; s++) {
      const topic = TOPICS[s % TOPICS.length];
      lines.push(`${s % 5 === 0 ? '##' : '###'} ${topic} ${Math.floor(s / TOPICS.length) || ''}`.trimEnd(), '');
      lines.push(`The ${topic.toLowerCase()} of the ${component} ${kind} component, part ${s} of file ${f}.`, '');
      if (s % 7 === 0) lines.push('| Field | Required | Details |', '|---|---|---|', `| host | Y | The ${component} host |`, '');
    }
    const dir = join(folder, kind, component.replace(' ', '-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `component-${f}.md`), lines.join('\n'));
  }
  return folder;
}
