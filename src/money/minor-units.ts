/**
 * Conversions between decimal amounts and integer minor units, for backends that keep money the way Stripe,
 * dinero.js and most ledgers do (SPEC §1, §2): `{ amount: '19.99', currency: 'EUR' }` is `1999` minor units.
 */
import { formatMoney, type MinorUnitsInput, type MoneyInput, moneyOf, parseMoney, readMinorUnits } from './amount.js'
import { type CurrencyOverrides, currencyMinorUnit } from './currency.js'

/** Options of {@link toMinorUnits} and {@link fromMinorUnits}. */
export interface MinorUnitsOptions {
  /** A policy's minor-unit overrides (its `currencies` setting), where they differ from ISO 4217. */
  readonly currencies?: CurrencyOverrides
}

/** Read options without overrides, made once: a conversion may sit in a hot loop. */
const ALLOW_NEGATIVE = Object.freeze({ allowNegative: true })

/**
 * The money as an integer count of its currency's minor units (ISO 4217's, or an override's): exact, never
 * rounded. Accepts what every evaluation accepts, `{ amount, currency }` or `{ minor, currency }`; negative amounts
 * are allowed here. The result is a safe integer (at most `Number.MAX_SAFE_INTEGER` either way).
 *
 * @throws RefundRulesError `INVALID_INPUT`, `INVALID_CURRENCY`, `INVALID_AMOUNT` or `TOO_MANY_DECIMALS`, with a
 * path under `money`.
 * @example
 * toMinorUnits({ amount: '19.99', currency: 'EUR' }) // => 1999
 * toMinorUnits({ amount: '1990.50', currency: 'HUF' }) // => 199050 (ISO 4217: HUF has 2 decimals)
 * toMinorUnits({ amount: '1.250', currency: 'IQD' }) // => 1250
 * toMinorUnits({ amount: '1990', currency: 'HUF' }, { currencies: { HUF: { minorUnits: 0 } } }) // => 1990
 * toMinorUnits({ amount: '0.001', currency: 'EUR' }) // throws TOO_MANY_DECIMALS
 */
export function toMinorUnits(money: MoneyInput, options?: MinorUnitsOptions): number {
  const currencies = options?.currencies
  return parseMoney(money, 'money', currencies === undefined ? ALLOW_NEGATIVE : { allowNegative: true, currencies })
    .minor
}

/**
 * A count of minor units written as a decimal string with exactly the currency's minor digits (ISO 4217's, or an
 * override's) — the form decisions use, which every evaluation accepts as an `amount`. `minor` is a safe integer,
 * a bigint or a string of digits (`-` first for a negative).
 *
 * @throws RefundRulesError `INVALID_AMOUNT` at `minor`, `INVALID_CURRENCY` at `currency`.
 * @example
 * fromMinorUnits(1999, 'EUR') // => '19.99'
 * fromMinorUnits(1999n, 'JPY') // => '1999'
 * fromMinorUnits('-5', 'BHD') // => '-0.005'
 * fromMinorUnits(12345, 'CLF') // => '1.2345'
 */
export function fromMinorUnits(minor: MinorUnitsInput, currency: string, options?: MinorUnitsOptions): string {
  const minorUnit = currencyMinorUnit(currency, 'currency', options?.currencies)
  return formatMoney(moneyOf(currency, minorUnit, readMinorUnits(minor, 'minor', true)))
}
