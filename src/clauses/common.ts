/**
 * What the clauses share: resolving the policy, the request's written-channel
 * and information requirements, the refund clock (SPEC §4), and assembling a
 * frozen, JSON-safe decision (SPEC §6).
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
import type { Money } from '../money/amount.js'
import { feeClaim, formatSettlement, scheduleFeeClaim, settle } from '../money/deductions.js'
import { givenFee } from '../money/fees.js'
import { ctrGroupPolicy } from '../policy/presets.js'
import { type Policy, type PolicyOptions, type PolicyRuntime, policyRuntime } from '../policy/settings.js'
import { type EpochMs, formatInstant } from '../time/instant.js'
import { formatPlainDate } from '../time/plain-date.js'
import type { InputReader, ReadRequest } from './inputs.js'

/** The policy and its runtime, with `ctrGroupPolicy` as the default. */
export function resolvePolicy(policy: Policy | PolicyOptions | undefined): { policy: Policy; runtime: PolicyRuntime } {
  return policyRuntime(policy ?? ctrGroupPolicy)
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

  constructor(private readonly clause: ClauseId) {}

  add(code: ReasonCode, message: string): void {
    this.reasons.push(Object.freeze({ code, clause: this.clause, message: message + CITATIONS[this.clause] }))
  }

  require(code: RequirementCode, message: string): void {
    this.requirements.push(code)
    this.add(code, message)
  }
}

/** A fresh {@link Reasons} collector for a decision of `clause`. */
export function createReasons(clause: ClauseId): Reasons {
  return new Reasons(clause)
}

/** Flags a request received after `now` or before the event it is about, and information provided out of order. */
export function checkRequestOrder(
  reader: InputReader,
  request: ReadRequest,
  now: EpochMs,
  event?: { at: EpochMs; path: string },
): void {
  if (request.receivedAt > now) {
    reader.inconsistent('request.receivedAt', `is after now (${formatInstant(now)})`)
  }
  if (event !== undefined && request.receivedAt < event.at) {
    reader.inconsistent('request.receivedAt', `is before ${event.path} (${formatInstant(event.at)})`)
  }
  if (request.providedAt !== undefined) {
    if (request.providedAt < request.receivedAt) {
      reader.inconsistent('request.informationRequested.providedAt', 'is before the request was received')
    }
    if (request.providedAt > now) {
      reader.inconsistent('request.informationRequested.providedAt', `is after now (${formatInstant(now)})`)
    }
  }
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

/** The processing fee claim of a snapshot: its own `processingFee`, or the schedule's fee for `method`. */
function processingFeeClaim(policy: Policy, method: string, given: Money | undefined) {
  return given === undefined ? scheduleFeeClaim(policy.fees, method) : feeClaim(() => givenFee(given))
}

/** Settles a gross amount against a processing fee alone (top-up refunds and cancellations). */
export function feeOnlyAmounts(
  policy: Policy,
  gross: Money,
  method: string,
  given: Money | undefined,
): DecisionAmounts {
  return formatSettlement(settle(gross, [processingFeeClaim(policy, method, given)]))
}

/** SPEC §5 precedence: rejected, then needs-information, then the clause's positive outcome. */
export function outcomeOf<O extends Outcome>(rejected: boolean, reasons: Reasons, positive: O) {
  return rejected ? 'rejected' : reasons.requirements.length > 0 ? 'needs-information' : positive
}

/** The clause's own parts of a decision, each left out when undefined: flat data (dates) or frozen already (amounts). */
interface DecisionParts {
  readonly amounts?: object
  readonly dates?: object
  readonly settlement?: object
}

/** Shared by every decision without requirements: frozen, so sharing it is safe, and one freeze fewer per decision. */
const NO_REQUIREMENTS: readonly RequirementCode[] = Object.freeze([])

/**
 * Assembles a decision: the common fields, then the clause's own, frozen.
 * Reasons, amounts and the policy reference are frozen as they are made, so
 * only the rest needs freezing. Only `needs-information` has requirements.
 * The parts are added one by one rather than spread: a spread of objects of
 * varying shape was a measurable share of a decision (issue #4).
 */
export function decision(
  clause: ClauseId,
  outcome: Outcome,
  reasons: Reasons,
  now: EpochMs,
  runtime: PolicyRuntime,
  parts: DecisionParts,
): unknown {
  const made: Record<string, unknown> = {
    clause,
    outcome,
    reasons: Object.freeze(reasons.reasons),
    // What the customer must still send: nothing once the request is rejected (the reasons still say why).
    requirements: outcome === 'needs-information' ? Object.freeze(reasons.requirements) : NO_REQUIREMENTS,
    evaluatedAt: formatInstant(now),
    policy: runtime.reference,
  }
  // Amounts and settlements come frozen from formatSettlement; dates are made by the clause.
  if (parts.amounts !== undefined) made.amounts = parts.amounts
  if (parts.dates !== undefined) made.dates = Object.freeze(parts.dates)
  if (parts.settlement !== undefined) made.settlement = parts.settlement
  return Object.freeze(made)
}
