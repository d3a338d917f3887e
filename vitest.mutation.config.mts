// The suite Stryker runs against each mutant (stryker.config.mjs): the unit suite without the tests of
// src/testing, which is not mutated, and with fewer property-test runs (test/mutation.setup.ts), since every
// mutant reruns them.
import { defineConfig, mergeConfig } from 'vitest/config'
import base from './vitest.config.mts'

export default mergeConfig(
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
