// The YAML and TOML parsers front matter needs, in a module of their own: notes without front matter never load them.
import { CORE_SCHEMA, load as loadYaml, YAMLException } from 'js-yaml';
import { parse as parseToml, TomlError } from 'smol-toml';
import type { FrontMatterParsers, ParsedBlock } from './frontmatter.js';

/** A parser's first message line, without the position it appends: the warning names the line itself. */
const firstLine = (message: string): string =>
  message
    .split('\n')[0]
    .replace(/\s*\(\d+:\d+\)$/, '')
    .trim();

/**
 * js-yaml (about ten times faster than the `yaml` package on front-matter-sized blocks, which matters over
 * hundreds of files) with the YAML 1.2 core schema, so `date: 2022-10-24` stays the text it is; smol-toml for TOML.
 */
export const frontMatterParsers: FrontMatterParsers = {
  yaml(content): ParsedBlock {
    try {
      return { data: loadYaml(content, { schema: CORE_SCHEMA }) };
    } catch (error) {
      if (!(error instanceof YAMLException)) throw error;
      return { line: (error.mark?.line ?? 0) + 1, message: firstLine(error.reason || error.message) };
    }
  },
  toml(content): ParsedBlock {
    try {
      return { data: parseToml(content) };
    } catch (error) {
      if (!(error instanceof TomlError)) throw error;
      return { line: error.line, message: firstLine(error.message) };
    }
  },
};
