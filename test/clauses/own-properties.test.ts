/**
 * SPEC §1: only own properties are read. Inherited fields — someone else's
 * `Object.prototype.identityVerified = true` — are absent, in snapshots and in
 * the settings the policy module itself reads.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { evaluateTermination } from '../../src/clauses/termination.js'
import { evaluateTopUpRefund } from '../../src/clauses/top-up-refund.js'
import { ctrGroupPolicy } from '../../src/policy/presets.js'
import { createPolicy } from '../../src/policy/settings.js'
import { account, eur, topUp } from './fixtures.js'

const at = '2026-11-21T09:00:00Z'
const polluted: string[] = []

function pollute(values: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(values)) {
    Object.defineProperty(Object.prototype, key, { value, configurable: true, writable: true })
    polluted.push(key)
  }
}

afterEach(() => {
  for (const key of polluted.splice(0)) delete (Object.prototype as Record<string, unknown>)[key]
})

describe('own properties only (SPEC §1)', () => {
  it('an inherited verification, debt or payout method does not change a termination', () => {
    const input = {
      account: { id: 'a1', balance: eur('50.00'), lastActivityAt: '2026-10-01T08:00:00Z' },
      request: { receivedAt: at, channel: 'letter' },
      now: at,
    }
    const clean = evaluateTermination(input)
    pollute({ identityVerified: true, ownershipVerified: true, debt: eur('50.00'), payoutMethod: 42 })
    expect(evaluateTermination(input)).toEqual(clean)
    expect(clean.requirements).toEqual(['IDENTITY_VERIFICATION', 'OWNERSHIP_VERIFICATION'])
  })

  it('an inherited refunded amount, processing fee or requested information does not change a top-up refund', () => {
    const input = { topUp, account, request: { receivedAt: at, channel: 'email' }, now: at }
    const clean = evaluateTopUpRefund(input)
    pollute({ refunded: eur('100.00'), processingFee: eur('99.00'), informationRequested: { items: ['x'] } })
    expect(evaluateTopUpRefund(input)).toEqual(clean)
    expect(clean.outcome).toBe('approved')
  })

  it('inherited settings do not change a policy', () => {
    pollute({
      refundBusinessDays: 1,
      writtenChannels: ['phone'],
      termination: { settlement: 'automatic' },
      contacts: { refunds: 'attacker@example.com' },
      id: 'other',
    })
    expect(createPolicy({})).toEqual(ctrGroupPolicy)
  })

  it('an own property that is undefined is absent, like a missing one', () => {
    const d = evaluateTopUpRefund({
      topUp: { ...topUp, refunded: undefined, processingFee: undefined },
      account,
      request: { receivedAt: at, channel: 'email' },
      now: at,
    })
    expect(d.amounts?.net).toBe('100.00')
  })
})
