// The YAML and TOML parsers front matter needs, in a module of their own: notes without front matter never load them.
import { parse as parseToml } from 'smol-toml';
import { parseDocument as parseYaml } from 'yaml';
import type { FrontMatterParsers } from './frontmatter.js';

export const frontMatterParsers: FrontMatterParsers = { parseYaml, parseToml };
