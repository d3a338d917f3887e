/**
 * Results past 9999 (SPEC §1: years 1970–9999): every instant a clause
 * computes is either a four-digit ISO string or an `OUT_OF_RANGE` error at the
 * field it was computed from — never "10000-01-02T00:00:00.000Z", which
 * neither `Date.parse` nor the library reads back.
 */
import { describe, expect, it } from 'vitest'
import {
  createPolicy,
  evaluateInactivity,
  evaluateOrderCancellation,
  evaluateTopUpRefund,
  orderCancellationWindowClosesAt,
  topUpRefundWindowClosesAt,
} from '../../src/index.js'
import { errorOf } from '../support/errors.js'

const OUTSIDE = 'the result would fall outside 1970–9999'
const issue = (path: string) => ({ code: 'OUT_OF_RANGE', path, message: OUTSIDE })

describe('window ends after 9999', () => {
  it("topUpRefundWindowClosesAt({ creditedAt: '9999-12-31T00:00:00Z' }) is OUT_OF_RANGE at topUp.creditedAt", () => {
    expect(errorOf(() => topUpRefundWindowClosesAt({ creditedAt: '9999-12-31T00:00:00Z' })).issues).toEqual([
      issue('topUp.creditedAt'),
    ])
    // The last credit whose window still closes in 9999.
    expect(topUpRefundWindowClosesAt({ creditedAt: '9999-12-29T23:59:59.999Z' })).toBe('9999-12-31T23:59:59.999Z')
    expect(errorOf(() => topUpRefundWindowClosesAt({ creditedAt: '9999-12-30T00:00:00Z' })).code).toBe('OUT_OF_RANGE')
  })

  it('a top-up refund whose window would close in 10000 is OUT_OF_RANGE, not a decision with a malformed date', () => {
    const input = {
      topUp: {
        id: 't1',
        amount: { amount: '10.00', currency: 'EUR' },
        creditedAt: '9999-12-31T00:00:00Z',
        method: 'card',
      },
      account: { id: 'a1', balance: { amount: '10.00', currency: 'EUR' }, lastActivityAt: '9999-12-31T00:00:00Z' },
      request: { receivedAt: '9999-12-31T01:00:00Z', channel: 'email' },
      now: '9999-12-31T02:00:00Z',
    }
    expect(errorOf(() => evaluateTopUpRefund(input)).issues).toEqual([issue('topUp.creditedAt')])
  })

  it('an order window is OUT_OF_RANGE at the anchor it counts from', () => {
    const order = {
      placedAt: '9999-12-31T00:00:00Z',
      fundedBy: { topUpId: 't1', creditedAt: '9999-12-30T23:00:00Z', method: 'card' },
    }
    expect(errorOf(() => orderCancellationWindowClosesAt(order)).issues).toEqual([issue('order.fundedBy.creditedAt')])
    const byOrder = createPolicy({ orderCancellationAnchor: 'order' })
    expect(errorOf(() => orderCancellationWindowClosesAt(order, byOrder)).issues).toEqual([issue('order.placedAt')])
    const input = orderInput()
    expect(errorOf(() => evaluateOrderCancellation({ ...input, order: { ...input.order, ...order } })).issues).toEqual([
      issue('order.fundedBy.creditedAt'),
    ])
  })
})

describe('a status change due after 9999', () => {
  it('an approved cancellation whose status change would be due in 10000 is OUT_OF_RANGE at request.receivedAt', () => {
    // Friday 31 December 9999 is a business day: with no business days to count, the refund is due that day.
    const sameDay = createPolicy({ refundBusinessDays: 0 })
    const input = orderInput()
    const order = { ...input.order, placedAt: '9999-12-29T12:00:00Z' }
    const fundedBy = { ...order.fundedBy, creditedAt: '9999-12-29T11:00:00Z' }
    const at = (receivedAt: string) => ({
      ...input,
      order: { ...order, fundedBy },
      account: { ...input.account, lastActivityAt: receivedAt },
      request: { ...input.request, receivedAt },
    })
    // Received at 23:59:59.999 on 29 December + 48 h: the status change is due at the last millisecond of 9999.
    const last = evaluateOrderCancellation(at('9999-12-29T23:59:59.999Z'), sameDay)
    expect(last.outcome).toBe('approved')
    expect(last.outcome === 'approved' && last.dates.statusChangeDueBy).toBe('9999-12-31T23:59:59.999Z')
    expect(errorOf(() => evaluateOrderCancellation(at('9999-12-30T00:00:00Z'), sameDay)).issues).toEqual([
      issue('request.receivedAt'),
    ])
  })
})

function orderInput() {
  return <const>{
    order: {
      id: 'o1',
      amount: { amount: '10.00', currency: 'EUR' },
      status: 'active',
      placedAt: '2026-11-20T10:00:00Z',
      fundedBy: { topUpId: 't1', creditedAt: '2026-11-20T09:00:00Z', method: 'card' },
    },
    account: { id: 'a1', balance: { amount: '10.00', currency: 'EUR' }, lastActivityAt: '9999-12-31T01:00:00Z' },
    request: { receivedAt: '9999-12-31T01:00:00Z', channel: 'email', orderDetails: { orderId: 'o1' } },
    now: '9999-12-31T02:00:00Z',
  }
}

describe('an inactivity threshold after 9999', () => {
  // 23:00 on 31 December 9998 in New York + 12 months is 23:00 on 31 December 9999 there: 04:00Z in the year 10000.
  const newYork = createPolicy({ calendar: { timeZone: 'America/New_York' } })
  const input = (lastActivityAt: string) => ({
    account: { id: 'a1', balance: { amount: '1.00', currency: 'EUR' }, lastActivityAt },
    now: '9999-06-01T00:00:00Z',
  })

  it('west of UTC, a deactivatesAt in the year 10000 is OUT_OF_RANGE at account.lastActivityAt', () => {
    expect(errorOf(() => evaluateInactivity(input('9998-12-31T23:00:00-05:00'), newYork)).issues).toEqual([
      issue('account.lastActivityAt'),
    ])
  })

  it('one local day earlier, the threshold is the last evening of 9999', () => {
    const decision = evaluateInactivity(input('9998-12-30T23:00:00-05:00'), newYork)
    expect(decision.dates.deactivatesAt).toBe('9999-12-31T04:00:00.000Z')
  })
})
