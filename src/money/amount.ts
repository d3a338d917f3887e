/**
 * Money values: parsing `{ amount, currency }` and `{ minor, currency }` exactly (SPEC §1), formatting with the
 * currency's minor digits, and the few operations the clauses need. A {@link Money} is a read-only plain object
 * holding its amount as an integer count of minor units (cents). Within `Number.MAX_SAFE_INTEGER` integer
 * arithmetic is exact, and sums, differences, comparisons and clamps are all a decision needs; the one product (a
 * percentage fee) goes through decimal.js when it would leave that range (see `fees.ts`). No host setting can reach
 * either.
 */
import {
  describeReceived,
  isRecord,
  isRefundRulesError,
  joinKnownKey,
  type RefundRulesError,
  refundRulesError,
} from '../errors.js'
import { type CurrencyOverrides, currencyMinorUnit, invalidCurrency, minorUnitOf } from './currency.js'

/**
 * The longest amount accepted, in characters of its plain decimal form (sign and point included). Checked before
 * any regular expression runs, so a ten-million-character string is turned away in constant time. 40 characters
 * hold any real-world amount many times over.
 */
export const MAX_AMOUNT_LENGTH = 40

/**
 * The largest amount, in minor units, the library accepts or computes: `Number.MAX_SAFE_INTEGER`
 * (9,007,199,254,740,991 — about 90 trillion EUR, 9 quadrillion JPY). Every integer up to it is exact in a JS
 * number; a larger amount is rejected (`INVALID_AMOUNT`), never rounded.
 */
export const MAX_MINOR_UNITS = Number.MAX_SAFE_INTEGER

/** An exact amount in one currency. */
export interface Money {
  readonly currency: string
  /** Decimal places of the currency (EUR 2, JPY 0, BHD 3): ISO 4217's, or the policy's override. */
  readonly minorUnit: number
  /**
   * The amount in the currency's minor units (`"97.10"` EUR is `9710`): an integer of at most
   * {@link MAX_MINOR_UNITS} either way, never `-0`.
   */
  readonly minor: number
}

/** An amount as callers may give it: a plain decimal string, a JS number, or a decimal.js (or bignumber.js) value. */
export type AmountInput = string | number | DecimalLike

/** A decimal.js (any copy) or bignumber.js value: what the library needs of one. It is read through `toExponential()`. */
export interface DecimalLike {
  /** Whether the value is finite (not `NaN` or `±Infinity`). */
  isFinite(): boolean
  /** The exact value in exponent form, which the library reads. */
  toExponential(): string
  /** The value as a plain decimal string. */
  toFixed(): string
}

/**
 * A count of minor units as ledgers, Stripe and dinero.js hold it: a safe-integer number, a bigint (a `BIGINT`
 * column), or a string of digits with `-` for a negative (a `NUMERIC` column read as text).
 */
export type MinorUnitsInput = number | bigint | string

/** Money as a decimal amount: `{ amount: '19.99', currency: 'EUR' }` (`minor` absent or `null`). */
export interface DecimalMoneyInput {
  amount: AmountInput
  currency: string
  minor?: null
}

/** Money as an integer count of minor units: `{ minor: 1999, currency: 'EUR' }` (`amount` absent or `null`). */
export interface MinorMoneyInput {
  minor: MinorUnitsInput
  currency: string
  amount?: null
}

/** Money as callers give it: a decimal `amount` or an integer count of `minor` units, exactly one of the two. */
export type MoneyInput = DecimalMoneyInput | MinorMoneyInput

/** How a money field is read: the evaluation's currency if already known, negatives, and the policy's minor units. */
export interface MoneyReadOptions {
  /** Accept a negative amount (default: `NEGATIVE_AMOUNT`). */
  readonly allowNegative?: boolean
  /** The evaluation's currency: another one is `CURRENCY_MISMATCH`. */
  readonly currency?: string
  /** A policy's minor-unit overrides (`policy.currencies`). */
  readonly currencies?: CurrencyOverrides
}

/** A plain decimal read from any accepted input, before it meets a currency. */
export interface PlainDecimal {
  /** Canonical text: no leading zeros (but one), no trailing fraction zeros, no sign on zero: `"-12.5"`, `"0"`. */
  readonly text: string
  readonly negative: boolean
  /** Decimal places of the value once trailing zeros are dropped: `"10.50"` has 1. */
  readonly decimals: number
}

// Applied only to strings of at most MAX_AMOUNT_LENGTH characters; linear, no backtracking traps.
const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/
// decimal.js and bignumber.js write `toExponential()` as `-1.2345e+2`.
const EXPONENTIAL = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/

const invalid = (path: string, message: string): RefundRulesError => refundRulesError('INVALID_AMOUNT', path, message)

const negativeAmount = (path: string, received: string): RefundRulesError =>
  refundRulesError('NEGATIVE_AMOUNT', path, `must not be negative, received ${received}`)

/** A received value for a message, `nothing` for a missing one. */
const describeGiven = (value: unknown): string => (value === undefined ? 'nothing' : describeReceived(value))

function tooLong(path: string, length: number | string): RefundRulesError {
  return invalid(path, `must be at most ${MAX_AMOUNT_LENGTH} characters as a plain decimal, received ${length}`)
}

/** Canonical form of already-matched digit groups. */
function canonical(negative: boolean, integer: string, fraction: string): PlainDecimal {
  // The regular expressions run only when there is something to strip: the common "250.00" skips the first.
  const int = integer.length > 1 && integer.charCodeAt(0) === 48 ? integer.replace(/^0+(?=\d)/, '') : integer
  const frac = fraction.endsWith('0') ? fraction.replace(/0+$/, '') : fraction
  const isZero = int === '0' && frac === ''
  const sign = negative && !isZero ? '-' : ''
  return {
    text: frac === '' ? `${sign}${int}` : `${sign}${int}.${frac}`,
    negative: sign === '-',
    decimals: frac.length,
  }
}

function fromString(value: string, path: string, what: string): PlainDecimal {
  if (value.length > MAX_AMOUNT_LENGTH) throw tooLong(path, describeReceived(value))
  const match = PLAIN_DECIMAL.exec(value)
  if (match === null) {
    throw invalid(
      path,
      `${what} must be a plain decimal like "-12.50" (no spaces, separators, "+" or exponent), received ${describeReceived(value)}`,
    )
  }
  return canonical(match[1] === '-', match[2] ?? '0', match[3] ?? '')
}

function fromNumber(value: number, path: string): PlainDecimal {
  if (!Number.isFinite(value)) throw invalid(path, `must be a finite number, received ${describeReceived(value)}`)
  // Beyond 2^53 a number no longer holds the integer that was written (12345678901234567890 prints as
  // 12345678901234567000): the same silent change as 0.1 + 0.2, so it is refused rather than guessed.
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    throw invalid(path, `is too large for an exact JS number; pass a string, received ${describeReceived(value)}`)
  }
  // String() is the shortest representation that reads back as the same number (and writes -0 as "0").
  const text = String(value)
  if (text.includes('e')) {
    throw invalid(path, `is in exponent form; pass a plain decimal string, received ${text}`)
  }
  return fromString(text, path, 'number')
}

/**
 * A decimal.js value — from any copy or version of the package, so `instanceof` cannot be used — or a
 * bignumber.js one. Two property reads; a getter that throws is caught by the caller.
 */
function isDecimalLike(value: object): value is { toExponential(): unknown } {
  const candidate = value as { toExponential?: unknown; isFinite?: unknown }
  return typeof candidate.toExponential === 'function' && typeof candidate.isFinite === 'function'
}

/**
 * Reads a decimal.js value through `toExponential()`: unlike `toString()` it never depends on the host's
 * `toExpPos`/`toExpNeg`, unlike `toFixed()` its length is bounded by the digits (not the exponent: `1e+9e15` would
 * otherwise be written out in full), and without arguments it is exact, whatever the host's precision or rounding.
 */
function fromDecimalLike(value: { toExponential(): unknown }, path: string): PlainDecimal {
  const text = value.toExponential()
  if (typeof text !== 'string') throw invalid(path, 'has a toExponential() that returned no string')
  if (text.length > MAX_AMOUNT_LENGTH + 24) throw tooLong(path, `${text.length} characters in exponent form`)
  const match = EXPONENTIAL.exec(text)
  if (match === null)
    throw invalid(path, `must be a finite decimal, received a decimal value ${describeReceived(text)}`)
  const negative = match[1] === '-'
  const digits = `${match[2]}${match[3] ?? ''}`
  // The point goes after `point` digits: zeros pad the integer (1.5e+3) or open the fraction (1.5e-3).
  const point = Number(match[4]) + 1
  const decimals = Math.max(digits.length - point, 0)
  // The length written out (sign, integer digits, point and fraction), known before anything is padded.
  if ((negative ? 1 : 0) + Math.max(point, 1) + (decimals > 0 ? decimals + 1 : 0) > MAX_AMOUNT_LENGTH) {
    throw tooLong(path, `a decimal value ${describeReceived(text)}`)
  }
  return point > 0
    ? canonical(negative, digits.slice(0, point).padEnd(point, '0'), digits.slice(point))
    : canonical(negative, '0', '0'.repeat(-point) + digits)
}

/**
 * Reads any accepted amount input as a plain decimal, without a currency: a string (`"100"`, `"-0.5"`, `"007"`),
 * a finite number whose shortest form is not in exponent notation, or a decimal.js value.
 *
 * Rejected with `INVALID_AMOUNT`: `""`, `" 10.00 "`, `"1,000.00"`, `"+1"`, `".5"`, `"5."`, `"1e3"`, `"Infinity"`,
 * numbers like `1e21` or `1e-7` (exponent form), `NaN`, `±Infinity`, numbers beyond `Number.MAX_SAFE_INTEGER`,
 * bigints, anything over {@link MAX_AMOUNT_LENGTH} characters, and other objects.
 *
 * @example
 * readPlainDecimal('010.50', 'fees.default.percent') // => { text: '10.5', negative: false, decimals: 1 }
 */
export function readPlainDecimal(value: unknown, path: string): PlainDecimal {
  if (typeof value === 'string') return fromString(value, path, 'string')
  if (typeof value === 'number') return fromNumber(value, path)
  if (typeof value === 'object' && value !== null) {
    try {
      if (isDecimalLike(value)) return fromDecimalLike(value, path)
    } catch (error) {
      if (isRefundRulesError(error)) throw error
      // A hostile or broken object (throwing getter, revoked proxy) is a bad amount, not a crash.
      throw invalid(path, 'could not be read as a decimal value')
    }
  }
  throw invalid(path, `must be a decimal string, a number or a decimal.js value, received ${describeGiven(value)}`)
}

/**
 * The minor units of an everyday amount string — non-negative, plain digits, at most 15 of them, no more
 * significant decimals than `minorUnit` — in one pass over its characters; `undefined` for anything else, which
 * the full reader then accepts or rejects with its message. Most amounts of a decision take this path, in
 * {@link parseMoney}.
 * Exported for its own tests only (not part of the package API).
 *
 * @example
 * everydayMinorUnits('97.1', 2) // => 9710
 */
export function everydayMinorUnits(text: string, minorUnit: number): number | undefined {
  const length = text.length
  if (length > 16) return undefined // 15 digits and a point at most; a 10 MB string is not scanned
  let units = 0
  let digits = 0
  let i = 0
  for (; i < length; i++) {
    const code = text.charCodeAt(i) - 48
    if (code < 0 || code > 9) break
    units = units * 10 + code
    digits++
  }
  if (digits === 0) return undefined
  let decimals = 0
  if (i < length) {
    if (text.charCodeAt(i) !== 46 || i === length - 1) return undefined // only a "." with digits after it
    for (i++; i < length; i++) {
      const code = text.charCodeAt(i) - 48
      if (code < 0 || code > 9) return undefined
      if (decimals === minorUnit) {
        // Past the currency's digits only zeros may follow ("1000.00" JPY); anything else is TOO_MANY_DECIMALS.
        if (code !== 0) return undefined
        continue
      }
      units = units * 10 + code
      digits++
      decimals++
    }
  }
  // 15 digits stay below 2^53 whatever they are, so every step above was exact.
  if (digits + minorUnit - decimals > 15) return undefined
  return units * 10 ** (minorUnit - decimals)
}

/**
 * Builds a Money from a count of minor units already known to be a safe integer. Read-only by type, not frozen:
 * a Money never leaves the library (decisions hold strings), and freezing the several made per decision was a
 * tenth of its time.
 */
export function moneyOf(currency: string, minorUnit: number, minor: number): Money {
  // `x || 0` turns -0 into 0: negative zero must never print as "-0.00".
  return { currency, minorUnit, minor: minor || 0 }
}

/** A result of the library's own arithmetic on amounts in the currency of `like`, checked to be still exact. */
function computed(like: Money, minor: number, path: string): Money {
  if (!Number.isSafeInteger(minor)) {
    throw invalid(
      path,
      `would be beyond ${MAX_MINOR_UNITS} minor units of ${like.currency}, where arithmetic stops being exact`,
    )
  }
  return moneyOf(like.currency, like.minorUnit, minor)
}

/** How {@link parseAmountAs} reads an amount: its currency, the minor unit already settled for it, and the sign. */
export interface AmountUnit {
  readonly currency: string
  readonly minorUnit: number
  readonly allowNegative: boolean
}

/**
 * {@link parseAmount} once the currency's minor unit is settled (a fee rule's amount read in the minor unit of the
 * gross it is charged on, which a policy may have overridden).
 *
 * @throws RefundRulesError `INVALID_AMOUNT`, `TOO_MANY_DECIMALS`, `NEGATIVE_AMOUNT`, at `path`.
 * @example
 * formatMoney(parseAmountAs('1990', 'fees.default.fixed.HUF', { currency: 'HUF', minorUnit: 0, allowNegative: false })) // => '1990'
 */
export function parseAmountAs(amount: unknown, path: string, unit: AmountUnit): Money {
  const { currency, minorUnit } = unit
  const plain = readPlainDecimal(amount, path)
  if (plain.decimals > minorUnit) {
    throw refundRulesError(
      'TOO_MANY_DECIMALS',
      path,
      `${currency} allows at most ${minorUnit} decimals (none are rounded away), received ${plain.text}`,
    )
  }
  if (plain.negative && !unit.allowNegative) throw negativeAmount(path, plain.text)
  // "-97.1" in EUR: the digits "971" and one zero for the missing cent. Converting a digit string to a number is
  // exact up to MAX_MINOR_UNITS and lands beyond it otherwise, so the check below cannot be fooled by rounding.
  const units = Number(plain.text.replace(/[-.]/g, '') + '0'.repeat(minorUnit - plain.decimals))
  if (units > MAX_MINOR_UNITS) {
    throw invalid(path, `must be at most ${MAX_MINOR_UNITS} minor units of ${currency}, received ${plain.text}`)
  }
  return moneyOf(currency, minorUnit, plain.negative ? -units : units)
}

/**
 * Parses an amount in a currency already known (the per-currency amounts of a fee rule, or a field whose currency
 * comes from elsewhere). See {@link readPlainDecimal} for the accepted forms. Trailing zeros do not count as
 * decimal places: `"100.00"` is a valid JPY amount, `"1.50"` is not. At most {@link MAX_MINOR_UNITS} minor units
 * either way.
 *
 * @throws RefundRulesError `INVALID_AMOUNT`, `TOO_MANY_DECIMALS`, `NEGATIVE_AMOUNT` (unless `allowNegative`) or
 * `INVALID_CURRENCY`, at `path`.
 * @example
 * formatMoney(parseAmount('0.3', 'EUR', 'fees.default.fixed.EUR')) // => '0.30'
 * parseAmount(0.1 + 0.2, 'EUR', 'x') // throws TOO_MANY_DECIMALS
 */
export function parseAmount(
  amount: unknown,
  currency: string,
  path: string,
  options?: Pick<MoneyReadOptions, 'allowNegative' | 'currencies'>,
): Money {
  const minorUnit = currencyMinorUnit(currency, path, options?.currencies)
  return parseAmountAs(amount, path, { currency, minorUnit, allowNegative: options?.allowNegative === true })
}

/**
 * Reads a count of minor units ({@link MinorUnitsInput}) as a safe integer, never `-0`.
 *
 * @throws RefundRulesError `INVALID_AMOUNT` (not an integer, a malformed digit string, beyond
 * {@link MAX_MINOR_UNITS}), `NEGATIVE_AMOUNT` (unless `allowNegative`), at `path`.
 * @example
 * readMinorUnits('-1999', 'refund.minor', true) // => -1999
 * readMinorUnits(1999n, 'topUp.amount.minor', false) // => 1999
 */
export function readMinorUnits(value: unknown, path: string, allowNegative: boolean): number {
  let units: number
  if (typeof value === 'number') {
    // A fraction or an unsafe number cannot be a count the caller meant exactly (2 ** 53 + 1 reads as 2 ** 53).
    if (!Number.isSafeInteger(value)) {
      throw invalid(
        path,
        `must be an integer count of minor units within ±${MAX_MINOR_UNITS} (a bigint or a digit string for large ones), received ${describeReceived(value)}`,
      )
    }
    units = value
  } else if (typeof value === 'bigint') {
    if (value > MAX_BIGINT_UNITS || value < -MAX_BIGINT_UNITS) {
      throw invalid(path, `must be at most ${MAX_MINOR_UNITS} minor units either way, received ${value}n`)
    }
    units = Number(value)
  } else if (typeof value === 'string') {
    if (value.length > MAX_AMOUNT_LENGTH) throw tooLong(path, describeReceived(value))
    if (!MINOR_DIGITS.test(value)) {
      throw invalid(
        path,
        `must be a string of digits like "1999" ("-" first for a negative; no point, sign "+" or spaces), received ${describeReceived(value)}`,
      )
    }
    // As in parseAmountAs: exact up to MAX_MINOR_UNITS, beyond it otherwise.
    units = Number(value)
    if (Math.abs(units) > MAX_MINOR_UNITS) {
      throw invalid(path, `must be at most ${MAX_MINOR_UNITS} minor units either way, received ${value}`)
    }
  } else {
    throw invalid(
      path,
      `must be an integer count of minor units (a safe integer, a bigint or a digit string), received ${describeGiven(value)}`,
    )
  }
  if (units < 0 && !allowNegative) throw negativeAmount(path, String(value))
  // `x || 0` turns -0 (from "-0" or -0) into 0.
  return units || 0
}

const MAX_BIGINT_UNITS = BigInt(MAX_MINOR_UNITS)
// Applied only to strings of at most MAX_AMOUNT_LENGTH characters.
const MINOR_DIGITS = /^-?\d+$/

/** The fields of a money object. */
interface MoneyFields {
  readonly currency?: unknown
  readonly amount?: unknown
  readonly minor?: unknown
}

const OBJECT_PROTOTYPE: MoneyFields = Object.prototype

/**
 * The own `currency`, `amount` and `minor` of a money object (SPEC §1: an inherited `Object.prototype.minor` is
 * absent). Fast path: a plain object whose prototype, `Object.prototype`, holds none of the three (every input but a
 * polluted host's) can only have them as own properties, so three plain reads suffice; an `Object.hasOwn` per field
 * made the everyday parse a quarter slower. Anything else is read field by field, own properties only.
 */
function moneyFields(input: object, path: string): MoneyFields {
  let reading: keyof MoneyFields = 'currency'
  try {
    const fields = input as MoneyFields
    if (
      Object.getPrototypeOf(input) === Object.prototype &&
      OBJECT_PROTOTYPE.currency === undefined &&
      OBJECT_PROTOTYPE.amount === undefined &&
      OBJECT_PROTOTYPE.minor === undefined
    ) {
      const currency = fields.currency
      reading = 'amount'
      const amount = fields.amount
      reading = 'minor'
      return { currency, amount, minor: fields.minor }
    }
    const currency = Object.hasOwn(input, 'currency') ? fields.currency : undefined
    reading = 'amount'
    const amount = Object.hasOwn(input, 'amount') ? fields.amount : undefined
    reading = 'minor'
    return { currency, amount, minor: Object.hasOwn(input, 'minor') ? fields.minor : undefined }
  } catch {
    // A getter that throws, or a proxy whose trap does, is a bad input, not a crash.
    throw refundRulesError('INVALID_INPUT', joinKnownKey(path, reading), 'could not be read (its getter threw)')
  }
}

/**
 * Parses `{ amount, currency }` or `{ minor, currency }` (SPEC §1): exactly one of `amount` and `minor` (the other
 * absent or `null`, as in a row with both columns), own properties only. `options.currency` is the evaluation's
 * currency, if already known: a different one is `CURRENCY_MISMATCH` at `<path>.currency`. `options.currencies` are
 * a policy's minor-unit overrides. Negative amounts are rejected unless `allowNegative`; `-0` is zero.
 *
 * @throws RefundRulesError `INVALID_INPUT` (not an object, a field missing, both `amount` and `minor`),
 * `INVALID_CURRENCY`, `CURRENCY_MISMATCH`, `INVALID_AMOUNT`, `TOO_MANY_DECIMALS`, `NEGATIVE_AMOUNT`.
 * @example
 * formatMoney(parseMoney({ amount: '97.1', currency: 'EUR' }, 'topUp.amount')) // => '97.10'
 * formatMoney(parseMoney({ minor: 9710n, currency: 'EUR' }, 'topUp.amount')) // => '97.10'
 * parseMoney({ amount: 10, currency: 'USD' }, 'account.debt', { currency: 'EUR' }) // throws CURRENCY_MISMATCH
 */
export function parseMoney(input: unknown, path: string, options?: MoneyReadOptions): Money {
  if (!isRecord(input)) {
    throw refundRulesError(
      'INVALID_INPUT',
      path,
      `must be an object { amount, currency } or { minor, currency }, received ${describeGiven(input)}`,
    )
  }
  const { currency, amount, minor } = moneyFields(input, path)
  // The fields' paths are joined only for an error: a decision reads two or three amounts, and the paths it
  // never used were a measurable share of reading them.
  if (currency === undefined) throw refundRulesError('INVALID_INPUT', joinKnownKey(path, 'currency'), 'is required')
  const minorUnit = minorUnitOf(currency, options?.currencies)
  if (minorUnit === undefined) throw invalidCurrency(joinKnownKey(path, 'currency'), currency)
  const expected = options?.currency
  if (expected !== undefined && currency !== expected) {
    throw refundRulesError(
      'CURRENCY_MISMATCH',
      joinKnownKey(path, 'currency'),
      `must be ${expected} like the other amounts, received ${describeReceived(currency)}`,
    )
  }
  const code = currency as string
  const allowNegative = options?.allowNegative === true
  // A row with both columns holds NULL in the one it does not use; a lone null is reported as a bad value.
  const hasAmount = amount !== undefined && amount !== null
  const hasMinor = minor !== undefined && minor !== null
  if (hasAmount && hasMinor) {
    throw refundRulesError(
      'INVALID_INPUT',
      path,
      'must have exactly one of amount and minor, received both (the other may be absent or null)',
    )
  }
  if (hasMinor || (minor === null && amount === undefined)) {
    return moneyOf(code, minorUnit, readMinorUnits(minor, joinKnownKey(path, 'minor'), allowNegative))
  }
  if (amount === undefined) {
    throw refundRulesError(
      'INVALID_INPUT',
      joinKnownKey(path, 'amount'),
      'is required (or minor: an integer count of minor units)',
    )
  }
  if (typeof amount === 'string') {
    const units = everydayMinorUnits(amount, minorUnit)
    if (units !== undefined) return moneyOf(code, minorUnit, units)
  }
  return parseAmountAs(amount, joinKnownKey(path, 'amount'), { currency: code, minorUnit, allowNegative })
}

/**
 * The amount as a string with exactly the currency's minor digits, never in exponent form: `"97.10"` (EUR),
 * `"1000"` (JPY), `"12.345"` (BHD). {@link parseMoney} reads it back to the same value.
 *
 * @example
 * formatMoney(parseAmount('12.5', 'BHD', 'x')) // => '12.500'
 */
export function formatMoney(m: Money): string {
  const sign = m.minor < 0 ? '-' : ''
  const units = Math.abs(m.minor)
  if (m.minorUnit === 0) return sign + units
  // Whole and fraction by arithmetic rather than slicing the digits: fewer strings made. On safe
  // integers `%` is exact, and so is dividing the multiple of `scale` that is left.
  const scale = 10 ** m.minorUnit
  const fraction = units % scale
  const whole = (units - fraction) / scale
  return `${sign}${whole}.${String(fraction).padStart(m.minorUnit, '0')}`
}

/**
 * The amount followed by its currency, for messages and deduction bases: `"0.30 EUR"`.
 *
 * @example
 * describeMoney(parseAmount('0.3', 'EUR', 'x')) // => '0.30 EUR'
 */
export function describeMoney(m: Money): string {
  return `${formatMoney(m)} ${m.currency}`
}

/**
 * Throws `NEGATIVE_AMOUNT` at `path` for an amount below zero.
 *
 * @throws RefundRulesError `NEGATIVE_AMOUNT`.
 * @example
 * assertNotNegative(parseAmount('-1', 'EUR', 'x', { allowNegative: true }), 'gross') // throws NEGATIVE_AMOUNT
 */
export function assertNotNegative(m: Money, path: string): void {
  if (m.minor < 0) throw negativeAmount(path, describeMoney(m))
}

const zeros = new Map<string, Money>()

/**
 * Zero in the currency of `like`, with its minor unit (which a policy may have overridden). Cached, one value per
 * currency code, and used only while the cached one has the same minor unit: a zero is taken on every settlement.
 *
 * @example
 * formatMoney(zeroLike(parseAmount('5', 'JPY', 'x'))) // => '0'
 */
export function zeroLike(like: Money): Money {
  const zero = zeros.get(like.currency)
  if (zero !== undefined && zero.minorUnit === like.minorUnit) return zero
  const made = moneyOf(like.currency, like.minorUnit, 0)
  // Bounded: one entry per code that passed currencyMinorUnit.
  zeros.set(like.currency, made)
  return made
}

function assertSameCurrency(a: Money, b: Money, path: string): void {
  if (a.currency !== b.currency) {
    throw refundRulesError(
      'CURRENCY_MISMATCH',
      path,
      `cannot combine ${a.currency} and ${b.currency} in one evaluation`,
    )
  }
}

/**
 * `-1`, `0` or `1` as `a` is less than, equal to or greater than `b`.
 *
 * @throws RefundRulesError `CURRENCY_MISMATCH` (at `path`) when the currencies differ.
 * @example
 * compareMoney(parseAmount('1.5', 'EUR', 'a'), parseAmount('1.50', 'EUR', 'b')) // => 0
 */
export function compareMoney(a: Money, b: Money, path = ''): -1 | 0 | 1 {
  assertSameCurrency(a, b, path)
  return a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0
}

/**
 * `a + b`, exactly.
 *
 * @throws RefundRulesError `CURRENCY_MISMATCH` (at `path`) when the currencies differ, `INVALID_AMOUNT` when the
 * sum is beyond {@link MAX_MINOR_UNITS}.
 * @example
 * formatMoney(addMoney(parseAmount('0.1', 'EUR', 'a'), parseAmount('0.2', 'EUR', 'b'))) // => '0.30'
 */
export function addMoney(a: Money, b: Money, path = ''): Money {
  assertSameCurrency(a, b, path)
  if (b.minor === 0) return a
  if (a.minor === 0) return b
  return computed(a, a.minor + b.minor, path)
}

/**
 * `a − b`, exactly (may be negative).
 *
 * @throws RefundRulesError `CURRENCY_MISMATCH` (at `path`) when the currencies differ, `INVALID_AMOUNT` when the
 * difference is beyond {@link MAX_MINOR_UNITS}.
 * @example
 * formatMoney(subtractMoney(parseAmount('10', 'EUR', 'a'), parseAmount('0.59', 'EUR', 'b'))) // => '9.41'
 */
export function subtractMoney(a: Money, b: Money, path = ''): Money {
  assertSameCurrency(a, b, path)
  if (b.minor === 0) return a
  return computed(a, a.minor - b.minor, path)
}

/**
 * The smaller of `a` and `b` (`a` when equal).
 *
 * @throws RefundRulesError `CURRENCY_MISMATCH` (at `path`) when the currencies differ.
 * @example
 * formatMoney(minMoney(parseAmount('5', 'EUR', 'a'), parseAmount('3', 'EUR', 'b'))) // => '3.00'
 */
export function minMoney(a: Money, b: Money, path = ''): Money {
  return compareMoney(a, b, path) <= 0 ? a : b
}

/**
 * Whether the amount is greater than zero.
 *
 * @example
 * isPositive(parseAmount('0.01', 'EUR', 'x')) // => true
 */
export function isPositive(m: Money): boolean {
  return m.minor > 0
}
