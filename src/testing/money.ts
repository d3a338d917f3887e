/**
 * Currencies and amounts: every generated amount has at most its currency's
 * minor unit of decimal places, so the library accepts it as written.
 */
import fc from 'fast-check'
import type { AmountInput, DecimalMoneyInput } from '../money/amount.js'
import { currencyMinorUnit, isoCurrencyCodes } from '../money/currency.js'
import { type Gen, lift } from './lift.js'

/** How a generated amount is written: a decimal string (`'100.50'`, `'100.5'`) or a JS number. */
export type AmountForm = 'string' | 'number'

/** The largest amount generated unless overridden: 10^12 major units. */
export const DEFAULT_MAX_AMOUNT = '1000000000000'

/** Currencies every suite should meet: the common ones and each minor unit (JPY 0, BHD 3, CLF 4). */
export const NOTABLE_CURRENCIES: readonly string[] = Object.freeze(['EUR', 'USD', 'GBP', 'JPY', 'BHD', 'KWD', 'CLF'])

/**
 * The minor unit of a currency (its number of decimal places), as ISO 4217 gives it — the same data
 * the library reads, so generated amounts are ones it accepts.
 *
 * @example
 * minorUnitOf('EUR') // => 2
 * minorUnitOf('JPY') // => 0
 * minorUnitOf('IQD') // => 3
 */
export function minorUnitOf(currency: string): number {
  return currencyMinorUnit(currency, 'currency')
}

/**
 * Every currency code ISO 4217 gives a minor unit, sorted (codes without one, such as `XAU` and
 * `XDR`, are refused by the library and left out).
 *
 * @example
 * allCurrencies().includes('EUR') // => true
 * allCurrencies().includes('XDR') // => false
 */
export function allCurrencies(): readonly string[] {
  return isoCurrencyCodes()
}

/** Options of {@link arbCurrency}. */
export interface CurrencyOptions {
  /** Only currencies with one of these minor units (e.g. `[0, 3]`). */
  readonly minorUnits?: readonly number[]
  /** Only these codes. */
  readonly among?: readonly string[]
}

/**
 * Any ISO 4217 code with a minor unit, biased towards {@link NOTABLE_CURRENCIES}.
 *
 * @example
 * fc.assert(fc.property(arbCurrency(), (currency) => minorUnitOf(currency) <= 4))
 * arbCurrency({ minorUnits: [0] }) // JPY, KRW, CLP, …
 */
export function arbCurrency(options: CurrencyOptions = {}): fc.Arbitrary<string> {
  const pool = (options.among ?? allCurrencies()).filter(
    (code) => options.minorUnits === undefined || options.minorUnits.includes(minorUnitOf(code)),
  )
  if (pool.length === 0) throw new Error('arbCurrency: no currency matches the options')
  const notable = pool.filter((code) => NOTABLE_CURRENCIES.includes(code))
  const any = fc.constantFrom(...pool)
  return notable.length === 0 ? any : fc.oneof(fc.constantFrom(...notable), any)
}

/**
 * Reads an amount (decimal string, number or decimal.js-like value) as an
 * integer count of minor units; throws when it has more than `digits` decimals.
 *
 * @example
 * amountToUnits('100.5', 2) // => 10050n
 * amountToUnits(7, 0) // => 7n
 */
export function amountToUnits(amount: AmountInput, digits: number): bigint {
  const text = typeof amount === 'string' ? amount : typeof amount === 'number' ? String(amount) : amount.toFixed()
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text)
  const fraction = match?.[3] ?? ''
  if (!match || fraction.length > digits) throw new Error(`not an amount with ≤ ${digits} decimals: ${text}`)
  const units = BigInt((match[2] ?? '0') + fraction.padEnd(digits, '0'))
  return match[1] === '-' ? -units : units
}

/**
 * Writes a count of minor units as a decimal string with exactly `digits` decimal places.
 *
 * @example
 * unitsToAmount(10050n, 2) // => '100.50'
 * unitsToAmount(7n, 0) // => '7'
 */
export function unitsToAmount(units: bigint, digits: number): string {
  const sign = units < 0n ? '-' : ''
  const text = (units < 0n ? -units : units).toString().padStart(digits + 1, '0')
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`
}

/** How one amount is written: a full decimal string (`'100.50'`), a trimmed one (`'100.5'`) or a number. */
export type AmountStyle = AmountForm | 'trimmed'

/**
 * Writes minor units of a currency in a drawn {@link AmountStyle}. A number is
 * used only where its shortest spelling is the decimal itself (no exponent, no
 * float noise); otherwise the full string.
 *
 * @example
 * spellAmount(10050n, 'EUR', 'trimmed') // => '100.5'
 * spellAmount(10050n, 'EUR', 'number') // => 100.5
 */
export function spellAmount(units: bigint, currency: string, style: AmountStyle): AmountInput {
  const digits = minorUnitOf(currency)
  const full = unitsToAmount(units, digits)
  if (style === 'string' || digits === 0) return style === 'number' ? Number(full) : full
  const trimmed = full.replace(/\.?0+$/, '')
  if (style === 'trimmed') return trimmed
  const n = Number(full)
  return String(n) === trimmed ? n : full
}

/**
 * A spelling style for amounts among `forms` (strings three times as often),
 * drawn beside the amount so that a counterexample shrinks to the full string.
 *
 * @example
 * fc.tuple(arbMinorUnits(), arbAmountStyle()).map(([units, style]) => spellAmount(units, 'EUR', style))
 */
export function arbAmountStyle(forms: readonly AmountForm[] = ['string', 'number']): fc.Arbitrary<AmountStyle> {
  const choices: AmountStyle[] = []
  if (forms.includes('string')) choices.push('string', 'string', 'trimmed')
  if (forms.includes('number')) choices.push('number')
  if (choices.length === 0) throw new Error('amount spelling: no amount form chosen')
  return fc.constantFrom(...choices)
}

const SAFE_UNITS = BigInt(Number.MAX_SAFE_INTEGER)

/**
 * `max` in minor units of `currency`, capped at 2^53 − 1: the library refuses larger amounts (its
 * `MAX_MINOR_UNITS`), so no generator draws one — 10^12 CLF is 10^16 minor units.
 *
 * @example
 * largestUnits('1000000000000', 'CLF') // => 9007199254740991n
 */
export function largestUnits(max: AmountInput, currency: string): bigint {
  const units = amountToUnits(max, minorUnitOf(currency))
  return units < SAFE_UNITS ? units : SAFE_UNITS
}

/** Options of {@link arbAmount}. */
export interface AmountOptions {
  /** The currency whose minor unit bounds the decimals. Default `'EUR'`. */
  readonly currency?: string
  /** Smallest amount, a decimal string. Default `'0'`. */
  readonly min?: string
  /** Largest amount, a decimal string. Default {@link DEFAULT_MAX_AMOUNT}; never beyond 2^53 − 1 minor units. */
  readonly max?: string
  /** Spellings to use. Default `['string', 'number']` (strings three times as often). */
  readonly forms?: readonly AmountForm[]
}

/**
 * An amount in minor units between `min` and `max` (inclusive), as a count of
 * minor units. The building block of {@link arbAmount}; shrinks towards `min`.
 *
 * @example
 * arbMinorUnits({ currency: 'JPY', max: '1000' }) // 0n … 1000n
 */
export function arbMinorUnits(options: Omit<AmountOptions, 'forms'> = {}): fc.Arbitrary<bigint> {
  const digits = minorUnitOf(options.currency ?? 'EUR')
  const min = amountToUnits(options.min ?? '0', digits)
  const max = largestUnits(options.max ?? DEFAULT_MAX_AMOUNT, options.currency ?? 'EUR')
  if (max < min) throw new Error(`arbMinorUnits: max ${options.max} is below min ${options.min}`)
  // Most payments are small: three in four draws stay within 10 000 major units of `min`.
  const everyday = min + 10_000n * 10n ** BigInt(digits)
  if (everyday >= max) return fc.bigInt({ min, max })
  return fc.oneof(
    { arbitrary: fc.bigInt({ min, max: everyday }), weight: 3 },
    { arbitrary: fc.bigInt({ min, max }), weight: 1 },
  )
}

/**
 * Spells a count of minor units in one of `forms`.
 *
 * @example
 * arbAmountSpelling(10050n, 'EUR') // '100.50', '100.5' or 100.5
 */
export function arbAmountSpelling(
  units: bigint,
  currency: string,
  forms: readonly AmountForm[] = ['string', 'number'],
): fc.Arbitrary<AmountInput> {
  return arbAmountStyle(forms).map((style) => spellAmount(units, currency, style))
}

/**
 * An amount (decimal string or number) with at most the currency's minor unit
 * of decimals, between `min` and `max`.
 *
 * @example
 * fc.sample(arbAmount({ currency: 'BHD', max: '10' }), 3) // e.g. ['0.000', '7.25', 3.125]
 */
export function arbAmount(options: AmountOptions = {}): fc.Arbitrary<AmountInput> {
  const currency = options.currency ?? 'EUR'
  return fc
    .tuple(arbMinorUnits(options), arbAmountStyle(options.forms))
    .map(([units, style]) => spellAmount(units, currency, style))
}

/** Overrides of {@link arbMoney}: a fixed value or an arbitrary for the currency, and amount bounds. */
export interface MoneyOverrides extends Omit<AmountOptions, 'currency'> {
  readonly currency?: Gen<string>
}

/**
 * `{ amount, currency }` in any ISO 4217 currency (or the given one), respecting its minor unit.
 *
 * @example
 * arbMoney() // { amount: '12.30', currency: 'EUR' }, { amount: 5, currency: 'JPY' }, …
 * arbMoney({ currency: 'EUR', min: '0.01', max: '100' })
 */
export function arbMoney(overrides: MoneyOverrides = {}): fc.Arbitrary<DecimalMoneyInput> {
  return lift(overrides.currency, arbCurrency()).chain((currency) =>
    arbAmount({ ...overrides, currency }).map((amount) => ({ amount, currency })),
  )
}
