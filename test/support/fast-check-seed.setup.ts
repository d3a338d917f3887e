/**
 * Vitest setup file, run before each test file: every property test (fc.assert, fc.sample) uses the
 * seed the global setup chose, unless the test names its own. configureGlobal replaces the whole
 * global configuration, so a run count already set is kept.
 */
import fc from 'fast-check'
import { inject } from 'vitest'

const kept = fc.readConfigureGlobal()
fc.configureGlobal({ seed: inject('fastCheckSeed'), numRuns: kept.numRuns })
