/**
 * What a language needs to explain a decision: the words, as data and small
 * functions that put already-formatted values (dates, amounts, addresses)
 * into sentences. English is built in; other languages are imported from
 * `refund-rules/locales`, so that the main entry carries one catalog only.
 */
import type { ClauseId, Outcome, ReasonCode, RequirementCode } from '../decision.js'

/**
 * Reason codes the catalogs cover beyond {@link ReasonCode}: written ahead of
 * the clauses that add them, keyed by their string.
 */
export type ExplainedReasonCode = ReasonCode | 'NOTHING_LEFT_AFTER_DEDUCTIONS' | 'CLOCK_SKEW_TOLERATED'

/** What a reason's sentence may name, each value already formatted for the locale. */
export interface ReasonFacts {
  /** The clause's window in hours (top-up refund or order cancellation). */
  readonly windowHours: number
  /** When the window closes (or closed); empty for clauses without a window. */
  readonly windowClosesAt: string
  /** The policy's address for refund requests. */
  readonly refunds: string
  /** The written channels, as a list in the locale's words (`email or letter`). */
  readonly channels: string
  /** The inactivity threshold in months. */
  readonly months: number
  /** The last activity; empty outside inactivity decisions. */
  readonly lastActivityAt: string
}

/** What the due-date line names, each value already formatted for the locale. */
export interface DueFacts {
  /** The due date, e.g. `Thu 31 Dec 2026`. */
  readonly date: string
  /** The business days counted. */
  readonly days: number
  /** The day counting starts after, e.g. `Tue 22 Dec`; absent when it cannot be told. */
  readonly from?: string
  /** The closed days between that day and the due date, e.g. `25 Dec Christmas Day, 26–27 Dec weekend`. */
  readonly skipped?: string
}

/** The words of one language for {@link explain}. Pass one as `explain(decision, { locale })`. */
export interface ExplainLocale {
  /** A BCP 47 tag for `Intl` (dates, amounts, lists); its language picks the holiday names. */
  readonly code: string
  /** The clause names, written once in the headline. */
  readonly clauses: Readonly<Record<ClauseId, string>>
  readonly headlines: Readonly<Record<Outcome, string>>
  /** Each reason's sentence, without its final full stop. */
  readonly reasons: Readonly<Record<ExplainedReasonCode, (facts: ReasonFacts) => string>>
  /** What the customer must still send, as the object of "Still needed". */
  readonly requirements: Readonly<Record<RequirementCode, string>>
  readonly labels: ExplainLabels
}

/** The fixed phrases of an explanation. */
export interface ExplainLabels {
  /** Opens each reason's line. */
  readonly why: string
  /** The amount line's label when approved. */
  readonly refund: string
  /** … under manual review. */
  readonly proposedRefund: string
  /** … while the customer must still send something. */
  readonly refundOnceComplete: string
  /** … on a rejection that keeps its amounts (nothing left after deductions). */
  readonly computedRefund: string
  /** The label of a deactivated account's settlement. */
  readonly settlement: string
  readonly processingFee: string
  readonly debt: string
  /** The amount line's ending when nothing was deducted from `gross`. */
  readonly nothingDeducted: (gross: string) => string
  /** The amount line's ending when part of a debt stays owed. */
  readonly debtRemains: (debt: string) => string
  /** The line with the instant a cancelled order's status must have changed by. */
  readonly statusChange: (at: string) => string
  /** The due-date line. */
  readonly due: (facts: DueFacts) => string
  readonly weekend: string
  /** A date closed by the policy's `closedDates`. */
  readonly closed: string
  /** The line of what the customer must still send (`items`, already a list) and where. */
  readonly stillNeeded: (items: string, address: string) => string
  /** The line of a deactivated account: when it was deactivated and its last activity. */
  readonly deactivated: (at: string, lastActivity: string) => string
  /** The line of an active account: when it will be deactivated and its last activity. */
  readonly deactivates: (at: string, lastActivity: string) => string
  /** How the holder claims a deactivated account's balance, and where to write. */
  readonly claimSettlement: (address: string) => string
}

/**
 * British English, built in: `Thu 31 Dec 2026`, `22 Dec 2026, 10:00 GMT`.
 *
 * @example
 * en.headlines.approved // => 'Approved'
 */
export const en: ExplainLocale = {
  code: 'en-GB',
  clauses: {
    'top-up-refund': 'refund after topping up the balance',
    'order-cancellation': 'refund upon order cancellation',
    termination: 'refund upon termination of use',
    inactivity: 'inactivity of the account',
  },
  headlines: {
    approved: 'Approved',
    rejected: 'Rejected',
    'needs-information': 'Waiting for the customer',
    'manual-review': 'For manual review',
    active: 'Account active',
    deactivated: 'Account deactivated',
  },
  reasons: {
    WITHIN_WINDOW: (f) => `The request arrived within the ${f.windowHours}-hour window, open until ${f.windowClosesAt}`,
    WINDOW_EXPIRED: (f) => `The request arrived after the ${f.windowHours}-hour window closed at ${f.windowClosesAt}`,
    ALREADY_REFUNDED: () => 'Nothing is left to refund: it has been refunded already',
    NOTHING_TO_REFUND: () => 'The balance is zero or negative: there is nothing to refund',
    PARTIALLY_SPENT: () => 'Part of the top-up has been spent: only what is left on the balance can be refunded',
    ALREADY_CANCELLED: () => 'The order has been cancelled already',
    WRITTEN_REQUEST: (f) => `The request must be sent in writing (${f.channels}) to ${f.refunds}`,
    REQUESTED_INFORMATION: () => 'The additional data requested has not been provided yet',
    ORDER_DETAILS: () => "The request does not carry this order's details from the personal account",
    IDENTITY_VERIFICATION: () => 'The holder has not confirmed their identity',
    OWNERSHIP_VERIFICATION: () => "The holder's right to use the account and its funds is not confirmed",
    INDIVIDUAL_TERMS: () => 'Termination terms are discussed individually: the amounts are a proposal',
    INACTIVE_OVER_THRESHOLD: (f) =>
      `The account has not been used since ${f.lastActivityAt}, more than ${f.months} months`,
    MONTH_END_CLAMPED: (f) =>
      `${f.months} months after the last activity fall on a day that month lacks: its last day counts`,
    NONEXISTENT_LOCAL_TIME: (f) =>
      `${f.months} months after the last activity fall on a time skipped by a clock change: the next time that exists counts`,
    NOTHING_LEFT_AFTER_DEDUCTIONS: () => 'The deductions take the whole amount: nothing is left to pay out',
    CLOCK_SKEW_TOLERATED: () =>
      "A time slightly after the evaluation was read as the evaluation's time (within the clock skew tolerated)",
  },
  requirements: {
    WRITTEN_REQUEST: 'a written request',
    REQUESTED_INFORMATION: 'the additional data requested',
    ORDER_DETAILS: 'the order details copied from the personal account',
    IDENTITY_VERIFICATION: 'proof of identity',
    OWNERSHIP_VERIFICATION: 'proof of the right to use the account and its funds',
  },
  labels: {
    why: 'Why',
    refund: 'Refund',
    proposedRefund: 'Proposed refund',
    refundOnceComplete: 'Refund once the request is complete',
    computedRefund: 'Computed refund',
    settlement: 'Balance to return under the termination rules',
    processingFee: 'processing fee',
    debt: 'debt',
    nothingDeducted: (gross) => `nothing deducted from ${gross}`,
    debtRemains: (debt) => `${debt} of debt remains owed`,
    statusChange: (at) => `Order status changes by ${at}.`,
    due: (f) =>
      `Refund due ${f.date}${f.from === undefined ? '' : ` — ${f.days} business ${f.days === 1 ? 'day' : 'days'} after ${f.from}`}${f.skipped === undefined ? '' : `; not counted: ${f.skipped}`}.`,
    weekend: 'weekend',
    closed: 'closed',
    stillNeeded: (items, address) => `Still needed: ${items} — to ${address}.`,
    deactivated: (at, last) => `Deactivated after ${at} (last activity ${last}).`,
    deactivates: (at, last) => `Deactivates after ${at} (last activity ${last}).`,
    claimSettlement: (address) =>
      `To receive it the holder must write to ${address} and confirm their identity and right to the funds.`,
  },
}
