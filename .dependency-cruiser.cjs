// The floors of kubenotes, checked by test/import-graph.test.ts: imports point down only,
//   main → cli → commands → {help, io} → render → core
// (src/version.ts is a leaf any floor may read). io may use render: the picker draws its frames, and warnings name
// files through render's safe-text; help may use render's man-page types. Exceptions are listed in the rules, with why.
const above = (...floors) => `^src/(${floors.join('|')})([./]|$)`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'a circle has no floor to stand on',
      // exception: hit-copies.ts takes the type Hit from search.ts, which calls it (a type-only circle); it goes
      // when Hit moves to a module of its own (search.ts is being reworked elsewhere)
      from: {},
      to: { circular: true, viaOnly: { pathNot: '^src/core/hit-copies\\.ts$' } },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'the core reads no files, no process state and no terminal: it is handed text and returns values',
      from: { path: '^src/core/' },
      to: { path: ['^(node:)?(fs|fs/promises|process|child_process|os|tty|readline|net|worker_threads)$', '^chalk$'] },
    },
    { name: 'core-imports-nothing-above', severity: 'error', from: { path: '^src/core/' }, to: { path: above('main', 'cli', 'commands', 'help', 'io', 'render') } },
    { name: 'render-imports-only-core', severity: 'error', from: { path: '^src/render/' }, to: { path: above('main', 'cli', 'commands', 'help', 'io') } },
    { name: 'io-below-commands', severity: 'error', from: { path: '^src/io/' }, to: { path: above('main', 'cli', 'commands', 'help') } },
    { name: 'help-below-commands', severity: 'error', from: { path: '^src/help/' }, to: { path: above('main', 'cli', 'commands', 'io') } },
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
