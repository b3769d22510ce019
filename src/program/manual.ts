// The manual in docs/, read for the man page the build makes: found beside the installation, like the bundled notes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manual } from './manpage.js';
import { sectionOf } from '../render/roff.js';
import { packageFile } from '../io/sources.js';

export function readManual(commands: string[]): Manual {
  const page = (name: string): string => readFileSync(packageFile(join('docs', name)), 'utf8');
  const configuration = page('configuration.md');
  return {
    commands: Object.fromEntries(commands.map((command) => [command, page(join('commands', `${command}.md`))])),
    options: sectionOf(page('notes.md'), 'Global options'),
    configuration: sectionOf(configuration, 'Configuration'),
    environment: sectionOf(configuration, 'Environment'),
    exitStatus: sectionOf(page('output.md'), 'Exit codes'),
  };
}
