/**
 * Currency codes and their ISO 4217 minor units (SPEC §1), and a policy's overrides of them (SPEC §3 `currencies`).
 *
 * The minor units come from the ISO 4217 table that dinero.js publishes (`dinero.js/currencies`), not from `Intl`:
 * `Intl` reports CLDR's display digits, which differ from ISO 4217 for 17 currencies (HUF, IDR, IQD … show 0) and
 * change with the ICU that Node was built with. A data package gives the same answer on every host, and a new
 * release of it brings new codes (XCG, ZWG) without a release of this library.
 */
import * as iso4217 from 'dinero.js/currencies'
import { describeReceived, joinPath, type RefundRulesError, refundRulesError } from '../errors.js'
import { type SettingsFields, type Shape, wholeNumber } from '../reader.js'

/** A policy's minor unit for one currency, where its payment processor differs from ISO 4217 (HUF in whole forints). */
export interface CurrencyOverride {
  /** Decimal places an amount may have: an integer from 0 to 4. */
  readonly minorUnits: number
}

/** Minor-unit overrides by currency code: `{ HUF: { minorUnits: 0 } }`. Only own keys count. */
export type CurrencyOverrides = Readonly<Record<string, CurrencyOverride>>

/**
 * The largest override accepted: 4, the most ISO 4217 gives any currency (CLF, UYW), so every amount path is tested
 * over it.
 */
export const MAX_OVERRIDE_MINOR_UNITS = 4

let isoMinorUnits: ReadonlyMap<string, number> | undefined

/**
 * The table read once into a Map: a plain lookup, and no property of the module object (or of `Object.prototype`) is
 * ever read by a user-given key. Only decimal entries are kept: the package lists the codes ISO 4217 gives no minor
 * unit (XAU, XXX, XDR: "N.A.") not at all, and MGA and MRU in fifths (base 5), which no decimal amount can express.
 */
function minorUnitTable(): ReadonlyMap<string, number> {
  if (isoMinorUnits === undefined) {
    const table = new Map<string, number>()
    for (const entry of Object.values(iso4217)) {
      if (entry.base === 10 && Number.isInteger(entry.exponent)) table.set(entry.code, entry.exponent)
    }
    isoMinorUnits = table
  }
  return isoMinorUnits
}

let isoCodes: readonly string[] | undefined

/**
 * Every code that has an ISO 4217 minor unit, sorted: the codes {@link currencyMinorUnit} accepts without an
 * override. The testing kit draws its currencies from it, so that generated money is money the library accepts.
 *
 * @example
 * isoCurrencyCodes().includes('HUF') // => true
 * isoCurrencyCodes().includes('XAU') // => false
 */
export function isoCurrencyCodes(): readonly string[] {
  isoCodes ??= Object.freeze([...minorUnitTable().keys()].sort())
  return isoCodes
}

/** The override for `currency`, read as an own property only; `undefined` for none. */
function overrideOf(overrides: CurrencyOverrides, currency: string): number | undefined {
  return Object.hasOwn(overrides, currency) ? overrides[currency]?.minorUnits : undefined
}

/**
 * The minor unit of `currency` (ISO 4217's, unless `overrides` names the code), or `undefined` for anything
 * {@link currencyMinorUnit} refuses: the lookup without the error, for a reader that joins the field's path only
 * when there is an error to name it in.
 *
 * @example
 * minorUnitOf('JPY') // => 0
 * minorUnitOf('eur') // => undefined
 */
export function minorUnitOf(currency: unknown, overrides?: CurrencyOverrides): number | undefined {
  // The length test first keeps a huge string away from hashing in the lookups.
  if (typeof currency !== 'string' || currency.length !== 3) return undefined
  const overridden = overrides === undefined ? undefined : overrideOf(overrides, currency)
  return overridden ?? minorUnitTable().get(currency)
}

/**
 * The error for a currency {@link minorUnitOf} has no minor unit for: `INVALID_CURRENCY` at `path`.
 *
 * @example
 * invalidCurrency('topUp.amount.currency', 'eur').code // => 'INVALID_CURRENCY'
 */
export function invalidCurrency(path: string, currency: unknown): RefundRulesError {
  return refundRulesError(
    'INVALID_CURRENCY',
    path,
    `must be an upper-case ISO 4217 code with a minor unit, like "EUR" (XAU and XXX have none), received ${describeReceived(currency)}`,
  )
}

/**
 * Validates a currency code and returns its minor unit (the number of decimal places an amount may have), ISO
 * 4217's unless `overrides` names the code: EUR 2, JPY 0, BHD 3, HUF 2, IQD 3, CLF 4. The code must be upper case:
 * `'eur'` is refused rather than silently upper-cased, because a lower-case code usually means a field was filled
 * from the wrong source. Codes ISO 4217 gives no minor unit (XAU, XXX) are refused unless overridden.
 *
 * @throws RefundRulesError `INVALID_CURRENCY` at `path` for anything else.
 * @example
 * currencyMinorUnit('HUF', 'topUp.amount.currency') // => 2
 * currencyMinorUnit('HUF', 'topUp.amount.currency', { HUF: { minorUnits: 0 } }) // => 0
 * currencyMinorUnit('XAU', 'topUp.amount.currency') // throws INVALID_CURRENCY
 */
export function currencyMinorUnit(currency: unknown, path: string, overrides?: CurrencyOverrides): number {
  const minorUnit = minorUnitOf(currency, overrides)
  if (minorUnit === undefined) throw invalidCurrency(path, currency)
  return minorUnit
}

const CURRENCY_CODE = /^[A-Z]{3}$/

/** The `currencies` setting: minor units by currency code. Only a plain object is one: a `Map` is refused. */
export const CURRENCY_OVERRIDES: Shape = {
  what: 'minor units by currency, like { HUF: { minorUnits: 0 } }',
  plainOnly: true,
}
const OVERRIDE: Shape = { what: '{ minorUnits }', defaults: { minorUnits: undefined }, plainOnly: true }
const MINOR_UNITS = wholeNumber(0, MAX_OVERRIDE_MINOR_UNITS)

/**
 * Reads a policy's `currencies` setting (SPEC §3), the fields of an object
 * mapping upper-case three-letter codes to `{ minorUnits }` (an integer from 0
 * to 4); absent, no overrides. Own keys only; unknown keys are issues. A code
 * the ISO 4217 data does not list (a currency newer than the data, or XAU) may
 * be given a minor unit this way too. Returns a frozen null-prototype copy of
 * the valid entries; each problem is an issue of the reader, at its path.
 *
 * @example
 * const reader = new SettingsReader('INVALID_POLICY')
 * readCurrencyOverrides(reader.section({ HUF: { minorUnits: 0 } }, 'currencies', CURRENCY_OVERRIDES)).HUF
 * // => { minorUnits: 0 }
 * readCurrencyOverrides(reader.section({ huf: { minorUnits: 9 } }, 'currencies', CURRENCY_OVERRIDES))
 * reader.issues.map((i) => i.path) // => ['currencies.huf']
 */
export function readCurrencyOverrides(currencies: SettingsFields): CurrencyOverrides {
  const overrides: Record<string, CurrencyOverride> = Object.create(null)
  for (const code of currencies.keys()) {
    if (!CURRENCY_CODE.test(code)) {
      currencies.reader.issue(
        joinPath(currencies.path, code),
        'must be an upper-case three-letter currency code, like HUF',
      )
      continue
    }
    const entry = currencies.entry(code, OVERRIDE)
    entry.rejectUnknownKeys('currency setting (minorUnits)')
    const minorUnits = entry.source === undefined ? undefined : entry.required('minorUnits', MINOR_UNITS)
    if (minorUnits !== undefined) overrides[code] = Object.freeze({ minorUnits })
  }
  return Object.freeze(overrides)
}
