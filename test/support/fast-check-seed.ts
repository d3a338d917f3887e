/**
 * Which seed fast-check uses, chosen once per vitest run. `npm test` must never fail by chance: its
 * property tests run with one fixed seed, the same every run. `npm run fuzz` (FUZZ_RUNS set) draws a
 * random seed each run, to find what the fixed one does not; FUZZ_SEED replays a run's seed.
 * The seed is printed once, by the global setup, so that any failure can be replayed.
 */

/** The seed of every property test in `npm test`: any fixed number would do; this one is the project's start date. */
export const FIXED_SEED = 20_261_129

/** The seed and why it is that one, from the environment of the vitest run. */
export function chooseSeed(env: Readonly<Record<string, string | undefined>>): { seed: number; how: string } {
  const given = env.FUZZ_SEED
  if (given !== undefined && given !== '') {
    const seed = Number(given)
    if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, received ${JSON.stringify(given)}`)
    return { seed, how: 'from FUZZ_SEED' }
  }
  if (env.FUZZ_RUNS !== undefined) {
    // fast-check's seeds are 32-bit integers.
    const seed = Math.floor(Math.random() * 2 ** 31)
    return { seed, how: `random (replay: FUZZ_SEED=${seed} FUZZ_RUNS=${env.FUZZ_RUNS} npx vitest run <files>)` }
  }
  return { seed: FIXED_SEED, how: 'fixed (random only in npm run fuzz)' }
}

declare module 'vitest' {
  export interface ProvidedContext {
    fastCheckSeed: number
  }
}
