/**
 * Quotes (SPEC §8): the decision a complete written request at `at` would
 * get, and the last instant a request is in time — pinned at the window's
 * edge and the millisecond after.
 */
import { describe, expect, it } from 'vitest'
import { evaluateOrderCancellation } from '../src/clauses/order-cancellation.js'
import { evaluateTopUpRefund } from '../src/clauses/top-up-refund.js'
import { createPolicyHistory } from '../src/policy/history.js'
import { quoteOrderCancellation, quoteTopUpRefund } from '../src/quotes.js'
import { errorOf } from './support/errors.js'

const EUR = (amount: string) => ({ amount, currency: 'EUR' })
const topUp = { id: 't1', amount: EUR('100.00'), creditedAt: '2026-12-21T09:00:00Z', method: 'card' }
const account = { id: 'a1', balance: EUR('100.00'), lastActivityAt: '2026-12-21T09:00:00Z' }
const fees = { methods: { card: { percent: '3.2' } } }
const order = {
  id: 'o1',
  amount: EUR('40.00'),
  placedAt: '2026-11-20T12:00:00Z',
  status: 'active' as const,
  fundedBy: { topUpId: 't1', creditedAt: '2026-11-20T10:00:00Z', method: 'card' },
}

describe('quoteTopUpRefund', () => {
  it('on Tue 22 Dec: refund 96.80 EUR, due Thu 31 Dec, if you ask before 23 Dec 09:00', () => {
    const quote = quoteTopUpRefund({ topUp, account, at: '2026-12-22T10:00:00Z' }, { fees })
    expect(quote.decision.outcome).toBe('approved')
    expect(quote.decision.amounts?.net).toBe('96.80')
    // Hand-counted: 23, 24, 29, 30, 31 Dec (25 Dec, the weekend and the 28 Dec substitute holiday skipped).
    expect(quote.decision.dates.refundDueDate).toBe('2026-12-31')
    expect(quote.refundableUntil).toBe('2026-12-23T09:00:00.000Z')
  })

  it('at the window edge: approved, evaluated then, due Mon 4 Jan', () => {
    const quote = quoteTopUpRefund({ topUp, account, at: '2026-12-23T09:00:00Z' }, { fees })
    expect(quote.decision.outcome).toBe('approved')
    expect(quote.decision.evaluatedAt).toBe('2026-12-23T09:00:00.000Z')
    // Hand-counted: 24, 29, 30, 31 Dec, 4 Jan (1 Jan and the weekends skipped).
    expect(quote.decision.dates.refundDueDate).toBe('2027-01-04')
  })

  it('1 ms after the edge: rejected, the window expired', () => {
    const quote = quoteTopUpRefund({ topUp, account, at: '2026-12-23T09:00:00.001Z' })
    expect(quote.decision.outcome).toBe('rejected')
    expect(quote.decision.reasons.map((r) => r.code)).toEqual(['WINDOW_EXPIRED'])
    expect(quote.refundableUntil).toBe('2026-12-23T09:00:00.000Z')
  })

  it('is the decision of a written request received at `at` and evaluated then', () => {
    const at = '2026-12-22T10:00:00Z'
    const quote = quoteTopUpRefund({ topUp, account, at }, { fees })
    const request = { receivedAt: at, channel: 'email' }
    expect(quote.decision).toEqual(evaluateTopUpRefund({ topUp, account, request, now: at }, { fees }))
    expect(Object.isFrozen(quote)).toBe(true)
  })

  it('uses a written channel of the policy', () => {
    const quote = quoteTopUpRefund({ topUp, account, at: '2026-12-22T10:00:00Z' }, { writtenChannels: ['portal'] })
    expect(quote.decision.outcome).toBe('approved')
  })

  it('under a policy with no written channel, is the decision of a letter: incomplete, as any request would be', () => {
    const quote = quoteTopUpRefund({ topUp, account, at: '2026-12-22T10:00:00Z' }, { writtenChannels: [] })
    expect(quote.decision.outcome).toBe('needs-information')
    expect(quote.decision.reasons[1]).toMatchObject({
      code: 'WRITTEN_REQUEST',
      params: { channel: 'letter', writtenChannels: [] },
    })
  })

  it('names `at` where an evaluation would name the request or now', () => {
    const before = errorOf(() => quoteTopUpRefund({ topUp, account, at: '2026-12-21T08:59:59.999Z' }))
    expect([before.code, before.path]).toEqual(['INCONSISTENT_INPUT', 'at'])
    const bad = errorOf(() => quoteTopUpRefund({ topUp, account, at: '2026-12-22' }))
    expect([bad.code, bad.path]).toEqual(['INVALID_INSTANT', 'at'])
    const none = errorOf(() => quoteTopUpRefund(null as never))
    expect([none.code, none.path]).toEqual(['INVALID_INPUT', 'input'])
    expect(errorOf(() => quoteTopUpRefund({ topUp: 5, account, at: '2026-12-22T10:00:00Z' } as never)).path).toBe(
      'topUp',
    )
  })

  it('under a history: the version in force at `at`, and the last instant in time across the change', () => {
    const history = createPolicyHistory([
      { effectiveFrom: '2026-01-01T00:00:00Z', policy: { version: '48h' } },
      { effectiveFrom: '2026-12-22T00:00:00Z', policy: { version: '24h', topUpRefundWindowHours: 24 } },
    ])
    // Credited 21 Dec 09:00: a request on 21 Dec is judged under 48 h; from 22 Dec, under 24 h.
    const quote = quoteTopUpRefund({ topUp, account, at: '2026-12-21T23:00:00Z' }, history)
    expect(quote.decision.policy.version).toBe('48h')
    expect(quote.refundableUntil).toBe('2026-12-22T09:00:00.000Z')
    expect(quoteTopUpRefund({ topUp, account, at: '2026-12-22T09:00:00Z' }, history).decision.outcome).toBe('approved')
    const late = quoteTopUpRefund({ topUp, account, at: '2026-12-22T09:00:00.001Z' }, history)
    expect([late.decision.outcome, late.decision.policy.version]).toEqual(['rejected', '24h'])
    const early = errorOf(() =>
      quoteTopUpRefund(
        { topUp: { ...topUp, creditedAt: '2025-12-21T09:00:00Z' }, account, at: '2025-12-21T10:00:00Z' },
        history,
      ),
    )
    expect([early.code, early.path]).toEqual(['INVALID_POLICY', 'at'])
  })
})

describe('quoteOrderCancellation', () => {
  it('at the window edge: approved with the order details copied in; 1 ms later: rejected', () => {
    const edge = quoteOrderCancellation({ order, at: '2026-11-22T10:00:00Z' })
    expect(edge.decision.outcome).toBe('approved')
    expect(edge.decision.dates.statusChangeDueBy).toBe('2026-11-24T10:00:00.000Z')
    expect(edge.refundableUntil).toBe('2026-11-22T10:00:00.000Z')
    const late = quoteOrderCancellation({ order, at: '2026-11-22T10:00:00.001Z' })
    expect(late.decision.outcome).toBe('rejected')
    expect(late.decision.reasons.map((r) => r.code)).toEqual(['WINDOW_EXPIRED'])
  })

  it('counts from placedAt under the order anchor', () => {
    const policy = { orderCancellationAnchor: 'order' as const }
    expect(quoteOrderCancellation({ order, at: '2026-11-22T12:00:00Z' }, policy).decision.outcome).toBe('approved')
    const late = quoteOrderCancellation({ order, at: '2026-11-22T12:00:00.001Z' }, policy)
    expect([late.decision.outcome, late.refundableUntil]).toEqual(['rejected', '2026-11-22T12:00:00.000Z'])
  })

  it('is the decision of a letter carrying the order, received at `at`', () => {
    const at = '2026-11-21T09:00:00Z'
    const request = { receivedAt: at, channel: 'email', orderDetails: { orderId: 'o1' } }
    expect(quoteOrderCancellation({ order, at }).decision).toEqual(
      evaluateOrderCancellation({ order, request, now: at }),
    )
  })

  it('reports an order that is not one as the evaluation would', () => {
    const error = errorOf(() => quoteOrderCancellation({ order: [] as never, at: '2026-11-21T09:00:00Z' }))
    expect([error.code, error.path]).toEqual(['INVALID_INPUT', 'order'])
  })

  it('names the input and `at` as its own fields', () => {
    const none = errorOf(() => quoteOrderCancellation(null as never))
    expect([none.code, none.path]).toEqual(['INVALID_INPUT', 'input'])
    const missing = errorOf(() => quoteOrderCancellation({ order } as never))
    expect([missing.code, missing.path]).toEqual(['INVALID_INSTANT', 'at'])
    const bad = errorOf(() => quoteOrderCancellation({ order, at: '2026-11-21' }))
    expect([bad.code, bad.path]).toEqual(['INVALID_INSTANT', 'at'])
  })
})
