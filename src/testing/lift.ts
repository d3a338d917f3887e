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

/** Draws one value from an arbitrary inside {@link drawing}. */
export type Draw = <T>(arb: fc.Arbitrary<T>) => T

/**
 * An arbitrary built imperatively: `build` draws from other arbitraries in
 * order, so later values can depend on earlier ones. Its values do not
 * shrink.
 *
 * @example
 * drawing((draw) => {
 *   const from = draw(fc.nat())
 *   return { from, to: from + draw(fc.nat()) }
 * })
 */
export function drawing<T>(build: (draw: Draw) => T): fc.Arbitrary<T> {
  return new DrawnArbitrary(build)
}

/**
 * Why not `fc.gen()`: it memoises every arbitrary drawn, keyed by the builder
 * function, for the life of the property. Arbitraries made afresh on each
 * draw (bounds that depend on earlier draws) never hit that memo, so a
 * 100,000-run property kept about 40 kB per run and ran out of memory; and
 * replays could not find their arbitraries, so nothing shrank anyway. A class,
 * because fast-check's extension point is subclassing `Arbitrary`.
 */
class DrawnArbitrary<T> extends fc.Arbitrary<T> {
  constructor(private readonly build: (draw: Draw) => T) {
    super()
  }

  generate(random: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    return new fc.Value(
      this.build((arb) => arb.generate(random, biasFactor).value),
      undefined,
    )
  }

  canShrinkWithoutContext(_value: unknown): _value is T {
    return false
  }

  shrink(): fc.Stream<fc.Value<T>> {
    return fc.Stream.nil()
  }
}
