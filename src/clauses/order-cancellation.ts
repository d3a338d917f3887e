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
import type {
  OrderCancellationApproved,
  OrderCancellationDecision,
  OrderCancellationNeedsInformation,
  OrderCancellationRejected,
} from '../decision.js'
import {
  type InputFields,
  type OrderSnapshot,
  type ReadOrder,
  type RefundRequest,
  readOrder,
  readRequest,
} from '../inputs.js'
import { isPositive } from '../money/amount.js'
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

/** The input of {@link evaluateOrderCancellation}. */
export interface OrderCancellationInput {
  readonly order: OrderSnapshot
  readonly request: RefundRequest
  /** The current instant. */
  readonly now: InstantInput
}

/** When the window starts (SPEC §3 `orderCancellationAnchor`), what that moment is, and how a message names it. */
function windowStart(policy: CompiledPolicy, anchors: { placedAt: EpochMs; fundedAt: EpochMs }) {
  return policy.settings.orderCancellationAnchor === 'order'
    ? { at: anchors.placedAt, from: 'order-placed' as const, what: 'the order was placed', path: 'order.placedAt' }
    : {
        at: anchors.fundedAt,
        from: 'top-up-credited' as const,
        what: 'the funding top-up was credited',
        path: 'order.fundedBy.creditedAt',
      }
}

/**
 * When the cancellation window of an order closes: the anchor (the funding
 * top-up's `creditedAt` by default, `placedAt` with
 * `orderCancellationAnchor: 'order'`) + `orderCancellationWindowHours`.
 * Under a policy history, the last instant a request would be in time under
 * the version in force when it arrives.
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
  policy?: PolicySource,
): string {
  return runWindow(WINDOW, order, policy)
}

/** The window helper reads the order's anchors alone; each policy picks its anchor and adds its window. */
const WINDOW: WindowRun<{ placedAt: EpochMs; fundedAt: EpochMs }> = {
  root: 'order',
  read: (order) => {
    const fundedBy = order.object('fundedBy')
    return { placedAt: order.instant('placedAt'), fundedAt: fundedBy.instant('creditedAt') }
  },
  window: (anchors, policy) => {
    const start = windowStart(policy, anchors)
    return { start: start.at, ms: policy.windowMs.cancellation, path: start.path }
  },
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
  policy?: PolicySource,
): OrderCancellationDecision {
  return runClause(EVALUATION, input, policy)
}

/** SPEC §1: an order cannot be placed before the top-up that funded it was credited. */
function checkFunding(input: InputFields, order: ReadOrder): void {
  if (order.placedAt < order.fundedAt) {
    input.reader.inconsistent(
      'order.placedAt',
      `is before the funding top-up was credited (${formatInstant(order.fundedAt)})`,
    )
  }
}

/** An evaluation of this clause: its input is `input`, its fields `now` and the snapshots. */
const EVALUATION: ClauseRun<OrderCancellationDecision> = { root: 'input', decide, event: 'request.receivedAt' }

/** Reads and checks a cancellation's input (SPEC §1), then applies the clause's rules in the text's order (SPEC §5). */
function decide(input: InputFields, policy: CompiledPolicy): OrderCancellationDecision {
  const reader = input.reader
  const order = readOrder(input.object('order'))
  let request = readRequest(input.object('request'))
  const now = input.instant('now')
  if (!reader.hasIssues()) {
    checkFunding(input, order)
    request = checkRequestOrder(reader, request, {
      now,
      after: { at: order.placedAt, path: 'order.placedAt' },
      skewMs: clockSkewMs(policy),
    })
    checkRefunded(reader, 'order', order)
  }
  reader.finish()
  const reasons = new Reasons(
    'order-cancellation',
    now,
    policy,
    Object.freeze({ orderId: order.id, topUpId: order.topUpId }),
  )
  noteClockSkew(reasons, reader.skewed, now)
  const hours = policy.settings.orderCancellationWindowHours

  // > You have the right to cancel the purchase after replenishing your account within 48 hours.
  // (and, closing the clause: "your transaction will not be canceled and you will not be eligible for a refund
  // if you send a cancellation request after the cancellation period has expired")
  if (order.status === 'cancelled') {
    reasons.reject('ALREADY_CANCELLED', `Order ${order.id} is already cancelled`, { orderId: order.id })
  }
  const start = windowStart(policy, order)
  const closes = formatInstant(start.at + policy.windowMs.cancellation, start.path)
  const received = formatInstant(request.receivedAt)
  const window = { receivedAt: received, windowHours: hours, windowFrom: start.from, windowClosesAt: closes }
  if (isWithinWindow(start.at, policy.windowMs.cancellation, request.receivedAt)) {
    reasons.note(
      'WITHIN_WINDOW',
      `The cancellation request arrived at ${received}, within the ${hours}-hour period that closes at ${closes}`,
      window,
    )
  } else {
    reasons.reject(
      'WINDOW_EXPIRED',
      `The cancellation request arrived at ${received}, after the ${hours}-hour period from when ${start.what} closed at ${closes}: the order will not be cancelled or refunded`,
      window,
    )
  }
  const left = leftToRefund(order)
  if (!isPositive(left)) {
    const amount = amountParam(order.amount)
    reasons.reject('ALREADY_REFUNDED', `Order ${order.id} (${describeAmount(amount)}) was already refunded in full`, {
      amount,
      orderId: order.id,
    })
  }
  // > To cancel an order, you need to enter your personal account, copy the order information that you wish to
  // > cancel, and insert this information into the body of the letter requesting a refund.
  if (request.orderId !== order.id) {
    const named = request.orderId?.slice(0, 40)
    reasons.require(
      'ORDER_DETAILS',
      named === undefined
        ? `The letter must include the details of the order to cancel (order ${order.id}), copied from the personal account`
        : `The letter names order ${JSON.stringify(named)}, not order ${order.id}: copy this order's details into it`,
      { orderId: order.id, letterOrderId: named ?? null },
    )
  }
  requireWrittenRequest(reasons, request)
  // > In some cases, you will need to provide the Service Provider with additional data to effect a refund.
  requireRequestedInformation(reasons, request)
  // A rejected request has no amounts: its gross may be nothing or negative.
  if (reasons.rejected)
    return reasons.decide<OrderCancellationRejected>('rejected', { dates: { windowClosesAt: closes } })
  // > At the same time, you agree that the amount of the refund will be less than the amount of the deposit for
  // > the amount necessary to process the payment.
  const amounts = refundSettlement(reasons, left, order)
  const outcome = reasons.outcome('approved')
  if (outcome === 'rejected') {
    return reasons.decide<OrderCancellationRejected>(outcome, { amounts, dates: { windowClosesAt: closes } })
  }
  if (outcome === 'needs-information') {
    return reasons.decide<OrderCancellationNeedsInformation>(outcome, { amounts, dates: { windowClosesAt: closes } })
  }
  // > The deposit is refunded within 5 (five) business days.
  const clock = clockStart(request)
  const due = refundDueDates(policy, clock, policy.settings.refundBusinessDays)
  return reasons.decide<OrderCancellationApproved>(outcome, {
    amounts,
    dates: {
      windowClosesAt: closes,
      // > The status of the canceled transaction will be changed within 48 hours.
      statusChangeDueBy: formatInstant(clock + policy.windowMs.statusChange, 'request.receivedAt'),
      refundDueDate: due.refundDueDate,
      refundDueBy: due.refundDueBy,
    },
  })
}
