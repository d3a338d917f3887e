/**
 * The processing-fee schedule (SPEC §3): validated and parsed once, applied per refund.
 *
 * A {@link FeeSchedule} is plain, deep-frozen, JSON-safe data (canonical strings), so a policy holding it can be
 * frozen, printed and compared. What applying it needs (the percentage as a fraction, each rule's amounts and
 * formula per currency, built on first use) lives beside it in a private WeakMap, so nothing is parsed twice.
 */
import {
  collectPolicyIssues,
  describeReceived,
  joinPath,
  MAX_ISSUES,
  type RefundRulesIssue,
  throwIssues,
} from '../errors.js'
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
const RULE_KEYS: readonly string[] = ['percent', ...AMOUNT_KEYS]
const SCHEDULE_KEYS: readonly string[] = ['rounding', 'default', 'methods']

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

/** Records an issue; past {@link MAX_ISSUES} only counts it, as `omittedIssues` on the list (`throwIssues` reports it). */
function policyIssue(issues: RefundRulesIssue[], path: string, message: string): void {
  if (issues.length < MAX_ISSUES) issues.push({ code: 'INVALID_POLICY', path, message })
  else {
    const list = issues as RefundRulesIssue[] & { omittedIssues?: number }
    list.omittedIssues = (list.omittedIssues ?? 0) + 1
  }
}

/** `value` if it is a plain object (or a null-prototype one); otherwise an issue `must be <what>, received …`. */
function plainObjectAt(
  value: unknown,
  path: string,
  issues: RefundRulesIssue[],
  what: string,
): Record<string, unknown> | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const proto = Object.getPrototypeOf(value)
    if (proto === Object.prototype || proto === null) return value as Record<string, unknown>
  }
  policyIssue(issues, path, `must be ${what}, received ${describeReceived(value)}`)
  return undefined
}

/**
 * A settings object (`'fee schedule'`, `'fee rule'`) whose keys are all in `keys`, each unknown one reported, as a
 * copy of its own known settings. Not an object: reported, and read as empty, since the schedule is rejected anyway.
 */
function settingsAt(
  value: unknown,
  path: string,
  issues: RefundRulesIssue[],
  name: string,
  keys: readonly string[],
): Record<string, unknown> {
  const settings = plainObjectAt(value, path, issues, `a ${name} { ${keys.join('?, ')}? }`)
  // A null-prototype copy of the own settings, each read once: an inherited `Object.prototype.rounding` is no setting.
  const own: Record<string, unknown> = Object.create(null)
  if (settings === undefined) return own
  for (const key of Object.keys(settings)) {
    if (!keys.includes(key)) policyIssue(issues, joinPath(path, key), `is not a ${name} setting (${keys.join(', ')})`)
    else own[key] = settings[key]
  }
  return own
}

/** What reading a schedule collects into and reads amounts with: its issues and the policy's minor-unit overrides. */
interface Reading {
  readonly issues: RefundRulesIssue[]
  readonly currencies: CurrencyOverrides | undefined
}

/** Amounts by currency, parsed; their normalized text is the rule's. */
function normalizeAmounts(
  value: unknown,
  path: string,
  { issues, currencies }: Reading,
): Map<string, Money> | undefined {
  const amounts = plainObjectAt(value, path, issues, `amounts by currency, like { EUR: '0.30' }`)
  if (amounts === undefined) return undefined
  const codes = Object.keys(amounts)
  if (codes.length === 0) {
    policyIssue(issues, path, 'must name at least one currency (omit it for none)')
    return undefined
  }
  const parsed = new Map<string, Money>()
  for (const currency of codes) {
    const money = collectPolicyIssues(issues, () =>
      parseAmount(amounts[currency], currency, joinPath(path, currency), { currencies }),
    )
    if (money !== undefined) parsed.set(currency, money)
  }
  return parsed
}

/** The rule normalized, whole or not: a rule with issues is never used, since they make the schedule throw. */
function normalizeRule(value: unknown, path: string, label: string, reading: Reading): CompiledRule {
  const { issues } = reading
  const settings = settingsAt(value, path, issues, 'fee rule', RULE_KEYS)
  // Null prototypes: an absent part of a rule is absent, never an inherited `Object.prototype.fixed`.
  const rule: { -readonly [K in keyof FeeRule]: FeeRule[K] } = Object.create(null)
  let numerator = 0
  let denominator = 1
  if (settings.percent !== undefined) {
    const percentPath = joinPath(path, 'percent')
    const plain = collectPolicyIssues(issues, () => readPlainDecimal(settings.percent, percentPath))
    if (plain !== undefined && (plain.negative || new D(plain.text).gt(100))) {
      policyIssue(issues, percentPath, `must be between 0 and 100 (a percentage), received ${plain.text}`)
    } else if (plain !== undefined) {
      rule.percent = plain.text
      // The canonical text has no leading zeros: "2.9" → 29 / 10^(1 + 2). Either integer may be unsafe for a
      // long percentage; percentageOf() then takes the decimal.js path.
      numerator = Number(plain.text.replace('.', ''))
      denominator = 10 ** (plain.decimals + 2)
    }
  }
  const parsed: { [K in AmountKey]?: Map<string, Money> } = Object.create(null)
  for (const key of AMOUNT_KEYS) {
    if (settings[key] === undefined) continue
    const amounts = normalizeAmounts(settings[key], joinPath(path, key), reading)
    if (amounts === undefined) continue
    parsed[key] = amounts
    const text: Record<string, string> = Object.create(null)
    for (const [currency, money] of amounts) text[currency] = formatMoney(money)
    rule[key] = Object.freeze(text)
  }
  for (const [currency, min] of parsed.min ?? []) {
    const max = parsed.max?.get(currency)
    if (max !== undefined && compareMoney(min, max) > 0) {
      policyIssue(
        issues,
        joinPath(joinPath(path, 'min'), currency),
        `must not exceed max.${currency} (${describeMoney(max)}), received ${describeMoney(min)}`,
      )
    }
  }
  return { rule: Object.freeze(rule), path, label, numerator, denominator, byCurrency: new Map() }
}

/** Validates and normalizes `input`, and registers the normalized schedule as compiled. */
function compile(input: unknown, path: string, currencies?: CurrencyOverrides): CompiledSchedule {
  const issues: RefundRulesIssue[] = []
  const reading: Reading = { issues, currencies }
  const settings = input === undefined ? {} : settingsAt(input, path, issues, 'fee schedule', SCHEDULE_KEYS)
  let rounding: FeeRounding = 'half-up'
  if (settings.rounding !== undefined) {
    if (FEE_ROUNDINGS.includes(settings.rounding as FeeRounding)) rounding = settings.rounding as FeeRounding
    else {
      policyIssue(
        issues,
        joinPath(path, 'rounding'),
        `must be one of '${FEE_ROUNDINGS.join("', '")}', received ${describeReceived(settings.rounding)}`,
      )
    }
  }
  const defaultRule =
    settings.default === undefined
      ? undefined
      : normalizeRule(settings.default, joinPath(path, 'default'), 'default rule', reading)
  // A null-prototype target: assigning '__proto__' creates an own property instead of a prototype.
  const methods: Record<string, FeeRule> = Object.create(null)
  const compiledMethods = new Map<string, CompiledRule>()
  if (settings.methods !== undefined) {
    const methodsPath = joinPath(path, 'methods')
    const entries = plainObjectAt(settings.methods, methodsPath, issues, 'fee rules by method') ?? {}
    for (const method of Object.keys(entries)) {
      const compiled = normalizeRule(entries[method], joinPath(methodsPath, method), methodLabel(method), reading)
      methods[method] = compiled.rule
      compiledMethods.set(method, compiled)
    }
  }
  throwIssues(issues)
  const schedule: FeeSchedule = Object.freeze(
    Object.assign(Object.create(null), {
      rounding,
      ...(defaultRule === undefined ? {} : { default: defaultRule.rule }),
      methods: Object.freeze(methods),
    }),
  )
  const compiled = { schedule, default: defaultRule, methods: compiledMethods }
  compiledSchedules.set(schedule, compiled)
  return compiled
}

/**
 * Validates and normalizes a fee schedule (SPEC §3). Everything that can be checked without knowing the
 * evaluation's currency is checked here, and every problem is reported at once (one `RefundRulesError`, one issue
 * per field, all `INVALID_POLICY`): unknown settings, a rounding mode other than `'half-up'`, `'half-even'`, `'up'`,
 * `'down'`, a percent outside 0–100, per-currency amounts with an unknown currency, too many decimals or a
 * negative value, `min` above `max`. `undefined` is the empty schedule (no fee). A normalized schedule is valid
 * input again. `currencies` are the policy's minor-unit overrides, which the per-currency amounts must fit; a
 * schedule already normalized is not read again, and an amount that does not fit the minor unit of an evaluation
 * is reported when it is used.
 *
 * @throws RefundRulesError `INVALID_POLICY`, with a path such as `fees.methods.card.percent`.
 * @example
 * const fees = createFeeSchedule({ methods: { card: { percent: '2.9', fixed: { EUR: '0.30' } } } })
 * fees.methods.card // => { percent: '2.9', fixed: { EUR: '0.30' } }
 */
export function createFeeSchedule(input: unknown, path = 'fees', currencies?: CurrencyOverrides): FeeSchedule {
  // Already normalized by this module: nothing to check again. (`has` is false for a non-object.)
  return compiledSchedules.has(input as object) ? (input as FeeSchedule) : compile(input, path, currencies).schedule
}

function compiledFor(schedule: FeeSchedule): CompiledSchedule {
  const known = compiledSchedules.get(schedule)
  if (known !== undefined) return known
  // A schedule that did not come from createFeeSchedule (e.g. read back from JSON): validate it now, once.
  const compiled = compile(schedule, 'fees')
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
function amountIn(rule: CompiledRule, key: AmountKey, gross: Money, issues: RefundRulesIssue[]): Money | undefined {
  const amounts = rule.rule[key]
  if (amounts === undefined) return undefined
  const path = joinPath(rule.path, key)
  const currency = gross.currency
  const text = amounts[currency]
  if (text !== undefined) {
    const unit = { currency, minorUnit: gross.minorUnit, allowNegative: false }
    return collectPolicyIssues(issues, () => parseAmountAs(text, joinPath(path, currency), unit))
  }
  const named = Object.keys(amounts).join(', ')
  policyIssue(issues, path, `names amounts for ${named} but not for ${currency}, this evaluation's currency`)
  return undefined
}

/**
 * The rule's terms in the currency of `gross`. A rule naming amounts for other currencies only is a policy error,
 * reported (every such field at once) each time it is used, never cached.
 */
function termsIn(rule: CompiledRule, gross: Money): Terms {
  const cached = rule.byCurrency.get(gross.currency)
  if (cached !== undefined && cached.minorUnit === gross.minorUnit) return cached
  const issues: RefundRulesIssue[] = []
  const fixed = amountIn(rule, 'fixed', gross, issues)
  const min = amountIn(rule, 'min', gross, issues)
  const max = amountIn(rule, 'max', gross, issues)
  throwIssues(issues)
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
