import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TopUpSnapshot } from '../../src/inputs.js'
import { arbAccount, arbFundedOrder, arbOrder, arbRequest, arbTopUp } from '../../src/testing/index.js'
import { expectNoUndefined, ms, units } from './support.js'

function checkTopUp(topUp: TopUpSnapshot) {
  const { currency } = topUp.amount
  const amount = units(topUp.amount)
  expect(amount > 0n).toBe(true)
  if (topUp.refunded) expect(units(topUp.refunded, currency) <= amount).toBe(true)
  if (topUp.processingFee) expect(units(topUp.processingFee, currency) >= 0n).toBe(true)
  ms(topUp.creditedAt)
  expect(typeof topUp.id).toBe('string')
  expect(typeof topUp.method).toBe('string')
  expectNoUndefined(topUp)
}

describe('snapshot arbitraries', () => {
  it('top-ups are valid: positive amount, refunded ≤ amount, one currency, parseable instant', () => {
    fc.assert(fc.property(arbTopUp(), checkTopUp), { seed: 1001, numRuns: 200 })
  })

  it('top-up overrides: fixed values, arbitraries and null', () => {
    fc.assert(
      fc.property(
        arbTopUp({ currency: 'EUR', method: fc.constantFrom('card', 'sepa'), refunded: null, amount: '10.00' }),
        (topUp) => {
          checkTopUp(topUp)
          expect(topUp.amount).toEqual({ amount: '10.00', currency: 'EUR' })
          expect(['card', 'sepa']).toContain(topUp.method)
          expect('refunded' in topUp).toBe(false)
        },
      ),
      { seed: 1002 },
    )
    fc.assert(
      fc.property(arbTopUp({ amount: '5', currency: 'JPY', refunded: '5' }), (t) => t.refunded?.amount === '5'),
      { seed: 1003 },
    )
  })

  it('accounts: non-negative amounts, last activity not after now', () => {
    const now = '2026-11-20T10:00:00Z'
    fc.assert(
      fc.property(arbAccount({ now, currency: 'KWD' }), (account) => {
        expect(units(account.balance, 'KWD') >= 0n).toBe(true)
        if (account.debt) expect(units(account.debt, 'KWD') >= 0n).toBe(true)
        expect(ms(account.lastActivityAt)).toBeLessThanOrEqual(ms(now))
        expectNoUndefined(account)
      }),
      { seed: 1004, numRuns: 200 },
    )
  })

  it('orders are consistent with their funding top-up', () => {
    fc.assert(
      fc.property(arbFundedOrder(), ({ topUp, order }) => {
        checkTopUp(topUp)
        const { currency } = topUp.amount
        const amount = units(order.amount, currency)
        expect(amount > 0n && amount <= units(topUp.amount)).toBe(true)
        if (order.refunded) expect(units(order.refunded, currency) <= amount).toBe(true)
        expect(order.fundedBy).toEqual({ topUpId: topUp.id, creditedAt: topUp.creditedAt, method: topUp.method })
        expect(ms(order.placedAt)).toBeGreaterThanOrEqual(ms(order.fundedBy.creditedAt))
        expect(['active', 'cancelled']).toContain(order.status)
        expectNoUndefined(order)
      }),
      { seed: 1005, numRuns: 200 },
    )
    const topUp = arbTopUp({ currency: 'EUR', id: 'tu_1' })
    fc.assert(
      fc.property(arbOrder({ topUp, status: 'active' }), (o) => o.fundedBy.topUpId === 'tu_1'),
      { seed: 1006 },
    )
  })

  it('requests lie between the event and now, with information provided in between', () => {
    const after = '2026-11-20T10:00:00+02:00'
    const now = '2026-11-22T10:00:00Z'
    fc.assert(
      fc.property(arbRequest({ after, now }), (request) => {
        const received = ms(request.receivedAt)
        expect(received).toBeGreaterThanOrEqual(ms(after))
        expect(received).toBeLessThanOrEqual(ms(now))
        const provided = request.informationRequested?.providedAt
        if (provided !== undefined) {
          expect(ms(provided)).toBeGreaterThanOrEqual(received)
          expect(ms(provided)).toBeLessThanOrEqual(ms(now))
        }
        expect(request.informationRequested?.items.length ?? 1).toBeGreaterThan(0)
        expectNoUndefined(request)
      }),
      { seed: 1007, numRuns: 200 },
    )
    fc.assert(
      fc.property(
        arbRequest({ channel: 'email', orderId: null, information: 'pending' }),
        (r) => r.channel === 'email' && !('orderDetails' in r) && r.informationRequested?.providedAt === undefined,
      ),
      { seed: 1008 },
    )
  })
})
