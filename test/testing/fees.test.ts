import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createPolicy, evaluateTopUpRefund } from '../../src/index.js'
import { scheduleFee } from '../../src/testing/fees.js'
import { arbFeeSchedule, arbMinorUnits, minorUnitOf, unitsToAmount } from '../../src/testing/index.js'

describe('the scenarios’ fee oracle (BigInt minor units)', () => {
  const schedule = (fees: object) => createPolicy({ fees }).fees

  it('computes SPEC §3 by hand-counted examples', () => {
    const card = schedule({ default: { percent: '2.9', fixed: { EUR: '0.30' } } })
    expect(scheduleFee(card, 'card', 10_000n, 'EUR')).toBe(320n) // 2.90 + 0.30
    expect(scheduleFee(card, 'card', 20n, 'EUR')).toBe(20n) // 0.0058 → 0.01 + 0.30, capped at the gross
    const rounding = (mode: string) => schedule({ rounding: mode, default: { percent: '2.5' } })
    // 2.5 % of 0.50 EUR is 1.25 cents; of 0.70 EUR, 1.75 cents; of 0.60 EUR, 1.5 cents.
    expect(scheduleFee(rounding('half-up'), undefined, 60n, 'EUR')).toBe(2n)
    expect(scheduleFee(rounding('half-even'), undefined, 60n, 'EUR')).toBe(2n)
    expect(scheduleFee(rounding('half-even'), undefined, 100n, 'EUR')).toBe(2n) // 2.5 → 2
    expect(scheduleFee(rounding('half-up'), undefined, 100n, 'EUR')).toBe(3n)
    expect(scheduleFee(rounding('up'), undefined, 50n, 'EUR')).toBe(2n)
    expect(scheduleFee(rounding('down'), undefined, 70n, 'EUR')).toBe(1n)
    const clamped = schedule({ methods: { sepa: { percent: '1', min: { EUR: '0.50' }, max: { EUR: '2.00' } } } })
    expect(scheduleFee(clamped, 'sepa', 1_000n, 'EUR')).toBe(50n)
    expect(scheduleFee(clamped, 'sepa', 1_000_000n, 'EUR')).toBe(200n)
    expect(scheduleFee(clamped, 'card', 1_000_000n, 'EUR')).toBe(0n) // no rule for card, no default
    expect(scheduleFee(clamped, '__proto__', 1_000_000n, 'EUR')).toBe(0n)
  })

  it('agrees with the library’s processing fee on random schedules', () => {
    const arb = fc.constantFrom('EUR', 'JPY', 'BHD').chain((currency) =>
      fc.record({
        currency: fc.constant(currency),
        fees: arbFeeSchedule({ currency }),
        method: fc.constantFrom('card', 'sepa', '__proto__', 'constructor'),
        gross: arbMinorUnits({ currency, min: '1', max: '100000' }),
      }),
    )
    fc.assert(
      fc.property(arb, ({ currency, fees, method, gross }) => {
        const policy = createPolicy({ fees, calendar: { timeZone: 'UTC', holidays: false } })
        const amount = { amount: unitsToAmount(gross, minorUnitOf(currency)), currency }
        const d = evaluateTopUpRefund(
          {
            topUp: { id: 't', amount, creditedAt: '2026-01-01T00:00:00Z', method },
            account: { id: 'a', balance: amount, lastActivityAt: '2026-01-01T00:00:00Z' },
            request: { receivedAt: '2026-01-01T00:00:00Z', channel: 'email' },
            now: '2026-01-01T00:00:00Z',
          },
          policy,
        )
        const fee = d.amounts?.deductions.find((x) => x.kind === 'processing-fee')?.amount ?? '0'
        const expected = scheduleFee(policy.fees, method, gross, currency)
        expect(BigInt(fee.replace('.', ''))).toBe(expected)
      }),
      { seed: 801, numRuns: 300 },
    )
  })
})
