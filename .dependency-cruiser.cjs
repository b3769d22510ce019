// The floors of kubenotes, checked by test/import-graph.test.ts: imports point down only,
//   main → cli → commands → program → io → render → core
// (src/version.ts is a leaf any floor may read). program is the CLI's description of itself (spec, man page,
// completion), and reads the manual in docs/ through io; io may use render: the picker draws its frames, and
// warnings name files through render's safe-text. Exceptions are listed in the rules, with why.
const above = (...floors) => `^src/(${floors.join('|')})([./]|$)`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'a circle has no floor to stand on',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'the core reads no files, no process state and no terminal: it is handed text and returns values',
      from: { path: '^src/core/' },
      to: { path: ['^(node:)?(fs|fs/promises|process|child_process|os|tty|readline|net|worker_threads)$', '^chalk$'] },
    },
    {
      name: 'core-imports-nothing-above',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: above('main', 'cli', 'commands', 'program', 'io', 'render') },
    },
    {
      name: 'render-imports-only-core',
      severity: 'error',
      from: { path: '^src/render/' },
      to: { path: above('main', 'cli', 'commands', 'program', 'io') },
    },
    { name: 'io-below-program', severity: 'error', from: { path: '^src/io/' }, to: { path: above('main', 'cli', 'commands', 'program') } },
    { name: 'program-below-commands', severity: 'error', from: { path: '^src/program/' }, to: { path: above('main', 'cli', 'commands') } },
    { name: 'commands-below-cli', severity: 'error', from: { path: '^src/commands/' }, to: { path: above('main', 'cli') } },
    { name: 'cli-below-main', severity: 'error', from: { path: '^src/cli' }, to: { path: above('main') } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.d\\.ts$' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
