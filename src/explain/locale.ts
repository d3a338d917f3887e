/**
 * What a language needs to explain a decision: the words, as data and small
 * functions that put already-formatted values (dates, amounts, addresses)
 * into sentences. English is built in; other languages are imported from
 * `refund-rules/locales`, so that the main entry carries one catalog only.
 */
import type { AmountParam, ClauseId, Outcome, ReasonParams, RequirementCode } from '../decision.js'

/** Every reason code the catalogs write a sentence for: those of {@link ReasonParams}. */
export type ExplainedReasonCode = keyof ReasonParams

/** A reason as `explain` reads it from a decision: its code and that code's params (any code of `C`). */
export type ExplainedReason<C extends ExplainedReasonCode = ExplainedReasonCode> = {
  readonly [K in C]: { readonly code: K; readonly params: ReasonParams[K] }
}[C]

/** How a reason's sentence writes the values of its params, in the explanation's locale and zone. */
export interface ReasonFormats {
  /** An instant (a UTC ISO string) in the explanation's zone, to the minute: `22 Dec 2026, 10:00 GMT`. */
  readonly instant: (iso: string) => string
  /** An amount with its currency, every digit kept: `EUR 96.80`. */
  readonly money: (amount: AmountParam) => string
  /** Items joined in the locale's words: `a, b and c` (or `a or b`). */
  readonly list: (items: readonly string[], type: 'conjunction' | 'disjunction') => string
}

/** The sentence of a reason with the code `C`, from its params, without its final full stop. */
export type ReasonSentence<C extends ExplainedReasonCode> = (params: ReasonParams[C], format: ReasonFormats) => string

/** A sentence for every reason code, each given the params of its own code. */
export type ReasonSentences = { readonly [C in ExplainedReasonCode]: ReasonSentence<C> }

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

/** The words of one language for `explain`. Pass one as `explain(decision, { locale })`. */
export interface ExplainLocale {
  /** A BCP 47 tag for `Intl` (dates, amounts, lists); its language picks the holiday names. */
  readonly code: string
  /** The clause names, written once in the headline. */
  readonly clauses: Readonly<Record<ClauseId, string>>
  readonly headlines: Readonly<Record<Outcome, string>>
  /** Each reason's sentence, written from its params, without its final full stop. */
  readonly reasons: ReasonSentences
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

/** What the English sentence of `CLOCK_SKEW_TOLERATED` calls each field it may name. */
const SKEWED_FIELDS: Readonly<Record<ReasonParams['CLOCK_SKEW_TOLERATED']['field'], string>> = {
  'request.receivedAt': 'The time the request arrived',
  'request.informationRequested.providedAt': 'The time the requested data was provided',
  'account.lastActivityAt': 'The last activity',
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
    WITHIN_WINDOW: (p, f) =>
      `The request arrived within the ${p.windowHours}-hour window, open until ${f.instant(p.windowClosesAt)}`,
    WINDOW_EXPIRED: (p, f) =>
      `The request arrived at ${f.instant(p.receivedAt)}, after the ${p.windowHours}-hour window closed at ${f.instant(p.windowClosesAt)}`,
    ALREADY_REFUNDED: (p, f) =>
      `Nothing is left to refund: ${p.orderId === null ? 'the top-up' : `order ${p.orderId}`} of ${f.money(p.amount)} has been refunded in full`,
    NOTHING_TO_REFUND: (p, f) => `The balance is ${f.money(p.balance)}: there is nothing to refund`,
    PARTIALLY_SPENT: (p, f) =>
      `Part of the top-up has been spent: only the ${f.money(p.balance)} left on the balance can be refunded, not ${f.money(p.left)}`,
    ALREADY_CANCELLED: (p) => `Order ${p.orderId} has been cancelled already`,
    WRITTEN_REQUEST: (p, f) =>
      `The request came by ${p.channel}; it must be sent in writing (${f.list(p.writtenChannels, 'disjunction')}) to ${p.address}`,
    REQUESTED_INFORMATION: (p, f) =>
      `The additional data requested has not been provided yet: ${f.list(p.items, 'conjunction')}`,
    ORDER_DETAILS: (p) =>
      p.letterOrderId === null
        ? `The request does not carry the details of order ${p.orderId} from the personal account`
        : `The letter names order “${p.letterOrderId}”, not order ${p.orderId}: this order's details must be copied into it`,
    IDENTITY_VERIFICATION: () => 'The holder has not confirmed their identity',
    OWNERSHIP_VERIFICATION: () => "The holder's right to use the account and its funds is not confirmed",
    INDIVIDUAL_TERMS: () => 'Termination terms are discussed individually: the amounts are a proposal',
    INACTIVE_OVER_THRESHOLD: (p, f) =>
      `The account has not been used since ${f.instant(p.lastActivityAt)}, more than ${p.months} months`,
    MONTH_END_CLAMPED: (p) =>
      `${p.months} months after the last activity fall on a day that month lacks: its last day counts`,
    NONEXISTENT_LOCAL_TIME: (p) =>
      `${p.months} months after the last activity fall on a time skipped by a clock change: the next time that exists counts`,
    NOTHING_LEFT_AFTER_DEDUCTIONS: (p, f) =>
      `The deductions take the whole ${f.money(p.gross)}: nothing is left to pay out`,
    CLOCK_SKEW_TOLERATED: (p, f) =>
      `${SKEWED_FIELDS[p.field]} (${f.instant(p.at)}) was a little after the evaluation and counts as its time (within the clock skew tolerated)`,
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
