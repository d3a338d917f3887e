/**
 * Currency codes and their minor units, both taken from `Intl` so that no hand-kept table can drift from ISO 4217.
 */
import { describeReceived, refundRulesError } from '../errors.js'

let supported: ReadonlySet<string> | undefined

/** Built on first use: `Intl.supportedValuesOf` allocates an array of ~300 strings. */
function supportedCurrencies(): ReadonlySet<string> {
  supported ??= new Set(Intl.supportedValuesOf('currency'))
  return supported
}

/** Bounded by the number of codes `Intl` knows, so it cannot grow with user input. */
const minorUnits = new Map<string, number>()

/**
 * Validates a currency code and returns its minor unit (the number of decimal places an amount may have): EUR 2,
 * JPY 0, BHD 3. The code must be written exactly as `Intl.supportedValuesOf('currency')` lists it, upper case:
 * `'eur'` is rejected rather than silently upper-cased, because a lower-case code usually means a field was
 * filled from the wrong source.
 *
 * @throws RefundRulesError `INVALID_CURRENCY` at `path` for anything else.
 * @example
 * currencyMinorUnit('EUR', 'topUp.amount.currency') // => 2
 * currencyMinorUnit('JPY', 'topUp.amount.currency') // => 0
 * currencyMinorUnit('eur', 'topUp.amount.currency') // throws INVALID_CURRENCY
 */
export function currencyMinorUnit(currency: unknown, path: string): number {
  // The length test first keeps a huge string away from hashing in the Map and Set lookups.
  if (typeof currency === 'string' && currency.length === 3) {
    const cached = minorUnits.get(currency)
    if (cached !== undefined) return cached
    if (supportedCurrencies().has(currency)) {
      const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits
      // Always set for style 'currency'; if an engine ever left it out, the code is treated as unknown.
      if (digits !== undefined) {
        minorUnits.set(currency, digits)
        return digits
      }
    }
  }
  throw refundRulesError(
    'INVALID_CURRENCY',
    path,
    `must be an upper-case ISO 4217 code known to Intl, like "EUR", received ${describeReceived(currency)}`,
  )
}

/**
 * Whether `currency` is a code {@link currencyMinorUnit} accepts, without throwing.
 *
 * @example
 * isCurrencyCode('BHD') // => true
 * isCurrencyCode('eur') // => false
 */
export function isCurrencyCode(currency: unknown): currency is string {
  return typeof currency === 'string' && currency.length === 3 && supportedCurrencies().has(currency)
}

/**
 * Every currency code `Intl` knows, sorted; handy for generators and for validating forms.
 *
 * @example
 * supportedCurrencyCodes().includes('EUR') // => true
 */
export function supportedCurrencyCodes(): readonly string[] {
  return Object.freeze([...supportedCurrencies()].sort())
}
