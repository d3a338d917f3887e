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
 * - `INDIVIDUAL_TERMS`: termination terms are discussed individually: the settlement is a proposal.
 * - `INACTIVE_OVER_THRESHOLD`: the account has not been used for longer than the threshold.
 * - `MONTH_END_CLAMPED`: the month count landed on a day the target month lacks and was clamped to its last day.
 * - `NONEXISTENT_LOCAL_TIME`: the month count landed on a local time skipped by a DST change and moved forward.
 */
export const ReasonCodes = codeConstants([
  'WITHIN_WINDOW',
  'WINDOW_EXPIRED',
  'ALREADY_REFUNDED',
  'NOTHING_TO_REFUND',
  'PARTIALLY_SPENT',
  'ALREADY_CANCELLED',
  ...REQUIREMENT_CODES,
  'INDIVIDUAL_TERMS',
  'INACTIVE_OVER_THRESHOLD',
  'MONTH_END_CLAMPED',
  'NONEXISTENT_LOCAL_TIME',
])

/** A reason code, as a string-literal union. */
export type ReasonCode = (typeof ReasonCodes)[keyof typeof ReasonCodes]

/** What the customer must still provide, as runtime constants (a subset of the reason codes). */
export const RequirementCodes = codeConstants(REQUIREMENT_CODES)

/** A requirement code, as a string-literal union. */
export type RequirementCode = (typeof RequirementCodes)[keyof typeof RequirementCodes]

/** One reason for a decision, citing its clause. */
export interface Reason {
  readonly code: ReasonCode
  readonly clause: ClauseId
  /** A sentence a support agent can read to the customer; ends with the clause heading it comes from. */
  readonly message: string
}

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

/** The fields every decision has. */
export interface DecisionBase<C extends ClauseId, O extends Outcome> {
  readonly clause: C
  readonly outcome: O
  /** Every reason that applies, in a stable order. */
  readonly reasons: readonly Reason[]
  /** What the customer must still send (`needs-information`); empty otherwise. */
  readonly requirements: readonly RequirementCode[]
  /** `now`, as a UTC ISO string. */
  readonly evaluatedAt: string
  readonly policy: { readonly id: string; readonly version: string }
}

/** Dates of a top-up refund: UTC ISO instants and a local `YYYY-MM-DD` due date. */
export interface TopUpRefundDates {
  readonly windowClosesAt: string
  /** The refund's due date in the calendar's zone (approved decisions). */
  readonly refundDueDate?: string
  /** The last millisecond of `refundDueDate` (approved decisions). */
  readonly refundDueBy?: string
}

/** The decision of `evaluateTopUpRefund`. `amounts` is absent when rejected. */
export interface TopUpRefundDecision
  extends DecisionBase<'top-up-refund', 'approved' | 'rejected' | 'needs-information'> {
  readonly amounts?: DecisionAmounts
  readonly dates: TopUpRefundDates
}

/** Dates of an order cancellation. */
export interface OrderCancellationDates extends TopUpRefundDates {
  /** When the order's status must have changed: clock start + `cancellationStatusChangeHours` (approved). */
  readonly statusChangeDueBy?: string
}

/** The decision of `evaluateOrderCancellation`. `amounts` is absent when rejected. */
export interface OrderCancellationDecision
  extends DecisionBase<'order-cancellation', 'approved' | 'rejected' | 'needs-information'> {
  readonly amounts?: DecisionAmounts
  readonly dates: OrderCancellationDates
}

/** The decision of `evaluateTermination`. `amounts` is the computed settlement (a proposal under `manual-review`). */
export interface TerminationDecision
  extends DecisionBase<'termination', 'approved' | 'rejected' | 'needs-information' | 'manual-review'> {
  readonly amounts?: DecisionAmounts
  /** Present when the policy sets `termination.payoutBusinessDays` and the outcome is approved or manual-review. */
  readonly dates?: { readonly refundDueDate: string; readonly refundDueBy: string }
}

/** The decision of `evaluateInactivity`. */
export interface InactivityDecision extends DecisionBase<'inactivity', 'active' | 'deactivated'> {
  readonly dates: { readonly lastActivityAt: string; readonly deactivatesAt: string }
  /** For a deactivated account with a positive balance: the termination settlement its refund would follow. */
  readonly settlement?: DecisionAmounts
}

/** Any decision. Narrow on `clause`. */
export type Decision = TopUpRefundDecision | OrderCancellationDecision | TerminationDecision | InactivityDecision
