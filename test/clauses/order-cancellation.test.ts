import { describe, expect, it } from 'vitest'
import { evaluateOrderCancellation, orderCancellationWindowClosesAt } from '../../src/clauses/order-cancellation.js'
import { createPolicy } from '../../src/policy/settings.js'
import { cardFees, codes, eur, issuesOf, jpy, order, WINDOW_CLOSES_AT } from './fixtures.js'

const letter = (receivedAt: string, extra: object = {}) => ({
  receivedAt,
  channel: 'letter',
  orderDetails: { orderId: 'o1' },
  ...extra,
})

describe('evaluateOrderCancellation: the window (SPEC §4, §5)', () => {
  it('approves a letter received exactly at the funding top-up + 48 h, with every field pinned', () => {
    const d = evaluateOrderCancellation({ order, request: letter(WINDOW_CLOSES_AT), now: WINDOW_CLOSES_AT }, cardFees)
    expect({ ...d, reasons: codes(d) }).toEqual({
      clause: 'order-cancellation',
      outcome: 'approved',
      subject: { orderId: 'o1', topUpId: 't1' },
      reasons: ['WITHIN_WINDOW'],
      requirements: [],
      evaluatedAt: WINDOW_CLOSES_AT,
      policy: { id: 'ctr-group', version: '1', fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) },
      // 40.00 × 2.9 % = 1.16, + 0.30
      amounts: {
        currency: 'EUR',
        gross: '40.00',
        deductions: [{ kind: 'processing-fee', amount: '1.46', basis: 'card: 2.9% + 0.30 EUR' }],
        net: '38.54',
      },
      dates: {
        windowClosesAt: WINDOW_CLOSES_AT,
        statusChangeDueBy: '2026-11-24T10:00:00.000Z',
        refundDueDate: '2026-11-27',
        refundDueBy: '2026-11-27T23:59:59.999Z',
      },
    })
    expect(d.reasons[0]?.message).toMatch(/\(REFUND UPON ORDER CANCELLATION\)$/)
  })

  it('rejects a letter received 1 ms later: the order will not be cancelled', () => {
    const late = '2026-11-22T10:00:00.001Z'
    const d = evaluateOrderCancellation({ order, request: letter(late), now: late })
    expect({ ...d, reasons: codes(d) }).toEqual({
      clause: 'order-cancellation',
      outcome: 'rejected',
      subject: { orderId: 'o1', topUpId: 't1' },
      reasons: ['WINDOW_EXPIRED'],
      requirements: [],
      evaluatedAt: late,
      policy: { id: 'ctr-group', version: '1', fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) },
      dates: { windowClosesAt: WINDOW_CLOSES_AT },
    })
    expect(d.reasons[0]?.message).toContain('the funding top-up was credited')
    expect(d.reasons[0]?.message).toContain('will not be cancelled')
  })

  it("counts from placedAt with orderCancellationAnchor: 'order'", () => {
    const at = '2026-11-22T11:00:00Z'
    const byOrder = createPolicy({ orderCancellationAnchor: 'order' })
    const topUpAnchored = evaluateOrderCancellation({ order, request: letter(at), now: at })
    const orderAnchored = evaluateOrderCancellation({ order, request: letter(at), now: at }, byOrder)
    expect([topUpAnchored.outcome, codes(topUpAnchored)]).toEqual(['rejected', ['WINDOW_EXPIRED']])
    expect([orderAnchored.outcome, orderAnchored.dates.windowClosesAt]).toEqual([
      'approved',
      '2026-11-22T12:00:00.000Z',
    ])
    const edge = evaluateOrderCancellation(
      { order, request: letter('2026-11-22T12:00:00.001Z'), now: '2026-11-22T12:00:00.001Z' },
      byOrder,
    )
    expect(codes(edge)).toEqual(['WINDOW_EXPIRED'])
    expect(edge.reasons[0]?.message).toContain('the order was placed')
  })

  it('judges the window at the first letter: details supplied after the window keep a timely request in time', () => {
    const received = '2026-11-21T09:00:00Z'
    const waiting = evaluateOrderCancellation({
      order,
      request: { receivedAt: received, channel: 'email', informationRequested: { items: ['order details'] } },
      now: '2026-11-22T12:00:00Z',
    })
    expect([waiting.outcome, codes(waiting)]).toEqual([
      'needs-information',
      ['WITHIN_WINDOW', 'ORDER_DETAILS', 'REQUESTED_INFORMATION'],
    ])
    expect(waiting.requirements).toEqual(['ORDER_DETAILS', 'REQUESTED_INFORMATION'])
    expect(waiting.amounts?.gross).toBe('40.00')
    expect(waiting.dates).toEqual({ windowClosesAt: WINDOW_CLOSES_AT })

    const complete = evaluateOrderCancellation({
      order,
      request: {
        receivedAt: received,
        channel: 'email',
        orderDetails: { orderId: 'o1' },
        informationRequested: { items: ['order details'], providedAt: '2026-11-23T09:00:00Z' },
      },
      now: '2026-11-23T09:30:00Z',
    })
    expect([complete.outcome, codes(complete)]).toEqual(['approved', ['WITHIN_WINDOW']])
    // The clock starts Mon 23 Nov 09:00: status within 48 h, refund Tue 24 … Mon 30.
    expect(complete.dates).toEqual({
      windowClosesAt: WINDOW_CLOSES_AT,
      statusChangeDueBy: '2026-11-25T09:00:00.000Z',
      refundDueDate: '2026-11-30',
      refundDueBy: '2026-11-30T23:59:59.999Z',
    })
  })

  it('follows cancellationStatusChangeHours and orderCancellationWindowHours', () => {
    const policy = createPolicy({ cancellationStatusChangeHours: 24, orderCancellationWindowHours: 72 })
    const at = '2026-11-23T09:00:00Z'
    const d = evaluateOrderCancellation({ order, request: letter(at), now: at }, policy)
    expect(d.outcome).toBe('approved')
    expect(d.dates.windowClosesAt).toBe('2026-11-23T10:00:00.000Z')
    expect(d.dates.statusChangeDueBy).toBe('2026-11-24T09:00:00.000Z')
  })
})

describe('evaluateOrderCancellation: rejections, requirements and amounts (SPEC §5)', () => {
  const at = '2026-11-21T09:00:00Z'

  it('rejects an order that is already cancelled (ALREADY_CANCELLED)', () => {
    const d = evaluateOrderCancellation({ order: { ...order, status: 'cancelled' }, request: letter(at), now: at })
    expect([d.outcome, codes(d), d.amounts]).toEqual(['rejected', ['ALREADY_CANCELLED'], undefined])
    expect(d.reasons[0]?.message).toContain('Order o1 is already cancelled')
  })

  it('rejects an order that was already refunded (ALREADY_REFUNDED)', () => {
    const d = evaluateOrderCancellation({ order: { ...order, refunded: eur('40.00') }, request: letter(at), now: at })
    expect([d.outcome, codes(d)]).toEqual(['rejected', ['ALREADY_REFUNDED']])
  })

  it('lists every rejection reason in a stable order, and drops the requirements', () => {
    const late = '2026-11-23T09:00:00Z'
    const d = evaluateOrderCancellation({
      order: { ...order, status: 'cancelled', refunded: eur('40.00') },
      request: { receivedAt: late, channel: 'phone' },
      now: late,
    })
    expect(d.outcome).toBe('rejected')
    expect(codes(d)).toEqual([
      'ALREADY_CANCELLED',
      'WINDOW_EXPIRED',
      'ALREADY_REFUNDED',
      'ORDER_DETAILS',
      'WRITTEN_REQUEST',
    ])
    expect(d.requirements).toEqual([])
  })

  it('needs the details of this order: missing, or naming another order (ORDER_DETAILS)', () => {
    const missing = evaluateOrderCancellation({ order, request: { receivedAt: at, channel: 'email' }, now: at })
    const other = evaluateOrderCancellation({
      order,
      request: { receivedAt: at, channel: 'email', orderDetails: { orderId: 'o2' } },
      now: at,
    })
    for (const d of [missing, other]) {
      expect([d.outcome, codes(d), d.requirements]).toEqual([
        'needs-information',
        ['WITHIN_WINDOW', 'ORDER_DETAILS'],
        ['ORDER_DETAILS'],
      ])
      expect(d.dates).toEqual({ windowClosesAt: WINDOW_CLOSES_AT })
    }
    expect(missing.reasons[1]?.message).toContain('must include the details of the order to cancel (order o1)')
    expect(other.reasons[1]?.message).toContain('names order "o2", not order o1')
  })

  it('needs a written request and the requested data, in that order after ORDER_DETAILS', () => {
    const d = evaluateOrderCancellation({
      order,
      request: { receivedAt: at, channel: 'phone', informationRequested: { items: ['iban'] } },
      now: at,
    })
    expect(d.requirements).toEqual(['ORDER_DETAILS', 'WRITTEN_REQUEST', 'REQUESTED_INFORMATION'])
  })

  it('refunds what is left of a partly refunded order, with the fee of fundedBy.method', () => {
    const partly = evaluateOrderCancellation(
      { order: { ...order, refunded: eur('10.00') }, request: letter(at), now: at },
      cardFees,
    )
    expect(partly.amounts).toMatchObject({ gross: '30.00', net: '28.83', deductions: [{ amount: '1.17' }] })
    const bank = evaluateOrderCancellation(
      { order: { ...order, fundedBy: { ...order.fundedBy, method: 'bank' } }, request: letter(at), now: at },
      cardFees,
    )
    expect(bank.amounts?.deductions).toEqual([{ kind: 'processing-fee', amount: '1.50', basis: 'bank: 1.50 EUR' }])
    expect(bank.amounts?.net).toBe('38.50')
  })

  it("lets the order's processingFee override the schedule", () => {
    const d = evaluateOrderCancellation(
      { order: { ...order, processingFee: eur('0.99') }, request: letter(at), now: at },
      cardFees,
    )
    expect(d.amounts).toMatchObject({
      net: '39.01',
      deductions: [{ amount: '0.99', basis: 'processing fee given on the snapshot' }],
    })
  })

  it('computes JPY orders: 2.9 % of 5000 is 145, + 30', () => {
    const d = evaluateOrderCancellation(
      { order: { ...order, amount: jpy('5000') }, request: letter(at), now: at },
      cardFees,
    )
    expect(d.amounts).toEqual({
      currency: 'JPY',
      gross: '5000',
      deductions: [{ kind: 'processing-fee', amount: '175', basis: 'card: 2.9% + 30 JPY' }],
      net: '4825',
    })
  })
})

describe('orderCancellationWindowClosesAt', () => {
  it('is the anchor + orderCancellationWindowHours', () => {
    expect(orderCancellationWindowClosesAt(order)).toBe(WINDOW_CLOSES_AT)
    expect(orderCancellationWindowClosesAt(order, { orderCancellationAnchor: 'order' })).toBe(
      '2026-11-22T12:00:00.000Z',
    )
    expect(orderCancellationWindowClosesAt(order, { orderCancellationWindowHours: 1 })).toBe('2026-11-20T11:00:00.000Z')
    expect(
      orderCancellationWindowClosesAt({
        placedAt: new Date('2026-11-20T12:00:00Z'),
        fundedBy: { ...order.fundedBy, creditedAt: '2026-11-20T05:00:00-05:00' },
      }),
    ).toBe(WINDOW_CLOSES_AT)
  })

  it('agrees with the decision for both anchors', () => {
    for (const policy of [createPolicy(), createPolicy({ orderCancellationAnchor: 'order' })]) {
      const d = evaluateOrderCancellation({ order, request: letter(WINDOW_CLOSES_AT), now: WINDOW_CLOSES_AT }, policy)
      expect(orderCancellationWindowClosesAt(order, policy)).toBe(d.dates.windowClosesAt)
    }
  })

  it('rejects a bad anchor instant with its path', () => {
    expect(issuesOf(() => orderCancellationWindowClosesAt({ ...order, placedAt: 'soon' }))).toEqual([
      'INVALID_INSTANT order.placedAt',
    ])
    expect(
      issuesOf(() => orderCancellationWindowClosesAt({ placedAt: order.placedAt, fundedBy: null as never })),
    ).toEqual(['INVALID_INPUT order.fundedBy', 'INVALID_INSTANT order.fundedBy.creditedAt'])
  })
})

describe('evaluateOrderCancellation and orderCancellationWindowClosesAt: messages and paths (mutation testing)', () => {
  const at = '2026-11-21T09:00:00Z'

  it('words WITHIN_WINDOW and ALREADY_REFUNDED', () => {
    const ok = evaluateOrderCancellation({ order, request: letter(at), now: at })
    expect(ok.reasons.map((r) => r.message)).toEqual([
      'The cancellation request arrived at 2026-11-21T09:00:00.000Z, within the 48-hour period that closes at 2026-11-22T10:00:00.000Z (REFUND UPON ORDER CANCELLATION)',
    ])
    const refunded = evaluateOrderCancellation({
      order: { ...order, refunded: eur('40.00') },
      request: letter(at),
      now: at,
    })
    expect(refunded.reasons.map((r) => r.message)).toEqual([
      'Order o1 (40.00 EUR) was already refunded in full (REFUND UPON ORDER CANCELLATION)',
    ])
  })

  it('quotes at most 40 characters of another order id', () => {
    const d = evaluateOrderCancellation({
      order,
      request: { receivedAt: at, channel: 'email', orderDetails: { orderId: 'p'.repeat(50) } },
      now: at,
    })
    expect(d.reasons[1]).toEqual({
      code: 'ORDER_DETAILS',
      clause: 'order-cancellation',
      message: `The letter names order "${'p'.repeat(40)}", not order o1: copy this order's details into it (REFUND UPON ORDER CANCELLATION)`,
      params: { orderId: 'o1', letterOrderId: 'p'.repeat(40) },
    })
  })

  it("rejects a status other than 'active' or 'cancelled'", () => {
    expect(
      issuesOf(() =>
        evaluateOrderCancellation({ order: { ...order, status: 'pending' as never }, request: letter(at), now: at }),
      ),
    ).toEqual(['INVALID_INPUT order.status'])
  })

  it('reports an order that is not an object at order', () => {
    expect(issuesOf(() => orderCancellationWindowClosesAt(null as never))).toEqual([
      'INVALID_INPUT order',
      'INVALID_INPUT order.fundedBy',
      'INVALID_INSTANT order.placedAt',
      'INVALID_INSTANT order.fundedBy.creditedAt',
    ])
  })
})

describe('evaluateOrderCancellation: nothing left after deductions (SPEC §5)', () => {
  it('rejects an order whose fee takes it all, keeping the amounts and only windowClosesAt', () => {
    const at = '2026-11-21T09:00:00Z'
    const d = evaluateOrderCancellation({
      order: { ...order, amount: eur('0.25'), processingFee: eur('0.30') },
      request: { receivedAt: at, channel: 'email', orderDetails: { orderId: 'o1' } },
      now: at,
    })
    expect([d.outcome, codes(d)]).toEqual(['rejected', ['NOTHING_LEFT_AFTER_DEDUCTIONS']])
    expect(d.amounts).toMatchObject({ gross: '0.25', net: '0.00' })
    expect(Object.keys(d.dates)).toEqual(['windowClosesAt'])
  })
})
