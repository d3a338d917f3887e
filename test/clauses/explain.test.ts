import { describe, expect, it } from 'vitest'
import { evaluateInactivity } from '../../src/clauses/inactivity.js'
import { evaluateOrderCancellation } from '../../src/clauses/order-cancellation.js'
import { evaluateTermination } from '../../src/clauses/termination.js'
import { evaluateTopUpRefund } from '../../src/clauses/top-up-refund.js'
import { explain } from '../../src/explain.js'
import { createPolicy } from '../../src/policy/settings.js'
import { account, cardFees, eur, order, topUp, verifiedAccount, WINDOW_CLOSES_AT } from './fixtures.js'

const at = '2026-11-21T09:00:00Z'

describe('explain', () => {
  it('states the outcome, the net amount with its deductions, and the due date of an approval', () => {
    const text = explain(
      evaluateTopUpRefund(
        { topUp, account, request: { receivedAt: WINDOW_CLOSES_AT, channel: 'email' }, now: WINDOW_CLOSES_AT },
        cardFees,
      ),
    )
    expect(text.split('\n')).toEqual([
      'Approved (REFUND AFTER TOPPING UP YOUR BALANCE).',
      expect.stringMatching(/^Why: The request arrived at 2026-11-22T10:00:00.000Z, within the 48-hour window/),
      'Refund: 96.80 EUR = 100.00 − processing fee 3.20 (card: 2.9% + 0.30 EUR).',
      'Due: by 2026-11-27 (2026-11-27T23:59:59.999Z).',
    ])
  })

  it('lists what is still needed and where to send it', () => {
    const d = evaluateTopUpRefund({
      topUp,
      account,
      request: { receivedAt: at, channel: 'phone', informationRequested: { items: ['iban'] } },
      now: at,
    })
    const text = explain(d)
    expect(text).toMatch(/^Waiting for the customer \(REFUND AFTER TOPPING UP YOUR BALANCE\)\./)
    expect(text).toContain('Refund once the request is complete: 100.00 EUR (nothing deducted from 100.00).')
    expect(text).toContain('Still needed: a written request; the additional data requested — to refund@ctr.group.')
    expect(text).not.toContain('Due:')
  })

  it("uses the given contacts, e.g. a custom policy's", () => {
    const policy = createPolicy({ contacts: { refunds: 'refunds@example.com' } })
    const d = evaluateTermination(
      {
        account: { ...verifiedAccount, identityVerified: false, ownershipVerified: false },
        request: { receivedAt: at, channel: 'email' },
        now: at,
      },
      policy,
    )
    const text = explain(d, policy.contacts)
    expect(text).toContain(
      'Still needed: proof of identity; proof of the right to use the account and its funds — to refunds@example.com.',
    )
    expect(text).toContain('Refund once the request is complete: 230.00 EUR = 250.00 − debt 20.00')
  })

  it('explains a rejection without asking for anything', () => {
    const d = evaluateTopUpRefund({
      topUp,
      account,
      request: { receivedAt: '2026-11-23T10:00:00Z', channel: 'phone' },
      now: '2026-11-23T10:00:00Z',
    })
    const text = explain(d)
    expect(text).toMatch(
      /^Rejected \(REFUND AFTER TOPPING UP YOUR BALANCE\)\.\nWhy: The request arrived at 2026-11-23T10:00:00.000Z, after/,
    )
    expect(text).not.toMatch(/Refund:|Due:|Still needed/)
  })

  it('shows the status deadline of a cancellation', () => {
    const d = evaluateOrderCancellation({
      order,
      request: { receivedAt: at, channel: 'letter', orderDetails: { orderId: 'o1' } },
      now: at,
    })
    expect(explain(d)).toContain('Order status changes by 2026-11-23T09:00:00.000Z.')
    expect(explain(d)).toContain('Due: by 2026-11-27 (2026-11-27T23:59:59.999Z).')
  })

  it('shows a termination rejected for nothing left, with the debt that remains owed', () => {
    const d = evaluateTermination(
      {
        account: { ...verifiedAccount, balance: eur('30.00'), debt: eur('50.00') },
        request: { receivedAt: at, channel: 'letter' },
        now: at,
      },
      { termination: { payoutBusinessDays: 5 } },
    )
    // SPEC §5 (edition 2): nothing left after the debt is a rejection that keeps the amounts, and no due date.
    const text = explain(d)
    expect(text).toMatch(/^Rejected \(REFUND UPON TERMINATION OF USE\)\./)
    expect(text).toContain('0.00 EUR = 30.00 − debt 30.00')
    expect(text).toContain('20.00 EUR of debt remains owed.')
    expect(text).not.toContain('Due:')
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
    expect(d.amounts?.outstandingDebt).toBe('0.00')
    expect(explain(d).split('\n')).toEqual([
      'For manual review (REFUND UPON TERMINATION OF USE).',
      'Why: Refund terms and deductions are discussed individually: the amounts are a proposal (REFUND UPON TERMINATION OF USE).',
      'Proposed refund: 223.03 EUR = 250.00 − debt 20.00 (debt owed to the provider) − processing fee 6.97 (card: 2.9% + 0.30 EUR).',
    ])
  })

  it('a balance that exactly pays the debt leaves nothing owed', () => {
    const d = evaluateTermination({
      account: { ...verifiedAccount, balance: eur('20.00') },
      request: { receivedAt: at, channel: 'letter' },
      now: at,
    })
    expect(d.amounts?.outstandingDebt).toBe('0.00')
    expect(explain(d).split('\n').at(-1)).toContain('0.00 EUR = 20.00 − debt 20.00 (debt owed to the provider).')
  })

  it('explains a deactivation, the balance to return and how to claim it', () => {
    const d = evaluateInactivity({
      account: { ...account, lastActivityAt: '2025-11-20T10:00:00Z' },
      now: '2026-11-20T10:00:00.001Z',
    })
    const text = explain(d)
    expect(text.split('\n')).toEqual([
      'Account deactivated (REFUND UPON INACTIVITY OF THE ACCOUNT).',
      expect.stringMatching(/^Why: The account has not been used since 2025-11-20T10:00:00.000Z, more than 12 months/),
      'Deactivated after 2026-11-20T10:00:00.000Z (last activity 2025-11-20T10:00:00.000Z).',
      'Balance to return under the termination rules: 100.00 EUR (nothing deducted from 100.00).',
      'To receive it the holder must write to refund@ctr.group and confirm their identity and right to the funds.',
    ])
    const active = explain(evaluateInactivity({ account, now: at }))
    expect(active).toMatch(/^Account active/)
    expect(active).toContain('Deactivates after 2027-11-20T10:00:00.000Z')
    expect(active).not.toContain('Balance to return')
  })

  it('survives a JSON round trip of the decision', () => {
    const d = evaluateTopUpRefund({ topUp, account, request: { receivedAt: at, channel: 'email' }, now: at }, cardFees)
    expect(explain(JSON.parse(JSON.stringify(d)))).toBe(explain(d))
  })
})
