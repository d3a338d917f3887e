/**
 * Quotes (SPEC §8): what a customer would get if they wrote now, for a UI
 * that shows "refund 96.80 EUR, by 31 Dec, if you ask before 23 Dec 09:00"
 * before anyone writes in.
 */
import { evaluateOrderCancellation, orderCancellationWindowClosesAt } from './clauses/order-cancellation.js'
import { evaluateTopUpRefund, topUpRefundWindowClosesAt } from './clauses/top-up-refund.js'
import type { OrderCancellationDecision, TopUpRefundDecision } from './decision.js'
import { isRefundRulesError, RefundRulesError } from './errors.js'
import { type AccountSnapshot, InputReader, type OrderSnapshot, type TopUpSnapshot } from './inputs.js'
import { PolicyHistory, type PolicySource } from './policy/history.js'
import { ctrGroupPolicy } from './policy/presets.js'
import { compilePolicy } from './policy/settings.js'
import { type EpochMs, formatInstant, type InstantInput } from './time/instant.js'

/** The input of {@link quoteTopUpRefund}: the top-up, its account, and when the customer would ask. */
export interface TopUpRefundQuoteInput {
  readonly topUp: TopUpSnapshot
  readonly account: AccountSnapshot
  /** When a complete written request would arrive; also the decision's `now`. */
  readonly at: InstantInput
}

/** The input of {@link quoteOrderCancellation}: the order, and when the customer would ask. */
export interface OrderCancellationQuoteInput {
  readonly order: OrderSnapshot
  /** When a complete written request would arrive; also the decision's `now`. */
  readonly at: InstantInput
}

/** A quote: the decision a complete written request at `at` would get, and until when one is in time. */
export interface Quote<D> {
  readonly decision: D
  /** The last instant a request would be in time (UTC ISO): the window's end, the edge included. */
  readonly refundableUntil: string
}

/**
 * The decision a complete written request to return `topUp`, received at
 * `at`, would get (`now` = `at`), and `refundableUntil`, the last instant a
 * request is in time (`topUpRefundWindowClosesAt`). "Complete" means sent by
 * the policy's first written channel, with no information outstanding.
 * Errors name `at` where an evaluation would name `request.receivedAt` or `now`.
 *
 * @example
 * const quote = quoteTopUpRefund({
 *   topUp: { id: 't1', amount: { amount: '100.00', currency: 'EUR' }, creditedAt: '2026-12-21T09:00:00Z', method: 'card' },
 *   account: { id: 'a1', balance: { amount: '100.00', currency: 'EUR' }, lastActivityAt: '2026-12-21T09:00:00Z' },
 *   at: '2026-12-22T10:00:00Z',
 * })
 * quote.decision.outcome // => 'approved'
 * quote.refundableUntil // => '2026-12-23T09:00:00.000Z'
 */
export function quoteTopUpRefund(input: TopUpRefundQuoteInput, policy?: PolicySource): Quote<TopUpRefundDecision> {
  return quoteWith(() => {
    const fields = new InputReader('INVALID_INPUT').at(input, 'input', '')
    const topUp = fields.raw('topUp') as TopUpSnapshot
    const account = fields.raw('account') as AccountSnapshot
    const at = fields.instant('at')
    fields.reader.finish()
    const now = formatInstant(at)
    const request = { receivedAt: now, channel: writtenChannel(policy, at) }
    const decision = evaluateTopUpRefund({ topUp, account, request, now }, policy)
    return Object.freeze({ decision, refundableUntil: topUpRefundWindowClosesAt(topUp, policy) })
  })
}

/**
 * The decision a complete written request to cancel `order`, received at
 * `at`, would get (`now` = `at`; the letter carries the order's details),
 * and `refundableUntil`, the last instant a request is in time
 * (`orderCancellationWindowClosesAt`).
 *
 * @example
 * const quote = quoteOrderCancellation({
 *   order: {
 *     id: 'o1', amount: { amount: '40.00', currency: 'EUR' }, placedAt: '2026-11-20T12:00:00Z', status: 'active',
 *     fundedBy: { topUpId: 't1', creditedAt: '2026-11-20T10:00:00Z', method: 'card' },
 *   },
 *   at: '2026-11-21T09:00:00Z',
 * })
 * quote.decision.outcome // => 'approved'
 * quote.refundableUntil // => '2026-11-22T10:00:00.000Z'
 */
export function quoteOrderCancellation(
  input: OrderCancellationQuoteInput,
  policy?: PolicySource,
): Quote<OrderCancellationDecision> {
  return quoteWith(() => {
    const fields = new InputReader('INVALID_INPUT').at(input, 'input', '')
    const order = fields.raw('order') as OrderSnapshot
    const at = fields.instant('at')
    fields.reader.finish()
    const now = formatInstant(at)
    // The letter quotes the order's own id; an order that is not an object is reported by the evaluation.
    const orderId = new InputReader('INVALID_INPUT').at(order, 'order').raw('id') as string
    const request = { receivedAt: now, channel: writtenChannel(policy, at), orderDetails: { orderId } }
    const decision = evaluateOrderCancellation({ order, request, now }, policy)
    return Object.freeze({ decision, refundableUntil: orderCancellationWindowClosesAt(order, policy) })
  })
}

/** A written channel of the policy (of the version in force at `at`): a quote is for a written request. */
function writtenChannel(policy: PolicySource | undefined, at: EpochMs): string {
  const compiled = PolicyHistory.is(policy)
    ? PolicyHistory.versionAt(policy, at, 'at')
    : compilePolicy(policy ?? ctrGroupPolicy)
  // A policy that lists no written channel accepts no request as complete: the decision says so.
  return compiled.settings.writtenChannels[0] ?? 'letter'
}

/** Runs a quote, naming `at` in its errors where the evaluation named the request's instant or `now`. */
function quoteWith<T>(quote: () => T): T {
  try {
    return quote()
  } catch (error) {
    if (!isRefundRulesError(error)) throw error
    throw renamed(error)
  }
}

/** The quote's own field for each instant the evaluation it made names. */
const QUOTED_PATHS: Readonly<Record<string, string>> = { 'request.receivedAt': 'at', now: 'at' }

function renamed(error: RefundRulesError): RefundRulesError {
  if (!error.issues.some((issue) => Object.hasOwn(QUOTED_PATHS, issue.path))) return error
  const issues = error.issues.map((issue) => ({ ...issue, path: QUOTED_PATHS[issue.path] ?? issue.path }))
  return new RefundRulesError(issues as [(typeof issues)[number], ...typeof issues], error.omittedIssues)
}
