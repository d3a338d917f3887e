import fc from 'fast-check'
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { Outcome } from '../../src/decision.js'
import { evaluate } from '../../src/index.js'
import type { RefundRequest } from '../../src/inputs.js'
import { createPolicy, type Policy, type PolicyOptions } from '../../src/policy/settings.js'
import {
  type AnyScenario,
  arbInactivityScenario,
  arbOrderScenario,
  arbPolicyOptions,
  arbScenario,
  arbTerminationScenario,
  arbTopUp,
  arbTopUpScenario,
  deactivationAt,
  expectedOutcome,
  expectedReason,
  SCENARIOS,
  type ScenarioBundle,
  type ScenarioKinds,
} from '../../src/testing/index.js'
import { expectNoUndefined, ms, units } from './support.js'

const HOUR = 3_600_000

/** Policies the scenarios are built for: the published one and random option sets. */
const arbPolicy: fc.Arbitrary<PolicyOptions> = fc.oneof(fc.constant({}), arbPolicyOptions())

/** The facts of a request: its instants, whether it is written, what is pending. */
function requestFacts(request: RefundRequest, now: number, written: readonly string[]) {
  const received = ms(request.receivedAt)
  expect(received).toBeLessThanOrEqual(now)
  const info = request.informationRequested
  if (info?.providedAt !== undefined) {
    expect(ms(info.providedAt)).toBeGreaterThanOrEqual(received)
    expect(ms(info.providedAt)).toBeLessThanOrEqual(now)
  }
  return {
    received,
    written: written.includes(request.channel),
    pending: info != null && info.providedAt == null,
  }
}

/** Checks SPEC §1 consistency of any bundle; returns facts the kinds are judged on. */
function checkBundle(bundle: ScenarioBundle, policy: Policy) {
  expectNoUndefined(bundle)
  const now = ms(bundle.now, 'now')
  switch (bundle.clause) {
    case 'top-up-refund': {
      const { topUp, account, request } = bundle
      const { currency } = topUp.amount
      const amount = units(topUp.amount)
      const refunded = topUp.refunded ? units(topUp.refunded, currency) : 0n
      const fee = topUp.processingFee ? units(topUp.processingFee, currency) : undefined
      expect(refunded >= 0n && refunded <= amount).toBe(true)
      const balance = units(account.balance, currency)
      expect(ms(account.lastActivityAt)).toBeLessThanOrEqual(now)
      const r = requestFacts(request, now, policy.writtenChannels)
      const start = ms(topUp.creditedAt)
      expect(r.received).toBeGreaterThanOrEqual(start)
      const left = amount - refunded
      return {
        ...r,
        left,
        amount,
        balance,
        gross: left < balance ? left : balance,
        fee,
        late: r.received - start > policy.topUpRefundWindowHours * HOUR,
      }
    }
    case 'order-cancellation': {
      const { order, request } = bundle
      const { currency } = order.amount
      const amount = units(order.amount)
      const refunded = order.refunded ? units(order.refunded, currency) : 0n
      const fee = order.processingFee ? units(order.processingFee, currency) : undefined
      expect(refunded <= amount).toBe(true)
      const credited = ms(order.fundedBy.creditedAt)
      const placed = ms(order.placedAt)
      expect(placed).toBeGreaterThanOrEqual(credited)
      const r = requestFacts(request, now, policy.writtenChannels)
      expect(r.received).toBeGreaterThanOrEqual(placed)
      const start = policy.orderCancellationAnchor === 'order' ? placed : credited
      return {
        ...r,
        left: amount - refunded,
        gross: amount - refunded,
        fee,
        detailsOk: request.orderDetails?.orderId === order.id,
        cancelled: order.status === 'cancelled',
        late: r.received - start > policy.orderCancellationWindowHours * HOUR,
      }
    }
    case 'termination': {
      const { account, request } = bundle
      const balance = units(account.balance)
      const debt = account.debt ? units(account.debt, account.balance.currency) : 0n
      expect(ms(account.lastActivityAt)).toBeLessThanOrEqual(now)
      const r = requestFacts(request, now, policy.writtenChannels)
      return { ...r, balance, debt, verified: account.identityVerified === true && account.ownershipVerified === true }
    }
    case 'inactivity': {
      const last = ms(bundle.account.lastActivityAt)
      units(bundle.account.balance)
      expect(last).toBeLessThanOrEqual(now)
      return {
        deactivated: now > deactivationAt(last, policy.inactivityMonths, policy.calendar.timeZone).at,
      }
    }
  }
}

const RUNS = 60

/** The arbitrary `build` makes, or `null` when the policy makes the kind impossible (the kit says so when built). */
function buildable<T>(build: () => fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  try {
    return build()
  } catch (error) {
    if (error instanceof Error && /every balance/.test(error.message)) return fc.constant(null)
    throw error
  }
}

/** The scenario arbitrary of one clause and kind. */
function arbOf<C extends keyof ScenarioKinds>(clause: C, kind: ScenarioKinds[C]): fc.Arbitrary<AnyScenario> {
  const k = kind as never
  if (clause === 'top-up-refund') return arbTopUpScenario(k)
  if (clause === 'order-cancellation') return arbOrderScenario(k)
  if (clause === 'termination') return arbTerminationScenario(k)
  return arbInactivityScenario(k)
}

describe('top-up refund scenarios', () => {
  it.each(SCENARIOS['top-up-refund'])('%s: consistent, and different from the happy path only as named', (kind) => {
    fc.assert(
      fc.property(
        arbPolicy.chain((policy) => arbTopUpScenario(kind, { policy })),
        ({ bundle, policy, kind: tagged }) => {
          expect(tagged).toBe(kind)
          const f = checkBundle(bundle, policy) as Extract<
            ReturnType<typeof checkBundle>,
            { balance: bigint; late: boolean }
          >
          expect(bundle.clause).toBe('top-up-refund')
          expect(f.late).toBe(kind === 'late')
          expect(f.left === 0n).toBe(kind === 'already-refunded')
          expect(f.balance === 0n).toBe(kind === 'nothing-to-refund')
          if (kind !== 'already-refunded' && kind !== 'nothing-to-refund') {
            expect(f.balance < f.left).toBe(kind === 'partly-spent')
          }
          expect(!f.written || f.pending).toBe(kind === 'needs-information')
          // A known fee takes the whole gross exactly when the scenario says nothing is left.
          if (kind === 'nothing-left') expect(f.fee !== undefined && f.fee >= f.gross).toBe(true)
          if (['in-time', 'partly-spent', 'needs-information'].includes(kind) && f.fee !== undefined) {
            expect(f.fee < f.gross).toBe(true)
          }
        },
      ),
      { seed: 101, numRuns: RUNS },
    )
  })

  it('hits the window edge exactly: in time at start + 48 h, late at + 1 ms', () => {
    const offsets = (kind: 'in-time' | 'late') =>
      fc
        .sample(arbTopUpScenario(kind, { currency: 'EUR' }), { seed: 102, numRuns: 150 })
        .map(({ bundle: b }) => ms(b.request.receivedAt) - ms(b.topUp.creditedAt))
    const inTime = offsets('in-time')
    expect(inTime).toContain(48 * HOUR)
    expect(inTime).toContain(48 * HOUR - 1)
    expect(offsets('late')).toContain(48 * HOUR + 1)
  })

  it('honours the currency, the window and the missing requirement asked for', () => {
    fc.assert(
      fc.property(
        arbTopUpScenario('needs-information', {
          currency: 'JPY',
          missing: ['REQUESTED_INFORMATION'],
          policy: { topUpRefundWindowHours: 1 },
        }),
        ({ bundle: b, policy, expected }) => {
          const f = checkBundle(b, policy) as { written: boolean; pending: boolean }
          expect(b.topUp.amount.currency).toBe('JPY')
          expect(f.written && f.pending).toBe(true)
          expect(ms(b.request.receivedAt) - ms(b.topUp.creditedAt)).toBeLessThanOrEqual(HOUR)
          expect(expected).toEqual({ outcome: 'needs-information', requirements: ['REQUESTED_INFORMATION'] })
        },
      ),
      { seed: 103 },
    )
    expect(() => arbTopUpScenario('needs-information', { missing: ['ORDER_DETAILS'] })).toThrow(/missing/)
    expect(() => arbTopUpScenario('sideways' as never)).toThrow(/unknown/)
  })

  it('a fee schedule that would take the whole gross is replaced by a known fee, so in-time still pays', () => {
    const policy = { fees: { default: { percent: '100' } } }
    fc.assert(
      fc.property(arbTopUpScenario('in-time', { policy, currency: 'EUR' }), ({ bundle }) => {
        expect(bundle.topUp.processingFee).toBeDefined()
      }),
      { seed: 104 },
    )
  })
})

describe('order-cancellation scenarios', () => {
  it.each(SCENARIOS['order-cancellation'])('%s: consistent, anchored as the policy says', (kind) => {
    fc.assert(
      fc.property(
        arbPolicy.chain((policy) => arbOrderScenario(kind, { policy })),
        ({ bundle, policy }) => {
          const f = checkBundle(bundle, policy) as Extract<ReturnType<typeof checkBundle>, { detailsOk: boolean }>
          expect(f.late).toBe(kind === 'late')
          expect(f.cancelled).toBe(kind === 'already-cancelled')
          expect(f.left === 0n).toBe(kind === 'already-refunded')
          expect(!f.written || f.pending || !f.detailsOk).toBe(kind === 'needs-information')
          if (kind === 'nothing-left') expect(f.fee !== undefined && f.fee >= f.gross).toBe(true)
        },
      ),
      { seed: 201, numRuns: RUNS },
    )
  })
})

describe('termination scenarios', () => {
  it.each(SCENARIOS.termination)('%s', (kind) => {
    fc.assert(
      fc.property(
        arbPolicy.chain((policy) => buildable(() => arbTerminationScenario(kind, { policy }))),
        (scenario) => {
          if (scenario === null) return // a random policy whose payout fees take every balance
          const { bundle, policy } = scenario
          const f = checkBundle(bundle, policy) as Extract<ReturnType<typeof checkBundle>, { verified: boolean }>
          expect(f.balance === 0n).toBe(kind === 'nothing-to-refund')
          expect(f.balance > 0n && f.debt >= f.balance).toBe(kind === 'nothing-left')
          expect(!f.written || f.pending || !f.verified).toBe(kind === 'needs-information')
        },
      ),
      { seed: 301, numRuns: RUNS },
    )
  })

  it('refuses to build a termination that keeps something when the payout fee takes every balance', () => {
    const policy = { fees: { default: { percent: '100' } } }
    expect(() => arbTerminationScenario('complete', { policy })).toThrow(/every balance/)
    expect(() => arbTerminationScenario('nothing-left', { policy })).not.toThrow()
    const kinds = new Set(
      fc.sample(arbScenario({ policy, clauses: ['termination'] }), { seed: 302 }).map((s) => s.kind),
    )
    expect(kinds.has('complete')).toBe(false)
  })
})

describe('inactivity scenarios', () => {
  it.each(SCENARIOS.inactivity)('%s: now against the deactivation instant in the policy zone', (kind) => {
    fc.assert(
      fc.property(
        arbPolicy.chain((policy) => arbInactivityScenario(kind, { policy })),
        ({ bundle, policy }) => {
          const f = checkBundle(bundle, policy) as { deactivated: boolean }
          expect(f.deactivated).toBe(kind === 'deactivated')
        },
      ),
      { seed: 401, numRuns: RUNS },
    )
  })
})

describe('expectations', () => {
  it('state the outcome and reason of each kind (SPEC §5, edition 2)', () => {
    expect(expectedOutcome('top-up-refund', 'in-time')).toBe('approved')
    expect(expectedOutcome('top-up-refund', 'late')).toBe('rejected')
    expect(expectedOutcome('top-up-refund', 'nothing-left')).toBe('rejected')
    expect(expectedOutcome('order-cancellation', 'needs-information')).toBe('needs-information')
    expect(expectedOutcome('termination', 'complete')).toBe('manual-review')
    expect(expectedOutcome('termination', 'complete', { termination: { settlement: 'automatic' } })).toBe('approved')
    expect(expectedOutcome('termination', 'nothing-left', { termination: { settlement: 'automatic' } })).toBe(
      'rejected',
    )
    expect(expectedOutcome('inactivity', 'deactivated')).toBe('deactivated')
    expect(expectedReason('top-up-refund', 'late')).toBe('WINDOW_EXPIRED')
    expect(expectedReason('top-up-refund', 'partly-spent')).toBe('PARTIALLY_SPENT')
    expect(expectedReason('top-up-refund', 'in-time')).toBeUndefined()
    expect(expectedReason('order-cancellation', 'nothing-left')).toBe('NOTHING_LEFT_AFTER_DEDUCTIONS')
    // INDIVIDUAL_TERMS belongs to manual review only.
    expect(expectedReason('termination', 'complete')).toBe('INDIVIDUAL_TERMS')
    expect(expectedReason('termination', 'complete', { termination: { settlement: 'automatic' } })).toBeUndefined()
    expect(expectedReason('termination', 'nothing-left')).toBe('NOTHING_LEFT_AFTER_DEDUCTIONS')
  })

  it('are typed by clause and kind, and return an Outcome', () => {
    expectTypeOf(expectedOutcome('top-up-refund', 'late')).toEqualTypeOf<Outcome>()
    // @ts-expect-error a misspelled kind does not compile
    expect(() => expectedOutcome('top-up-refund', 'lat')).toThrow(/unknown/)
    // @ts-expect-error a kind of another clause does not compile
    expect(() => expectedOutcome('inactivity', 'late')).toThrow(/unknown/)
    // @ts-expect-error nor here
    expect(() => expectedReason('order-cancellation', 'partly-spent')).toThrow(/unknown/)
  })

  it('a scenario carries the compiled policy it was built for and its expectation', () => {
    const options = { termination: { settlement: 'automatic' as const }, calendar: { timeZone: 'UTC' } }
    const [scenario] = fc.sample(arbTerminationScenario('complete', { policy: options }), { seed: 501, numRuns: 1 })
    expect(scenario?.policy).toEqual(createPolicy(options))
    expect(scenario?.expected).toEqual({ outcome: 'approved', requirements: [] })
  })
})

describe('scenarios against the library (SPEC §5)', () => {
  const checkDecision = ({ bundle, policy, expected }: AnyScenario) => {
    const d = evaluate(bundle, policy)
    expect(d.outcome).toBe(expected.outcome)
    const codes: string[] = d.reasons.map((r) => r.code)
    if (expected.reason !== undefined) expect(codes).toContain(expected.reason)
    expect([...d.requirements].sort()).toEqual([...expected.requirements].sort())
  }

  // The nothing-left kinds need SPEC edition 2's clauses (a zero net is rejected, not approved).
  it.each(
    (Object.keys(SCENARIOS) as (keyof typeof SCENARIOS)[]).flatMap((clause) =>
      SCENARIOS[clause].map((kind) => [clause, kind] as const),
    ),
  )('%s %s: the published policy decides as expected', (clause, kind) => {
    fc.assert(fc.property(arbOf(clause, kind), checkDecision), { seed: 601, numRuns: 40 })
  })

  it('random policies without holidays decide as expected', { timeout: 30_000 }, () => {
    const arb = fc
      .constantFrom('EUR', 'JPY', 'BHD')
      .chain((currency) =>
        arbPolicyOptions({ currency, calendar: { timeZone: 'Europe/London', holidays: false } }).chain((policy) =>
          arbScenario({ policy, currency }),
        ),
      )
    fc.assert(fc.property(arb, checkDecision), { seed: 602, numRuns: 100 })
  })
})

describe('shrinking', () => {
  it('a false property on an in-time top-up shrinks to the boundary amount', () => {
    const limit = 10_000n // 100.00 EUR
    const result = fc.check(
      fc.property(
        arbTopUpScenario('in-time', { currency: 'EUR' }),
        ({ bundle }) => units(bundle.topUp.amount, 'EUR') < limit,
      ),
      { seed: 701 },
    )
    expect(result.failed).toBe(true)
    expect(result.numShrinks).toBeGreaterThan(0)
    const bundle = result.counterexample?.[0].bundle
    expect(bundle?.topUp.amount).toEqual({ amount: '100.00', currency: 'EUR' })
    // Every other field shrank to its plainest value too: nothing refunded, no fee, received at the window's end.
    expect(bundle?.topUp.processingFee).toBeUndefined()
    expect(bundle?.topUp.refunded).toBeUndefined()
    expect(ms(bundle?.request.receivedAt) - ms(bundle?.topUp.creditedAt)).toBe(48 * HOUR)
  })

  it('a false property about lateness shrinks to 1 ms after the window', () => {
    const result = fc.check(
      fc.property(arbTopUpScenario('late', { currency: 'EUR' }), ({ bundle }) => {
        const after = ms(bundle.request.receivedAt) - ms(bundle.topUp.creditedAt) - 48 * HOUR
        return after > 1
      }),
      { seed: 702 },
    )
    expect(result.failed).toBe(true)
    const bundle = result.counterexample?.[0].bundle
    expect(ms(bundle?.request.receivedAt) - ms(bundle?.topUp.creditedAt)).toBe(48 * HOUR + 1)
  })

  it('a false property on an order shrinks to the boundary amount', () => {
    const result = fc.check(
      fc.property(
        arbScenario({ currency: 'JPY', clauses: ['order-cancellation'] }),
        ({ bundle }) => bundle.clause !== 'order-cancellation' || units(bundle.order.amount, 'JPY') < 5000n,
      ),
      { seed: 703 },
    )
    expect(result.failed).toBe(true)
    expect(result.numShrinks).toBeGreaterThan(0)
    const bundle = result.counterexample?.[0].bundle
    expect(bundle?.clause === 'order-cancellation' && bundle.order.amount).toEqual({ amount: '5000', currency: 'JPY' })
  })

  it('snapshots shrink too: a top-up to the bound, with nothing refunded and the plainest spelling', () => {
    const result = fc.check(
      fc.property(arbTopUp({ currency: 'EUR' }), (topUp) => units(topUp.amount, 'EUR') < 10_000n),
      { seed: 704 },
    )
    expect(result.failed).toBe(true)
    expect(result.numShrinks).toBeGreaterThan(0)
    const topUp = result.counterexample?.[0]
    expect(topUp?.amount).toEqual({ amount: '100.00', currency: 'EUR' })
    expect(topUp?.refunded).toBeUndefined()
    expect(topUp?.creditedAt).toBe('2000-01-01T00:00:00.000Z')
  })
})
