// Loaded only by vitest.mutation.config.mts (Stryker): every mutant reruns the property suites, so they run a
// handful of cases each there; `npm test` keeps fast-check's default of 100 (and `npm run fuzz` its 100,000).
import fc from 'fast-check'

// Runs after the seed setup (test/support/fast-check-seed.setup.ts): keeps its seed.
fc.configureGlobal({ ...fc.readConfigureGlobal(), numRuns: 10 })
