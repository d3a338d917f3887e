import { describe, expect, it } from 'vitest'
import { type EvaluateInput, evaluate, safeEvaluate } from '../../src/clauses/evaluate.js'
import { evaluateInactivity } from '../../src/clauses/inactivity.js'
import { evaluateOrderCancellation } from '../../src/clauses/order-cancellation.js'
import { evaluateTermination } from '../../src/clauses/termination.js'
import { evaluateTopUpRefund } from '../../src/clauses/top-up-refund.js'
import type { Decision } from '../../src/decision.js'
import { RefundRulesError } from '../../src/errors.js'
import { account, cardFees, eur, issuesOf, order, topUp, verifiedAccount, WINDOW_CLOSES_AT } from './fixtures.js'

const at = '2026-11-21T09:00:00Z'
const email = { receivedAt: at, channel: 'email' }
const inputs = {
  'top-up-refund': { topUp, account, request: email, now: at },
  'order-cancellation': { order, request: { ...email, orderDetails: { orderId: 'o1' } }, now: at },
  termination: { account: verifiedAccount, request: email, now: at },
  inactivity: { account, now: at },
} as const

describe('evaluate: dispatch on clause', () => {
  it('gives the same decision as the clause function, for each clause', () => {
    expect(evaluate({ clause: 'top-up-refund', ...inputs['top-up-refund'] }, cardFees)).toEqual(
      evaluateTopUpRefund(inputs['top-up-refund'], cardFees),
    )
    expect(evaluate({ clause: 'order-cancellation', ...inputs['order-cancellation'] }, cardFees)).toEqual(
      evaluateOrderCancellation(inputs['order-cancellation'], cardFees),
    )
    expect(evaluate({ clause: 'termination', ...inputs.termination }, cardFees)).toEqual(
      evaluateTermination(inputs.termination, cardFees),
    )
    expect(evaluate({ clause: 'inactivity', ...inputs.inactivity }, cardFees)).toEqual(
      evaluateInactivity(inputs.inactivity, cardFees),
    )
    const outcomes = (['top-up-refund', 'order-cancellation', 'termination', 'inactivity'] as const).map((clause) => {
      const d: Decision = evaluate({ clause, ...inputs[clause] } as EvaluateInput)
      return [d.clause, d.outcome]
    })
    expect(outcomes).toEqual([
      ['top-up-refund', 'approved'],
      ['order-cancellation', 'approved'],
      ['termination', 'manual-review'],
      ['inactivity', 'active'],
    ])
  })

  it('rejects an unknown or missing clause with INVALID_INPUT at "clause", including prototype names', () => {
    for (const clause of ['refund', 'TOP-UP-REFUND', 'toString', '__proto__', 'constructor', undefined, 1, null]) {
      expect(issuesOf(() => evaluate({ ...inputs.inactivity, clause } as never))).toEqual(['INVALID_INPUT clause'])
    }
    for (const input of [null, undefined, 'inactivity', 42, []]) {
      expect(issuesOf(() => evaluate(input as never))).toEqual(['INVALID_INPUT clause'])
    }
  })

  it('takes policy options as well as a policy', () => {
    const d = evaluate({ clause: 'termination', ...inputs.termination }, { termination: { settlement: 'automatic' } })
    expect(d.outcome).toBe('approved')
  })
})

describe('safeEvaluate', () => {
  it('wraps a decision', () => {
    const result = safeEvaluate({ clause: 'inactivity', ...inputs.inactivity })
    expect(result).toEqual({ ok: true, decision: evaluateInactivity(inputs.inactivity) })
  })

  it('returns every problem of a bad input as a RefundRulesError, never throwing', () => {
    const result = safeEvaluate({ clause: 'inactivity', account: null, now: 'yesterday' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toBeInstanceOf(RefundRulesError)
    expect([result.error.code, result.error.path]).toEqual(['INVALID_INPUT', 'account'])
    expect(result.error.issues.map((i) => i.path)).toContain('now')
    expect(result.error.issues.find((i) => i.path === 'now')?.code).toBe('INVALID_INSTANT')
  })

  it('turns throwing getters, proxies, revoked proxies and bad policies into errors', () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    const cases: [unknown, unknown, string][] = [
      [{ clause: 'bogus' }, undefined, 'clause'],
      [
        Object.defineProperty({}, 'clause', {
          get() {
            throw new Error('boom')
          },
        }),
        undefined,
        'clause',
      ],
      [
        new Proxy(
          {},
          {
            get() {
              throw 42
            },
          },
        ),
        undefined,
        'clause',
      ],
      [{ clause: 'termination', account: proxy, request: proxy, now: 0 }, undefined, 'account'],
      [{ clause: 'inactivity', ...inputs.inactivity }, 'not a policy', 'policy'],
      [{ clause: 'inactivity', ...inputs.inactivity }, { inactivityMonths: -1 }, 'inactivityMonths'],
    ]
    for (const [input, policy, path] of cases) {
      const result = safeEvaluate(input, policy)
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.error).toBeInstanceOf(RefundRulesError)
        expect(result.error.path).toBe(path)
      }
    }
  })
})

describe('inconsistent inputs are errors, not decisions (SPEC §1)', () => {
  const later = '2026-11-21T10:00:00Z'

  it('a request received after now', () => {
    expect(
      issuesOf(() => evaluateTopUpRefund({ ...inputs['top-up-refund'], request: { ...email, receivedAt: later } })),
    ).toEqual(['INCONSISTENT_INPUT request.receivedAt'])
    expect(
      issuesOf(() => evaluateTermination({ ...inputs.termination, request: { ...email, receivedAt: later } })),
    ).toEqual(['INCONSISTENT_INPUT request.receivedAt'])
  })

  it('a request received before the event it is about', () => {
    const early = '2026-11-20T09:59:59.999Z'
    expect(
      issuesOf(() => evaluateTopUpRefund({ ...inputs['top-up-refund'], request: { ...email, receivedAt: early } })),
    ).toEqual(['INCONSISTENT_INPUT request.receivedAt'])
    // Between the crediting (10:00) and the order (12:00): still before placedAt.
    const beforeOrder = { receivedAt: '2026-11-20T11:00:00Z', channel: 'email', orderDetails: { orderId: 'o1' } }
    expect(
      issuesOf(() => evaluateOrderCancellation({ ...inputs['order-cancellation'], request: beforeOrder })),
    ).toEqual(['INCONSISTENT_INPUT request.receivedAt'])
  })

  it('a request at the very instant of its event is consistent', () => {
    const d = evaluateTopUpRefund({ ...inputs['top-up-refund'], request: { ...email, receivedAt: topUp.creditedAt } })
    expect(d.outcome).toBe('approved')
  })

  it('an order placed before it was funded', () => {
    const early = { ...order, placedAt: '2026-11-20T09:00:00Z' }
    expect(issuesOf(() => evaluateOrderCancellation({ ...inputs['order-cancellation'], order: early }))).toEqual([
      'INCONSISTENT_INPUT order.placedAt',
    ])
  })

  it('information provided before the request, or after now', () => {
    const request = (providedAt: string) => ({ ...email, informationRequested: { items: ['iban'], providedAt } })
    expect(
      issuesOf(() => evaluateTopUpRefund({ ...inputs['top-up-refund'], request: request('2026-11-21T08:59:59Z') })),
    ).toEqual(['INCONSISTENT_INPUT request.informationRequested.providedAt'])
    expect(issuesOf(() => evaluateTermination({ ...inputs.termination, request: request(later) }))).toEqual([
      'INCONSISTENT_INPUT request.informationRequested.providedAt',
    ])
  })

  it('activity after now', () => {
    const active = { ...account, lastActivityAt: later }
    expect(issuesOf(() => evaluateTopUpRefund({ ...inputs['top-up-refund'], account: active }))).toEqual([
      'INCONSISTENT_INPUT account.lastActivityAt',
    ])
    expect(
      issuesOf(() =>
        evaluateTermination({ ...inputs.termination, account: { ...verifiedAccount, lastActivityAt: later } }),
      ),
    ).toEqual(['INCONSISTENT_INPUT account.lastActivityAt'])
    expect(issuesOf(() => evaluateInactivity({ account: active, now: at }))).toEqual([
      'INCONSISTENT_INPUT account.lastActivityAt',
    ])
  })

  it('more refunded than the top-up or order', () => {
    expect(
      issuesOf(() => evaluateTopUpRefund({ ...inputs['top-up-refund'], topUp: { ...topUp, refunded: eur('100.01') } })),
    ).toEqual(['INCONSISTENT_INPUT topUp.refunded'])
    expect(
      issuesOf(() =>
        evaluateOrderCancellation({ ...inputs['order-cancellation'], order: { ...order, refunded: eur('40.01') } }),
      ),
    ).toEqual(['INCONSISTENT_INPUT order.refunded'])
  })

  it('reports every inconsistency at once', () => {
    expect(
      issuesOf(() =>
        evaluateTopUpRefund({
          topUp: { ...topUp, refunded: eur('200.00') },
          account: { ...account, lastActivityAt: later },
          request: { ...email, receivedAt: later },
          now: at,
        }),
      ),
    ).toEqual([
      'INCONSISTENT_INPUT request.receivedAt',
      'INCONSISTENT_INPUT account.lastActivityAt',
      'INCONSISTENT_INPUT topUp.refunded',
    ])
  })

  it('rejects a debt that is negative, and accepts a negative balance', () => {
    expect(
      issuesOf(() =>
        evaluateTermination({ ...inputs.termination, account: { ...verifiedAccount, debt: eur('-1.00') } }),
      ),
    ).toEqual(['NEGATIVE_AMOUNT account.debt.amount'])
    expect(
      evaluateTermination({ ...inputs.termination, account: { ...verifiedAccount, balance: eur('-1.00') } }).outcome,
    ).toBe('rejected')
  })
})

describe('host time zone independence (SPEC §1, §7.5)', () => {
  // The same instants, spelled as a Date, epoch ms and ISO strings with various offsets.
  const spellings = (iso: string) => {
    const ms = Date.parse(iso)
    const offset = (minutes: number) => {
      const local = new Date(ms + minutes * 60_000).toISOString().slice(0, 23)
      const sign = minutes < 0 ? '-' : '+'
      const abs = Math.abs(minutes)
      return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
    }
    return [iso, new Date(ms), ms, offset(14 * 60), offset(-(3 * 60 + 30)), offset(5 * 60 + 45), offset(-12 * 60)]
  }

  it('decides the same whatever the spelling of the instants', () => {
    const reference = evaluateTopUpRefund(
      { topUp, account, request: { ...email, receivedAt: WINDOW_CLOSES_AT }, now: WINDOW_CLOSES_AT },
      cardFees,
    )
    const credited = spellings(topUp.creditedAt)
    const received = spellings(WINDOW_CLOSES_AT)
    for (let i = 0; i < credited.length; i++) {
      const d = evaluateTopUpRefund(
        {
          topUp: { ...topUp, creditedAt: credited[i] as string },
          account: { ...account, lastActivityAt: credited[(i + 1) % credited.length] as string },
          request: { ...email, receivedAt: received[i] as string },
          now: received[(i + 3) % received.length] as string,
        },
        cardFees,
      )
      expect(d).toEqual(reference)
    }
    const late = evaluateTopUpRefund({
      topUp: { ...topUp, creditedAt: '2026-11-20T23:59:59.999+13:59' },
      account,
      request: { ...email, receivedAt: '2026-11-22T10:00:00.001Z' },
      now: '2026-11-22T10:00:00.001Z',
    })
    expect(late.dates.windowClosesAt).toBe('2026-11-22T10:00:59.999Z')
    expect(late.outcome).toBe('approved')
  })

  it('takes the due date and the month count from the policy zone, not the host', () => {
    const inactivity = spellings('2024-02-29T12:00:00Z').map(
      (last) =>
        evaluateInactivity({ account: { ...account, lastActivityAt: last as string }, now: '2025-03-01T00:00:00Z' })
          .dates.deactivatesAt,
    )
    expect(new Set(inactivity)).toEqual(new Set(['2025-02-28T12:00:00.000Z']))
  })

  it('rejects an ISO string without an offset (it would be read in the host zone)', () => {
    expect(issuesOf(() => evaluateInactivity({ account, now: '2026-11-21T09:00:00' }))).toEqual(['INVALID_INSTANT now'])
  })
})
