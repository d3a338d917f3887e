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
import { compareMoney, describeMoney, isPositive, minMoney, subtractMoney } from '../money/amount.js'
import type { Policy, PolicyOptions } from '../policy/settings.js'
import { type EpochMs, formatInstant, type InstantInput } from '../time/instant.js'
import {
  checkRequestOrder,
  clockStart,
  createReasons,
  decision,
  feeOnlyAmounts,
  isWithinWindow,
  outcomeOf,
  refundDue,
  requireRequestedInformation,
  requireWrittenRequest,
  resolvePolicy,
} from './common.js'
import { type AccountSnapshot, createInputReader, type RefundRequest, type TopUpSnapshot, totally } from './inputs.js'

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
  return totally(() => {
    const { runtime } = resolvePolicy(policy)
    const reader = createInputReader()
    const creditedAt = reader.instant(
      reader.field(reader.object(topUp, 'topUp'), 'creditedAt', 'topUp'),
      'topUp.creditedAt',
    )
    reader.finish()
    return formatInstant(creditedAt + runtime.windowMs.topUp)
  })
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
  return totally(() => {
    const { policy: p, runtime } = resolvePolicy(policy)
    const reader = createInputReader()
    const source = reader.object(input, 'input')
    const topUpSource = reader.object(reader.field(source, 'topUp', ''), 'topUp')
    const accountSource = reader.object(reader.field(source, 'account', ''), 'account')
    const get = (from: object | undefined, key: string, path: string) => reader.field(from, key, path)

    reader.text(get(topUpSource, 'id', 'topUp'), 'topUp.id')
    const amount = reader.money(get(topUpSource, 'amount', 'topUp'), 'topUp.amount')
    const creditedAt = reader.instant(get(topUpSource, 'creditedAt', 'topUp'), 'topUp.creditedAt')
    const method = reader.text(get(topUpSource, 'method', 'topUp'), 'topUp.method')
    const givenFee = reader.optionalMoney(get(topUpSource, 'processingFee', 'topUp'), 'topUp.processingFee')
    const refunded = reader.optionalMoney(get(topUpSource, 'refunded', 'topUp'), 'topUp.refunded')
    reader.text(get(accountSource, 'id', 'account'), 'account.id')
    const balance = reader.money(get(accountSource, 'balance', 'account'), 'account.balance', { allowNegative: true })
    const lastActivityAt = reader.instant(get(accountSource, 'lastActivityAt', 'account'), 'account.lastActivityAt')
    const request = reader.request(reader.field(source, 'request', ''), 'request')
    const now: EpochMs = reader.instant(reader.field(source, 'now', ''), 'now')
    if (!reader.hasIssues()) {
      checkRequestOrder(reader, request, now, { at: creditedAt, path: 'topUp.creditedAt' })
      if (lastActivityAt > now) reader.inconsistent('account.lastActivityAt', `is after now (${formatInstant(now)})`)
      if (refunded !== undefined && compareMoney(refunded, amount) > 0) {
        reader.inconsistent('topUp.refunded', `is more than the top-up (${describeMoney(amount)})`)
      }
    }
    reader.finish()

    const reasons = createReasons('top-up-refund')
    const windowClosesAt = creditedAt + runtime.windowMs.topUp
    const closes = formatInstant(windowClosesAt)
    const received = formatInstant(request.receivedAt)
    const inTime = isWithinWindow(creditedAt, runtime.windowMs.topUp, request.receivedAt)
    const left = refunded === undefined ? amount : subtractMoney(amount, refunded)
    const gross = minMoney(left, balance)
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
    requireWrittenRequest(reasons, request, p, runtime)
    requireRequestedInformation(reasons, request)
    const outcome = outcomeOf(rejected, reasons, 'approved')
    const dates = { windowClosesAt: closes }
    if (outcome === 'rejected')
      return decision('top-up-refund', outcome, reasons, now, runtime, { dates }) as TopUpRefundDecision
    const amounts = feeOnlyAmounts(p, gross, method, givenFee)
    if (outcome !== 'approved')
      return decision('top-up-refund', outcome, reasons, now, runtime, { amounts, dates }) as TopUpRefundDecision
    // Written out rather than spread: spreading objects of varying shape cost more than a microsecond (issue #4).
    const due = refundDue(runtime, clockStart(request), p.refundBusinessDays)
    return decision('top-up-refund', outcome, reasons, now, runtime, {
      amounts,
      dates: { windowClosesAt: closes, refundDueDate: due.refundDueDate, refundDueBy: due.refundDueBy },
    }) as TopUpRefundDecision
  })
}
