/**
 * What the compiler promises about decisions (SPEC §6): `npx tsc --noEmit` checks the
 * `@ts-expect-error` lines below (an unused one is an error), vitest runs the rest.
 */
import { describe, expect, it } from 'vitest'
import { evaluateInactivity } from '../../src/clauses/inactivity.js'
import { evaluateTermination } from '../../src/clauses/termination.js'
import { evaluateTopUpRefund } from '../../src/clauses/top-up-refund.js'
import type { Decision, TopUpRefundApproved, TopUpRefundRejected } from '../../src/decision.js'
import { freezeDecision } from '../../src/decision.js'
import { account, eur, topUp, verifiedAccount } from './fixtures.js'

const at = '2026-11-21T09:00:00Z'
const base = {
  subject: { topUpId: 't1', accountId: 'a1' },
  reasons: [],
  requirements: [],
  evaluatedAt: '2026-11-21T09:00:00.000Z',
  policy: { id: 'ctr-group', version: '1', fingerprint: 'sha256:0' },
} as const
const amounts = { currency: 'EUR', gross: '1.00', deductions: [], net: '1.00' }

describe('decision types', () => {
  it('narrow on outcome: approved has amounts and due dates; other outcomes do not promise them', () => {
    const d = evaluateTopUpRefund({ topUp, account, request: { receivedAt: at, channel: 'email' }, now: at })
    // @ts-expect-error: before narrowing, amounts may be absent
    const unchecked: string = d.amounts.net
    expect(unchecked).toBe('100.00')
    if (d.outcome === 'approved') {
      const due: string = d.dates.refundDueDate
      expect([d.amounts.net, due]).toEqual(['100.00', '2026-11-27'])
    } else {
      // @ts-expect-error: a decision that is not approved has no due date
      const due: string = d.dates.refundDueDate
      expect(due).toBeUndefined()
    }
  })

  it('narrow on clause, then outcome', () => {
    const decisions: Decision[] = [
      evaluateTermination({ account: verifiedAccount, request: { receivedAt: at, channel: 'letter' }, now: at }),
      evaluateInactivity({ account: { ...account, balance: eur('5.00') }, now: at }),
    ]
    const nets = decisions.map((d) => {
      if (d.clause === 'termination' && d.outcome === 'manual-review') return d.amounts.net
      if (d.clause === 'inactivity' && d.outcome === 'deactivated') return d.settlement?.net
      return d.outcome
    })
    expect(nets).toEqual(['230.00', 'active'])
  })

  it('freezeDecision checks the literal against the one decision type it is given', () => {
    const ok = freezeDecision<TopUpRefundRejected>({
      clause: 'top-up-refund',
      outcome: 'rejected',
      ...base,
      dates: { windowClosesAt: '2026-11-22T10:00:00.000Z' },
    })
    expect(Object.isFrozen(ok) && Object.isFrozen(ok.dates)).toBe(true)
    freezeDecision<TopUpRefundApproved>({
      clause: 'top-up-refund',
      outcome: 'approved',
      ...base,
      amounts,
      // @ts-expect-error: a misspelt due date does not compile
      dates: { windowClosesAt: 'x', refundDueDay: 'y', refundDueBy: 'z' },
    })
    // @ts-expect-error: an approved top-up refund without amounts does not compile
    freezeDecision<TopUpRefundApproved>({
      clause: 'top-up-refund',
      outcome: 'approved',
      ...base,
      dates: { windowClosesAt: 'x', refundDueDate: 'y', refundDueBy: 'z' },
    })
    freezeDecision<TopUpRefundRejected>({
      clause: 'top-up-refund',
      // @ts-expect-error: the outcome must be the type's own
      outcome: 'approved',
      ...base,
      dates: { windowClosesAt: 'x' },
    })
  })
})
