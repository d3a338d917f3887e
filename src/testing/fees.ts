/**
 * The processing fee SPEC §3 gives a refund, computed apart from the library
 * in BigInt minor units: the scenarios use it to know, before the library is
 * asked, whether a fee leaves anything of the gross.
 */
import type { FeeRounding, FeeSchedule } from '../money/fees.js'
import { amountToUnits, minorUnitOf } from './money.js'

/** `n / d` for non-negative `n` and positive `d`, rounded to an integer by `mode` ('up' is away from zero). */
function divide(n: bigint, d: bigint, mode: FeeRounding): bigint {
  const q = n / d
  const twice = 2n * (n % d)
  if (mode === 'down' || twice === 0n) return q
  if (mode === 'up') return q + 1n
  if (mode === 'half-up') return twice >= d ? q + 1n : q
  return twice > d || (twice === d && q % 2n === 1n) ? q + 1n : q
}

/**
 * fee = clamp(round(gross × percent / 100) + fixed, min, max), capped at the gross (SPEC §3), in
 * minor units: the rule of `method` if the schedule has one as an own key, else its default rule,
 * else no fee. Throws when a rule names amounts but not `currency` (the library's policy error).
 *
 * @example
 * scheduleFee({ rounding: 'half-up', methods: {}, default: { percent: '2.9', fixed: { EUR: '0.30' } } }, 'card', 10000n, 'EUR')
 * // => 320n (2.90 + 0.30 EUR of 100.00 EUR)
 */
export function scheduleFee(
  schedule: FeeSchedule,
  method: string | undefined,
  gross: bigint,
  currency: string,
): bigint {
  const rule =
    method !== undefined && Object.hasOwn(schedule.methods, method) ? schedule.methods[method] : schedule.default
  if (rule === undefined) return 0n
  const digits = minorUnitOf(currency)
  const amount = (amounts: Readonly<Record<string, string>> | undefined): bigint | undefined => {
    if (amounts === undefined) return undefined
    const text = Object.hasOwn(amounts, currency) ? amounts[currency] : undefined
    if (text === undefined) {
      throw new Error(
        `the policy's fee rule names no ${currency} amount: build the scenario in a currency its fees name`,
      )
    }
    return amountToUnits(text, digits)
  }
  const [whole = '0', fraction = ''] = (rule.percent ?? '0').split('.')
  const scale = 10n ** BigInt(fraction.length)
  let fee = divide(gross * BigInt(whole + fraction), 100n * scale, schedule.rounding) + (amount(rule.fixed) ?? 0n)
  const min = amount(rule.min)
  const max = amount(rule.max)
  if (min !== undefined && fee < min) fee = min
  if (max !== undefined && fee > max) fee = max
  return fee < gross ? fee : gross
}
