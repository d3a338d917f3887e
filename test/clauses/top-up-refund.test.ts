import { describe, expect, it } from 'vitest'
import { evaluateTopUpRefund, topUpRefundWindowClosesAt } from '../../src/clauses/top-up-refund.js'
import { createPolicy } from '../../src/policy/settings.js'
import { account, CREDITED_AT, cardFees, codes, eur, issuesOf, jpy, topUp, WINDOW_CLOSES_AT } from './fixtures.js'

const request = (receivedAt: string, extra: object = {}) => ({ receivedAt, channel: 'email', ...extra })

describe('evaluateTopUpRefund: the 48-hour window (SPEC §4, §5)', () => {
  it('approves a request received exactly at creditedAt + 48 h, with every field pinned', () => {
    const d = evaluateTopUpRefund({ topUp, account, request: request(WINDOW_CLOSES_AT), now: WINDOW_CLOSES_AT })
    expect({ ...d, reasons: codes(d) }).toEqual({
      clause: 'top-up-refund',
      outcome: 'approved',
      subject: { topUpId: 't1', accountId: 'a1' },
      reasons: ['WITHIN_WINDOW'],
      requirements: [],
      evaluatedAt: '2026-11-22T10:00:00.000Z',
      policy: { id: 'ctr-group', version: '1', fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) },
      amounts: {
        currency: 'EUR',
        gross: '100.00',
        deductions: [{ kind: 'processing-fee', amount: '0.00', basis: 'card: no processing fee configured' }],
        net: '100.00',
      },
      // Sunday 22 Nov: the five business days are Mon 23 … Fri 27.
      dates: {
        windowClosesAt: '2026-11-22T10:00:00.000Z',
        refundDueDate: '2026-11-27',
        refundDueBy: '2026-11-27T23:59:59.999Z',
      },
    })
    expect(d.reasons[0]?.clause).toBe('top-up-refund')
    expect(d.reasons[0]?.message).toMatch(/48-hour window.*\(REFUND AFTER TOPPING UP YOUR BALANCE\)$/)
  })

  it('rejects a request received 1 ms after the window closed: no amounts, only windowClosesAt', () => {
    const late = '2026-11-22T10:00:00.001Z'
    const d = evaluateTopUpRefund({ topUp, account, request: request(late), now: late })
    expect({ ...d, reasons: codes(d) }).toEqual({
      clause: 'top-up-refund',
      outcome: 'rejected',
      subject: { topUpId: 't1', accountId: 'a1' },
      reasons: ['WINDOW_EXPIRED'],
      requirements: [],
      evaluatedAt: late,
      policy: { id: 'ctr-group', version: '1', fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) },
      dates: { windowClosesAt: WINDOW_CLOSES_AT },
    })
    expect('amounts' in d).toBe(false)
    expect(d.reasons[0]?.message).toContain('after the 48-hour refund window closed at 2026-11-22T10:00:00.000Z')
  })

  it('judges the window at receivedAt, not at now', () => {
    const d = evaluateTopUpRefund({ topUp, account, request: request(WINDOW_CLOSES_AT), now: '2027-01-01T00:00:00Z' })
    expect(d.outcome).toBe('approved')
    expect(d.evaluatedAt).toBe('2027-01-01T00:00:00.000Z')
  })

  it('follows topUpRefundWindowHours: with 0 hours only the crediting instant itself is in time', () => {
    const policy = createPolicy({ topUpRefundWindowHours: 0 })
    const at = evaluateTopUpRefund({ topUp, account, request: request(CREDITED_AT), now: CREDITED_AT }, policy)
    const after = evaluateTopUpRefund(
      { topUp, account, request: request('2026-11-20T10:00:00.001Z'), now: '2026-11-20T10:00:00.001Z' },
      policy,
    )
    expect([at.outcome, at.dates.windowClosesAt]).toEqual(['approved', '2026-11-20T10:00:00.000Z'])
    expect(codes(after)).toEqual(['WINDOW_EXPIRED'])
  })
})

describe('evaluateTopUpRefund: amounts (SPEC §5)', () => {
  it('limits the gross by the balance when part of the top-up was spent (PARTIALLY_SPENT)', () => {
    const d = evaluateTopUpRefund(
      {
        topUp,
        account: { ...account, balance: eur('30.00') },
        request: request('2026-11-21T09:00:00Z'),
        now: '2026-11-21T09:00:00Z',
      },
      cardFees,
    )
    expect(d.outcome).toBe('approved')
    expect(codes(d)).toEqual(['WITHIN_WINDOW', 'PARTIALLY_SPENT'])
    // fee = round(30.00 × 2.9 %) + 0.30 = 0.87 + 0.30
    expect(d.amounts).toEqual({
      currency: 'EUR',
      gross: '30.00',
      deductions: [{ kind: 'processing-fee', amount: '1.17', basis: 'card: 2.9% + 0.30 EUR' }],
      net: '28.83',
    })
    expect(d.reasons[1]?.message).toContain('only the 30.00 EUR left on the balance can be refunded, not 100.00 EUR')
  })

  it('refunds what is left of a partly refunded top-up, without PARTIALLY_SPENT when the balance covers it', () => {
    const d = evaluateTopUpRefund(
      {
        topUp: { ...topUp, refunded: eur('40.00') },
        account,
        request: request('2026-11-21T09:00:00Z'),
        now: '2026-11-21T09:00:00Z',
      },
      cardFees,
    )
    expect(codes(d)).toEqual(['WITHIN_WINDOW'])
    expect(d.amounts).toMatchObject({ gross: '60.00', net: '57.96', deductions: [{ amount: '2.04' }] })
  })

  it('limits by the balance after an earlier partial refund: min(amount − refunded, balance)', () => {
    const d = evaluateTopUpRefund({
      topUp: { ...topUp, refunded: eur('40.00') },
      account: { ...account, balance: eur('59.99') },
      request: request('2026-11-21T09:00:00Z'),
      now: '2026-11-21T09:00:00Z',
    })
    expect(codes(d)).toEqual(['WITHIN_WINDOW', 'PARTIALLY_SPENT'])
    expect(d.amounts?.gross).toBe('59.99')
  })

  it('rejects a second refund of an already refunded top-up (ALREADY_REFUNDED)', () => {
    const d = evaluateTopUpRefund({
      topUp: { ...topUp, refunded: eur('100.00') },
      account,
      request: request('2026-11-21T09:00:00Z'),
      now: '2026-11-21T09:00:00Z',
    })
    expect([d.outcome, codes(d), d.requirements]).toEqual(['rejected', ['ALREADY_REFUNDED'], []])
    expect(d.dates).toEqual({ windowClosesAt: WINDOW_CLOSES_AT })
    expect(d.reasons[0]?.message).toContain('the whole top-up of 100.00 EUR was already refunded')
  })

  it('rejects an empty or negative balance (NOTHING_TO_REFUND)', () => {
    for (const balance of ['0.00', '0', '-5.00']) {
      const d = evaluateTopUpRefund({
        topUp,
        account: { ...account, balance: eur(balance) },
        request: request('2026-11-21T09:00:00Z'),
        now: '2026-11-21T09:00:00Z',
      })
      expect([d.outcome, codes(d)]).toEqual(['rejected', ['NOTHING_TO_REFUND']])
      expect(d.amounts).toBeUndefined()
    }
  })

  it('takes the fee from the schedule: card 2.9 % + 0.30 EUR on 100.00 is 3.20', () => {
    const d = evaluateTopUpRefund(
      { topUp, account, request: request(WINDOW_CLOSES_AT), now: WINDOW_CLOSES_AT },
      cardFees,
    )
    expect(d.amounts).toEqual({
      currency: 'EUR',
      gross: '100.00',
      deductions: [{ kind: 'processing-fee', amount: '3.20', basis: 'card: 2.9% + 0.30 EUR' }],
      net: '96.80',
    })
  })

  it('charges nothing for a method the schedule does not name and that has no default rule', () => {
    const d = evaluateTopUpRefund(
      { topUp: { ...topUp, method: 'paypal' }, account, request: request(WINDOW_CLOSES_AT), now: WINDOW_CLOSES_AT },
      cardFees,
    )
    expect(d.amounts?.deductions[0]?.amount).toBe('0.00')
    expect(d.amounts?.net).toBe('100.00')
  })

  it("lets the snapshot's processingFee override the schedule", () => {
    const d = evaluateTopUpRefund(
      {
        topUp: { ...topUp, processingFee: eur('1.20') },
        account,
        request: request(WINDOW_CLOSES_AT),
        now: WINDOW_CLOSES_AT,
      },
      cardFees,
    )
    expect(d.amounts).toEqual({
      currency: 'EUR',
      gross: '100.00',
      deductions: [{ kind: 'processing-fee', amount: '1.20', basis: 'processing fee given on the snapshot' }],
      net: '98.80',
    })
  })

  it('caps a processing fee larger than the gross at the gross (net 0, never negative)', () => {
    const d = evaluateTopUpRefund({
      topUp: { ...topUp, processingFee: eur('50.00') },
      account: { ...account, balance: eur('30.00') },
      request: request(WINDOW_CLOSES_AT),
      now: WINDOW_CLOSES_AT,
    })
    expect(d.amounts).toMatchObject({ gross: '30.00', net: '0.00', deductions: [{ amount: '30.00' }] })
    expect(d.amounts?.deductions[0]?.basis).toContain('capped')
  })

  it('computes JPY amounts without minor digits: 2.9 % of 1234 is 35.786 → 36, + 30', () => {
    const d = evaluateTopUpRefund(
      {
        topUp: { ...topUp, amount: jpy('1234') },
        account: { ...account, balance: jpy('5000') },
        request: request(WINDOW_CLOSES_AT),
        now: WINDOW_CLOSES_AT,
      },
      cardFees,
    )
    expect(d.amounts).toEqual({
      currency: 'JPY',
      gross: '1234',
      deductions: [{ kind: 'processing-fee', amount: '66', basis: 'card: 2.9% + 30 JPY' }],
      net: '1168',
    })
  })

  it('reports a fee rule that has no amount for the evaluation currency as a policy error when used', () => {
    const eurOnly = createPolicy({ fees: { methods: { card: { fixed: { EUR: '0.30' } } } } })
    const input = {
      topUp: { ...topUp, amount: jpy('1000') },
      account: { ...account, balance: jpy('1000') },
      request: request(WINDOW_CLOSES_AT),
      now: WINDOW_CLOSES_AT,
    }
    expect(issuesOf(() => evaluateTopUpRefund(input, eurOnly))).toEqual(['INVALID_POLICY fees.methods.card.fixed'])
    // The same rule is fine for EUR.
    expect(
      evaluateTopUpRefund({ topUp, account, request: request(WINDOW_CLOSES_AT), now: WINDOW_CLOSES_AT }, eurOnly)
        .amounts?.net,
    ).toBe('99.70')
  })

  it('rejects two currencies in one evaluation (CURRENCY_MISMATCH on the second amount)', () => {
    const input = {
      topUp,
      account: { ...account, balance: jpy('100') },
      request: request(WINDOW_CLOSES_AT),
      now: WINDOW_CLOSES_AT,
    }
    expect(issuesOf(() => evaluateTopUpRefund(input))).toEqual(['CURRENCY_MISMATCH account.balance.currency'])
  })
})

describe('evaluateTopUpRefund: requirements and precedence (SPEC §5)', () => {
  it('needs a written request and the requested data: amounts but no refund due date yet', () => {
    const d = evaluateTopUpRefund({
      topUp,
      account,
      request: { receivedAt: '2026-11-21T09:00:00Z', channel: 'phone', informationRequested: { items: ['iban'] } },
      now: '2026-11-21T09:00:00Z',
    })
    expect(d.outcome).toBe('needs-information')
    expect(codes(d)).toEqual(['WITHIN_WINDOW', 'WRITTEN_REQUEST', 'REQUESTED_INFORMATION'])
    expect(d.requirements).toEqual(['WRITTEN_REQUEST', 'REQUESTED_INFORMATION'])
    expect(d.amounts?.net).toBe('100.00')
    expect(d.dates).toEqual({ windowClosesAt: WINDOW_CLOSES_AT })
    expect(d.reasons[1]?.message).toContain('to refund@ctr.group')
    expect(d.reasons[2]?.message).toContain('iban')
  })

  it('keeps PARTIALLY_SPENT on a needs-information decision, before the requirements', () => {
    const d = evaluateTopUpRefund({
      topUp,
      account: { ...account, balance: eur('10.00') },
      request: { receivedAt: '2026-11-21T09:00:00Z', channel: 'chat' },
      now: '2026-11-21T09:00:00Z',
    })
    expect([d.outcome, codes(d)]).toEqual([
      'needs-information',
      ['WITHIN_WINDOW', 'PARTIALLY_SPENT', 'WRITTEN_REQUEST'],
    ])
  })

  it('accepts a letter, and follows writtenChannels', () => {
    const letter = evaluateTopUpRefund({
      topUp,
      account,
      request: { receivedAt: WINDOW_CLOSES_AT, channel: 'letter' },
      now: WINDOW_CLOSES_AT,
    })
    expect(letter.outcome).toBe('approved')
    const webOnly = createPolicy({ writtenChannels: ['web-form'] })
    const email = evaluateTopUpRefund(
      { topUp, account, request: request(WINDOW_CLOSES_AT), now: WINDOW_CLOSES_AT },
      webOnly,
    )
    expect(email.requirements).toEqual(['WRITTEN_REQUEST'])
    expect(email.reasons[1]?.message).toContain('(web-form)')
  })

  it('starts the refund clock when requested data arrives, even after the window closed', () => {
    const d = evaluateTopUpRefund({
      topUp,
      account,
      request: {
        receivedAt: '2026-11-21T09:00:00Z',
        channel: 'email',
        informationRequested: { items: ['iban', 'passport'], providedAt: '2026-11-24T15:00:00Z' },
      },
      now: '2026-11-24T15:00:00Z',
    })
    expect([d.outcome, codes(d), d.requirements]).toEqual(['approved', ['WITHIN_WINDOW'], []])
    // Tue 24 Nov → Wed 25, Thu 26, Fri 27, Mon 30, Tue 1 Dec.
    expect(d.dates).toEqual({
      windowClosesAt: WINDOW_CLOSES_AT,
      refundDueDate: '2026-12-01',
      refundDueBy: '2026-12-01T23:59:59.999Z',
    })
  })

  it('lists every applicable code in a stable order: window expired AND already refunded AND no balance', () => {
    const d = evaluateTopUpRefund({
      topUp: { ...topUp, refunded: eur('100.00') },
      account: { ...account, balance: eur('0.00') },
      request: { receivedAt: '2026-11-23T10:00:00Z', channel: 'email' },
      now: '2026-11-23T10:00:00Z',
    })
    expect([d.outcome, codes(d)]).toEqual(['rejected', ['WINDOW_EXPIRED', 'ALREADY_REFUNDED', 'NOTHING_TO_REFUND']])
  })

  it('lets rejection win over missing information: the reasons say so, but nothing is "still needed"', () => {
    const d = evaluateTopUpRefund({
      topUp,
      account,
      request: { receivedAt: '2026-11-23T10:00:00Z', channel: 'phone', informationRequested: { items: ['iban'] } },
      now: '2026-11-23T10:00:00Z',
    })
    expect(d.outcome).toBe('rejected')
    expect(codes(d)).toEqual(['WINDOW_EXPIRED', 'WRITTEN_REQUEST', 'REQUESTED_INFORMATION'])
    // decision.ts: `requirements` is what the customer must still send (needs-information); empty otherwise.
    expect(d.requirements).toEqual([])
  })
})

describe('evaluateTopUpRefund: due dates in the policy calendar (SPEC §4)', () => {
  it('skips Christmas and the Boxing Day substitute: Tue 2026-12-22 is due Thu 2026-12-31', () => {
    const d = evaluateTopUpRefund({
      topUp: { ...topUp, creditedAt: '2026-12-21T10:00:00Z' },
      account: { ...account, lastActivityAt: '2026-12-21T10:00:00Z' },
      request: request('2026-12-22T10:00:00Z'),
      now: '2026-12-22T10:00:00Z',
    })
    expect(d.dates).toEqual({
      windowClosesAt: '2026-12-23T10:00:00.000Z',
      refundDueDate: '2026-12-31',
      refundDueBy: '2026-12-31T23:59:59.999Z',
    })
  })

  it('takes the local date in Europe/London: 23:30 UTC on 2 June is already Wednesday 3 June (BST)', () => {
    const d = evaluateTopUpRefund({
      topUp: { ...topUp, creditedAt: '2026-06-02T20:00:00Z' },
      account: { ...account, lastActivityAt: '2026-06-02T20:00:00Z' },
      request: request('2026-06-02T23:30:00Z'),
      now: '2026-06-02T23:30:00Z',
    })
    // Thu 4, Fri 5, Mon 8, Tue 9, Wed 10; the day ends at 23:59:59.999 BST.
    expect(d.dates.refundDueDate).toBe('2026-06-10')
    expect(d.dates.refundDueBy).toBe('2026-06-10T22:59:59.999Z')
  })

  it('moves a request at or after the cutoff to the next business day', () => {
    const policy = createPolicy({ calendar: { ...createPolicy().calendar, cutoff: '16:00' } })
    const due = (at: string) =>
      evaluateTopUpRefund({ topUp, account, request: request(at), now: at }, policy).dates.refundDueDate
    expect(due('2026-11-20T15:59:59.999Z')).toBe('2026-11-27')
    expect(due('2026-11-20T16:00:00Z')).toBe('2026-11-30')
  })

  it('counts refundBusinessDays', () => {
    const d = evaluateTopUpRefund(
      { topUp, account, request: request('2026-11-20T11:00:00Z'), now: '2026-11-20T11:00:00Z' },
      { refundBusinessDays: 1 },
    )
    expect(d.dates.refundDueDate).toBe('2026-11-23')
  })
})

describe('topUpRefundWindowClosesAt', () => {
  it('is creditedAt + topUpRefundWindowHours, in UTC with milliseconds', () => {
    expect(topUpRefundWindowClosesAt({ creditedAt: CREDITED_AT })).toBe(WINDOW_CLOSES_AT)
    expect(topUpRefundWindowClosesAt({ creditedAt: '2026-11-20T12:00:00.000+02:00' })).toBe(WINDOW_CLOSES_AT)
    expect(topUpRefundWindowClosesAt({ creditedAt: new Date(CREDITED_AT) })).toBe(WINDOW_CLOSES_AT)
    expect(topUpRefundWindowClosesAt({ creditedAt: CREDITED_AT }, { topUpRefundWindowHours: 24 })).toBe(
      '2026-11-21T10:00:00.000Z',
    )
  })

  it('is elapsed time across a DST change: 48 h from Saturday 24 Oct 2026 12:00 BST', () => {
    expect(topUpRefundWindowClosesAt({ creditedAt: '2026-10-24T11:00:00Z' })).toBe('2026-10-26T11:00:00.000Z')
  })

  it('agrees with the decision', () => {
    const d = evaluateTopUpRefund(
      { topUp, account, request: request(WINDOW_CLOSES_AT), now: WINDOW_CLOSES_AT },
      cardFees,
    )
    expect(topUpRefundWindowClosesAt(topUp, cardFees)).toBe(d.dates.windowClosesAt)
  })

  it('rejects a bad creditedAt and a bad policy with RefundRulesError', () => {
    expect(issuesOf(() => topUpRefundWindowClosesAt({ creditedAt: '2026-11-20T10:00:00' }))).toEqual([
      'INVALID_INSTANT topUp.creditedAt',
    ])
    expect(issuesOf(() => topUpRefundWindowClosesAt(null as never))).toEqual([
      'INVALID_INPUT topUp',
      'INVALID_INSTANT topUp.creditedAt',
    ])
    expect(
      issuesOf(() => topUpRefundWindowClosesAt({ creditedAt: CREDITED_AT }, { topUpRefundWindowHours: -1 })),
    ).toEqual(['INVALID_POLICY topUpRefundWindowHours'])
  })
})

describe('evaluateTopUpRefund and topUpRefundWindowClosesAt: messages and paths (mutation testing)', () => {
  it('says what the balance is when there is nothing to refund', () => {
    const at = '2026-11-21T09:00:00Z'
    const d = evaluateTopUpRefund({
      topUp,
      account: { ...account, balance: eur('-5.00') },
      request: request(at),
      now: at,
    })
    expect(d.reasons).toEqual([
      {
        code: 'NOTHING_TO_REFUND',
        clause: 'top-up-refund',
        message: 'The balance is -5.00 EUR: there is nothing to refund (REFUND AFTER TOPPING UP YOUR BALANCE)',
        params: { balance: { amount: '-5.00', currency: 'EUR' } },
      },
    ])
  })

  it('reports an input that is not an object at input, before its missing parts', () => {
    expect(issuesOf(() => evaluateTopUpRefund(null as never)).slice(0, 3)).toEqual([
      'INVALID_INPUT input',
      'INVALID_INPUT topUp',
      'INVALID_INPUT account',
    ])
  })

  it('reports a creditedAt getter that throws at topUp.creditedAt', () => {
    const throwing = Object.defineProperty({}, 'creditedAt', {
      enumerable: true,
      get() {
        throw new Error('getter')
      },
    })
    expect(issuesOf(() => topUpRefundWindowClosesAt(throwing as never))).toEqual([
      'INVALID_INPUT topUp.creditedAt',
      'INVALID_INSTANT topUp.creditedAt',
    ])
  })
})

describe('evaluateTopUpRefund: nothing left after deductions (SPEC §5)', () => {
  const fixedFee = createPolicy({ fees: { methods: { card: { fixed: { EUR: '0.30' } } } } })
  const small = { ...topUp, amount: eur('0.20') }
  const at = '2026-11-21T09:00:00Z'

  it('rejects a 0.30 fixed fee on a 0.20 top-up instead of approving 0.00, keeping the amounts', () => {
    const d = evaluateTopUpRefund({ topUp: small, account, request: request(at), now: at }, fixedFee)
    expect(d.outcome).toBe('rejected')
    expect(codes(d)).toEqual(['NOTHING_LEFT_AFTER_DEDUCTIONS'])
    expect(d.reasons[0]?.message).toContain('0.20 EUR')
    expect(d.requirements).toEqual([])
    expect(d.amounts).toMatchObject({ gross: '0.20', net: '0.00', deductions: [{ amount: '0.20' }] })
    expect(d.dates).toEqual({ windowClosesAt: WINDOW_CLOSES_AT })
  })

  it('rejects the same with a processingFee on the snapshot, and lists the unmet requirements after it', () => {
    const d = evaluateTopUpRefund({
      topUp: { ...small, processingFee: eur('0.20') },
      account,
      request: { receivedAt: at, channel: 'phone' },
      now: at,
    })
    expect([d.outcome, codes(d)]).toEqual(['rejected', ['NOTHING_LEFT_AFTER_DEDUCTIONS', 'WRITTEN_REQUEST']])
    expect(d.amounts?.net).toBe('0.00')
  })

  it('approves one minor unit left, and narrows on outcome to the amounts and due dates', () => {
    const d = evaluateTopUpRefund(
      { topUp: { ...small, amount: eur('0.31') }, account, request: request(at), now: at },
      fixedFee,
    )
    if (d.outcome !== 'approved') throw new Error(`expected approved, got ${d.outcome}`)
    const net: string = d.amounts.net
    const due: string = d.dates.refundDueDate
    expect([net, due]).toEqual(['0.01', '2026-11-27'])
  })
})
