/**
 * Every comparison in src/clauses at its edge (issue #5, mutation testing):
 * each pair of tests sits on both sides of one `<`/`<=`/`>`/`>=`, so a
 * mutant that moves the edge by one millisecond or one cent dies.
 */
import { describe, expect, it } from 'vitest'
import type { Decision, OrderCancellationDecision, TopUpRefundDecision } from '../../src/index.js'
import { decide, errorOf, VALID, withPath } from '../errors/fixtures.js'

const H48 = 48 * 3_600_000
const iso = (ms: number) => new Date(ms).toISOString()
const ms = (text: string) => Date.parse(text)
const codes = (d: Decision) => d.reasons.map((r) => r.code)

/** A top-up request at `receivedAt` (everything else consistent with it). */
function topUpAt(receivedAt: number, patch: Record<string, unknown> = {}) {
  let input = VALID['top-up-refund']()
  input = withPath(input, 'request.receivedAt', iso(receivedAt))
  input = withPath(input, 'request.informationRequested', undefined, true)
  input = withPath(input, 'now', iso(receivedAt + 1000))
  for (const [path, value] of Object.entries(patch)) input = withPath(input, path, value)
  return input
}

describe('top-up-refund window (SPEC §4: receivedAt − creditedAt ≤ 48 h)', () => {
  const credited = ms('2026-11-20T10:00:00Z')
  it('at exactly creditedAt + 48 h the request is in time', () => {
    const d = decide(topUpAt(credited + H48)) as TopUpRefundDecision
    expect(d.outcome).toBe('approved')
    expect(codes(d)).toEqual(['WITHIN_WINDOW', 'PARTIALLY_SPENT'])
    expect(d.dates.windowClosesAt).toBe('2026-11-22T10:00:00.000Z')
  })
  it('1 ms later it is late', () => {
    const d = decide(topUpAt(credited + H48 + 1)) as TopUpRefundDecision
    expect(d.outcome).toBe('rejected')
    expect(codes(d)).toEqual(['WINDOW_EXPIRED'])
    expect(d.amounts).toBeUndefined()
    expect(d.dates).toEqual({ windowClosesAt: '2026-11-22T10:00:00.000Z' })
  })
  it('at creditedAt itself the request is in time (and consistent)', () => {
    expect(decide(topUpAt(credited)).outcome).toBe('approved')
  })
  it('1 ms before creditedAt is inconsistent', () => {
    expect(errorOf(topUpAt(credited - 1)).issues).toContainEqual(
      expect.objectContaining({ code: 'INCONSISTENT_INPUT', path: 'request.receivedAt' }),
    )
  })
})

describe('top-up-refund amounts at their edges', () => {
  const at = ms('2026-11-21T09:00:00Z')
  it('refunded = amount: nothing left (rejected), refunded = amount − 0.01: one cent left', () => {
    const all = decide(topUpAt(at, { 'topUp.refunded.amount': '100.00' }))
    expect(all.outcome).toBe('rejected')
    expect(codes(all)).toContain('ALREADY_REFUNDED')
    const cent = decide(
      topUpAt(at, { 'topUp.refunded.amount': '99.99', 'topUp.processingFee.amount': '0.00' }),
    ) as TopUpRefundDecision
    expect(cent.outcome).toBe('approved')
    expect(cent.amounts?.gross).toBe('0.01')
    expect(codes(cent)).not.toContain('ALREADY_REFUNDED')
  })
  it('refunded = amount + 0.01 is inconsistent', () => {
    const error = errorOf(topUpAt(at, { 'topUp.refunded.amount': '100.01' }))
    expect(error.issues).toContainEqual(expect.objectContaining({ code: 'INCONSISTENT_INPUT', path: 'topUp.refunded' }))
  })
  it('balance 0 is nothing to refund, 0.01 is one cent', () => {
    expect(codes(decide(topUpAt(at, { 'account.balance.amount': '0.00' })))).toContain('NOTHING_TO_REFUND')
    const d = decide(
      topUpAt(at, { 'account.balance.amount': '0.01', 'topUp.processingFee.amount': '0' }),
    ) as TopUpRefundDecision
    expect(d.outcome).toBe('approved')
    expect(d.amounts?.gross).toBe('0.01')
  })
  it('balance = what is left: not partially spent; one cent less: partially spent, gross = balance', () => {
    const equal = decide(topUpAt(at, { 'account.balance.amount': '90.00' })) as TopUpRefundDecision
    expect(codes(equal)).not.toContain('PARTIALLY_SPENT')
    expect(equal.amounts?.gross).toBe('90.00')
    const less = decide(topUpAt(at, { 'account.balance.amount': '89.99' })) as TopUpRefundDecision
    expect(codes(less)).toContain('PARTIALLY_SPENT')
    expect(less.amounts?.gross).toBe('89.99')
    const more = decide(topUpAt(at, { 'account.balance.amount': '90.01' })) as TopUpRefundDecision
    expect(codes(more)).not.toContain('PARTIALLY_SPENT')
    expect(more.amounts?.gross).toBe('90.00')
  })
  it('lastActivityAt = now is consistent, 1 ms after is not', () => {
    expect(decide(topUpAt(at, { 'account.lastActivityAt': iso(at + 1000) })).outcome).toBe('approved')
    expect(errorOf(topUpAt(at, { 'account.lastActivityAt': iso(at + 1001) })).message).toBe(
      'account.lastActivityAt: is after now (2026-11-21T09:00:01.000Z)',
    )
  })
})

describe('request order (checkRequestOrder) at its edges', () => {
  const at = ms('2026-11-21T09:00:00Z')
  const withInfo = (providedAt: number, now: number) =>
    topUpAt(at, {
      'request.informationRequested': { items: ['iban'], providedAt: iso(providedAt) },
      now: iso(now),
    })
  it('receivedAt = now is consistent, now 1 ms earlier is not', () => {
    expect(decide(topUpAt(at, { now: iso(at) })).outcome).toBe('approved')
    expect(errorOf(topUpAt(at, { now: iso(at - 1) })).path).toBe('request.receivedAt')
  })
  it('providedAt = receivedAt and providedAt = now are consistent', () => {
    expect(decide(withInfo(at, at)).outcome).toBe('approved')
    expect(decide(withInfo(at + 5, at + 5)).outcome).toBe('approved')
  })
  it('providedAt 1 ms before receivedAt, or 1 ms after now, is inconsistent', () => {
    const before = errorOf(withInfo(at - 1, at))
    expect(before.issues).toEqual([
      expect.objectContaining({ code: 'INCONSISTENT_INPUT', path: 'request.informationRequested.providedAt' }),
    ])
    expect(before.message).toContain('is before the request was received')
    const after = errorOf(withInfo(at + 2, at + 1))
    expect(after.issues).toEqual([
      expect.objectContaining({ code: 'INCONSISTENT_INPUT', path: 'request.informationRequested.providedAt' }),
    ])
    expect(after.message).toContain('is after now')
  })
  it('the refund clock starts at max(receivedAt, providedAt)', () => {
    // Received Fri 27 Nov 2026, provided Mon 30 Nov: five business days after 30 Nov is Mon 7 Dec.
    const fri = ms('2026-11-27T09:00:00Z')
    const mon = ms('2026-11-30T09:00:00Z')
    let input = topUpAt(fri, {
      'topUp.creditedAt': '2026-11-26T10:00:00Z',
      'account.lastActivityAt': '2026-11-26T10:00:00Z',
    })
    input = withPath(input, 'request.informationRequested', { items: ['iban'], providedAt: iso(mon) })
    input = withPath(input, 'now', iso(mon))
    const d = decide(input) as TopUpRefundDecision
    expect(d.dates.refundDueDate).toBe('2026-12-07')
    expect(d.dates.refundDueBy).toBe('2026-12-07T23:59:59.999Z')
    const plain = decide(
      topUpAt(fri, { 'topUp.creditedAt': '2026-11-26T10:00:00Z', 'account.lastActivityAt': '2026-11-26T10:00:00Z' }),
    ) as TopUpRefundDecision
    expect(plain.dates.refundDueDate).toBe('2026-12-04')
  })
  it('requested items not yet provided need information', () => {
    const input = topUpAt(at, { 'request.informationRequested': { items: ['iban', 'id'] } })
    const d = decide(input)
    expect(d.outcome).toBe('needs-information')
    expect(d.requirements).toEqual(['REQUESTED_INFORMATION'])
    expect(d.reasons.at(-1)?.message).toContain('iban, id')
    expect(decide(topUpAt(at, { 'request.informationRequested': { items: [] } })).outcome).toBe('approved')
  })
})

/** An order-cancellation request at `receivedAt`. */
function orderAt(receivedAt: number, patch: Record<string, unknown> = {}) {
  let input = VALID['order-cancellation']()
  input = withPath(input, 'request.receivedAt', iso(receivedAt))
  input = withPath(input, 'request.informationRequested', undefined, true)
  input = withPath(input, 'now', iso(receivedAt + 1000))
  for (const [path, value] of Object.entries(patch)) input = withPath(input, path, value)
  return input
}

describe('order-cancellation edges', () => {
  const credited = ms('2026-11-20T10:00:00Z')
  const placed = ms('2026-11-20T12:00:00Z')
  it('anchor top-up: in time at creditedAt + 48 h, late 1 ms later', () => {
    const inTime = decide(orderAt(credited + H48)) as OrderCancellationDecision
    expect(inTime.outcome).toBe('approved')
    expect(inTime.dates.statusChangeDueBy).toBe(iso(credited + 2 * H48))
    expect(inTime.dates.windowClosesAt).toBe(iso(credited + H48))
    const late = decide(orderAt(credited + H48 + 1))
    expect(late.outcome).toBe('rejected')
    expect(codes(late)).toEqual(['WINDOW_EXPIRED'])
  })
  it('anchor order: in time at placedAt + 48 h, late 1 ms later', () => {
    const policy = { orderCancellationAnchor: 'order' }
    expect(decide(orderAt(placed + H48), policy).outcome).toBe('approved')
    const late = decide(orderAt(placed + H48 + 1), policy) as OrderCancellationDecision
    expect(late.outcome).toBe('rejected')
    expect(late.dates.windowClosesAt).toBe(iso(placed + H48))
    expect(late.reasons[0]?.message).toContain('the order was placed')
  })
  it('placedAt = creditedAt is consistent, 1 ms before is not', () => {
    expect(decide(orderAt(placed, { 'order.placedAt': iso(credited) })).outcome).toBe('approved')
    const error = errorOf(orderAt(placed, { 'order.placedAt': iso(credited - 1) }))
    expect(error.issues).toContainEqual(expect.objectContaining({ code: 'INCONSISTENT_INPUT', path: 'order.placedAt' }))
  })
  it('receivedAt = placedAt is consistent, 1 ms before is not', () => {
    expect(decide(orderAt(placed)).outcome).toBe('approved')
    expect(errorOf(orderAt(placed - 1)).path).toBe('request.receivedAt')
  })
  it('refunded = amount: already refunded; one cent less: one cent; one cent more: inconsistent', () => {
    expect(codes(decide(orderAt(placed, { 'order.refunded.amount': '40.00' })))).toContain('ALREADY_REFUNDED')
    const cent = decide(
      orderAt(placed, { 'order.refunded.amount': '39.99', 'order.processingFee.amount': '0' }),
    ) as OrderCancellationDecision
    expect(cent.amounts?.gross).toBe('0.01')
    expect(errorOf(orderAt(placed, { 'order.refunded.amount': '40.01' })).path).toBe('order.refunded')
  })
  it('a cancelled order, missing or other order details', () => {
    expect(codes(decide(orderAt(placed, { 'order.status': 'cancelled' })))).toContain('ALREADY_CANCELLED')
    const missing = decide(orderAt(placed, { 'request.orderDetails': undefined }))
    expect(missing.requirements).toEqual(['ORDER_DETAILS'])
    const other = decide(orderAt(placed, { 'request.orderDetails': { orderId: 'o2' } }))
    expect(other.requirements).toEqual(['ORDER_DETAILS'])
    expect(other.reasons.at(-1)?.message).toContain('"o2"')
  })
})

describe('termination and inactivity edges', () => {
  it('termination: balance 0 is nothing to refund, 0.01 is a settlement', () => {
    const zero = withPath(VALID.termination(), 'account.balance.amount', '0.00')
    expect(decide(zero).outcome).toBe('rejected')
    let cent = withPath(VALID.termination(), 'account.balance.amount', '0.01')
    cent = withPath(cent, 'account.debt', undefined, true)
    const d = decide(cent)
    expect(d.outcome).toBe('manual-review')
    expect('amounts' in d && d.amounts?.net).toBe('0.01')
  })
  it('termination: lastActivityAt = now is consistent, 1 ms after is not', () => {
    const base = VALID.termination()
    expect(decide(withPath(base, 'account.lastActivityAt', base.now)).outcome).toBe('manual-review')
    const after = withPath(base, 'account.lastActivityAt', iso(ms(base.now as string) + 1))
    expect(errorOf(after).path).toBe('account.lastActivityAt')
  })
  it('inactivity: active at exactly deactivatesAt, deactivated 1 ms later (SPEC §7.7)', () => {
    const base = VALID.inactivity() // last activity 2026-11-20T10:00:00Z
    const edge = ms('2027-11-20T10:00:00Z')
    const at = decide(withPath(base, 'now', iso(edge)))
    expect(at.outcome).toBe('active')
    expect(codes(at)).toEqual([])
    const after = decide(withPath(base, 'now', iso(edge + 1)))
    expect(after.outcome).toBe('deactivated')
    expect(codes(after)).toEqual(['INACTIVE_OVER_THRESHOLD'])
    expect('settlement' in after && after.settlement?.gross).toBe('80.00')
  })
  it('inactivity: lastActivityAt = now is consistent, 1 ms after is not', () => {
    const base = VALID.inactivity()
    expect(decide(withPath(base, 'account.lastActivityAt', base.now)).outcome).toBe('active')
    expect(errorOf(withPath(base, 'account.lastActivityAt', iso(ms(base.now as string) + 1))).path).toBe(
      'account.lastActivityAt',
    )
  })
  it('inactivity: a deactivated account with a zero balance carries no settlement', () => {
    const d = decide(withPath(VALID.inactivity(), 'account.balance.amount', '0'))
    expect(d.outcome).toBe('deactivated')
    expect('settlement' in d).toBe(false)
  })
})
