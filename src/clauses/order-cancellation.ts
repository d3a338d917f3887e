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
import { compareMoney, describeMoney, isPositive, subtractMoney } from '../money/amount.js'
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
import { createInputReader, type InputReader, type OrderSnapshot, type RefundRequest, totally } from './inputs.js'

/** The input of {@link evaluateOrderCancellation}. */
export interface OrderCancellationInput {
  readonly order: OrderSnapshot
  readonly request: RefundRequest
  /** The current instant. */
  readonly now: InstantInput
}

/** The instants an order's window can be anchored to. */
function readAnchors(reader: InputReader, order: object | undefined) {
  const fundedBy = reader.object(reader.field(order, 'fundedBy', 'order'), 'order.fundedBy')
  return {
    placedAt: reader.instant(reader.field(order, 'placedAt', 'order'), 'order.placedAt'),
    creditedAt: reader.instant(reader.field(fundedBy, 'creditedAt', 'order.fundedBy'), 'order.fundedBy.creditedAt'),
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
  return totally(() => {
    const { policy: p, runtime } = resolvePolicy(policy)
    const reader = createInputReader()
    const anchors = readAnchors(reader, reader.object(order, 'order'))
    reader.finish()
    return formatInstant(windowStart(p, anchors).at + runtime.windowMs.cancellation)
  })
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
  return totally(() => {
    const { policy: p, runtime } = resolvePolicy(policy)
    const reader = createInputReader()
    const source = reader.object(input, 'input')
    const order = reader.object(reader.field(source, 'order', ''), 'order')
    const get = (key: string) => reader.field(order, key, 'order')

    const id = reader.text(get('id'), 'order.id')
    const amount = reader.money(get('amount'), 'order.amount')
    const status = reader.oneOf(get('status'), 'order.status', ['active', 'cancelled'] as const)
    const anchors = readAnchors(reader, order)
    reader.text(reader.field(anchors.fundedBy, 'topUpId', 'order.fundedBy'), 'order.fundedBy.topUpId')
    const method = reader.text(reader.field(anchors.fundedBy, 'method', 'order.fundedBy'), 'order.fundedBy.method')
    const givenFee = reader.optionalMoney(get('processingFee'), 'order.processingFee')
    const refunded = reader.optionalMoney(get('refunded'), 'order.refunded')
    const request = reader.request(reader.field(source, 'request', ''), 'request')
    const now: EpochMs = reader.instant(reader.field(source, 'now', ''), 'now')
    if (!reader.hasIssues()) {
      if (anchors.placedAt < anchors.creditedAt) {
        reader.inconsistent(
          'order.placedAt',
          `is before the funding top-up was credited (${formatInstant(anchors.creditedAt)})`,
        )
      }
      checkRequestOrder(reader, request, now, { at: anchors.placedAt, path: 'order.placedAt' })
      if (refunded !== undefined && compareMoney(refunded, amount) > 0) {
        reader.inconsistent('order.refunded', `is more than the order (${describeMoney(amount)})`)
      }
    }
    reader.finish()

    const reasons = createReasons('order-cancellation')
    const start = windowStart(p, anchors)
    const windowClosesAt = start.at + runtime.windowMs.cancellation
    const closes = formatInstant(windowClosesAt)
    const received = formatInstant(request.receivedAt)
    const inTime = isWithinWindow(start.at, runtime.windowMs.cancellation, request.receivedAt)
    const left = refunded === undefined ? amount : subtractMoney(amount, refunded)
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
    requireWrittenRequest(reasons, request, p, runtime)
    requireRequestedInformation(reasons, request)
    const outcome = outcomeOf(rejected, reasons, 'approved')
    const dates = { windowClosesAt: closes }
    if (outcome === 'rejected') {
      return decision('order-cancellation', outcome, reasons, now, runtime, { dates }) as OrderCancellationDecision
    }
    const amounts = feeOnlyAmounts(p, left, method, givenFee)
    if (outcome !== 'approved') {
      return decision('order-cancellation', outcome, reasons, now, runtime, {
        amounts,
        dates,
      }) as OrderCancellationDecision
    }
    // Written out rather than spread, as in the top-up clause (issue #4).
    const clock = clockStart(request)
    const due = refundDue(runtime, clock, p.refundBusinessDays)
    return decision('order-cancellation', outcome, reasons, now, runtime, {
      amounts,
      dates: {
        windowClosesAt: closes,
        statusChangeDueBy: formatInstant(clock + runtime.windowMs.statusChange),
        refundDueDate: due.refundDueDate,
        refundDueBy: due.refundDueBy,
      },
    }) as OrderCancellationDecision
  })
}
