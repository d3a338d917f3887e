/**
 * The processing-fee schedule (SPEC §3): validated and parsed once, applied per refund.
 *
 * A {@link FeeSchedule} is plain, deep-frozen, JSON-safe data (canonical strings), so a policy holding it can be
 * frozen, printed and compared. What applying it needs (the percentage as a fraction, each rule's amounts and
 * formula per currency, built on first use) lives beside it in a private WeakMap, so nothing is parsed twice.
 */
import { joinPath } from '../errors.js'
import { oneOf, type SettingsFields, SettingsReader, type Shape } from '../reader.js'
import {
  type AmountInput,
  assertNotNegative,
  compareMoney,
  describeMoney,
  formatMoney,
  type Money,
  moneyOf,
  parseAmount,
  parseAmountAs,
  readPlainDecimal,
  zeroLike,
} from './amount.js'
import type { CurrencyOverrides } from './currency.js'
import { D, type DecimalRounding } from './decimal.js'

/** How a percentage fee is rounded to the currency's minor unit. `'up'` is away from zero, `'down'` toward it. */
export type FeeRounding = 'half-up' | 'half-even' | 'up' | 'down'

/** The decimal.js mode of each {@link FeeRounding}; its keys, in order, are {@link FEE_ROUNDINGS}. */
const DECIMAL_ROUNDING: Readonly<Record<FeeRounding, DecimalRounding>> = {
  'half-up': D.ROUND_HALF_UP,
  'half-even': D.ROUND_HALF_EVEN,
  up: D.ROUND_UP,
  down: D.ROUND_DOWN,
}

/** Every {@link FeeRounding}, in a stable order. */
export const FEE_ROUNDINGS: readonly FeeRounding[] = Object.freeze(Object.keys(DECIMAL_ROUNDING) as FeeRounding[])

/** One fee rule as callers write it. `fixed`, `min` and `max` are per currency: `{ EUR: '0.30', JPY: '30' }`. */
export interface FeeRuleInput {
  /** Percentage of the refunded gross, 0 to 100: `'2.9'` is 2.9 %. */
  percent?: AmountInput
  fixed?: Record<string, AmountInput>
  min?: Record<string, AmountInput>
  max?: Record<string, AmountInput>
}

/** A fee schedule as callers write it. */
export interface FeeScheduleInput {
  /** Default `'half-up'`. */
  rounding?: FeeRounding
  /** The rule for methods without their own. No default and no method rule: no fee. */
  default?: FeeRuleInput
  /** Rules by payment method. Names are data: `'__proto__'` or `'toString'` are ordinary method names. */
  methods?: Record<string, FeeRuleInput>
}

/** A normalized fee rule: canonical decimal strings, amounts with their currency's minor digits. */
export interface FeeRule {
  readonly percent?: string
  readonly fixed?: Readonly<Record<string, string>>
  readonly min?: Readonly<Record<string, string>>
  readonly max?: Readonly<Record<string, string>>
}

/** A validated, normalized, deep-frozen fee schedule, made by `createFeeSchedule` (internal) from a {@link FeeScheduleInput}. */
export interface FeeSchedule {
  readonly rounding: FeeRounding
  readonly default?: FeeRule
  /** A null-prototype object: only own keys are methods. */
  readonly methods: Readonly<Record<string, FeeRule>>
}

/** A fee and how it was arrived at. */
export interface FeeResult {
  readonly amount: Money
  /** Human-readable, e.g. `card: 2.9% + 0.30 EUR`. */
  readonly basis: string
}

type AmountKey = 'fixed' | 'min' | 'max'
const AMOUNT_KEYS: readonly AmountKey[] = ['fixed', 'min', 'max']

/**
 * A fee schedule's settings. Only a plain object is one (`{}` or `Object.create(null)`): a `Map` or a class
 * instance is refused, never read as the empty schedule.
 */
export const FEE_SCHEDULE: Shape = {
  what: 'a fee schedule { rounding?, default?, methods? }',
  defaults: { rounding: 'half-up', default: undefined, methods: undefined },
  plainOnly: true,
}
const RULE: Shape = {
  what: 'a fee rule { percent?, fixed?, min?, max? }',
  defaults: { percent: undefined, fixed: undefined, min: undefined, max: undefined },
  plainOnly: true,
}
// Objects whose keys are data: payment methods, currency codes.
const METHODS: Shape = { what: 'fee rules by method', plainOnly: true }
const AMOUNTS: Shape = { what: `amounts by currency, like { EUR: '0.30' }`, plainOnly: true }
const ROUNDING = oneOf(...FEE_ROUNDINGS)

/** A normalized rule with what {@link processingFee} needs beside it. */
interface CompiledRule {
  readonly rule: FeeRule
  readonly path: string
  /** The method name as written in bases (quoted when odd), or `default rule`. */
  readonly label: string
  /**
   * `percent / 100` as the exact fraction `numerator / denominator`: 2.9 % is 29 / 1000. No (or a zero)
   * percentage is 0 / 1: no multiplication then.
   */
  readonly numerator: number
  readonly denominator: number
  /** The rule resolved per currency, built on first use: bounded by the number of currency codes. */
  readonly byCurrency: Map<string, Terms>
}

/** A rule's amounts and formula in one currency, so that applying it parses and formats nothing twice. */
interface Terms {
  /** The minor unit the amounts were read with: a policy may override the currency's. */
  readonly minorUnit: number
  readonly fixed: Money | undefined
  readonly min: Money | undefined
  readonly max: Money | undefined
  /** `2.9% + 0.30 EUR`, or `no fee`. */
  readonly formula: string
}

/** A normalized schedule with its rules compiled. */
interface CompiledSchedule {
  readonly schedule: FeeSchedule
  readonly default: CompiledRule | undefined
  readonly methods: ReadonlyMap<string, CompiledRule>
}

// Keyed by the frozen schedule object: entries vanish with their schedules, so the cache stays bounded.
const compiledSchedules = new WeakMap<object, CompiledSchedule>()

/** Amounts by currency (`rule[key]`), parsed with the policy's minor units; their normalized text is the rule's. */
function readAmounts(
  rule: SettingsFields,
  key: AmountKey,
  currencies: CurrencyOverrides | undefined,
): Map<string, Money> | undefined {
  const amounts = rule.section(key, AMOUNTS)
  if (amounts.source === undefined) return undefined
  const codes = amounts.keys()
  if (codes.length === 0) {
    rule.reader.issue(amounts.path, 'must name at least one currency (omit it for none)')
    return undefined
  }
  const parsed = new Map<string, Money>()
  for (const currency of codes) {
    const money = amounts.parse(currency, (value, path) => parseAmount(value, currency, path, { currencies }))
    if (money !== undefined) parsed.set(currency, money)
  }
  return parsed
}

/** The rule normalized, whole or not: a rule with issues is never used, since they make the schedule throw. */
function readRule(rule: SettingsFields, label: string, currencies: CurrencyOverrides | undefined): CompiledRule {
  const reader = rule.reader
  rule.rejectUnknownKeys('fee rule setting (percent, fixed, min, max)')
  // Null prototypes: an absent part of a rule is absent, never an inherited `Object.prototype.fixed`.
  const normalized: { -readonly [K in keyof FeeRule]: FeeRule[K] } = Object.create(null)
  let numerator = 0
  let denominator = 1
  const percent = rule.raw('percent')
  if (percent !== undefined) {
    const percentPath = rule.pathOf('percent')
    const plain = reader.attempt(() => readPlainDecimal(percent, percentPath))
    if (plain !== undefined && (plain.negative || new D(plain.text).gt(100))) {
      reader.issue(percentPath, `must be between 0 and 100 (a percentage), received ${plain.text}`)
    } else if (plain !== undefined) {
      normalized.percent = plain.text
      // The canonical text has no leading zeros: "2.9" → 29 / 10^(1 + 2). Either integer may be unsafe for a
      // long percentage; percentageOf() then takes the decimal.js path.
      numerator = Number(plain.text.replace('.', ''))
      denominator = 10 ** (plain.decimals + 2)
    }
  }
  const parsed: { [K in AmountKey]?: Map<string, Money> } = Object.create(null)
  for (const key of AMOUNT_KEYS) {
    const amounts = readAmounts(rule, key, currencies)
    if (amounts === undefined) continue
    parsed[key] = amounts
    const text: Record<string, string> = Object.create(null)
    for (const [currency, money] of amounts) text[currency] = formatMoney(money)
    normalized[key] = Object.freeze(text)
  }
  for (const [currency, min] of parsed.min ?? []) {
    const max = parsed.max?.get(currency)
    if (max !== undefined && compareMoney(min, max) > 0) {
      reader.issue(
        joinPath(joinPath(rule.path, 'min'), currency),
        `must not exceed max.${currency} (${describeMoney(max)}), received ${describeMoney(min)}`,
      )
    }
  }
  const path = rule.path
  return { rule: Object.freeze(normalized), path, label, numerator, denominator, byCurrency: new Map() }
}

/** Reads a schedule and registers it as compiled when its reading found no problem. */
function compile(schedule: SettingsFields, currencies: CurrencyOverrides | undefined): CompiledSchedule {
  // Already normalized by this module: nothing to check again. (An absent schedule is the empty one.)
  const known = schedule.source === undefined ? undefined : compiledSchedules.get(schedule.source)
  if (known !== undefined) return known
  const issuesBefore = schedule.reader.issueCount()
  schedule.rejectUnknownKeys('fee schedule setting (rounding, default, methods)')
  const rounding = schedule.setting('rounding', ROUNDING)
  const defaultSettings = schedule.section('default', RULE)
  const defaultRule =
    defaultSettings.source === undefined ? undefined : readRule(defaultSettings, 'default rule', currencies)
  // A null-prototype target: assigning '__proto__' creates an own property instead of a prototype.
  const methods: Record<string, FeeRule> = Object.create(null)
  const compiledMethods = new Map<string, CompiledRule>()
  const byMethod = schedule.section('methods', METHODS)
  for (const method of byMethod.keys()) {
    const compiled = readRule(byMethod.entry(method, RULE), methodLabel(method), currencies)
    methods[method] = compiled.rule
    compiledMethods.set(method, compiled)
  }
  const normalized: FeeSchedule = Object.freeze(
    Object.assign(Object.create(null), {
      rounding,
      ...(defaultRule === undefined ? {} : { default: defaultRule.rule }),
      methods: Object.freeze(methods),
    }),
  )
  const compiled = { schedule: normalized, default: defaultRule, methods: compiledMethods }
  if (schedule.reader.issueCount() === issuesBefore) compiledSchedules.set(normalized, compiled)
  return compiled
}

/**
 * Reads a fee schedule (SPEC §3) from the fields of its settings object (absent: the empty schedule, no fee).
 * Everything that can be checked without knowing the evaluation's currency is checked here, each problem an
 * `INVALID_POLICY` issue of the reader at its path: unknown settings, a rounding mode other than `'half-up'`,
 * `'half-even'`, `'up'`, `'down'`, a percent outside 0–100, per-currency amounts with an unknown currency, too many
 * decimals or a negative value, `min` above `max`. `currencies` are the policy's minor-unit overrides, which the
 * per-currency amounts must fit. A schedule this module normalized is valid as it is, and not read again.
 * Returns the normalized, deep-frozen schedule: whole once the reader finishes without a problem.
 *
 * @example
 * const reader = new SettingsReader('INVALID_POLICY')
 * const fees = readFeeSchedule(reader.section({ methods: { card: { percent: '2.9' } } }, 'fees', FEE_SCHEDULE))
 * reader.finish() // no problem: returns
 * fees.methods.card // => { percent: '2.9' }
 */
export function readFeeSchedule(schedule: SettingsFields, currencies?: CurrencyOverrides): FeeSchedule {
  return compile(schedule, currencies).schedule
}

/** Reads a schedule on its own, throwing every problem at once. */
function compileAlone(input: unknown, path: string, currencies: CurrencyOverrides | undefined): CompiledSchedule {
  const reader = new SettingsReader('INVALID_POLICY')
  const compiled = compile(reader.section(input, path, FEE_SCHEDULE), currencies)
  reader.finish()
  return compiled
}

/**
 * Validates and normalizes a fee schedule on its own (SPEC §3), as {@link readFeeSchedule} reads one in a policy,
 * and reports every problem at once (one `RefundRulesError`, one issue per field, all `INVALID_POLICY`).
 * `undefined` is the empty schedule (no fee). A normalized schedule is valid input again. `currencies` are the
 * policy's minor-unit overrides; an amount that does not fit the minor unit of an evaluation is reported when it is
 * used.
 *
 * @throws RefundRulesError `INVALID_POLICY`, with a path such as `fees.methods.card.percent`.
 * @example
 * const fees = createFeeSchedule({ methods: { card: { percent: '2.9', fixed: { EUR: '0.30' } } } })
 * fees.methods.card // => { percent: '2.9', fixed: { EUR: '0.30' } }
 */
export function createFeeSchedule(input: unknown, path = 'fees', currencies?: CurrencyOverrides): FeeSchedule {
  return compileAlone(input, path, currencies).schedule
}

function compiledFor(schedule: FeeSchedule): CompiledSchedule {
  const known = compiledSchedules.get(schedule)
  if (known !== undefined) return known
  // A schedule that did not come from this module (e.g. read back from JSON): validate it now, once.
  const compiled = compileAlone(schedule, 'fees', undefined)
  if (Object.isFrozen(schedule)) compiledSchedules.set(schedule, compiled)
  return compiled
}

/** Method names are data: quoted when they are not plain words, and shortened. */
function methodLabel(method: string): string {
  return /^[\w.-]{1,40}$/.test(method) ? method : JSON.stringify(method.slice(0, 40))
}

/**
 * The rule's `key` amount in the currency of `gross`, with its minor unit; naming other currencies only is an
 * issue, never read as zero, and so is an amount with more decimals than a policy's override allows.
 */
function amountIn(rule: CompiledRule, key: AmountKey, gross: Money, reader: SettingsReader): Money | undefined {
  const amounts = rule.rule[key]
  if (amounts === undefined) return undefined
  const path = joinPath(rule.path, key)
  const currency = gross.currency
  const text = amounts[currency]
  if (text !== undefined) {
    const unit = { currency, minorUnit: gross.minorUnit, allowNegative: false }
    return reader.attempt(() => parseAmountAs(text, joinPath(path, currency), unit))
  }
  const named = Object.keys(amounts).join(', ')
  reader.issue(path, `names amounts for ${named} but not for ${currency}, this evaluation's currency`)
  return undefined
}

/**
 * The rule's terms in the currency of `gross`. A rule naming amounts for other currencies only is a policy error,
 * reported (every such field at once) each time it is used, never cached.
 */
function termsIn(rule: CompiledRule, gross: Money): Terms {
  const cached = rule.byCurrency.get(gross.currency)
  if (cached !== undefined && cached.minorUnit === gross.minorUnit) return cached
  const reader = new SettingsReader('INVALID_POLICY')
  const fixed = amountIn(rule, 'fixed', gross, reader)
  const min = amountIn(rule, 'min', gross, reader)
  const max = amountIn(rule, 'max', gross, reader)
  reader.finish()
  const parts: string[] = []
  if (rule.rule.percent !== undefined) parts.push(`${rule.rule.percent}%`)
  if (fixed !== undefined) parts.push(describeMoney(fixed))
  const terms: Terms = { minorUnit: gross.minorUnit, fixed, min, max, formula: parts.join(' + ') || 'no fee' }
  rule.byCurrency.set(gross.currency, terms)
  return terms
}

/**
 * `minor × percent / 100` rounded to whole minor units, exactly, for `minor ≥ 0`. With safe integers (every everyday fee)
 * it is integer division with the remainder deciding the rounding; past `Number.MAX_SAFE_INTEGER`, where a double
 * stops being exact, decimal.js computes it (SPEC §1). The result never exceeds `minor` (a percent is at most 100).
 */
function percentageOf(minor: number, rule: CompiledRule, rounding: FeeRounding): number {
  const product = minor * rule.numerator
  const divisor = rule.denominator
  if (!Number.isSafeInteger(product) || !Number.isSafeInteger(divisor)) {
    // A nonzero numerator comes from a percent.
    const percent = rule.rule.percent as string
    return new D(minor).times(percent).div(100).toDecimalPlaces(0, DECIMAL_ROUNDING[rounding]).toNumber()
  }
  // On safe integers `%` is exact, and so is dividing the multiple of `divisor` that is left; doubling the
  // remainder is exact too.
  const remainder = product % divisor
  const quotient = (product - remainder) / divisor
  if (remainder === 0 || rounding === 'down') return quotient
  if (rounding === 'up') return quotient + 1
  const twice = 2 * remainder
  if (twice > divisor || (twice === divisor && (rounding === 'half-up' || quotient % 2 === 1))) return quotient + 1
  return quotient
}

/**
 * The processing fee for refunding `gross` through `method` (SPEC §3): the method's own rule (looked up as an own
 * key only) or else the schedule's default (also used when `method` is undefined, e.g. no `payoutMethod`), as clamp(round(gross × percent / 100) + fixed, min, max), capped at
 * the gross. No rule at all: zero. A rule with `fixed`, `min` or `max` that lacks `gross.currency` is a policy
 * error, never read as zero.
 *
 * @throws RefundRulesError `INVALID_POLICY` at e.g. `fees.methods.card.fixed` (currency missing from a rule),
 * `NEGATIVE_AMOUNT` for a negative gross.
 * @example
 * const fees = createFeeSchedule({ methods: { card: { percent: '2.9', fixed: { EUR: '0.30' } } } })
 * const fee = processingFee(fees, 'card', parseAmount('10.05', 'EUR', 'gross'))
 * formatMoney(fee.amount) // => '0.59'
 * fee.basis // => 'card: 2.9% + 0.30 EUR'
 */
export function processingFee(schedule: FeeSchedule, method: string | undefined, gross: Money): FeeResult {
  const compiled = compiledFor(schedule)
  const own = typeof method === 'string' ? compiled.methods.get(method) : undefined
  const rule = own ?? compiled.default
  if (rule === undefined) {
    const none = 'no processing fee configured'
    return {
      amount: zeroLike(gross),
      basis: method === undefined ? none : `${methodLabel(String(method))}: ${none}`,
    }
  }
  assertNotNegative(gross, 'gross')
  const terms = termsIn(rule, gross)
  // The fee in minor units, as a plain number until it is settled. percentage + fixed may pass MAX_MINOR_UNITS
  // (100 % of the largest amount plus a cent): that sum is then inexact, but it is above every `max` and every
  // gross, so it is always replaced by one of them below and never becomes the fee. Below it, it is exact.
  let fee = terms.fixed === undefined ? 0 : terms.fixed.minor
  if (rule.numerator !== 0 && gross.minor !== 0) fee += percentageOf(gross.minor, rule, compiled.schedule.rounding)
  // The default rule's label is 'default rule'; a method that falls back to it is named, since it is data.
  const label = own !== undefined || method === undefined ? rule.label : `${methodLabel(method)} (default rule)`
  let basis = `${label}: ${terms.formula}`
  // The terms are in the gross's currency, so comparing minor units is comparing the amounts.
  if (terms.min !== undefined && fee < terms.min.minor) {
    fee = terms.min.minor
    basis += `, raised to the minimum ${describeMoney(terms.min)}`
  }
  if (terms.max !== undefined && fee > terms.max.minor) {
    fee = terms.max.minor
    basis += `, lowered to the maximum ${describeMoney(terms.max)}`
  }
  if (fee > gross.minor) {
    fee = gross.minor
    basis += `, capped at the ${describeMoney(gross)} it is charged on`
  }
  return { amount: moneyOf(gross.currency, gross.minorUnit, fee), basis }
}

/**
 * A fee known in advance (a snapshot's `processingFee`, which overrides the schedule), in the shape
 * {@link processingFee} returns.
 *
 * @example
 * givenFee(parseAmount('1.20', 'EUR', 'topUp.processingFee.amount')).basis // => 'processing fee given on the snapshot'
 */
export function givenFee(amount: Money, basis = 'processing fee given on the snapshot'): FeeResult {
  return { amount, basis }
}
