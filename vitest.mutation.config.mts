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
        // Stryker refuses to start unless every test passes; these files hold tests that fail on main and
        // are being fixed there. Remove each line once its file passes again.
        // Fails while inherited settings are still read (calendar, fees): it names each one.
        'test/clauses/inherited-fields.test.ts',
        'test/clauses/properties.test.ts',
        'test/errors/issue-cap.test.ts',
        'test/errors/values.test.ts',
        'test/errors/wrong-types.test.ts',
        'test/explain/explain.test.ts',
        'test/explain/untrusted-decisions.test.ts',
        'test/fuzz/totality.test.ts',
      ],
      setupFiles: ['test/mutation.setup.ts'],
    },
  }),
)
