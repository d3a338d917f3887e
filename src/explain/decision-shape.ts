/**
 * Reading a decision to explain as untrusted data (SPEC §6): a decision read
 * back from a database or a log may be anything. Only own properties are
 * read, every code must be one the catalogs know, and a value is never
 * echoed unbounded: what is read is copied into a small view, so nothing
 * else of the object reaches the explanation.
 */
import type { ClauseId, Outcome, RequirementCode } from '../decision.js'
import { expected, isRecord, joinPath, refundRulesError } from '../errors.js'
import { type EpochMs, parseInstant } from '../time/instant.js'
import { type DayNumber, parsePlainDate } from '../time/plain-date.js'
import { type ExplainedReasonCode, en } from './locale.js'

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
  readonly reasons: readonly ExplainedReasonCode[]
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
  const reasons = list(own(decision, 'reasons'), reasonsPath).map((reason, i) => {
    const at = joinPath(reasonsPath, i)
    return oneOf<ExplainedReasonCode>(
      en.reasons,
      own(record(reason, at), 'code'),
      joinPath(at, 'code'),
      'a reason code',
    )
  })
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
    windowClosesAt: optional(dated, 'windowClosesAt', datesPath, parseInstant),
    statusChangeDueBy: optional(dated, 'statusChangeDueBy', datesPath, parseInstant),
    refundDueDate: optional(dated, 'refundDueDate', datesPath, parsePlainDate),
    lastActivityAt: optional(dated, 'lastActivityAt', datesPath, parseInstant),
    deactivatesAt: optional(dated, 'deactivatesAt', datesPath, parseInstant),
  }
  if (clause === 'inactivity') {
    // An inactivity decision always has both dates; its explanation is built on them.
    if (view.lastActivityAt === undefined) fail(joinPath(datesPath, 'lastActivityAt'), 'an instant', undefined)
    if (view.deactivatesAt === undefined) fail(joinPath(datesPath, 'deactivatesAt'), 'an instant', undefined)
  }
  return view
}
