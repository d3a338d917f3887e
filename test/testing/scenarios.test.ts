import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  arbInactivityScenario,
  arbOrderScenario,
  arbPolicyOptions,
  arbScenario,
  arbTerminationScenario,
  arbTopUpScenario,
  deactivationAt,
  expectedOutcome,
  expectedReason,
  MS_PER_HOUR,
  type PolicyOptions,
  type RefundRequest,
  SCENARIOS,
  type ScenarioBundle,
  settingsOf,
} from '../../src/testing/index.js'
import { expectNoUndefined, ms, units } from './support.js'

/** Policies the scenarios are built for: the published one and random option sets. */
const arbPolicy: fc.Arbitrary<PolicyOptions> = fc.oneof(fc.constant({}), arbPolicyOptions())

const withPolicy = <B>(build: (policy: PolicyOptions) => fc.Arbitrary<B>) =>
  arbPolicy.chain((policy) => build(policy).map((bundle) => ({ policy, bundle })))

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
    pending: info !== undefined && info.providedAt === undefined,
  }
}

/** Checks SPEC §1 consistency of any bundle; returns facts the kinds are judged on. */
function checkBundle(bundle: ScenarioBundle, policy: PolicyOptions) {
  const settings = settingsOf(policy)
  expectNoUndefined(bundle)
  const now = ms(bundle.now, 'now')
  switch (bundle.clause) {
    case 'top-up-refund': {
      const { topUp, account, request } = bundle
      const { currency } = topUp.amount
      const amount = units(topUp.amount)
      const refunded = topUp.refunded ? units(topUp.refunded, currency) : 0n
      if (topUp.processingFee) units(topUp.processingFee, currency)
      expect(refunded >= 0n && refunded <= amount).toBe(true)
      const balance = units(account.balance, currency)
      expect(ms(account.lastActivityAt)).toBeLessThanOrEqual(now)
      const r = requestFacts(request, now, settings.writtenChannels)
      const start = ms(topUp.creditedAt)
      expect(r.received).toBeGreaterThanOrEqual(start)
      return {
        ...r,
        left: amount - refunded,
        refunded,
        amount,
        balance,
        late: r.received - start > window(settings.topUpRefundWindowHours),
      }
    }
    case 'order-cancellation': {
      const { order, request } = bundle
      const { currency } = order.amount
      const amount = units(order.amount)
      const refunded = order.refunded ? units(order.refunded, currency) : 0n
      expect(refunded <= amount).toBe(true)
      const credited = ms(order.fundedBy.creditedAt)
      const placed = ms(order.placedAt)
      expect(placed).toBeGreaterThanOrEqual(credited)
      const r = requestFacts(request, now, settings.writtenChannels)
      expect(r.received).toBeGreaterThanOrEqual(placed)
      const start = settings.orderCancellationAnchor === 'order' ? placed : credited
      return {
        ...r,
        left: amount - refunded,
        refunded,
        amount,
        detailsOk: request.orderDetails?.orderId === order.id,
        cancelled: order.status === 'cancelled',
        late: r.received - start > window(settings.orderCancellationWindowHours),
      }
    }
    case 'termination': {
      const { account, request } = bundle
      const balance = units(account.balance)
      if (account.debt) units(account.debt, account.balance.currency)
      expect(ms(account.lastActivityAt)).toBeLessThanOrEqual(now)
      const r = requestFacts(request, now, settings.writtenChannels)
      return { ...r, balance, verified: account.identityVerified === true && account.ownershipVerified === true }
    }
    case 'inactivity': {
      const last = ms(bundle.account.lastActivityAt)
      units(bundle.account.balance)
      expect(last).toBeLessThanOrEqual(now)
      return { deactivated: now > deactivationAt(last, settings.inactivityMonths, settings.timeZone).at }
    }
  }
}

const window = (hours: number) => Math.round(hours * MS_PER_HOUR)
const RUNS = { numRuns: 60 }

describe('top-up refund scenarios', () => {
  it.each(SCENARIOS['top-up-refund'])('%s: consistent, and different from the happy path only as named', (kind) => {
    fc.assert(
      fc.property(
        withPolicy((policy) => arbTopUpScenario(kind, { policy })),
        ({ policy, bundle }) => {
          const f = checkBundle(bundle, policy) as Extract<
            ReturnType<typeof checkBundle>,
            { balance: bigint; late: boolean; left: bigint }
          >
          expect(bundle.clause).toBe('top-up-refund')
          expect(f.late).toBe(kind === 'late')
          expect(f.left === 0n).toBe(kind === 'already-refunded')
          expect(f.balance === 0n).toBe(kind === 'nothing-to-refund')
          if (kind !== 'already-refunded' && kind !== 'nothing-to-refund') {
            expect(f.balance < f.left).toBe(kind === 'partly-spent')
          }
          expect(!f.written || f.pending).toBe(kind === 'needs-information')
        },
      ),
      RUNS,
    )
  })

  it('hits the window edge exactly: in time at start + 48 h, late at + 1 ms', () => {
    const offsets = (kind: 'in-time' | 'late') =>
      fc
        .sample(arbTopUpScenario(kind, { currency: 'EUR' }), 150)
        .map((b) => ms(b.request.receivedAt) - ms(b.topUp.creditedAt))
    const inTime = offsets('in-time')
    expect(inTime).toContain(48 * MS_PER_HOUR)
    expect(inTime).toContain(48 * MS_PER_HOUR - 1)
    expect(offsets('late')).toContain(48 * MS_PER_HOUR + 1)
  })

  it('honours the currency, the window and the missing requirement asked for', () => {
    fc.assert(
      fc.property(
        arbTopUpScenario('needs-information', {
          currency: 'JPY',
          missing: ['REQUESTED_INFORMATION'],
          policy: { topUpRefundWindowHours: 1 },
        }),
        (b) => {
          const f = checkBundle(b, { topUpRefundWindowHours: 1 }) as { written: boolean; pending: boolean }
          expect(b.topUp.amount.currency).toBe('JPY')
          expect(f.written && f.pending).toBe(true)
          expect(ms(b.request.receivedAt) - ms(b.topUp.creditedAt)).toBeLessThanOrEqual(MS_PER_HOUR)
        },
      ),
    )
    expect(() => arbTopUpScenario('needs-information', { missing: ['ORDER_DETAILS'] })).toThrow(/missing/)
    expect(() => arbTopUpScenario('sideways' as never)).toThrow(/unknown/)
  })
})

describe('order-cancellation scenarios', () => {
  it.each(SCENARIOS['order-cancellation'])('%s: consistent, anchored as the policy says', (kind) => {
    fc.assert(
      fc.property(
        withPolicy((policy) => arbOrderScenario(kind, { policy })),
        ({ policy, bundle }) => {
          const f = checkBundle(bundle, policy) as Extract<ReturnType<typeof checkBundle>, { detailsOk: boolean }>
          expect(f.late).toBe(kind === 'late')
          expect(f.cancelled).toBe(kind === 'already-cancelled')
          expect(f.left === 0n).toBe(kind === 'already-refunded')
          expect(!f.written || f.pending || !f.detailsOk).toBe(kind === 'needs-information')
        },
      ),
      RUNS,
    )
  })
})

describe('termination scenarios', () => {
  it.each(SCENARIOS.termination)('%s', (kind) => {
    fc.assert(
      fc.property(
        withPolicy((policy) => arbTerminationScenario(kind, { policy })),
        ({ policy, bundle }) => {
          const f = checkBundle(bundle, policy) as Extract<ReturnType<typeof checkBundle>, { verified: boolean }>
          expect(f.balance === 0n).toBe(kind === 'nothing-to-refund')
          expect(!f.written || f.pending || !f.verified).toBe(kind === 'needs-information')
        },
      ),
      RUNS,
    )
  })
})

describe('inactivity scenarios', () => {
  it.each(SCENARIOS.inactivity)('%s: now against the deactivation instant in the policy zone', (kind) => {
    fc.assert(
      fc.property(
        withPolicy((policy) => arbInactivityScenario(kind, { policy })),
        ({ policy, bundle }) => {
          const f = checkBundle(bundle, policy) as { deactivated: boolean }
          expect(f.deactivated).toBe(kind === 'deactivated')
        },
      ),
      RUNS,
    )
  })
})

describe('expectations and the mixed scenario', () => {
  it('states the outcome and reason of each kind', () => {
    expect(expectedOutcome('top-up-refund', 'in-time')).toBe('approved')
    expect(expectedOutcome('top-up-refund', 'late')).toBe('rejected')
    expect(expectedOutcome('order-cancellation', 'needs-information')).toBe('needs-information')
    expect(expectedOutcome('termination', 'complete')).toBe('manual-review')
    expect(expectedOutcome('termination', 'complete', { termination: { settlement: 'automatic' } })).toBe('approved')
    expect(expectedOutcome('inactivity', 'deactivated')).toBe('deactivated')
    expect(() => expectedOutcome('inactivity', 'late')).toThrow()
    expect(expectedReason('top-up-refund', 'late')).toBe('WINDOW_EXPIRED')
    expect(expectedReason('top-up-refund', 'partly-spent')).toBe('PARTIALLY_SPENT')
    expect(expectedReason('top-up-refund', 'in-time')).toBeUndefined()
  })

  it('arbScenario covers every clause with consistent bundles', () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(arbScenario({ currency: 'EUR' }), ({ kind, bundle }) => {
        seen.add(`${bundle.clause}/${kind}`)
        checkBundle(bundle, {})
        expect((SCENARIOS[bundle.clause] as readonly string[]).includes(kind)).toBe(true)
      }),
      { numRuns: 200 },
    )
    expect(seen.size).toBeGreaterThan(10)
  })
})
