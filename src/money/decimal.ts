/**
 * The library's own decimal.js constructor.
 *
 * Every calculation goes through this clone so that a host application's `Decimal.set({ precision, rounding })`
 * cannot change a refund, and nothing here can change the host's settings. `Decimal.clone()` without options
 * would copy the host's *current* settings, so the configuration is spelled out in full (`defaults: true`).
 */
import Decimal from 'decimal.js'

/**
 * 100 significant digits: amounts and percentages are capped at 40 characters, so a product of the two has at most
 * 80 digits and every sum or difference stays well below the limit — the arithmetic is exact, never rounded by
 * `precision`. Rounding to a currency's minor unit always passes an explicit mode.
 */
export const D: Decimal.Constructor = Decimal.clone({
  defaults: true,
  precision: 100,
  rounding: Decimal.ROUND_HALF_UP,
  // Never exponent form, whatever the host chose, in case a `toString()` slips into a message.
  toExpNeg: -9e15,
  toExpPos: 9e15,
})

/** An exact decimal value created by the library's private constructor. */
export type DecimalValue = Decimal

/** A decimal.js rounding mode (`D.ROUND_HALF_UP`, …). */
export type DecimalRounding = Decimal.Rounding
