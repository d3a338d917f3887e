/**
 * REFUND AFTER TOPPING UP YOUR BALANCE
 *
 * > After replenishing the balance in any way presented in the personal
 * > account, you can return the deposit within 48 hours by contacting the
 * > Service Provider's support service by sending a message to
 * > refund@ctr.group. In some cases, you will need to provide the Service
 * > Provider with additional data to effect a refund. At the same time, you
 * > agree that the amount of the refund will be less than the amount of the
 * > deposit for the amount necessary to process the payment. More detailed
 * > information about the commission can be obtained on an individual
 * > written request. The deposit is refunded within 5 (five) business days.
 *
 * Readings (SPEC §5): the window runs from `creditedAt` and is judged at the
 * request's `receivedAt`; money already spent from the balance cannot come
 * back, so the gross is min(amount − refunded, balance); "the amount
 * necessary to process the payment" is the processing fee; the five
 * business days count from the complete request (SPEC §4).
 */
import type {
  TopUpRefundApproved,
  TopUpRefundDecision,
  TopUpRefundNeedsInformation,
  TopUpRefundRejected,
} from '../decision.js'
import {
  type AccountSnapshot,
  type InputFields,
  type RefundRequest,
  readBalance,
  readRequest,
  readTopUp,
  type TopUpSnapshot,
} from '../inputs.js'
import { compareMoney, isPositive, minMoney } from '../money/amount.js'
import type { PolicySource } from '../policy/history.js'
import type { CompiledPolicy } from '../policy/settings.js'
import { type EpochMs, formatInstant, type InstantInput } from '../time/instant.js'
import {
  checkRefunded,
  checkRequestOrder,
  clockSkewMs,
  clockStart,
  isWithinWindow,
  leftToRefund,
  noteClockSkew,
  refundDueDates,
  refundSettlement,
  requireRequestedInformation,
  requireWrittenRequest,
} from './request.js'
import { amountParam, type ClauseRun, describeAmount, Reasons, runClause, runWindow, type WindowRun } from './run.js'

/** The input of {@link evaluateTopUpRefund}. */
export interface TopUpRefundInput {
  readonly topUp: TopUpSnapshot
  readonly account: AccountSnapshot
  readonly request: RefundRequest
  /** The current instant. */
  readonly now: InstantInput
}

/**
 * When the refund window of a top-up closes: `creditedAt` + the policy's
 * `topUpRefundWindowHours`, as a UTC ISO string. A request received at that
 * very millisecond is still in time. Under a policy history, the last instant
 * a request would be in time under the version in force when it arrives.
 *
 * @example
 * topUpRefundWindowClosesAt({ creditedAt: '2026-11-20T10:00:00Z' })
 * // => '2026-11-22T10:00:00.000Z'
 */
export function topUpRefundWindowClosesAt(topUp: Pick<TopUpSnapshot, 'creditedAt'>, policy?: PolicySource): string {
  return runWindow(WINDOW, topUp, policy)
}

/** The window helper reads the top-up's `creditedAt` alone; each policy adds its window to it. */
const WINDOW: WindowRun<EpochMs> = {
  root: 'topUp',
  read: (topUp) => topUp.instant('creditedAt'),
  window: (creditedAt, policy) => ({ start: creditedAt, ms: policy.windowMs.topUp, path: 'topUp.creditedAt' }),
}
/**
 * Decides a request to return a top-up (SPEC §5, top-up-refund): rejected
 * when the 48-hour window has passed, nothing is left of the top-up, or the
 * balance is empty; needs information when the request is not written or
 * requested data is missing; otherwise approved, with the gross limited by
 * the balance, the processing fee deducted, and the due date five business
 * days after the complete request.
 *
 * @example
 * const decision = evaluateTopUpRefund({
 *   topUp: { id: 't1', amount: { amount: '100.00', currency: 'EUR' }, creditedAt: '2026-11-20T10:00:00Z', method: 'card' },
 *   account: { id: 'a1', balance: { amount: '100.00', currency: 'EUR' }, lastActivityAt: '2026-11-20T10:00:00Z' },
 *   request: { receivedAt: '2026-11-21T09:00:00Z', channel: 'email' },
 *   now: '2026-11-21T09:05:00Z',
 * })
 * decision.outcome // => 'approved'
 * decision.dates.refundDueDate // => '2026-11-27'
 */
export function evaluateTopUpRefund(input: TopUpRefundInput, policy?: PolicySource): TopUpRefundDecision {
  return runClause(EVALUATION, input, policy)
}

/** An evaluation of this clause: its input is `input`, its fields `now` and the snapshots. */
const EVALUATION: ClauseRun<TopUpRefundDecision> = { root: 'input', decide, event: 'request.receivedAt' }

/** Reads and checks a top-up refund's input (SPEC §1), then applies the clause's rules in the text's order (SPEC §5). */
function decide(input: InputFields, policy: CompiledPolicy): TopUpRefundDecision {
  const reader = input.reader
  const topUpFields = input.object('topUp')
  const accountFields = input.object('account')
  const topUp = readTopUp(topUpFields)
  const account = readBalance(accountFields)
  let request = readRequest(input.object('request'))
  const now = input.instant('now')
  if (!reader.hasIssues()) {
    const skewMs = clockSkewMs(policy)
    request = checkRequestOrder(reader, request, {
      now,
      after: { at: topUp.creditedAt, path: 'topUp.creditedAt' },
      skewMs,
    })
    reader.notAfterNow('account.lastActivityAt', account.lastActivityAt, now, skewMs)
    checkRefunded(reader, 'topUp', topUp)
  }
  reader.finish()
  const subject = Object.freeze({ topUpId: topUp.id, accountId: account.id })
  const reasons = new Reasons('top-up-refund', now, policy, subject)
  noteClockSkew(reasons, reader.skewed, now)
  const hours = policy.settings.topUpRefundWindowHours

  // > After replenishing the balance in any way presented in the personal account, you can return the deposit
  // > within 48 hours
  const closes = formatInstant(topUp.creditedAt + policy.windowMs.topUp, 'topUp.creditedAt')
  const received = formatInstant(request.receivedAt)
  const window = {
    receivedAt: received,
    windowHours: hours,
    windowFrom: 'top-up-credited',
    windowClosesAt: closes,
  } as const
  if (isWithinWindow(topUp.creditedAt, policy.windowMs.topUp, request.receivedAt)) {
    reasons.note(
      'WITHIN_WINDOW',
      `The request arrived at ${received}, within the ${hours}-hour window that closes at ${closes}`,
      window,
    )
  } else {
    reasons.reject(
      'WINDOW_EXPIRED',
      `The request arrived at ${received}, after the ${hours}-hour refund window closed at ${closes}`,
      window,
    )
  }
  // (the deposit: what is left of it, and no more than the balance holds — money already spent cannot come back)
  const left = leftToRefund(topUp)
  if (!isPositive(left)) {
    const amount = amountParam(topUp.amount)
    reasons.reject(
      'ALREADY_REFUNDED',
      `Nothing is left to refund: the whole top-up of ${describeAmount(amount)} was already refunded`,
      { amount, orderId: null },
    )
  }
  if (!isPositive(account.balance)) {
    const balance = amountParam(account.balance)
    reasons.reject('NOTHING_TO_REFUND', `The balance is ${describeAmount(balance)}: there is nothing to refund`, {
      balance,
    })
  } else if (compareMoney(account.balance, left) < 0) {
    const params = { balance: amountParam(account.balance), left: amountParam(left) }
    reasons.note(
      'PARTIALLY_SPENT',
      `Part of the top-up was spent: only the ${describeAmount(params.balance)} left on the balance can be refunded, not ${describeAmount(params.left)}`,
      params,
    )
  }
  // > by contacting the Service Provider's support service by sending a message to refund@ctr.group.
  requireWrittenRequest(reasons, request)
  // > In some cases, you will need to provide the Service Provider with additional data to effect a refund.
  requireRequestedInformation(reasons, request)
  // A rejected request has no amounts: its gross may be nothing or negative.
  if (reasons.rejected) return reasons.decide<TopUpRefundRejected>('rejected', { dates: { windowClosesAt: closes } })
  // > At the same time, you agree that the amount of the refund will be less than the amount of the deposit for
  // > the amount necessary to process the payment.
  const amounts = refundSettlement(reasons, minMoney(left, account.balance), topUp)
  const outcome = reasons.outcome('approved')
  if (outcome === 'rejected')
    return reasons.decide<TopUpRefundRejected>(outcome, { amounts, dates: { windowClosesAt: closes } })
  if (outcome === 'needs-information') {
    return reasons.decide<TopUpRefundNeedsInformation>(outcome, { amounts, dates: { windowClosesAt: closes } })
  }
  // > The deposit is refunded within 5 (five) business days.
  const due = refundDueDates(policy, clockStart(request), policy.settings.refundBusinessDays)
  return reasons.decide<TopUpRefundApproved>(outcome, {
    amounts,
    dates: { windowClosesAt: closes, refundDueDate: due.refundDueDate, refundDueBy: due.refundDueBy },
  })
}
