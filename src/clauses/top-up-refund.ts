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
import type { TopUpRefundDecision } from '../decision.js'
import { compareMoney, describeMoney, isPositive, minMoney } from '../money/amount.js'
import type { Policy, PolicyOptions, PolicyRuntime } from '../policy/settings.js'
import { formatInstant, type InstantInput } from '../time/instant.js'
import {
  checkNotAfterNow,
  checkRefunded,
  checkRequestOrder,
  evaluateInput,
  isWithinWindow,
  leftToRefund,
  Reasons,
  windowedRefundDecision,
} from './common.js'
import type { AccountSnapshot, InputReader, RefundRequest, TopUpSnapshot } from './inputs.js'

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
 * very millisecond is still in time.
 *
 * @example
 * topUpRefundWindowClosesAt({ creditedAt: '2026-11-20T10:00:00Z' })
 * // => '2026-11-22T10:00:00.000Z'
 */
export function topUpRefundWindowClosesAt(
  topUp: Pick<TopUpSnapshot, 'creditedAt'>,
  policy?: Policy | PolicyOptions,
): string {
  return evaluateInput(topUp, 'topUp', policy, windowClosesAt)
}

/** Reads the window's anchor alone and adds the window to it. */
function windowClosesAt(reader: InputReader, topUp: object | undefined, _policy: Policy, runtime: PolicyRuntime) {
  const creditedAt = reader.instant(topUp, 'creditedAt', 'topUp')
  reader.finish()
  return formatInstant(creditedAt + runtime.windowMs.topUp, 'topUp.creditedAt')
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
export function evaluateTopUpRefund(input: TopUpRefundInput, policy?: Policy | PolicyOptions): TopUpRefundDecision {
  return evaluateInput(input, 'input', policy, decide) as TopUpRefundDecision
}

/** Reads and checks a top-up refund's input (SPEC §1), then decides it (SPEC §5). */
function decide(reader: InputReader, input: object | undefined, p: Policy, runtime: PolicyRuntime) {
  const topUp = reader.object(input, 'topUp', '')
  const account = reader.object(input, 'account', '')
  reader.text(topUp, 'id', 'topUp')
  const amount = reader.money(topUp, 'amount', 'topUp')
  const creditedAt = reader.instant(topUp, 'creditedAt', 'topUp')
  const method = reader.text(topUp, 'method', 'topUp')
  const givenFee = reader.optionalMoney(topUp, 'processingFee', 'topUp')
  const refunded = reader.optionalMoney(topUp, 'refunded', 'topUp')
  reader.text(account, 'id', 'account')
  const balance = reader.signedMoney(account, 'balance', 'account')
  const lastActivityAt = reader.instant(account, 'lastActivityAt', 'account')
  const request = reader.request(input)
  const now = reader.instant(input, 'now', '')
  if (!reader.hasIssues()) {
    checkRequestOrder(reader, request, now, creditedAt, 'topUp.creditedAt')
    checkNotAfterNow(reader, 'account.lastActivityAt', lastActivityAt, now)
    checkRefunded(reader, 'topUp', 'the top-up', amount, refunded)
  }
  reader.finish()

  const reasons = new Reasons('top-up-refund')
  const windowMs = runtime.windowMs.topUp
  const closes = formatInstant(creditedAt + windowMs, 'topUp.creditedAt')
  const received = formatInstant(request.receivedAt)
  const inTime = isWithinWindow(creditedAt, windowMs, request.receivedAt)
  const left = leftToRefund(amount, refunded)
  if (!inTime) {
    reasons.add(
      'WINDOW_EXPIRED',
      `The request arrived at ${received}, after the ${p.topUpRefundWindowHours}-hour refund window closed at ${closes}`,
    )
  }
  if (!isPositive(left)) {
    reasons.add(
      'ALREADY_REFUNDED',
      `Nothing is left to refund: the whole top-up of ${describeMoney(amount)} was already refunded`,
    )
  }
  if (!isPositive(balance)) {
    reasons.add('NOTHING_TO_REFUND', `The balance is ${describeMoney(balance)}: there is nothing to refund`)
  }
  const rejected = reasons.reasons.length > 0
  if (inTime && !rejected) {
    reasons.add(
      'WITHIN_WINDOW',
      `The request arrived at ${received}, within the ${p.topUpRefundWindowHours}-hour window that closes at ${closes}`,
    )
  }
  if (!rejected && compareMoney(balance, left) < 0) {
    reasons.add(
      'PARTIALLY_SPENT',
      `Part of the top-up was spent: only the ${describeMoney(balance)} left on the balance can be refunded, not ${describeMoney(left)}`,
    )
  }
  return windowedRefundDecision(reasons, rejected, request, now, p, runtime, {
    windowClosesAt: closes,
    gross: minMoney(left, balance),
    method,
    givenFee,
  })
}
