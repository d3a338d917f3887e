// Mutation testing: `npm run test:mutation`. Not part of `npm test`: a full run over src/ takes a long time
// on a small machine.
// To focus on a folder: `npx stryker run --mutate 'src/time/**/*.ts'`.
// The fuzz properties (test/fuzz) cover every file, so they run for every mutant: a few runs each are
// enough there (the test runners inherit this environment).
process.env.FUZZ_RUNS ??= '20'
// FUZZ_RUNS alone draws a random seed (test/support/fast-check-seed.ts): a mutant must meet the same cases as
// the dry run, or a property that fails by chance on one seed aborts the run or kills a mutant it should not.
process.env.FUZZ_SEED ??= '20261129'

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/*', './stryker/message-text.mjs'],
  // Message text (any string or template literal with a space) is not counted: see stryker/message-text.mjs.
  ignorers: ['message-text'],
  vitest: { configFile: 'vitest.mutation.config.mts' },
  mutate: ['src/**/*.ts', '!src/testing/**', '!src/index.ts'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  incrementalFile: 'reports/stryker-incremental.json',
  timeoutMS: 4000,
  thresholds: { high: 95, low: 90, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignoreStatic: true,
}
