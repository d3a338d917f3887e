/**
 * The processing-fee schedule (SPEC §3): validated and parsed once, applied per refund.
 *
 * A {@link FeeSchedule} is plain, deep-frozen, JSON-safe data (canonical strings), so a policy holding it can be
 * frozen, printed and compared. The parsed values live beside it in a private WeakMap, so applying the
 * schedule never re-parses a percentage or an amount.
 */
import {
  collectPolicyIssues,
  describeReceived,
  joinPath,
  type RefundRulesIssue,
  refundRulesError,
  throwIssues,
} from '../errors.js'
import {
  type AmountInput,
  addMoney,
  compareMoney,
  describeMoney,
  formatMoney,
  type Money,
  moneyOf,
  parseAmount,
  readPlainDecimal,
  zeroMoney,
} from './amount.js'
import { D } from './decimal.js'

/** How a percentage fee is rounded to the currency's minor unit. `'up'` is away from zero, `'down'` toward it. */
export type FeeRounding = 'half-up' | 'half-even' | 'up' | 'down'

/** Every {@link FeeRounding}, in a stable order. */
export const FEE_ROUNDINGS: readonly FeeRounding[] = Object.freeze(['half-up', 'half-even', 'up', 'down'])

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
const RULE_KEYS: ReadonlySet<string> = new Set(['percent', ...AMOUNT_KEYS])
const SCHEDULE_KEYS: ReadonlySet<string> = new Set(['rounding', 'default', 'methods'])

const DECIMAL_ROUNDING = {
  'half-up': D.ROUND_HALF_UP,
  'half-even': D.ROUND_HALF_EVEN,
  up: D.ROUND_UP,
  down: D.ROUND_DOWN,
} as const

/** `percent / 100` as the exact fraction `numerator / denominator`: 2.9 % is 29 / 1000. */
interface Rate {
  readonly numerator: number
  readonly denominator: number
  /** The percentage as written, for decimal.js when the integers would not be exact. */
  readonly percent: string
}

/** The parsed form of one rule: what {@link processingFee} actually uses. */
interface CompiledRule {
  readonly path: string
  /** The method name as written in bases (quoted when odd); unused for the default rule. */
  readonly label: string
  /** The rule resolved per currency, built on first use: bounded by the number of currency codes. */
  readonly byCurrency: Map<string, Terms>
  /** `percent / 100`, or undefined when the rule has no (or a zero) percentage: no multiplication then. */
  readonly rate: Rate | undefined
  readonly percentText: string | undefined
  readonly fixed: ReadonlyMap<string, Money> | undefined
  readonly min: ReadonlyMap<string, Money> | undefined
  readonly max: ReadonlyMap<string, Money> | undefined
}

/** A rule's amounts and formula in one currency, so that applying it formats nothing it formatted before. */
interface Terms {
  readonly fixed: Money | undefined
  readonly min: Money | undefined
  readonly max: Money | undefined
  /** `2.9% + 0.30 EUR`, or `no fee`. */
  readonly formula: string
  /** The rule's label and formula, `card: 2.9% + 0.30 EUR`: the basis of a fee it sets by itself. */
  readonly basis: string
}

interface CompiledSchedule {
  readonly rounding: FeeRounding
  readonly default: CompiledRule | undefined
  readonly methods: ReadonlyMap<string, CompiledRule>
}

// Keyed by the frozen schedule object: entries vanish with their schedules, so the cache stays bounded.
const compiledSchedules = new WeakMap<object, CompiledSchedule>()

const EMPTY_METHODS: Readonly<Record<string, FeeRule>> = Object.freeze(Object.create(null))

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function policyIssue(issues: RefundRulesIssue[], path: string, message: string): void {
  issues.push({ code: 'INVALID_POLICY', path, message })
}

function normalizeAmounts(
  value: unknown,
  path: string,
  issues: RefundRulesIssue[],
): { text: Record<string, string>; parsed: Map<string, Money> } | undefined {
  if (!isPlainObject(value)) {
    policyIssue(issues, path, `must be amounts by currency, like { EUR: '0.30' }, received ${describeReceived(value)}`)
    return undefined
  }
  const keys = Object.keys(value)
  if (keys.length === 0) {
    policyIssue(issues, path, 'must name at least one currency (omit it for none)')
    return undefined
  }
  const text: Record<string, string> = Object.create(null)
  const parsed = new Map<string, Money>()
  for (const currency of keys) {
    const money = collectPolicyIssues(issues, () => parseAmount(value[currency], currency, joinPath(path, currency)))
    if (money === undefined) continue
    text[currency] = formatMoney(money)
    parsed.set(currency, money)
  }
  return { text: Object.freeze(text), parsed }
}

function normalizeRule(
  value: unknown,
  path: string,
  issues: RefundRulesIssue[],
  label: string,
): { rule: FeeRule; compiled: CompiledRule } | undefined {
  if (!isPlainObject(value)) {
    policyIssue(
      issues,
      path,
      `must be a fee rule { percent?, fixed?, min?, max? }, received ${describeReceived(value)}`,
    )
    return undefined
  }
  const before = issues.length
  for (const key of Object.keys(value)) {
    if (!RULE_KEYS.has(key))
      policyIssue(issues, joinPath(path, key), 'is not a fee rule setting (percent, fixed, min, max)')
  }
  const rule: { -readonly [K in keyof FeeRule]: FeeRule[K] } = {}
  let rate: Rate | undefined
  if (value.percent !== undefined) {
    const percentPath = joinPath(path, 'percent')
    const plain = collectPolicyIssues(issues, () => readPlainDecimal(value.percent, percentPath))
    if (plain !== undefined && (plain.negative || new D(plain.text).gt(100))) {
      policyIssue(issues, percentPath, `must be between 0 and 100 (a percentage), received ${plain.text}`)
    } else if (plain !== undefined) {
      rule.percent = plain.text
      // The canonical text has no leading zeros: "2.9" → 29 / 10^(1 + 2). Either integer may be unsafe for a
      // long percentage; percentageOf() then takes the decimal.js path.
      if (plain.text !== '0') {
        rate = {
          numerator: Number(plain.text.replace('.', '')),
          denominator: 10 ** (plain.decimals + 2),
          percent: plain.text,
        }
      }
    }
  }
  const parsed: Partial<Record<AmountKey, Map<string, Money>>> = {}
  for (const key of AMOUNT_KEYS) {
    if (value[key] === undefined) continue
    const amounts = normalizeAmounts(value[key], joinPath(path, key), issues)
    if (amounts !== undefined) {
      rule[key] = amounts.text
      parsed[key] = amounts.parsed
    }
  }
  if (parsed.min !== undefined && parsed.max !== undefined) {
    for (const [currency, min] of parsed.min) {
      const max = parsed.max.get(currency)
      if (max !== undefined && compareMoney(min, max) > 0) {
        policyIssue(
          issues,
          joinPath(joinPath(path, 'min'), currency),
          `must not exceed max.${currency} (${describeMoney(max)}), received ${describeMoney(min)}`,
        )
      }
    }
  }
  if (issues.length > before) return undefined
  return {
    rule: Object.freeze(rule),
    compiled: Object.freeze({
      path,
      label,
      byCurrency: new Map<string, Terms>(),
      rate,
      percentText: rule.percent,
      fixed: parsed.fixed,
      min: parsed.min,
      max: parsed.max,
    }),
  }
}

function compile(input: unknown, path: string): { schedule: FeeSchedule; compiled: CompiledSchedule } {
  const issues: RefundRulesIssue[] = []
  let rounding: FeeRounding = 'half-up'
  let defaultRule: { rule: FeeRule; compiled: CompiledRule } | undefined
  const methods: Record<string, FeeRule> = Object.create(null)
  const compiledMethods = new Map<string, CompiledRule>()
  if (input !== undefined) {
    if (!isPlainObject(input)) {
      policyIssue(
        issues,
        path,
        `must be a fee schedule { rounding?, default?, methods? }, received ${describeReceived(input)}`,
      )
    } else {
      for (const key of Object.keys(input)) {
        if (!SCHEDULE_KEYS.has(key)) {
          policyIssue(issues, joinPath(path, key), 'is not a fee schedule setting (rounding, default, methods)')
        }
      }
      if (input.rounding !== undefined) {
        if (FEE_ROUNDINGS.includes(input.rounding as FeeRounding)) rounding = input.rounding as FeeRounding
        else {
          policyIssue(
            issues,
            joinPath(path, 'rounding'),
            `must be one of ${FEE_ROUNDINGS.map((r) => `'${r}'`).join(', ')}, received ${describeReceived(input.rounding)}`,
          )
        }
      }
      if (input.default !== undefined)
        defaultRule = normalizeRule(input.default, joinPath(path, 'default'), issues, 'default rule')
      if (input.methods !== undefined) {
        const methodsPath = joinPath(path, 'methods')
        if (!isPlainObject(input.methods)) {
          policyIssue(issues, methodsPath, `must be fee rules by method, received ${describeReceived(input.methods)}`)
        } else {
          const entries = input.methods
          for (const method of Object.keys(entries)) {
            const normalized = normalizeRule(
              entries[method],
              joinPath(methodsPath, method),
              issues,
              methodLabel(method),
            )
            if (normalized === undefined) continue
            // A null-prototype target: assigning '__proto__' creates an own property instead of a prototype.
            methods[method] = normalized.rule
            compiledMethods.set(method, normalized.compiled)
          }
        }
      }
    }
  }
  throwIssues(issues)
  const schedule: FeeSchedule = Object.freeze({
    rounding,
    ...(defaultRule === undefined ? {} : { default: defaultRule.rule }),
    methods: compiledMethods.size === 0 ? EMPTY_METHODS : Object.freeze(methods),
  })
  return {
    schedule,
    compiled: { rounding, default: defaultRule?.compiled, methods: compiledMethods },
  }
}

/**
 * Validates and normalizes a fee schedule (SPEC §3). Everything that can be checked without knowing the
 * evaluation's currency is checked here, and every problem is reported at once (one `RefundRulesError`, one issue
 * per field, all `INVALID_POLICY`): unknown settings, a rounding mode other than `'half-up'`, `'half-even'`, `'up'`,
 * `'down'`, a percent outside 0–100, per-currency amounts with an unknown currency, too many decimals or a
 * negative value, `min` above `max`. `undefined` is the empty schedule (no fee). A normalized schedule is valid
 * input again.
 *
 * @throws RefundRulesError `INVALID_POLICY`, with a path such as `fees.methods.card.percent`.
 * @example
 * const fees = createFeeSchedule({ methods: { card: { percent: '2.9', fixed: { EUR: '0.30' } } } })
 * fees.methods.card // => { percent: '2.9', fixed: { EUR: '0.30' } }
 */
export function createFeeSchedule(input: unknown, path = 'fees'): FeeSchedule {
  if (typeof input === 'object' && input !== null) {
    // Already normalized by this module: nothing to check again.
    const known = compiledSchedules.get(input)
    if (known !== undefined) return input as FeeSchedule
  }
  const { schedule, compiled } = compile(input, path)
  compiledSchedules.set(schedule, compiled)
  return schedule
}

function compiledFor(schedule: FeeSchedule): CompiledSchedule {
  const known = compiledSchedules.get(schedule)
  if (known !== undefined) return known
  // A schedule that did not come from createFeeSchedule (e.g. read back from JSON): validate it now, once.
  const { compiled } = compile(schedule, 'fees')
  if (Object.isFrozen(schedule)) compiledSchedules.set(schedule, compiled)
  return compiled
}

/** Method names are data: quoted when they are not plain words, and shortened. */
function methodLabel(method: string): string {
  return /^[\w.-]{1,40}$/.test(method) ? method : JSON.stringify(method.slice(0, 40))
}

/**
 * The rule's terms in `currency`. A rule naming amounts for other currencies only is a policy error, reported
 * (every such field at once) each time it is used, never cached and never read as zero.
 */
function termsIn(rule: CompiledRule, currency: string): Terms {
  const cached = rule.byCurrency.get(currency)
  if (cached !== undefined) return cached
  const issues: RefundRulesIssue[] = []
  const pick = (key: AmountKey): Money | undefined => {
    const amounts = rule[key]
    if (amounts === undefined) return undefined
    const amount = amounts.get(currency)
    if (amount === undefined) {
      issues.push({
        code: 'INVALID_POLICY',
        path: joinPath(rule.path, key),
        message: `names amounts for ${[...amounts.keys()].join(', ')} but not for ${currency}, this evaluation's currency`,
      })
    }
    return amount
  }
  const fixed = pick('fixed')
  const min = pick('min')
  const max = pick('max')
  throwIssues(issues)
  const parts = [
    ...(rule.percentText === undefined ? [] : [`${rule.percentText}%`]),
    ...(fixed === undefined ? [] : [describeMoney(fixed)]),
  ]
  const formula = parts.length === 0 ? 'no fee' : parts.join(' + ')
  const terms: Terms = Object.freeze({ fixed, min, max, formula, basis: `${rule.label}: ${formula}` })
  rule.byCurrency.set(currency, terms)
  return terms
}

/**
 * `minor × rate` rounded to whole minor units, exactly, for `minor ≥ 0`. With safe integers (every everyday fee)
 * it is integer division with the remainder deciding the rounding; past `Number.MAX_SAFE_INTEGER`, where a double
 * stops being exact, decimal.js computes it (SPEC §1). The result never exceeds `minor` (a rate is at most 1).
 */
function percentageOf(minor: number, rate: Rate, rounding: FeeRounding): number {
  const product = minor * rate.numerator
  const divisor = rate.denominator
  if (!Number.isSafeInteger(product) || !Number.isSafeInteger(divisor)) {
    return new D(minor).times(rate.percent).div(100).toDecimalPlaces(0, DECIMAL_ROUNDING[rounding]).toNumber()
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
    return {
      amount: zeroMoney(gross.currency),
      basis:
        method === undefined
          ? 'no processing fee configured'
          : `${methodLabel(String(method))}: no processing fee configured`,
    }
  }
  if (gross.minor < 0) {
    throw refundRulesError('NEGATIVE_AMOUNT', 'gross', `must not be negative, received ${describeMoney(gross)}`)
  }
  const terms = termsIn(rule, gross.currency)
  let fee = terms.fixed ?? zeroMoney(gross.currency)
  if (rule.rate !== undefined && gross.minor !== 0) {
    const percentage = percentageOf(gross.minor, rule.rate, compiled.rounding)
    fee = addMoney(moneyOf(gross.currency, gross.minorUnit, percentage), fee, rule.path)
  }
  // The default rule's label is 'default rule'; a method that falls back to it is named, since it is data.
  let basis =
    own !== undefined || method === undefined ? terms.basis : `${methodLabel(method)} (default rule): ${terms.formula}`
  if (terms.min !== undefined && compareMoney(fee, terms.min) < 0) {
    fee = terms.min
    basis += `, raised to the minimum ${describeMoney(fee)}`
  }
  if (terms.max !== undefined && compareMoney(fee, terms.max) > 0) {
    fee = terms.max
    basis += `, lowered to the maximum ${describeMoney(fee)}`
  }
  if (compareMoney(fee, gross) > 0) {
    fee = gross
    basis += `, capped at the ${describeMoney(gross)} it is charged on`
  }
  return { amount: fee, basis }
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
