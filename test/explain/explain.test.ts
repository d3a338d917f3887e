import { describe, expect, it } from 'vitest'
import { evaluateInactivity } from '../../src/clauses/inactivity.js'
import { evaluateOrderCancellation } from '../../src/clauses/order-cancellation.js'
import { evaluateTermination } from '../../src/clauses/termination.js'
import { evaluateTopUpRefund } from '../../src/clauses/top-up-refund.js'
import { explain } from '../../src/explain/index.js'
import { en } from '../../src/explain/locale.js'
import { createPolicy } from '../../src/policy/settings.js'
import { account, cardFees, eur, order, topUp, verifiedAccount, WINDOW_CLOSES_AT } from '../clauses/fixtures.js'
import { specExample } from './fixtures.js'

const at = '2026-11-21T09:00:00Z'

describe('explain in English', () => {
  it("pins SPEC §4's example: the clause named once, times in London, the due date with what it skipped", () => {
    expect(explain(specExample, { policy: cardFees }).split('\n')).toEqual([
      'Approved — refund after topping up the balance.',
      'Why: The request arrived within the 48-hour window, open until 23 Dec 2026, 09:00 GMT.',
      'Refund: EUR 96.80 = EUR 100.00 − processing fee EUR 3.20 (card: 2.9% + 0.30 EUR).',
      'Refund due Thu 31 Dec 2026 — 5 business days after Tue 22 Dec; not counted: 25 Dec Christmas Day, 26–27 Dec weekend, 28 Dec Boxing Day (substitute day).',
    ])
  })

  it('shows instants in the zone asked for, with its abbreviation', () => {
    const text = explain(specExample, { policy: cardFees, timeZone: 'America/New_York' })
    expect(text).toContain('open until 23 Dec 2026, 04:00 GMT-5.')
    // The due date is a date of the policy's calendar: the zone shown does not move it.
    expect(text).toContain('Refund due Thu 31 Dec 2026 — 5 business days after Tue 22 Dec;')
  })

  it('shows seconds only when an instant has them', () => {
    const d = evaluateTopUpRefund({
      topUp: { ...topUp, creditedAt: '2026-11-20T10:00:30Z' },
      account,
      request: { receivedAt: at, channel: 'email' },
      now: at,
    })
    expect(explain(d)).toContain('open until 22 Nov 2026, 10:00:30 GMT.')
  })

  it('a request on the window edge is in time; the due date skips only the weekend', () => {
    const text = explain(
      evaluateTopUpRefund(
        { topUp, account, request: { receivedAt: WINDOW_CLOSES_AT, channel: 'email' }, now: WINDOW_CLOSES_AT },
        cardFees,
      ),
      { policy: cardFees },
    )
    // A request on Sunday 22 Nov: counting runs Mon 23 … Fri 27, the same as from Friday 20.
    expect(text.split('\n').at(-1)).toBe(
      'Refund due Fri 27 Nov 2026 — 5 business days after Fri 20 Nov; not counted: 21–22 Nov weekend.',
    )
  })

  it('lists what is still needed and where to send it, in the list style of the language', () => {
    const d = evaluateTopUpRefund({
      topUp,
      account,
      request: { receivedAt: at, channel: 'phone', informationRequested: { items: ['iban'] } },
      now: at,
    })
    expect(explain(d).split('\n')).toEqual([
      'Waiting for the customer — refund after topping up the balance.',
      'Why: The request arrived within the 48-hour window, open until 22 Nov 2026, 10:00 GMT.',
      'Why: The request came by phone; it must be sent in writing (email or letter) to refund@ctr.group.',
      'Why: The additional data requested has not been provided yet: iban.',
      'Refund once the request is complete: EUR 100.00 (nothing deducted from EUR 100.00).',
      'Still needed: a written request and the additional data requested — to refund@ctr.group.',
    ])
  })

  it('explains a rejection without asking for anything', () => {
    const d = evaluateTopUpRefund({
      topUp,
      account,
      request: { receivedAt: '2026-11-23T10:00:00Z', channel: 'phone' },
      now: '2026-11-23T10:00:00Z',
    })
    expect(explain(d).split('\n')).toEqual([
      'Rejected — refund after topping up the balance.',
      'Why: The request arrived at 23 Nov 2026, 10:00 GMT, after the 48-hour window closed at 22 Nov 2026, 10:00 GMT.',
      // Every reason that applies is listed (SPEC §5), but nothing is asked for: there is no "Still needed".
      'Why: The request came by phone; it must be sent in writing (email or letter) to refund@ctr.group.',
    ])
  })

  it('shows the status deadline of a cancellation, in the order window', () => {
    const d = evaluateOrderCancellation({
      order,
      request: { receivedAt: at, channel: 'letter', orderDetails: { orderId: 'o1' } },
      now: at,
    })
    expect(explain(d).split('\n')).toEqual([
      'Approved — refund upon order cancellation.',
      'Why: The request arrived within the 48-hour window, open until 22 Nov 2026, 10:00 GMT.',
      'Refund: EUR 40.00 (nothing deducted from EUR 40.00).',
      'Order status changes by 23 Nov 2026, 09:00 GMT.',
      // The request came on Saturday; counted from Friday the due date is the same, and the weekend is named.
      'Refund due Fri 27 Nov 2026 — 5 business days after Fri 20 Nov; not counted: 21–22 Nov weekend.',
    ])
  })

  it('shows a proposed termination settlement with its debt deducted, and a payout date', () => {
    const policy = createPolicy({ termination: { payoutBusinessDays: 5 } })
    const d = evaluateTermination(
      { account: verifiedAccount, request: { receivedAt: at, channel: 'letter' }, now: at },
      policy,
    )
    expect(explain(d, { policy }).split('\n')).toEqual([
      'For manual review — refund upon termination of use.',
      'Why: Termination terms are discussed individually: the amounts are a proposal.',
      'Proposed refund: EUR 230.00 = EUR 250.00 − debt EUR 20.00 (debt owed to the provider).',
      'Refund due Fri 27 Nov 2026 — 5 business days after Fri 20 Nov; not counted: 21–22 Nov weekend.',
    ])
  })

  it('a debt larger than the balance leaves nothing: rejected, with the debt that remains owed and no payout date', () => {
    // SPEC §5: a zero net is not an approval; the decision keeps its amounts so the debt stays visible.
    const policy = createPolicy({ termination: { payoutBusinessDays: 5 } })
    const d = evaluateTermination(
      {
        account: { ...verifiedAccount, balance: eur('30.00'), debt: eur('50.00') },
        request: { receivedAt: at, channel: 'letter' },
        now: at,
      },
      policy,
    )
    expect(explain(d, { policy }).split('\n')).toEqual([
      'Rejected — refund upon termination of use.',
      'Why: The deductions take the whole EUR 30.00: nothing is left to pay out.',
      'Computed refund: EUR 0.00 = EUR 30.00 − debt EUR 30.00 (debt owed to the provider (50.00 EUR), capped at the 30.00 EUR available); EUR 20.00 of debt remains owed.',
    ])
  })

  it('lists every deduction, debt then fee, and says nothing of debt when the balance covers it', () => {
    const d = evaluateTermination(
      {
        account: { ...verifiedAccount, payoutMethod: 'card' },
        request: { receivedAt: at, channel: 'letter' },
        now: at,
      },
      cardFees,
    )
    // 250.00 − 20.00 debt = 230.00; the card fee on it is 2.9 % (6.67) + 0.30 = 6.97.
    expect(explain(d, { policy: cardFees }).split('\n').at(-1)).toBe(
      'Proposed refund: EUR 223.03 = EUR 250.00 − debt EUR 20.00 (debt owed to the provider) − processing fee EUR 6.97 (card: 2.9% + 0.30 EUR).',
    )
  })

  it('explains a deactivation, the balance to return and how to claim it', () => {
    const d = evaluateInactivity({
      account: { ...account, lastActivityAt: '2025-11-20T10:00:00Z' },
      now: '2026-11-20T10:00:00.001Z',
    })
    expect(explain(d).split('\n')).toEqual([
      'Account deactivated — inactivity of the account.',
      'Why: The account has not been used since 20 Nov 2025, 10:00 GMT, more than 12 months.',
      'Deactivated after 20 Nov 2026, 10:00 GMT (last activity 20 Nov 2025, 10:00 GMT).',
      'Balance to return under the termination rules: EUR 100.00 (nothing deducted from EUR 100.00).',
      'To receive it the holder must write to refund@ctr.group and confirm their identity and right to the funds.',
    ])
    const active = explain(evaluateInactivity({ account, now: at }))
    expect(active.split('\n')).toEqual([
      'Account active — inactivity of the account.',
      'Deactivates after 20 Nov 2027, 10:00 GMT (last activity 20 Nov 2026, 10:00 GMT).',
    ])
  })

  it('names a clamped month end in British summer time', () => {
    const d = evaluateInactivity(
      { account: { ...account, lastActivityAt: '2024-08-31T09:00:00Z' }, now: at },
      {
        inactivityMonths: 6,
      },
    )
    expect(explain(d, { policy: { inactivityMonths: 6 } }).split('\n')).toEqual([
      'Account deactivated — inactivity of the account.',
      'Why: The account has not been used since 31 Aug 2024, 10:00 BST, more than 6 months.',
      'Why: 6 months after the last activity fall on a day that month lacks: its last day counts.',
      // The same local time six months on: 10:00 BST becomes 10:00 GMT.
      'Deactivated after 28 Feb 2025, 10:00 GMT (last activity 31 Aug 2024, 10:00 BST).',
      'Balance to return under the termination rules: EUR 100.00 (nothing deducted from EUR 100.00).',
      'To receive it the holder must write to refund@ctr.group and confirm their identity and right to the funds.',
    ])
  })

  it('survives a JSON round trip of the decision', () => {
    expect(explain(JSON.parse(JSON.stringify(specExample)), { policy: cardFees })).toBe(
      explain(specExample, { policy: cardFees }),
    )
  })
  it('shows an amount with the digits it has: none after a point it lacks', () => {
    const yen = { currency: 'JPY', gross: '5000', net: '5000', deductions: [] }
    const text = explain({ ...JSON.parse(JSON.stringify(specExample)), amounts: yen }, { policy: cardFees })
    expect(text.split('\n')[2]).toBe('Refund: JPY 5,000 (nothing deducted from JPY 5,000).')
  })

  it('shows a debt that remains, or a deduction, only when it is not zero', () => {
    const amounts = JSON.parse(JSON.stringify(specExample.amounts))
    const refundLine = (changes: object) =>
      explain(
        { ...JSON.parse(JSON.stringify(specExample)), amounts: { ...amounts, ...changes } },
        { policy: cardFees },
      ).split('\n')[2]
    const fee = 'Refund: EUR 96.80 = EUR 100.00 − processing fee EUR 3.20 (card: 2.9% + 0.30 EUR)'
    expect(refundLine({ outstandingDebt: '0.00' })).toBe(`${fee}.`)
    expect(refundLine({ outstandingDebt: '0.01' })).toBe(`${fee}; EUR 0.01 of debt remains owed.`)
    expect(refundLine({ deductions: [{ kind: 'debt', amount: '0.00', basis: 'none owed' }] })).toBe(
      'Refund: EUR 96.80 (nothing deducted from EUR 100.00).',
    )
  })

  it('a last activity date on a decision of another clause is not shown', () => {
    const decision = JSON.parse(JSON.stringify(specExample))
    const dated = { ...decision, dates: { ...decision.dates, lastActivityAt: '2026-12-01T10:00:00.000Z' } }
    expect(explain(dated, { policy: cardFees })).toBe(explain(decision, { policy: cardFees }))
  })

  it('a locale whose dates open with a word, not the weekday, is written as Intl writes it (Dzongkha)', () => {
    const text = explain(specExample, { policy: cardFees, locale: { ...en, code: 'dz' } })
    const weekday = new Intl.DateTimeFormat('dz', { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2026, 11, 31))
    expect(text.split('\n').at(-1)).toContain(weekday)
  })
})
