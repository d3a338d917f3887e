// An integrator's own property test, written with refund-rules/testing.
//
// The property: "our refund endpoint never pays more than the library's net amount, and never
// pays a request the policy rejects". `payRefund` stands for your own code — here a stand-in that
// does its own arithmetic in integer minor units (gross minus each deduction) — and the kit
// generates top-ups, accounts and requests consistent with each other and with the policy. Each
// scenario carries the policy it was built for and what SPEC §5 expects of it, and a failing one
// shrinks to the boundary (the smallest amount, a request exactly at the window's end).
//
// Runs with vitest (`npx vitest run examples/testing-kit.test.ts`); `npm test` runs it too.
import fc from 'fast-check'
import { evaluate, type TopUpRefundDecision } from 'refund-rules'
import { arbScenario, arbTopUpScenario } from 'refund-rules/testing'
import { describe, expect, it } from 'vitest'

const minorUnits = (amount: string) => BigInt(amount.replace('.', ''))

/** Your endpoint: pays an approved decision's gross less its deductions (returns minor units paid). */
function payRefund(decision: TopUpRefundDecision): bigint {
  if (decision.outcome !== 'approved' || decision.amounts === undefined) return 0n
  const { gross, deductions } = decision.amounts
  return deductions.reduce((left, deduction) => left - minorUnits(deduction.amount), minorUnits(gross))
}

// The provider's fees, named in every currency the test uses.
const fees = { default: { percent: '2.9', fixed: { EUR: '0.30' }, min: { EUR: '0.50' } } }

// Fixed seeds keep the suite deterministic; drop them (or use `npm run fuzz`) to explore.
describe('our refund endpoint', () => {
  it('never pays more than the net amount of an approved decision', () => {
    fc.assert(
      fc.property(arbTopUpScenario('in-time', { currency: 'EUR', policy: { fees } }), ({ bundle, policy }) => {
        const decision = evaluate(bundle, policy)
        const paid = payRefund(decision)
        expect(paid).toBeLessThanOrEqual(minorUnits(decision.amounts?.net ?? '0'))
        expect(paid).toBeGreaterThanOrEqual(0n)
      }),
      { seed: 1 },
    )
  })

  it('pays nothing for a request received after the window closed', () => {
    fc.assert(
      fc.property(arbTopUpScenario('late'), ({ bundle, policy, expected }) => {
        const decision = evaluate(bundle, policy)
        expect(decision.outcome).toBe(expected.outcome)
        expect(payRefund(decision)).toBe(0n)
      }),
      { seed: 2 },
    )
  })

  it('gets a decision, never a crash, for every clause and scenario the kit builds', () => {
    fc.assert(
      fc.property(arbScenario(), ({ bundle, policy }) => {
        expect(['approved', 'rejected', 'needs-information', 'manual-review', 'active', 'deactivated']).toContain(
          evaluate(bundle, policy).outcome,
        )
      }),
      { seed: 3, numRuns: 50 },
    )
  })
})
