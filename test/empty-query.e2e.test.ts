// An empty query is a usage error in every command that takes one, as it is in search: exit 2, one line.
import { expect, test } from '@jest/globals';
import { runCli } from './helpers/cli.js';

test.each([['show'], ['export'], ['links'], ['edit']])('%s with an empty or blank query: exit 2 and one line saying so', (command) => {
  for (const query of ['', '   ']) {
    const { stdout, stderr, status } = runCli([command, query]);
    expect({ stdout, stderr, status }).toEqual({
      stdout: '',
      stderr: `kubenotes: the query is empty; give a section's number, title or id (see 'kubenotes help ${command}')\n`,
      status: 2,
    });
  }
  expect(runCli(['search', '']).status).toBe(2);
});
