/**
 * What the clauses share: running an evaluation on a policy, the request's
 * written-channel and information requirements, the refund clock (SPEC §4),
 * and assembling a frozen, JSON-safe decision (SPEC §6).
 */
import {
  CLAUSE_TITLES,
  type ClauseId,
  type DecisionAmounts,
  type Outcome,
  type Reason,
  type ReasonCode,
  type RequirementCode,
} from '../decision.js'
import { isRefundRulesError, refundRulesError, unreadable } from '../errors.js'
import { compareMoney, describeMoney, type Money, subtractMoney } from '../money/amount.js'
import { feeClaim, formatSettlement, scheduleFeeClaim, settle } from '../money/deductions.js'
import { givenFee } from '../money/fees.js'
import { ctrGroupPolicy } from '../policy/presets.js'
import { type Policy, type PolicyOptions, type PolicyRuntime, policyRuntime } from '../policy/settings.js'
import { type EpochMs, formatInstant } from '../time/instant.js'
import { formatPlainDate } from '../time/plain-date.js'
import { InputReader, type ReadRequest } from './inputs.js'

/**
 * Runs one evaluation of untrusted `input`: resolves the policy
 * (`ctrGroupPolicy` by default), makes a fresh {@link InputReader}, checks
 * that `input` is an object (an issue at `path` when not) and hands them to
 * `decide`. Nothing but a `RefundRulesError` escapes (SPEC §7.6): a proxy or
 * getter that throws something odd while being read, or a stack overflow on
 * a pathological input, becomes `INVALID_INPUT`.
 *
 * `decide` is a module-level function rather than a closure made per call:
 * the clauses' hot path makes no closures.
 *
 * @example
 * function closesAt(reader: InputReader, topUp: object | undefined, _policy: Policy, runtime: PolicyRuntime) {
 *   const creditedAt = reader.instant(topUp, 'creditedAt', 'topUp')
 *   reader.finish()
 *   return creditedAt + runtime.windowMs.topUp
 * }
 * evaluateInput({ creditedAt: '2026-11-20T10:00:00Z' }, 'topUp', undefined, closesAt) // => 1795341600000
 */
export function evaluateInput<T>(
  input: unknown,
  path: string,
  options: Policy | PolicyOptions | undefined,
  decide: (reader: InputReader, source: object | undefined, policy: Policy, runtime: PolicyRuntime) => T,
): T {
  try {
    const { policy, runtime } = policyRuntime(options ?? ctrGroupPolicy)
    const reader = new InputReader()
    return decide(reader, reader.root(input, path), policy, runtime)
  } catch (error) {
    if (isRefundRulesError(error)) throw error
    throw refundRulesError('INVALID_INPUT', 'input', unreadable(error))
  }
}

/** The citation each reason's message ends with, e.g. ` (REFUND UPON TERMINATION OF USE)`: made once, not per reason. */
const CITATIONS = Object.fromEntries(
  Object.entries(CLAUSE_TITLES).map(([clause, title]) => [clause, ` (${title})`]),
) as Readonly<Record<ClauseId, string>>

/**
 * Collects a decision's reasons and requirements in the order they are found.
 * A class for the same reason as the input reader: one is made per decision.
 */
export class Reasons {
  readonly reasons: Reason[] = []
  readonly requirements: RequirementCode[] = []

  constructor(readonly clause: ClauseId) {}

  add(code: ReasonCode, message: string): void {
    this.reasons.push(Object.freeze({ code, clause: this.clause, message: message + CITATIONS[this.clause] }))
  }

  require(code: RequirementCode, message: string): void {
    this.requirements.push(code)
    this.add(code, message)
  }
}

/** Flags an instant after `now`: a snapshot or request from the future contradicts the evaluation. */
export function checkNotAfterNow(reader: InputReader, path: string, at: EpochMs, now: EpochMs): void {
  if (at > now) reader.inconsistent(path, `is after now (${formatInstant(now)})`)
}

/**
 * Flags a request received after `now` or before the event it is about (at
 * `eventPath`, when there is one), and information provided out of order.
 */
export function checkRequestOrder(
  reader: InputReader,
  request: ReadRequest,
  now: EpochMs,
  eventAt?: EpochMs,
  eventPath?: string,
): void {
  checkNotAfterNow(reader, 'request.receivedAt', request.receivedAt, now)
  if (eventAt !== undefined && request.receivedAt < eventAt) {
    reader.inconsistent('request.receivedAt', `is before ${eventPath} (${formatInstant(eventAt)})`)
  }
  if (request.providedAt !== undefined) {
    if (request.providedAt < request.receivedAt) {
      reader.inconsistent('request.informationRequested.providedAt', 'is before the request was received')
    }
    checkNotAfterNow(reader, 'request.informationRequested.providedAt', request.providedAt, now)
  }
}

/** Flags a top-up or order (at `parent`, called `what` in the message) said to be refunded beyond its amount. */
export function checkRefunded(
  reader: InputReader,
  parent: string,
  what: string,
  amount: Money,
  refunded: Money | undefined,
): void {
  if (refunded !== undefined && compareMoney(refunded, amount) > 0) {
    reader.inconsistent(`${parent}.refunded`, `is more than ${what} (${describeMoney(amount)})`)
  }
}

/** What is left of a top-up or order to refund: its amount less what was already refunded. */
export function leftToRefund(amount: Money, refunded: Money | undefined): Money {
  return refunded === undefined ? amount : subtractMoney(amount, refunded)
}

/** SPEC §5: a request must come through a written channel. Adds `WRITTEN_REQUEST` when it did not. */
export function requireWrittenRequest(reasons: Reasons, request: ReadRequest, policy: Policy, runtime: PolicyRuntime) {
  if (!runtime.writtenChannels.has(request.channel)) {
    reasons.require(
      'WRITTEN_REQUEST',
      `The request came by ${JSON.stringify(request.channel.slice(0, 40))}; it must be sent in writing (${policy.writtenChannels.join(' or ')}) to ${policy.contacts.refunds}`,
    )
  }
}

/** SPEC §5: additional data asked of the customer must have arrived. Adds `REQUESTED_INFORMATION` while it has not. */
export function requireRequestedInformation(reasons: Reasons, request: ReadRequest) {
  if (request.informationItems.length > 0 && request.providedAt === undefined) {
    reasons.require(
      'REQUESTED_INFORMATION',
      `The additional data requested is still missing: ${request.informationItems.join(', ')}`,
    )
  }
}

/** SPEC §4: the refund clock starts at the complete request, max(receivedAt, providedAt). */
export function clockStart(request: ReadRequest): EpochMs {
  return request.providedAt === undefined ? request.receivedAt : Math.max(request.receivedAt, request.providedAt)
}

/** The refund due date for a clock started at `start`: `refundDueDate` and `refundDueBy`. */
export function refundDue(runtime: PolicyRuntime, start: EpochMs, businessDays: number) {
  const due = runtime.calendar.addBusinessDays(
    runtime.calendar.clockStartDay(start),
    businessDays,
    'request.receivedAt',
  )
  return {
    refundDueDate: formatPlainDate(due),
    refundDueBy: formatInstant(runtime.calendar.endOfDay(due, 'request.receivedAt')),
  }
}

/**
 * SPEC §5 windows are elapsed time with the edge included: in time when
 * `receivedAt − start ≤ window`.
 */
export function isWithinWindow(start: EpochMs, windowMs: number, receivedAt: EpochMs): boolean {
  return receivedAt - start <= windowMs
}

/** SPEC §5 precedence: rejected, then needs-information, then the clause's positive outcome. */
export function outcomeOf<O extends Outcome>(rejected: boolean, reasons: Reasons, positive: O) {
  return rejected ? 'rejected' : reasons.requirements.length > 0 ? 'needs-information' : positive
}

/** Shared by every decision without requirements: frozen, so sharing it is safe, and one freeze fewer per decision. */
const NO_REQUIREMENTS: readonly RequirementCode[] = Object.freeze([])

/**
 * Assembles a decision of the reasons' clause: the common fields, then the
 * clause's own, each left out when undefined, and freezes it. Reasons,
 * amounts, settlements and the policy reference are frozen as they are made;
 * dates are flat data made by the clause, frozen here. Only
 * `needs-information` has requirements. The clause's parts are arguments
 * added one by one, not an object spread: a spread of objects of varying
 * shape was a measurable share of a decision (issue #4).
 */
export function decision(
  reasons: Reasons,
  outcome: Outcome,
  now: EpochMs,
  runtime: PolicyRuntime,
  amounts?: DecisionAmounts,
  dates?: object,
  settlement?: DecisionAmounts,
): unknown {
  const made: Record<string, unknown> = {
    clause: reasons.clause,
    outcome,
    reasons: Object.freeze(reasons.reasons),
    // What the customer must still send: nothing once the request is rejected (the reasons still say why).
    requirements: outcome === 'needs-information' ? Object.freeze(reasons.requirements) : NO_REQUIREMENTS,
    evaluatedAt: formatInstant(now),
    policy: runtime.reference,
  }
  if (amounts !== undefined) made.amounts = amounts
  if (dates !== undefined) made.dates = Object.freeze(dates)
  if (settlement !== undefined) made.settlement = settlement
  return Object.freeze(made)
}

/** What a refund claimed within a window would pay, and when its window closes. */
export interface WindowedRefund {
  readonly windowClosesAt: string
  /** The amount before the processing fee. */
  readonly gross: Money
  /** The payment method, whose fee the schedule gives unless the snapshot gives its own. */
  readonly method: string
  readonly givenFee: Money | undefined
}

/** The processing fee claim of a snapshot: its own `processingFee`, or the schedule's fee for `method`. */
function processingFeeClaim(policy: Policy, method: string, given: Money | undefined) {
  return given === undefined ? scheduleFeeClaim(policy.fees, method) : feeClaim(() => givenFee(given))
}

/**
 * Finishes the decision on a refund claimed within a window — a top-up
 * refund or an order cancellation (SPEC §5) — once the clause has added its
 * own reasons: adds the written-request and requested-information
 * requirements, then decides. Every outcome shows when the window closes;
 * unless rejected, the gross less the processing fee; once approved, the
 * refund due date, and for a cancellation when the order's status changes.
 */
export function windowedRefundDecision(
  reasons: Reasons,
  rejected: boolean,
  request: ReadRequest,
  now: EpochMs,
  policy: Policy,
  runtime: PolicyRuntime,
  refund: WindowedRefund,
): unknown {
  requireWrittenRequest(reasons, request, policy, runtime)
  requireRequestedInformation(reasons, request)
  const outcome = outcomeOf(rejected, reasons, 'approved')
  const windowClosesAt = refund.windowClosesAt
  // A rejected request has no amounts: its gross may be nothing or negative.
  const amounts = rejected
    ? undefined
    : formatSettlement(settle(refund.gross, [processingFeeClaim(policy, refund.method, refund.givenFee)]))
  if (outcome !== 'approved') return decision(reasons, outcome, now, runtime, amounts, { windowClosesAt })
  // Due dates copied field by field rather than spread: spreading objects of varying shape cost more than a
  // microsecond (issue #4).
  const clock = clockStart(request)
  const due = refundDue(runtime, clock, policy.refundBusinessDays)
  const dates =
    reasons.clause === 'order-cancellation'
      ? {
          windowClosesAt,
          // A cancellation also promises the order's status change, `cancellationStatusChangeHours` after the clock starts.
          statusChangeDueBy: formatInstant(clock + runtime.windowMs.statusChange),
          refundDueDate: due.refundDueDate,
          refundDueBy: due.refundDueBy,
        }
      : { windowClosesAt, refundDueDate: due.refundDueDate, refundDueBy: due.refundDueBy }
  return decision(reasons, outcome, now, runtime, amounts, dates)
}
