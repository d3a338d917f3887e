/**
 * Overrides may be fixed values or arbitraries: `arbTopUp({ currency: 'EUR' })`
 * and `arbTopUp({ currency: fc.constantFrom('EUR', 'JPY') })` both work.
 */
import fc from 'fast-check'

/** A fixed value or an arbitrary of values. */
export type Gen<T> = T | fc.Arbitrary<T>

/**
 * Whether a value is a fast-check arbitrary. Duck-typed, so arbitraries from
 * another copy of fast-check (a user's v3 beside the kit's) are recognised.
 *
 * @example
 * isArbitrary(fc.nat()) // => true
 * isArbitrary('EUR') // => false
 */
export function isArbitrary<T>(value: unknown): value is fc.Arbitrary<T> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { generate?: unknown }).generate === 'function' &&
    typeof (value as { shrink?: unknown }).shrink === 'function' &&
    typeof (value as { chain?: unknown }).chain === 'function'
  )
}

/**
 * The arbitrary for an override: `fallback` when it is `undefined`, the
 * override itself when it is an arbitrary, otherwise a constant.
 *
 * @example
 * lift('EUR', arbCurrency()) // always 'EUR'
 * lift(undefined, arbCurrency()) // any currency
 */
export function lift<T>(override: Gen<T> | undefined, fallback: fc.Arbitrary<T>): fc.Arbitrary<T> {
  if (override === undefined) return fallback
  return isArbitrary<T>(override) ? override : fc.constant(override)
}
