/**
 * Vitest setup file, run before each test file: every property test (fc.assert, fc.sample) uses the
 * seed the global setup chose, unless the test names its own. configureGlobal replaces the whole
 * global configuration, so the settings already made are kept.
 */
import fc from 'fast-check'
import { inject } from 'vitest'

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: inject('fastCheckSeed') })
