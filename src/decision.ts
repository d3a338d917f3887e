/**
 * Decisions: the plain, frozen, JSON-safe values every evaluation returns
 * (SPEC §6), and the codes they carry.
 */
import { codeConstants } from './errors.js'

/** The four clauses of the policy, by id (`ClauseIds.TOP_UP_REFUND` is `'top-up-refund'`). */
export const ClauseIds = codeConstants(['top-up-refund', 'order-cancellation', 'termination', 'inactivity'])

/** A clause id: `'top-up-refund' | 'order-cancellation' | 'termination' | 'inactivity'`. */
export type ClauseId = (typeof ClauseIds)[keyof typeof ClauseIds]

/** The headings of the published policy, which every reason cites. */
export const CLAUSE_TITLES: Readonly<Record<ClauseId, string>> = Object.freeze({
  'top-up-refund': 'REFUND AFTER TOPPING UP YOUR BALANCE',
  'order-cancellation': 'REFUND UPON ORDER CANCELLATION',
  termination: 'REFUND UPON TERMINATION OF USE',
  inactivity: 'REFUND UPON INACTIVITY OF THE ACCOUNT',
})

/** Every outcome, as runtime constants (`Outcomes.NEEDS_INFORMATION` is `'needs-information'`). */
export const Outcomes = codeConstants([
  'approved',
  'rejected',
  'needs-information',
  'manual-review',
  'active',
  'deactivated',
])

/** An outcome, as a string-literal union. */
export type Outcome = (typeof Outcomes)[keyof typeof Outcomes]

/** The requirement codes, in the order the reason codes list them (each described there). */
const REQUIREMENT_CODES = [
  'WRITTEN_REQUEST',
  'REQUESTED_INFORMATION',
  'ORDER_DETAILS',
  'IDENTITY_VERIFICATION',
  'OWNERSHIP_VERIFICATION',
] as const

/**
 * Every reason code, as runtime constants (SPEC §5).
 *
 * - `WITHIN_WINDOW`: the request arrived within the window (informational, on decisions that are not rejected).
 * - `WINDOW_EXPIRED`: the request arrived after the window closed.
 * - `ALREADY_REFUNDED`: nothing is left of the top-up or order to refund.
 * - `NOTHING_TO_REFUND`: the balance is zero or negative.
 * - `PARTIALLY_SPENT`: part of the top-up was spent: the balance limits the refund.
 * - `ALREADY_CANCELLED`: the order was already cancelled.
 * - `WRITTEN_REQUEST`: the request did not come through a written channel.
 * - `REQUESTED_INFORMATION`: information the provider asked for has not been provided yet.
 * - `ORDER_DETAILS`: the letter does not carry this order's details.
 * - `IDENTITY_VERIFICATION`: the holder has not confirmed their identity.
 * - `OWNERSHIP_VERIFICATION`: the right to use the account and the funds is not confirmed.
 * - `NOTHING_LEFT_AFTER_DEDUCTIONS`: the deductions take the whole gross: nothing is paid (the amounts stay visible).
 * - `INDIVIDUAL_TERMS`: termination terms are discussed individually: the settlement is a proposal (manual review only).
 * - `INACTIVE_OVER_THRESHOLD`: the account has not been used for longer than the threshold.
 * - `MONTH_END_CLAMPED`: the month count landed on a day the target month lacks and was clamped to its last day.
 * - `NONEXISTENT_LOCAL_TIME`: the month count landed on a local time skipped by a DST change and moved forward.
 * - `CLOCK_SKEW_TOLERATED`: an instant of the input was after `now`, within the policy's `clockSkewSeconds`, and was read as `now` (the message names the field).
 */
export const ReasonCodes = codeConstants([
  'WITHIN_WINDOW',
  'WINDOW_EXPIRED',
  'ALREADY_REFUNDED',
  'NOTHING_TO_REFUND',
  'PARTIALLY_SPENT',
  'ALREADY_CANCELLED',
  'NOTHING_LEFT_AFTER_DEDUCTIONS',
  ...REQUIREMENT_CODES,
  'INDIVIDUAL_TERMS',
  'INACTIVE_OVER_THRESHOLD',
  'MONTH_END_CLAMPED',
  'NONEXISTENT_LOCAL_TIME',
  'CLOCK_SKEW_TOLERATED',
])

/** A reason code, as a string-literal union. */
export type ReasonCode = (typeof ReasonCodes)[keyof typeof ReasonCodes]

/** What the customer must still provide, as runtime constants (a subset of the reason codes). */
export const RequirementCodes = codeConstants(REQUIREMENT_CODES)

/** A requirement code, as a string-literal union. */
export type RequirementCode = (typeof RequirementCodes)[keyof typeof RequirementCodes]

/** A sum of money in a reason's `params`: the amount with exactly the currency's minor digits, and the currency's ISO 4217 code. */
export interface AmountParam {
  readonly amount: string
  readonly currency: string
}

/** The params of `WITHIN_WINDOW` and `WINDOW_EXPIRED`. */
export interface WindowParams {
  /** When the request arrived (the first letter's `receivedAt`), UTC ISO. */
  readonly receivedAt: string
  /** The window's length in hours. */
  readonly windowHours: number
  /** What the window runs from: a top-up credited (the top-up itself, or an order's funding top-up) or the order placed. */
  readonly windowFrom: 'top-up-credited' | 'order-placed'
  /** The window's last instant, UTC ISO: a request received then is still in time. */
  readonly windowClosesAt: string
}

/** The input instants checked against `now`, which a policy's clock skew may read as `now` (SPEC §1). */
export type SkewableField = 'request.receivedAt' | 'request.informationRequested.providedAt' | 'account.lastActivityAt'

/** The params of a reason whose sentence names no value. */
export interface NoParams {
  readonly [key: string]: never
}

/**
 * What each reason's sentence names, by code: the `params` of a reason with
 * that code. Instants are UTC ISO strings with milliseconds, amounts
 * {@link AmountParam}s, hours and months numbers; every value is JSON and
 * frozen, so an application can write the sentence in its own words and
 * language (as `explain` does).
 */
export interface ReasonParams {
  readonly WITHIN_WINDOW: WindowParams
  readonly WINDOW_EXPIRED: WindowParams
  /** What was refunded in full: the top-up's or the order's amount; `orderId` for an order, else `null`. */
  readonly ALREADY_REFUNDED: { readonly amount: AmountParam; readonly orderId: string | null }
  /** The balance, zero or negative. */
  readonly NOTHING_TO_REFUND: { readonly balance: AmountParam }
  /** The balance that limits the refund, and what is left of the top-up (more than the balance). */
  readonly PARTIALLY_SPENT: { readonly balance: AmountParam; readonly left: AmountParam }
  readonly ALREADY_CANCELLED: { readonly orderId: string }
  /** The gross the deductions take whole. */
  readonly NOTHING_LEFT_AFTER_DEDUCTIONS: { readonly gross: AmountParam }
  /**
   * The channel the request came by (its first 40 characters), the policy's
   * written channels and its address for refund requests.
   */
  readonly WRITTEN_REQUEST: {
    readonly channel: string
    readonly writtenChannels: readonly string[]
    readonly address: string
  }
  /** The items asked for and not yet provided. */
  readonly REQUESTED_INFORMATION: { readonly items: readonly string[] }
  /** This order's id, and the order the letter names instead (its first 40 characters), or `null` when it names none. */
  readonly ORDER_DETAILS: { readonly orderId: string; readonly letterOrderId: string | null }
  readonly IDENTITY_VERIFICATION: NoParams
  readonly OWNERSHIP_VERIFICATION: NoParams
  readonly INDIVIDUAL_TERMS: NoParams
  /** The last activity (UTC ISO) and the policy's `inactivityMonths`. */
  readonly INACTIVE_OVER_THRESHOLD: { readonly lastActivityAt: string; readonly months: number }
  /** The months counted and the instant the count was clamped to (the month's last day), UTC ISO. */
  readonly MONTH_END_CLAMPED: { readonly months: number; readonly deactivatesAt: string }
  /**
   * The months counted, the zone, the local time the count moved forward to
   * (`YYYY-MM-DD HH:mm`) and that instant, UTC ISO.
   */
  readonly NONEXISTENT_LOCAL_TIME: {
    readonly months: number
    readonly timeZone: string
    readonly localTime: string
    readonly deactivatesAt: string
  }
  /**
   * The field whose instant was a little after `now`, that instant as given
   * (UTC ISO), and the policy's `clockSkewSeconds` it was within.
   */
  readonly CLOCK_SKEW_TOLERATED: {
    readonly field: SkewableField
    readonly at: string
    readonly skewSeconds: number
  }
}

/** A reason with the code `C`, whose `params` are `ReasonParams[C]`. */
export interface ReasonOf<C extends keyof ReasonParams> {
  readonly code: C
  readonly clause: ClauseId
  /** A sentence in English a support agent can read to the customer; ends with the clause heading it comes from. */
  readonly message: string
  /** The values the sentence names, for writing it in other words or languages. */
  readonly params: ReasonParams[C]
}

/**
 * One reason for a decision, citing its clause. A union over the codes:
 * `reason.code === 'WINDOW_EXPIRED'` narrows `reason.params` to
 * {@link WindowParams}.
 */
export type Reason = { readonly [C in ReasonCode]: ReasonOf<C> }[ReasonCode]

/** One deduction from the gross amount. */
export interface DecisionDeduction {
  readonly kind: 'processing-fee' | 'debt'
  /** The amount, with exactly the currency's minor digits. */
  readonly amount: string
  /** How it was computed, e.g. `card: 2.9% + 0.30 EUR`. */
  readonly basis: string
}

/** The money of a refund: `net + Σ deductions = gross`, exactly. Amounts have exactly the currency's minor digits. */
export interface DecisionAmounts {
  readonly currency: string
  readonly gross: string
  readonly deductions: readonly DecisionDeduction[]
  readonly net: string
  /** The debt the balance did not cover (termination and inactivity settlements with a debt). */
  readonly outstandingDebt?: string
}

/**
 * The rows a decision was made on, by id, each as a string (`42`, `42n` and
 * `'42'` are all `'42'`): only those its clause reads, so a stored decision
 * can be joined back to them.
 */
export interface DecisionSubjects {
  readonly 'top-up-refund': { readonly topUpId: string; readonly accountId: string }
  /** The order and the top-up that funded it. */
  readonly 'order-cancellation': { readonly orderId: string; readonly topUpId: string }
  readonly termination: { readonly accountId: string }
  readonly inactivity: { readonly accountId: string }
}

/** The subject of any decision: `{ topUpId?, orderId?, accountId? }`, narrowed by {@link DecisionSubjects} per clause. */
export type DecisionSubject = DecisionSubjects[ClauseId]

/** The fields every decision has. */
export interface DecisionBase<C extends ClauseId, O extends Outcome> {
  readonly clause: C
  readonly outcome: O
  /** The ids of the rows it was made on (SPEC §6). */
  readonly subject: DecisionSubjects[C]
  /** Every reason that applies, in a stable order. */
  readonly reasons: readonly Reason[]
  /** What the customer must still send (`needs-information`); empty otherwise. */
  readonly requirements: readonly RequirementCode[]
  /** `now`, as a UTC ISO string. */
  readonly evaluatedAt: string
  /**
   * The policy the decision was made under (SPEC §6): its id, version and fingerprint (a digest of every setting);
   * `effectiveFrom` (UTC ISO) when a policy history chose the version.
   */
  readonly policy: {
    readonly id: string
    readonly version: string
    readonly fingerprint: string
    readonly effectiveFrom?: string
  }
}

/** A refund's due date: the local `YYYY-MM-DD` date in the calendar's zone and its last millisecond (UTC ISO). */
export interface RefundDueDates {
  readonly refundDueDate: string
  readonly refundDueBy: string
}

/** When a refund window closes (UTC ISO), on a decision that promises no due date yet. */
export interface WindowDates {
  readonly windowClosesAt: string
  readonly refundDueDate?: undefined
  readonly refundDueBy?: undefined
}

/** Dates of an approved top-up refund. */
export interface TopUpRefundDates extends RefundDueDates {
  readonly windowClosesAt: string
}

/** Top-up refund: approved, with the amounts to pay and the due date. */
export interface TopUpRefundApproved extends DecisionBase<'top-up-refund', 'approved'> {
  readonly amounts: DecisionAmounts
  readonly dates: TopUpRefundDates
}

/** Top-up refund: waiting for what `requirements` lists; the amounts it would pay. */
export interface TopUpRefundNeedsInformation extends DecisionBase<'top-up-refund', 'needs-information'> {
  readonly amounts: DecisionAmounts
  readonly dates: WindowDates
}

/**
 * Top-up refund: rejected. `amounts` only when the deductions took the whole
 * gross (`NOTHING_LEFT_AFTER_DEDUCTIONS`, net `0`), so that they stay visible.
 */
export interface TopUpRefundRejected extends DecisionBase<'top-up-refund', 'rejected'> {
  readonly amounts?: DecisionAmounts
  readonly dates: WindowDates
}

/** The decision of `evaluateTopUpRefund`: narrow on `outcome`. */
export type TopUpRefundDecision = TopUpRefundApproved | TopUpRefundNeedsInformation | TopUpRefundRejected

/** Dates of an approved order cancellation. */
export interface OrderCancellationDates extends TopUpRefundDates {
  /** When the order's status must have changed: clock start + `cancellationStatusChangeHours`. */
  readonly statusChangeDueBy: string
}

/** Dates of an order cancellation that is not approved. */
export interface OrderCancellationWindowDates extends WindowDates {
  readonly statusChangeDueBy?: undefined
}

/** Order cancellation: approved, with the amounts, the status-change deadline and the due date. */
export interface OrderCancellationApproved extends DecisionBase<'order-cancellation', 'approved'> {
  readonly amounts: DecisionAmounts
  readonly dates: OrderCancellationDates
}

/** Order cancellation: waiting for what `requirements` lists; the amounts it would pay. */
export interface OrderCancellationNeedsInformation extends DecisionBase<'order-cancellation', 'needs-information'> {
  readonly amounts: DecisionAmounts
  readonly dates: OrderCancellationWindowDates
}

/** Order cancellation: rejected. `amounts` only with `NOTHING_LEFT_AFTER_DEDUCTIONS` (net `0`). */
export interface OrderCancellationRejected extends DecisionBase<'order-cancellation', 'rejected'> {
  readonly amounts?: DecisionAmounts
  readonly dates: OrderCancellationWindowDates
}

/** The decision of `evaluateOrderCancellation`: narrow on `outcome`. */
export type OrderCancellationDecision =
  | OrderCancellationApproved
  | OrderCancellationNeedsInformation
  | OrderCancellationRejected

/**
 * Termination: the computed settlement, approved under
 * `termination.settlement: 'automatic'` or a proposal under `manual-review`.
 * `dates` only when the policy sets `termination.payoutBusinessDays` (the
 * policy text sets no payout deadline).
 */
export interface TerminationSettled extends DecisionBase<'termination', 'approved' | 'manual-review'> {
  readonly amounts: DecisionAmounts
  readonly dates?: RefundDueDates
}

/** Termination: waiting for what `requirements` lists; the settlement it would propose. */
export interface TerminationNeedsInformation extends DecisionBase<'termination', 'needs-information'> {
  readonly amounts: DecisionAmounts
  readonly dates?: undefined
}

/** Termination: rejected. `amounts` only with `NOTHING_LEFT_AFTER_DEDUCTIONS` (net `0`, debt visible). */
export interface TerminationRejected extends DecisionBase<'termination', 'rejected'> {
  readonly amounts?: DecisionAmounts
  readonly dates?: undefined
}

/** The decision of `evaluateTermination`: narrow on `outcome`. */
export type TerminationDecision = TerminationSettled | TerminationNeedsInformation | TerminationRejected

/** Dates of an inactivity decision (UTC ISO). */
export interface InactivityDates {
  readonly lastActivityAt: string
  readonly deactivatesAt: string
}

/** Inactivity: the account is still in use. */
export interface InactivityActive extends DecisionBase<'inactivity', 'active'> {
  readonly dates: InactivityDates
  readonly settlement?: undefined
}

/**
 * Inactivity: deactivated. With a positive balance, `settlement` is the
 * termination computation its refund would follow (when its net is `0`, the
 * reasons say `NOTHING_LEFT_AFTER_DEDUCTIONS`).
 */
export interface InactivityDeactivated extends DecisionBase<'inactivity', 'deactivated'> {
  readonly dates: InactivityDates
  readonly settlement?: DecisionAmounts
}

/** The decision of `evaluateInactivity`: narrow on `outcome`. */
export type InactivityDecision = InactivityActive | InactivityDeactivated

/** Any decision. Narrow on `clause`, then on `outcome`. */
export type Decision = TopUpRefundDecision | OrderCancellationDecision | TerminationDecision | InactivityDecision

/**
 * Freezes a decision built by a clause and returns it as its own type: the
 * compiler checks the object literal against that one member of the union
 * (a misspelt field or a settlement passed as `amounts` does not compile).
 * Its `dates`, flat data made by the clause, are frozen here; its other parts
 * (reasons, amounts, policy reference) are frozen as they are made.
 *
 * @example
 * const d = freezeDecision<InactivityActive>({
 *   clause: 'inactivity', outcome: 'active', subject: { accountId: 'a1' }, reasons: [], requirements: [],
 *   evaluatedAt: '2026-11-20T10:00:00.000Z', policy: { id: 'ctr-group', version: '1' },
 *   dates: { lastActivityAt: '2026-11-01T10:00:00.000Z', deactivatesAt: '2027-11-01T10:00:00.000Z' },
 * })
 * Object.isFrozen(d) // => true
 */
export function freezeDecision<D extends Decision>(decision: D): D {
  if (decision.dates !== undefined) Object.freeze(decision.dates)
  return Object.freeze(decision)
}
