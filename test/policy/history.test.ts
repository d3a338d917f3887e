/**
 * Policy versions (SPEC §8): the version in force at the clause's event
 * governs — the first letter's `receivedAt`, `now` for inactivity — and a
 * history must be one policy's versions in order.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluate, safeEvaluate } from '../../src/clauses/evaluate.js'
import { evaluateInactivity } from '../../src/clauses/inactivity.js'
import { evaluateOrderCancellation, orderCancellationWindowClosesAt } from '../../src/clauses/order-cancellation.js'
import { evaluateTermination } from '../../src/clauses/termination.js'
import { evaluateTopUpRefund, topUpRefundWindowClosesAt } from '../../src/clauses/top-up-refund.js'
import { createPolicyHistory, PolicyHistory, type PolicyVersionInput } from '../../src/policy/history.js'
import { createPolicy } from '../../src/policy/settings.js'
import { errorOf } from '../support/errors.js'

const HOUR = 3_600_000
const EUR = (amount: string) => ({ amount, currency: 'EUR' })
/** No holidays: the version chosen is what these tests are about, not the due dates. */
const calendar = { timeZone: 'Europe/London', holidays: false } as const

const topUpInput = (creditedAt: string | number, receivedAt: string | number) => ({
  topUp: { id: 't1', amount: EUR('100.00'), creditedAt, method: 'card' },
  account: { id: 'a1', balance: EUR('100.00'), lastActivityAt: creditedAt },
  request: { receivedAt, channel: 'email' },
  now: receivedAt,
})

/** The README's example: the top-up window shortened from 48 h to 24 h on 1 Dec 2026. */
const shortened = createPolicyHistory([
  { effectiveFrom: '2026-01-01T00:00:00Z', policy: { version: '2026-01', calendar } },
  { effectiveFrom: '2026-12-01T00:00:00Z', policy: { version: '2026-12', calendar, topUpRefundWindowHours: 24 } },
])

describe('a history of a shortened window', () => {
  it('judges a November request under 48 h and a December one under 24 h', () => {
    const november = evaluateTopUpRefund(topUpInput('2026-11-20T10:00:00Z', '2026-11-22T09:00:00Z'), shortened)
    expect(november.outcome).toBe('approved')
    expect(november.policy).toEqual({
      id: 'ctr-group',
      version: '2026-01',
      fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      effectiveFrom: '2026-01-01T00:00:00.000Z',
    })
    const december = evaluateTopUpRefund(topUpInput('2026-12-20T10:00:00Z', '2026-12-22T09:00:00Z'), shortened)
    expect(december.outcome).toBe('rejected')
    expect(december.reasons[0]?.code).toBe('WINDOW_EXPIRED')
    expect(december.policy).toEqual({
      id: 'ctr-group',
      version: '2026-12',
      fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      effectiveFrom: '2026-12-01T00:00:00.000Z',
    })
    // The versions differ in a setting, so their fingerprints differ.
    expect(december.policy.fingerprint).not.toBe(november.policy.fingerprint)
  })

  it('decides by the first letter, not by now: a November letter decided in December keeps 48 h', () => {
    const input = { ...topUpInput('2026-11-29T10:00:00Z', '2026-11-30T20:00:00Z'), now: '2026-12-05T10:00:00Z' }
    const decision = evaluateTopUpRefund(input, shortened)
    expect(decision.outcome).toBe('approved')
    expect(decision.policy.version).toBe('2026-01')
    expect(decision.dates.windowClosesAt).toBe('2026-12-01T10:00:00.000Z')
  })

  it('is accepted by evaluate and safeEvaluate', () => {
    const input = { clause: 'top-up-refund' as const, ...topUpInput('2026-12-20T10:00:00Z', '2026-12-21T09:00:00Z') }
    expect(evaluate(input, shortened).policy.version).toBe('2026-12')
    const safe = safeEvaluate(input, shortened)
    expect(safe.ok && safe.decision.policy.effectiveFrom).toBe('2026-12-01T00:00:00.000Z')
    const early = safeEvaluate({ ...input, ...topUpInput('2025-12-20T10:00:00Z', '2025-12-21T09:00:00Z') }, shortened)
    expect(early.ok ? undefined : [early.error.code, early.error.path]).toEqual([
      'INVALID_POLICY',
      'request.receivedAt',
    ])
  })

  it('window helpers give the last instant a request is in time across the change', () => {
    // Credited 30 Nov 12:00: under 48 h until 2 Dec 12:00, but from 1 Dec the 24-hour version governs.
    expect(topUpRefundWindowClosesAt({ creditedAt: '2026-11-30T12:00:00Z' }, shortened)).toBe(
      '2026-12-01T12:00:00.000Z',
    )
    // Credited 28 Nov 12:00: the 48 hours end 30 Nov 12:00, before the change.
    expect(topUpRefundWindowClosesAt({ creditedAt: '2026-11-28T12:00:00Z' }, shortened)).toBe(
      '2026-11-30T12:00:00.000Z',
    )
    // Credited 29 Nov 00:30: 24 h after it is before 1 Dec, so only the old version's requests are in time.
    expect(topUpRefundWindowClosesAt({ creditedAt: '2026-11-29T00:30:00Z' }, shortened)).toBe(
      '2026-11-30T23:59:59.999Z',
    )
    // The helper agrees with decisions on both sides of the instant it names.
    const until = topUpRefundWindowClosesAt({ creditedAt: '2026-11-29T00:30:00Z' }, shortened)
    const at = (ms: number) =>
      evaluateTopUpRefund(topUpInput('2026-11-29T00:30:00Z', new Date(ms).toISOString()), shortened).outcome
    expect(at(Date.parse(until))).toBe('approved')
    expect(at(Date.parse(until) + 1)).toBe('rejected')
  })

  it('a window that closed before the history began closes when the first version says', () => {
    const lengthened = createPolicyHistory([
      { effectiveFrom: '2026-01-01T00:00:00Z', policy: { version: '48h', calendar } },
      { effectiveFrom: '2026-12-01T00:00:00Z', policy: { version: '72h', calendar, topUpRefundWindowHours: 72 } },
    ])
    // No version was in force when it opened and none when it closed: the first version's 48 hours, not the last's 72.
    expect(topUpRefundWindowClosesAt({ creditedAt: '2025-06-01T12:00:00Z' }, lengthened)).toBe(
      '2025-06-03T12:00:00.000Z',
    )
    const alone = createPolicyHistory([
      { effectiveFrom: '2026-01-01T00:00:00Z', policy: { version: 'only', calendar } },
    ])
    expect(topUpRefundWindowClosesAt({ creditedAt: '2025-06-01T12:00:00Z' }, alone)).toBe('2025-06-03T12:00:00.000Z')
  })

  it('a window that opens at the last millisecond of a version is in time for that millisecond only', () => {
    // From 1 Dec requests must arrive the instant the top-up is credited (0 hours).
    const closing = createPolicyHistory([
      { effectiveFrom: '2026-01-01T00:00:00Z', policy: { version: '48h', calendar } },
      { effectiveFrom: '2026-12-01T00:00:00Z', policy: { version: '0h', calendar, topUpRefundWindowHours: 0 } },
    ])
    const creditedAt = '2026-11-30T23:59:59.999Z'
    expect(topUpRefundWindowClosesAt({ creditedAt }, closing)).toBe(creditedAt)
    const at = (ms: number) => evaluateTopUpRefund(topUpInput(creditedAt, ms), closing).outcome
    expect(at(Date.parse(creditedAt))).toBe('approved')
    expect(at(Date.parse(creditedAt) + 1)).toBe('rejected')
    // The same edge at the first supported instant, 1970-01-01T00:00:00.000Z.
    const epoch = createPolicyHistory([
      { effectiveFrom: '1970-01-01T00:00:00.000Z', policy: { version: '48h', calendar } },
      { effectiveFrom: '1970-01-01T00:00:00.001Z', policy: { version: '0h', calendar, topUpRefundWindowHours: 0 } },
    ])
    expect(topUpRefundWindowClosesAt({ creditedAt: '1970-01-01T00:00:00.000Z' }, epoch)).toBe(
      '1970-01-01T00:00:00.000Z',
    )
  })

  it('when no instant is in time under any version, names the window of the version it opened under', () => {
    // The anchor moved from the order to its top-up on 1 June. An order placed at 1 June 00:00 under the old anchor
    // would open at that instant, when the new version is already in force; under the new one its window (from the
    // top-up of 1 March) closed before that version began. The new version is the one its window opened under.
    const moved = createPolicyHistory([
      {
        effectiveFrom: '2026-01-01T00:00:00Z',
        policy: { version: 'order', calendar, orderCancellationAnchor: 'order' },
      },
      { effectiveFrom: '2026-06-01T00:00:00Z', policy: { version: 'top-up', calendar } },
    ])
    const order = {
      id: 'o1',
      amount: EUR('40.00'),
      placedAt: '2026-06-01T00:00:00Z',
      status: 'active' as const,
      fundedBy: { topUpId: 't1', creditedAt: '2026-03-01T00:00:00Z', method: 'card' },
    }
    expect(orderCancellationWindowClosesAt(order, moved)).toBe('2026-03-03T00:00:00.000Z')
  })

  it('a lengthened window keeps requests in time under the new version', () => {
    const lengthened = createPolicyHistory([
      { effectiveFrom: '2026-01-01T00:00:00Z', policy: { version: 'a', calendar, orderCancellationWindowHours: 24 } },
      { effectiveFrom: '2026-12-01T00:00:00Z', policy: { version: 'b', calendar, orderCancellationWindowHours: 72 } },
    ])
    const order = {
      id: 'o1',
      amount: EUR('40.00'),
      placedAt: '2026-11-30T12:00:00Z',
      status: 'active' as const,
      fundedBy: { topUpId: 't1', creditedAt: '2026-11-30T10:00:00Z', method: 'card' },
    }
    expect(orderCancellationWindowClosesAt(order, lengthened)).toBe('2026-12-03T10:00:00.000Z')
    const request = { receivedAt: '2026-12-03T10:00:00Z', channel: 'email', orderDetails: { orderId: 'o1' } }
    const decision = evaluateOrderCancellation({ order, request, now: request.receivedAt }, lengthened)
    expect([decision.outcome, decision.policy.version]).toEqual(['approved', 'b'])
  })
})

describe('the version in force', () => {
  /** 1–4 versions with increasing start instants and their own inactivity months and top-up windows. */
  const arbVersions = fc
    .uniqueArray(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), { minLength: 1, maxLength: 4 })
    .map((starts) => starts.sort((a, b) => a - b))
    .chain((starts) =>
      fc.tuple(
        fc.constant(starts),
        fc.array(fc.integer({ min: 1, max: 96 }), { minLength: starts.length, maxLength: starts.length }),
      ),
    )

  it('is chosen at each version’s first millisecond, and the one before is the previous version’s', () => {
    fc.assert(
      fc.property(arbVersions, ([starts, hours]) => {
        const history = createPolicyHistory(
          starts.map((start, i) => ({
            effectiveFrom: start,
            policy: { version: `v${i}`, calendar, topUpRefundWindowHours: hours[i] },
          })),
        )
        starts.forEach((start, i) => {
          // A request at the first millisecond of version i, for a top-up credited `hours[i]` hours before (the edge).
          const atStart = evaluateTopUpRefund(topUpInput(start - (hours[i] as number) * HOUR, start), history)
          expect(atStart.policy).toEqual({
            id: 'ctr-group',
            version: `v${i}`,
            fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
            effectiveFrom: new Date(start).toISOString(),
          })
          expect(atStart.outcome).toBe('approved')
          const before = () => evaluateTopUpRefund(topUpInput(start - 1 - HOUR, start - 1), history)
          if (i === 0) {
            const error = errorOf(before)
            expect([error.code, error.path]).toEqual(['INVALID_POLICY', 'request.receivedAt'])
          } else {
            expect(before().policy.version).toBe(`v${i - 1}`)
          }
        })
      }),
      { numRuns: 40 },
    )
  })

  it('for inactivity is the one in force at now', () => {
    fc.assert(
      fc.property(arbVersions, ([starts]) => {
        const history = createPolicyHistory(
          starts.map((start, i) => ({ effectiveFrom: start, policy: { version: `v${i}`, calendar } })),
        )
        const account = { id: 'a1', balance: EUR('0'), lastActivityAt: Date.UTC(2019, 0, 1) }
        starts.forEach((start, i) => {
          expect(evaluateInactivity({ account, now: start }, history).policy.version).toBe(`v${i}`)
          if (i > 0) expect(evaluateInactivity({ account, now: start - 1 }, history).policy.version).toBe(`v${i - 1}`)
          else expect(errorOf(() => evaluateInactivity({ account, now: start - 1 }, history)).path).toBe('now')
        })
      }),
      { numRuns: 40 },
    )
  })

  it('for termination is the one in force when the letter arrived', () => {
    const history = createPolicyHistory([
      { effectiveFrom: '2026-01-01T00:00:00Z', policy: { version: 'review', calendar } },
      {
        effectiveFrom: '2026-12-01T00:00:00Z',
        policy: { version: 'auto', calendar, termination: { settlement: 'automatic' } },
      },
    ])
    const account = {
      id: 'a1',
      balance: EUR('10.00'),
      lastActivityAt: '2026-11-01T00:00:00Z',
      identityVerified: true,
      ownershipVerified: true,
    }
    const at = (receivedAt: string) =>
      evaluateTermination({ account, request: { receivedAt, channel: 'email' }, now: '2026-12-10T00:00:00Z' }, history)
    expect(at('2026-11-30T23:59:59.999Z').outcome).toBe('manual-review')
    expect(at('2026-12-01T00:00:00.000Z').outcome).toBe('approved')
  })

  it('leaves a bad event to the clause, which reports it with the other problems', () => {
    const error = errorOf(() =>
      evaluateTopUpRefund({ ...topUpInput('2026-11-20T10:00:00Z', 'soon'), now: 5 } as never, shortened),
    )
    expect(error.issues.map((i) => i.path)).toEqual(['request.receivedAt', 'now'])
  })
})

describe('PolicyHistory.is', () => {
  it('is true for a history only, never for its look-alikes', () => {
    expect(PolicyHistory.is(shortened)).toBe(true)
    const lookAlikes = [
      { id: 'ctr-group', versions: [] },
      JSON.parse(JSON.stringify(shortened)),
      Object.create(shortened),
      createPolicy(),
      null,
      'history',
    ]
    for (const value of lookAlikes) expect(PolicyHistory.is(value)).toBe(false)
  })
})

describe('an invalid history', () => {
  const v = (effectiveFrom: string, policy: object): PolicyVersionInput => ({ effectiveFrom, policy })
  const issues = (versions: unknown) =>
    errorOf(() => createPolicyHistory(versions as never)).issues.map((i) => [i.code, i.path, i.message])

  it('is refused when empty or not a list', () => {
    expect(issues([])).toEqual([
      [
        'INVALID_POLICY',
        'versions',
        'expected an array of 1 to 1000 { effectiveFrom, policy }, received an array of 0',
      ],
    ])
    expect(issues(null)[0]?.slice(0, 2)).toEqual(['INVALID_POLICY', 'versions'])
    expect(
      issues(
        new Proxy([], {
          get: () => {
            throw new Error('trap')
          },
        }),
      )[0]?.slice(0, 2),
    ).toEqual(['INVALID_POLICY', 'versions'])
  })

  it('is refused with a misspelt part or more versions than any policy has', () => {
    expect(issues([{ effectiveFrom: '2026-01-01T00:00:00Z', polcy: {} }]).map((i) => i.slice(0, 2))).toEqual([
      ['INVALID_POLICY', 'versions[0].polcy'],
      ['INVALID_POLICY', 'versions[0].policy'],
    ])
    const many = Array.from({ length: 1001 }, (_, i) =>
      v(new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString(), {}),
    )
    expect(issues(many)[0]?.slice(0, 2)).toEqual(['INVALID_POLICY', 'versions'])
  })

  it('takes exactly 1000 versions', () => {
    const policy = { calendar }
    const versions = Array.from({ length: 1000 }, (_, i) =>
      v(new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString(), { ...policy, version: `v${i}` }),
    )
    const history = createPolicyHistory(versions)
    expect(history.versions).toHaveLength(1000)
    expect(history.versions[999]?.effectiveFrom).toBe('2022-09-26T00:00:00.000Z')
  })

  it('names a part whose getter throws at its path, as could not be read', () => {
    const throwing = (key: string) => ({
      ...(key === 'policy' ? { effectiveFrom: '2026-01-01T00:00:00Z' } : { policy: {} }),
      get [key]() {
        throw new TypeError('boom')
      },
    })
    expect(issues([throwing('effectiveFrom')])).toEqual([
      ['INVALID_POLICY', 'versions[0].effectiveFrom', 'could not be read: TypeError'],
    ])
    expect(issues([throwing('policy')])).toEqual([
      ['INVALID_POLICY', 'versions[0].policy', 'could not be read: TypeError'],
    ])
  })

  it('names each bad version and setting, all at once', () => {
    expect(
      issues([
        v('2026-01-01T00:00:00', {}),
        7,
        v('2026-02-01T00:00:00Z', { calendar: { timeZone: 'Mars/Olympus' } }),
      ]).map((i) => i.slice(0, 2)),
    ).toEqual([
      ['INVALID_POLICY', 'versions[0].effectiveFrom'],
      ['INVALID_POLICY', 'versions[1]'],
      ['INVALID_POLICY', 'versions[2].policy.calendar.timeZone'],
    ])
    expect(issues([{ effectiveFrom: '2026-01-01T00:00:00Z', policy: 'strict' }])[0]?.slice(0, 2)).toEqual([
      'INVALID_POLICY',
      'versions[0].policy',
    ])
  })

  it('is refused out of order, at the same instant twice, with mixed ids or one version name twice', () => {
    expect(issues([v('2026-02-01T00:00:00Z', { version: 'a' }), v('2026-01-01T00:00:00Z', { version: 'b' })])).toEqual([
      [
        'INVALID_POLICY',
        'versions[1].effectiveFrom',
        'is before versions[0].effectiveFrom (2026-02-01T00:00:00.000Z): versions take effect one after another, oldest first',
      ],
    ])
    expect(
      issues([v('2026-01-01T00:00:00Z', { version: 'a' }), v('2026-01-01T01:00:00+01:00', { version: 'b' })])[0]?.[2],
    ).toMatch(/^is the same instant as versions\[0\]/)
    expect(
      issues([
        v('2026-01-01T00:00:00Z', { version: 'a' }),
        v('2026-02-01T00:00:00Z', { id: 'other', version: 'b' }),
      ])[0]?.slice(0, 2),
    ).toEqual(['INVALID_POLICY', 'versions[1].policy.id'])
    expect(
      issues([v('2026-01-01T00:00:00Z', { version: 'a' }), v('2026-02-01T00:00:00Z', { version: 'a' })])[0]?.slice(
        0,
        2,
      ),
    ).toEqual(['INVALID_POLICY', 'versions[1].policy.version'])
  })

  it('takes created policies as versions and keeps them as they are', () => {
    const policy = createPolicy({ version: '7', calendar })
    const history = createPolicyHistory([{ effectiveFrom: '2026-01-01T00:00:00Z', policy }])
    expect(history.versions[0]?.policy).toBe(policy)
    expect(history.id).toBe('ctr-group')
    expect(Object.isFrozen(history) && Object.isFrozen(history.versions)).toBe(true)
  })

  it('survives JSON: its versions make the same history again (also across the ESM and CommonJS copies)', () => {
    const stored = JSON.parse(JSON.stringify(shortened)) as { id: string; versions: PolicyVersionInput[] }
    expect(stored.id).toBe('ctr-group')
    const again = createPolicyHistory(stored.versions)
    const input = topUpInput('2026-12-20T10:00:00Z', '2026-12-21T09:00:00Z')
    expect(evaluateTopUpRefund(input, again)).toEqual(evaluateTopUpRefund(input, shortened))
  })
})

describe('a history with hostile input', () => {
  it('still throws nothing but a RefundRulesError', () => {
    const trap = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap')
        },
        ownKeys: () => {
          throw new Error('trap')
        },
      },
    )
    for (const input of [null, 7, trap, { request: trap, now: trap }]) {
      expect(errorOf(() => evaluateTopUpRefund(input as never, shortened)).code).toMatch(/^INVALID_/)
      expect(errorOf(() => evaluateInactivity(input as never, shortened)).code).toMatch(/^INVALID_/)
    }
    const letter = { ...topUpInput('2026-12-20T10:00:00Z', '2026-12-21T09:00:00Z'), request: trap }
    expect(errorOf(() => evaluateTopUpRefund(letter as never, shortened)).path).toBe('request.receivedAt')
  })
})
