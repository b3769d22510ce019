// Lint: typescript-eslint's recommended rules with type information, for the bugs a type checker alone lets through
// (a promise nobody awaits, a promise where a boolean or a void callback is expected, `await` of a non-promise, a
// method called without its `this`, `${object}` in a template). Layout is prettier's job (npm run format).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test/fixtures/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `any` comes in only where a library types it so (marked's generic tokens, JSON.parse); `strict` forbids the
      // implicit kind, and no-explicit-any the written one, so these would flag other people's types, not our bugs
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // matching terminal escapes and control characters is what the terminal's safety is made of
      'no-control-regex': 'off',
      // a rest sibling is how a test leaves fields out of an object
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // (no-floating-promises: marked's walkTokens returns its callback's results, promises only from an async one;
      // `void marked.walkTokens(…)` says ours is sync)
    },
  },
  {
    files: ['**/*.cts'],
    // a CommonJS module, for a require that runs on first use rather than at import
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**'],
    rules: {
      // stand-ins for async interfaces return promises without awaiting anything
      '@typescript-eslint/require-await': 'off',
      // runs of spaces in a pattern are the columns of the output it matches
      'no-regex-spaces': 'off',
    },
  },
  {
    // Plain JavaScript (this file, bin/, the module tracer, the dependency rules) is outside tsconfig's program.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', module: 'writable', require: 'readonly', URL: 'readonly' } },
  },
  {
    // CommonJS, as the build is: the bin and the module tracer load with require
    files: ['bin/**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { __dirname: 'readonly', __filename: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
