// The suite Stryker runs against each mutant (stryker.config.mjs): the unit suite without the tests of
// src/testing, which is not mutated, and with fewer property-test runs (test/mutation.setup.ts), since every
// mutant reruns them.
//
// MUTATION_TESTS (comma-separated globs) narrows the suite to a folder's own tests, for a quick first pass
// over that folder's mutants: a mutant those tests kill is killed by the whole suite too, so only the
// survivors need the whole suite again (README, Development).
import { defineConfig, mergeConfig } from 'vitest/config'
import base from './vitest.config.mts'

const narrowed = process.env.MUTATION_TESTS?.split(',').filter(Boolean)

const config = mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        'test/testing/**',
        '**/node_modules/**',
        // The examples' tests drive the built package's demo apps, not src/ directly.
        'examples/**',
      ],
      setupFiles: ['test/mutation.setup.ts'],
    },
  }),
)
// Replaced, not merged: mergeConfig would append these globs to the base include.
if (narrowed && config.test) config.test.include = narrowed

export default config
