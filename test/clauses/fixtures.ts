/** Plain example inputs shared by the pinned clause tests (no generators: those live in src/testing). */
import { createPolicy } from '../../src/policy/settings.js'

export const eur = (amount: string) => ({ amount, currency: 'EUR' })
export const jpy = (amount: string) => ({ amount, currency: 'JPY' })

/** card 2.9 % + 0.30 EUR / 30 JPY; bank payouts 1.50 EUR flat; everything else free. */
export const cardFees = createPolicy({
  fees: {
    methods: {
      card: { percent: '2.9', fixed: { EUR: '0.30', JPY: '30' } },
      bank: { fixed: { EUR: '1.50' } },
    },
  },
})

/** Friday 2026-11-20, 10:00 in London (GMT): the top-up's window closes on Sunday 22 at 10:00. */
export const CREDITED_AT = '2026-11-20T10:00:00Z'
export const WINDOW_CLOSES_AT = '2026-11-22T10:00:00.000Z'

export const topUp = { id: 't1', amount: eur('100.00'), creditedAt: CREDITED_AT, method: 'card' }
export const account = { id: 'a1', balance: eur('100.00'), lastActivityAt: CREDITED_AT }

export const order = {
  id: 'o1',
  amount: eur('40.00'),
  placedAt: '2026-11-20T12:00:00Z',
  status: 'active' as const,
  fundedBy: { topUpId: 't1', creditedAt: CREDITED_AT, method: 'card' },
}

export const verifiedAccount = {
  id: 'a1',
  balance: eur('250.00'),
  debt: eur('20.00'),
  lastActivityAt: '2026-10-01T08:00:00Z',
  identityVerified: true,
  ownershipVerified: true,
}

/** The reason codes of a decision, in order. */
export const codes = (decision: { reasons: readonly { code: string }[] }) => decision.reasons.map((r) => r.code)

/** Runs `run` and returns the thrown error's issues as `code path` strings. */
export function issuesOf(run: () => unknown): string[] {
  try {
    run()
  } catch (error) {
    const issues = (error as { issues?: readonly { code: string; path: string }[] }).issues
    if (issues === undefined) throw error
    return issues.map((i) => `${i.code} ${i.path}`)
  }
  throw new Error('expected a RefundRulesError, but nothing was thrown')
}
