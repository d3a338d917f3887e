/**
 * Reading a decision to explain as untrusted data (SPEC §6): a decision read
 * back from a database or a log may be anything. Only own properties are
 * read, every code must be one the catalogs know, and a value is never
 * echoed unbounded: what is read is copied into a small view, so nothing
 * else of the object reaches the explanation.
 */
import type { AmountParam, ClauseId, Outcome, ReasonParams, RequirementCode, WindowParams } from '../decision.js'
import { expected, isRecord, joinPath, refundRulesError } from '../errors.js'
import { type EpochMs, parseInstant } from '../time/instant.js'
import { type DayNumber, parsePlainDate } from '../time/plain-date.js'
import { type ExplainedReason, type ExplainedReasonCode, en } from './locale.js'

/** The amounts of a decision, as read. */
export interface AmountsView {
  readonly currency: string
  readonly gross: string
  readonly net: string
  readonly deductions: readonly {
    readonly kind: 'processing-fee' | 'debt'
    readonly amount: string
    readonly basis: string
  }[]
  readonly outstandingDebt: string | undefined
}

/** What {@link explain} reads of a decision, every field checked. */
export interface DecisionView {
  readonly clause: ClauseId
  readonly outcome: Outcome
  readonly reasons: readonly ExplainedReason[]
  readonly requirements: readonly RequirementCode[]
  readonly policy: { readonly id: string; readonly version: string; readonly fingerprint: string | undefined }
  readonly amounts: AmountsView | undefined
  readonly settlement: AmountsView | undefined
  readonly windowClosesAt: EpochMs | undefined
  readonly statusChangeDueBy: EpochMs | undefined
  readonly refundDueDate: DayNumber | undefined
  readonly lastActivityAt: EpochMs | undefined
  readonly deactivatesAt: EpochMs | undefined
}

/** The outcomes each clause can have (SPEC §5). */
const OUTCOMES: Readonly<Record<ClauseId, readonly Outcome[]>> = {
  'top-up-refund': ['approved', 'rejected', 'needs-information'],
  'order-cancellation': ['approved', 'rejected', 'needs-information'],
  termination: ['approved', 'rejected', 'needs-information', 'manual-review'],
  inactivity: ['active', 'deactivated'],
}

// A decision the library makes has a handful of reasons and deductions; a forged one is refused before its size costs.
const MAX_ITEMS = 32
const MAX_TEXT = 200
const AMOUNT = /^\d{1,20}(\.\d{1,10})?$/
const CURRENCY = /^[A-Z]{3}$/

const own = (value: object, key: string): unknown =>
  Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined

function fail(path: string, what: string, value: unknown): never {
  throw refundRulesError('INVALID_INPUT', path, expected(what, value))
}

function record(value: unknown, path: string): object {
  if (!isRecord(value)) fail(path, 'an object', value)
  return value
}

/** One of `keys`'s own keys, as a string. */
function oneOf<K extends string>(keys: object, value: unknown, path: string, what: string): K {
  if (typeof value !== 'string' || !Object.hasOwn(keys, value)) fail(path, what, value)
  return value as K
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_TEXT) fail(path, 'a short string', value)
  return value
}

function list(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value) || value.length > MAX_ITEMS) fail(path, `an array of at most ${MAX_ITEMS} items`, value)
  return Array.from({ length: value.length }, (_, i) => (Object.hasOwn(value, i) ? value[i] : undefined))
}

function amount(value: unknown, path: string): string {
  if (typeof value !== 'string' || !AMOUNT.test(value)) fail(path, 'a decimal amount string', value)
  return value
}

/** An instant of a decision: a UTC ISO string, as the library writes them (never a number or a `Date`). */
function instant(value: unknown, path: string): EpochMs {
  if (typeof value !== 'string') fail(path, 'a UTC ISO instant string', value)
  return parseInstant(value, path)
}

function optional<T>(parent: object, key: string, path: string, read: (value: unknown, path: string) => T) {
  const value = own(parent, key)
  return value === undefined ? undefined : read(value, joinPath(path, key))
}

function amounts(value: unknown, path: string): AmountsView {
  const source = record(value, path)
  const currency = own(source, 'currency')
  if (typeof currency !== 'string' || !CURRENCY.test(currency)) {
    fail(joinPath(path, 'currency'), 'an ISO 4217 code', currency)
  }
  return {
    currency,
    gross: amount(own(source, 'gross'), joinPath(path, 'gross')),
    net: amount(own(source, 'net'), joinPath(path, 'net')),
    deductions: list(own(source, 'deductions'), joinPath(path, 'deductions')).map((item, i) => {
      const at = joinPath(joinPath(path, 'deductions'), i)
      const deduction = record(item, at)
      const kind = own(deduction, 'kind')
      if (kind !== 'processing-fee' && kind !== 'debt') fail(joinPath(at, 'kind'), "'processing-fee' or 'debt'", kind)
      return {
        kind,
        amount: amount(own(deduction, 'amount'), joinPath(at, 'amount')),
        basis: text(own(deduction, 'basis'), joinPath(at, 'basis')),
      }
    }),
    outstandingDebt: optional(source, 'outstandingDebt', path, amount),
  }
}

// A request names at most 100 items of at most 256 characters (the input reader's limits): params hold no more.
const MAX_PARAM_ITEMS = 100
const MAX_PARAM_TEXT = 256
const SIGNED_AMOUNT = /^-?\d{1,20}(\.\d{1,10})?$/

/** Reads one param: the value at `path`, checked to be what the library writes there. */
type ParamReader<T> = (value: unknown, path: string) => T

function paramText(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_PARAM_TEXT) {
    fail(path, `a string of 1 to ${MAX_PARAM_TEXT} characters`, value)
  }
  return value
}

function paramTexts(value: unknown, path: string): readonly string[] {
  if (!Array.isArray(value) || value.length > MAX_PARAM_ITEMS) {
    fail(path, `an array of at most ${MAX_PARAM_ITEMS} strings`, value)
  }
  return Array.from({ length: value.length }, (_, i) => paramText(own(value, String(i)), joinPath(path, i)))
}

/** An instant param: kept as the UTC ISO string it is, once checked. */
function paramInstant(value: unknown, path: string): string {
  instant(value, path)
  return value as string
}

/** Hours or months: a non-negative number. */
function paramNumber(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail(path, 'a non-negative number', value)
  return value
}

function paramAmount(value: unknown, path: string): AmountParam {
  const source = record(value, path)
  const amount = own(source, 'amount')
  const currency = own(source, 'currency')
  if (typeof amount !== 'string' || !SIGNED_AMOUNT.test(amount)) {
    fail(joinPath(path, 'amount'), 'a decimal amount string', amount)
  }
  if (typeof currency !== 'string' || !CURRENCY.test(currency)) {
    fail(joinPath(path, 'currency'), 'an ISO 4217 code', currency)
  }
  return { amount, currency }
}

const orNull =
  <T>(read: ParamReader<T>): ParamReader<T | null> =>
  (value, path) =>
    value === null ? null : read(value, path)

const oneOfValues =
  <T extends string>(values: readonly T[]): ParamReader<T> =>
  (value, path) => {
    if (!values.includes(value as T)) fail(path, values.map((v) => `'${v}'`).join(' or '), value)
    return value as T
  }

/** How each param of a reason with code `C` is read: one reader per key, of the key's type. */
type ParamsSchema<P> = { readonly [K in keyof P]-?: ParamReader<P[K]> }

const WINDOW: ParamsSchema<WindowParams> = {
  receivedAt: paramInstant,
  windowHours: paramNumber,
  windowFrom: oneOfValues(['top-up-credited', 'order-placed']),
  windowClosesAt: paramInstant,
}

/** The params of every reason code, as the clauses write them (see {@link ReasonParams}). */
const PARAMS: { readonly [C in ExplainedReasonCode]: ParamsSchema<ReasonParams[C]> } = {
  WITHIN_WINDOW: WINDOW,
  WINDOW_EXPIRED: WINDOW,
  ALREADY_REFUNDED: { amount: paramAmount, orderId: orNull(paramText) },
  NOTHING_TO_REFUND: { balance: paramAmount },
  PARTIALLY_SPENT: { balance: paramAmount, left: paramAmount },
  ALREADY_CANCELLED: { orderId: paramText },
  NOTHING_LEFT_AFTER_DEDUCTIONS: { gross: paramAmount },
  WRITTEN_REQUEST: { channel: paramText, writtenChannels: paramTexts, address: paramText },
  REQUESTED_INFORMATION: { items: paramTexts },
  ORDER_DETAILS: { orderId: paramText, letterOrderId: orNull(paramText) },
  IDENTITY_VERIFICATION: {},
  OWNERSHIP_VERIFICATION: {},
  INDIVIDUAL_TERMS: {},
  INACTIVE_OVER_THRESHOLD: { lastActivityAt: paramInstant, months: paramNumber },
  MONTH_END_CLAMPED: { months: paramNumber, deactivatesAt: paramInstant },
  NONEXISTENT_LOCAL_TIME: {
    months: paramNumber,
    timeZone: paramText,
    localTime: paramText,
    deactivatesAt: paramInstant,
  },
  CLOCK_SKEW_TOLERATED: {
    field: oneOfValues(['request.receivedAt', 'request.informationRequested.providedAt', 'account.lastActivityAt']),
    at: paramInstant,
    skewSeconds: paramNumber,
  },
}

/**
 * Reads one reason: its code, one the catalogs know, and the params of that
 * code, each checked; a copy, so nothing else of the reason is kept.
 */
function readReason(value: unknown, path: string): ExplainedReason {
  const reason = record(value, path)
  const code = oneOf<ExplainedReasonCode>(PARAMS, own(reason, 'code'), joinPath(path, 'code'), 'a reason code')
  const paramsPath = joinPath(path, 'params')
  const source = record(own(reason, 'params'), paramsPath)
  const schema: Readonly<Record<string, ParamReader<unknown>>> = PARAMS[code]
  const params: Record<string, unknown> = {}
  for (const [key, read] of Object.entries(schema)) params[key] = read(own(source, key), joinPath(paramsPath, key))
  // Built key by key by the readers of this code's schema, which the compiler checked against its params.
  return { code, params } as ExplainedReason
}

/**
 * Reads a decision to explain, or throws `INVALID_INPUT` at the path of the
 * first field that is not what the library makes.
 *
 * @example
 * readDecision({}, 'decision') // throws INVALID_INPUT at decision.clause
 */
export function readDecision(value: unknown, path: string): DecisionView {
  const decision = record(value, path)
  const clause = oneOf<ClauseId>(OUTCOMES, own(decision, 'clause'), joinPath(path, 'clause'), 'a clause id')
  const outcome = own(decision, 'outcome')
  if (!OUTCOMES[clause].includes(outcome as Outcome)) {
    fail(joinPath(path, 'outcome'), `an outcome of ${clause}`, outcome)
  }
  const reasonsPath = joinPath(path, 'reasons')
  const reasons = list(own(decision, 'reasons'), reasonsPath).map((reason, i) =>
    readReason(reason, joinPath(reasonsPath, i)),
  )
  const requirementsPath = joinPath(path, 'requirements')
  const requirements = list(own(decision, 'requirements'), requirementsPath).map((code, i) =>
    oneOf<RequirementCode>(en.requirements, code, joinPath(requirementsPath, i), 'a requirement code'),
  )
  const policyPath = joinPath(path, 'policy')
  const policy = record(own(decision, 'policy'), policyPath)
  const datesPath = joinPath(path, 'dates')
  const dates = own(decision, 'dates')
  const dated = dates === undefined ? {} : record(dates, datesPath)
  const view: DecisionView = {
    clause,
    outcome: outcome as Outcome,
    reasons,
    requirements,
    policy: {
      id: text(own(policy, 'id'), joinPath(policyPath, 'id')),
      version: text(own(policy, 'version'), joinPath(policyPath, 'version')),
      fingerprint: optional(policy, 'fingerprint', policyPath, text),
    },
    amounts: optional(decision, 'amounts', path, amounts),
    settlement: optional(decision, 'settlement', path, amounts),
    windowClosesAt: optional(dated, 'windowClosesAt', datesPath, instant),
    statusChangeDueBy: optional(dated, 'statusChangeDueBy', datesPath, instant),
    refundDueDate: optional(dated, 'refundDueDate', datesPath, parsePlainDate),
    lastActivityAt: optional(dated, 'lastActivityAt', datesPath, instant),
    deactivatesAt: optional(dated, 'deactivatesAt', datesPath, instant),
  }
  if (clause === 'inactivity') {
    // An inactivity decision always has both dates; its explanation is built on them.
    if (view.lastActivityAt === undefined) fail(joinPath(datesPath, 'lastActivityAt'), 'an instant', undefined)
    if (view.deactivatesAt === undefined) fail(joinPath(datesPath, 'deactivatesAt'), 'an instant', undefined)
  }
  return view
}
