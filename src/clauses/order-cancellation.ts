/**
 * REFUND UPON ORDER CANCELLATION
 *
 * > You have the right to cancel the purchase after replenishing your account
 * > within 48 hours.
 * > To cancel an order, you need to enter your personal account, copy the
 * > order information that you wish to cancel, and insert this information
 * > into the body of the letter requesting a refund. In some cases, you will
 * > need to provide the Service Provider with additional data to effect a
 * > refund. At the same time, you agree that the amount of the refund will be
 * > less than the amount of the deposit for the amount necessary to process
 * > the payment. [...] The deposit is refunded within 5 (five) business
 * > days. The status of the canceled transaction will be changed within 48
 * > hours.
 * > Please note that your transaction will not be canceled and you will not
 * > be eligible for a refund if you send a cancellation request after the
 * > cancellation period has expired.
 *
 * Readings (SPEC §3, §5): the 48 hours count from the funding top-up's
 * `creditedAt` ("after replenishing your account"), or from `placedAt` with
 * `orderCancellationAnchor: 'order'`; the window is judged at the first
 * letter's `receivedAt`, so order details supplied later keep a timely
 * request in time and move only the refund clock; the fee is that of the
 * funding top-up's method.
 */
import type { OrderCancellationDecision } from '../decision.js'
import { describeMoney, isPositive } from '../money/amount.js'
import type { Policy, PolicyOptions, PolicyRuntime } from '../policy/settings.js'
import { type EpochMs, formatInstant, type InstantInput } from '../time/instant.js'
import {
  checkRefunded,
  checkRequestOrder,
  evaluateInput,
  isWithinWindow,
  leftToRefund,
  Reasons,
  windowedRefundDecision,
} from './common.js'
import type { InputReader, OrderSnapshot, RefundRequest } from './inputs.js'

/** The input of {@link evaluateOrderCancellation}. */
export interface OrderCancellationInput {
  readonly order: OrderSnapshot
  readonly request: RefundRequest
  /** The current instant. */
  readonly now: InstantInput
}

/** The instants an order's window can be anchored to. */
function readAnchors(reader: InputReader, order: object | undefined) {
  const fundedBy = reader.object(order, 'fundedBy', 'order')
  return {
    placedAt: reader.instant(order, 'placedAt', 'order'),
    creditedAt: reader.instant(fundedBy, 'creditedAt', 'order.fundedBy'),
    fundedBy,
  }
}

function windowStart(policy: Policy, anchors: { placedAt: EpochMs; creditedAt: EpochMs }) {
  return policy.orderCancellationAnchor === 'order'
    ? { at: anchors.placedAt, what: 'the order was placed', path: 'order.placedAt' }
    : { at: anchors.creditedAt, what: 'the funding top-up was credited', path: 'order.fundedBy.creditedAt' }
}

/**
 * When the cancellation window of an order closes: the anchor (the funding
 * top-up's `creditedAt` by default, `placedAt` with
 * `orderCancellationAnchor: 'order'`) + `orderCancellationWindowHours`.
 *
 * @example
 * orderCancellationWindowClosesAt({
 *   placedAt: '2026-11-20T12:00:00Z',
 *   fundedBy: { topUpId: 't1', creditedAt: '2026-11-20T10:00:00Z', method: 'card' },
 * })
 * // => '2026-11-22T10:00:00.000Z'
 */
export function orderCancellationWindowClosesAt(
  order: Pick<OrderSnapshot, 'placedAt' | 'fundedBy'>,
  policy?: Policy | PolicyOptions,
): string {
  return evaluateInput(order, 'order', policy, windowClosesAt)
}

/** Reads the window's anchor alone and adds the window to it. */
function windowClosesAt(reader: InputReader, order: object | undefined, p: Policy, runtime: PolicyRuntime) {
  const anchors = readAnchors(reader, order)
  reader.finish()
  const start = windowStart(p, anchors)
  return formatInstant(start.at + runtime.windowMs.cancellation, start.path)
}

/**
 * Decides a request to cancel an order and refund it (SPEC §5,
 * order-cancellation): rejected when the order is already cancelled, the
 * window has passed, or nothing is left to refund; needs information when the
 * letter lacks this order's details, is not written, or requested data is
 * missing; otherwise approved with the status-change deadline and the refund
 * due date.
 *
 * @example
 * const decision = evaluateOrderCancellation({
 *   order: {
 *     id: 'o1', amount: { amount: '40.00', currency: 'EUR' }, placedAt: '2026-11-20T12:00:00Z', status: 'active',
 *     fundedBy: { topUpId: 't1', creditedAt: '2026-11-20T10:00:00Z', method: 'card' },
 *   },
 *   request: { receivedAt: '2026-11-21T09:00:00Z', channel: 'email', orderDetails: { orderId: 'o1' } },
 *   now: '2026-11-21T09:05:00Z',
 * })
 * decision.outcome // => 'approved'
 * decision.dates.statusChangeDueBy // => '2026-11-23T09:00:00.000Z'
 */
export function evaluateOrderCancellation(
  input: OrderCancellationInput,
  policy?: Policy | PolicyOptions,
): OrderCancellationDecision {
  return evaluateInput(input, 'input', policy, decide) as OrderCancellationDecision
}

/** An order's statuses: one array for every evaluation rather than one each. */
const STATUSES = ['active', 'cancelled'] as const

/** Reads and checks a cancellation's input (SPEC §1), then decides it (SPEC §5). */
function decide(reader: InputReader, input: object | undefined, p: Policy, runtime: PolicyRuntime) {
  const order = reader.object(input, 'order', '')
  const id = reader.text(order, 'id', 'order')
  const amount = reader.money(order, 'amount', 'order')
  const status = reader.oneOf(order, 'status', 'order', STATUSES)
  const anchors = readAnchors(reader, order)
  reader.text(anchors.fundedBy, 'topUpId', 'order.fundedBy')
  const method = reader.text(anchors.fundedBy, 'method', 'order.fundedBy')
  const givenFee = reader.optionalMoney(order, 'processingFee', 'order')
  const refunded = reader.optionalMoney(order, 'refunded', 'order')
  const request = reader.request(input)
  const now = reader.instant(input, 'now', '')
  if (!reader.hasIssues()) {
    if (anchors.placedAt < anchors.creditedAt) {
      reader.inconsistent(
        'order.placedAt',
        `is before the funding top-up was credited (${formatInstant(anchors.creditedAt)})`,
      )
    }
    checkRequestOrder(reader, request, now, anchors.placedAt, 'order.placedAt')
    checkRefunded(reader, 'order', 'the order', amount, refunded)
  }
  reader.finish()

  const reasons = new Reasons('order-cancellation')
  const start = windowStart(p, anchors)
  const windowMs = runtime.windowMs.cancellation
  const closes = formatInstant(start.at + windowMs, start.path)
  const received = formatInstant(request.receivedAt)
  const inTime = isWithinWindow(start.at, windowMs, request.receivedAt)
  const left = leftToRefund(amount, refunded)
  if (status === 'cancelled') reasons.add('ALREADY_CANCELLED', `Order ${id} is already cancelled`)
  if (!inTime) {
    reasons.add(
      'WINDOW_EXPIRED',
      `The cancellation request arrived at ${received}, after the ${p.orderCancellationWindowHours}-hour period from when ${start.what} closed at ${closes}: the order will not be cancelled or refunded`,
    )
  }
  if (!isPositive(left)) {
    reasons.add('ALREADY_REFUNDED', `Order ${id} (${describeMoney(amount)}) was already refunded in full`)
  }
  const rejected = reasons.reasons.length > 0
  if (inTime && !rejected) {
    reasons.add(
      'WITHIN_WINDOW',
      `The cancellation request arrived at ${received}, within the ${p.orderCancellationWindowHours}-hour period that closes at ${closes}`,
    )
  }
  if (request.orderId !== id) {
    reasons.require(
      'ORDER_DETAILS',
      request.orderId === undefined
        ? `The letter must include the details of the order to cancel (order ${id}), copied from the personal account`
        : `The letter names order ${JSON.stringify(request.orderId.slice(0, 40))}, not order ${id}: copy this order's details into it`,
    )
  }
  return windowedRefundDecision(reasons, rejected, request, now, p, runtime, {
    windowClosesAt: closes,
    gross: left,
    method,
    givenFee,
  })
}
