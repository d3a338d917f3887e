/**
 * `npm test` never fails by chance: every property test runs with the one seed the run chose and printed —
 * fixed unless FUZZ_RUNS (`npm run fuzz`) or FUZZ_SEED is set.
 */
import fc from 'fast-check'
import { describe, expect, inject, it } from 'vitest'
import { chooseSeed, FIXED_SEED } from '../support/fast-check-seed.js'

describe('the fast-check seed', () => {
  it('is the fixed one without FUZZ_RUNS or FUZZ_SEED', () => {
    expect(chooseSeed({})).toEqual({ seed: FIXED_SEED, how: 'fixed (random only in npm run fuzz)' })
    expect(chooseSeed({ FUZZ_SEED: '' }).seed).toBe(FIXED_SEED)
  })

  it('is random under FUZZ_RUNS, and FUZZ_SEED replays one', () => {
    const drawn = new Set(Array.from({ length: 20 }, () => chooseSeed({ FUZZ_RUNS: '100000' }).seed))
    expect(drawn.size).toBeGreaterThan(1)
    for (const seed of drawn) expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 31).toBe(true)
    expect(chooseSeed({ FUZZ_RUNS: '100000', FUZZ_SEED: '-42' }).seed).toBe(-42)
    expect(() => chooseSeed({ FUZZ_SEED: 'abc' })).toThrow('FUZZ_SEED must be an integer')
  })

  it('is the one fast-check uses in this run, and the same for every property', () => {
    const seed = inject('fastCheckSeed')
    expect(fc.readConfigureGlobal().seed).toBe(seed)
    if (process.env.FUZZ_RUNS === undefined && !process.env.FUZZ_SEED) expect(seed).toBe(FIXED_SEED)
    // The same seed draws the same values: two samples of one arbitrary agree.
    const arb = fc.tuple(fc.integer(), fc.string())
    expect(fc.sample(arb, 20)).toEqual(fc.sample(arb, 20))
  })
})
