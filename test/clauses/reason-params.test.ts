/**
 * SPEC §6: every reason carries `params`, the values its sentence names, as
 * frozen JSON; the English `message` names the same instants and amounts.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluate } from '../../src/clauses/evaluate.js'
import { evaluateOrderCancellation } from '../../src/clauses/order-cancellation.js'
import type { Reason } from '../../src/decision.js'
import { RefundRulesError } from '../../src/errors.js'
import { ctrGroupPolicy } from '../../src/policy/presets.js'
import { createPolicy, type PolicyOptions } from '../../src/policy/settings.js'
import { arbPolicyOptions, arbScenario } from '../../src/testing/index.js'
import { order } from './fixtures.js'

/** How the library writes an instant: UTC, with milliseconds. */
const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const CURRENCIES = ['EUR', 'JPY', 'BHD', 'GBP'] as const

/** Random policies without holidays (dates are not what this tests), and the published one. */
const arbCase = fc.constantFrom(...CURRENCIES).chain((currency) =>
  fc
    .oneof(
      fc.constant<PolicyOptions>({}),
      arbPolicyOptions({ currency }).map((p) =>
        p.calendar === undefined ? p : { ...p, calendar: { ...p.calendar, holidays: false as const } },
      ),
    )
    .chain((options) =>
      arbScenario({ policy: Object.keys(options).length === 0 ? ctrGroupPolicy : options, currency }).map((s) => ({
        options,
        bundle: s.bundle,
      })),
    ),
)

/** Every value in `value`, with its path, depth first. */
function* leaves(value: unknown, path: string): Generator<[string, unknown]> {
  yield [path, value]
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) yield* leaves(child, `${path}.${key}`)
  }
}

/** What is wrong with one reason's params, as `path: problem` lines (none when all is well). */
function problems(reason: Reason): string[] {
  const found: string[] = []
  for (const [path, value] of leaves(reason.params, 'params')) {
    if (typeof value === 'object' && value !== null) {
      if (!Object.isFrozen(value)) found.push(`${path}: not frozen`)
      const proto = Object.getPrototypeOf(value)
      if (proto !== Object.prototype && proto !== Array.prototype) found.push(`${path}: not a plain object or array`)
      if (!Array.isArray(value) && Object.hasOwn(value, 'amount') && Object.hasOwn(value, 'currency')) {
        const { amount, currency } = value as { amount: unknown; currency: unknown }
        if (!reason.message.includes(`${amount} ${currency}`)) found.push(`${path}: amount not in the message`)
      }
    } else if (typeof value === 'string') {
      if (path.endsWith('At') && !UTC_ISO.test(value)) found.push(`${path}: instant not UTC ISO`)
      if (UTC_ISO.test(value) && !reason.message.includes(value)) found.push(`${path}: instant not in the message`)
    } else if (!(value === null || (typeof value === 'number' && Number.isFinite(value)))) {
      found.push(`${path}: ${typeof value} is not JSON`)
    }
  }
  if (JSON.stringify(JSON.parse(JSON.stringify(reason.params))) !== JSON.stringify(reason.params)) {
    found.push('params: changed by a JSON round trip')
  }
  return found
}

describe('reason params', () => {
  it('every reason of every decision has frozen, JSON-safe params whose instants and amounts its message names (fixed seed)', () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(arbCase, ({ options, bundle }) => {
        let reasons: readonly Reason[]
        try {
          reasons = evaluate(bundle, Object.keys(options).length === 0 ? ctrGroupPolicy : createPolicy(options)).reasons
        } catch (error) {
          // The kit may draw a policy and scenario the library refuses: that is another property's subject.
          if (error instanceof RefundRulesError) return
          throw error
        }
        for (const reason of reasons) {
          seen.add(reason.code)
          expect(Object.isFrozen(reason)).toBe(true)
          expect(problems(reason), reason.code).toEqual([])
          expect(JSON.parse(JSON.stringify(reason))).toEqual(reason)
        }
      }),
      { numRuns: 400, seed: 20261129 },
    )
    // The property saw the reasons that name instants, amounts and lists, not only the quiet ones.
    for (const code of [
      'WITHIN_WINDOW',
      'WINDOW_EXPIRED',
      'ALREADY_REFUNDED',
      'NOTHING_TO_REFUND',
      'PARTIALLY_SPENT',
      'WRITTEN_REQUEST',
      'REQUESTED_INFORMATION',
      'ORDER_DETAILS',
      'INACTIVE_OVER_THRESHOLD',
    ]) {
      expect(seen, code).toContain(code)
    }
  }, 60_000)

  it('narrows by code: a WINDOW_EXPIRED reason has the window params', () => {
    const d = evaluateOrderCancellation(
      {
        order,
        request: { receivedAt: '2026-11-22T12:00:00.001Z', channel: 'email', orderDetails: { orderId: 'o1' } },
        now: '2026-11-22T12:00:00.001Z',
      },
      { orderCancellationAnchor: 'order' },
    )
    const reason = d.reasons[0]
    if (reason?.code !== 'WINDOW_EXPIRED') throw new Error(`expected WINDOW_EXPIRED, got ${reason?.code}`)
    // `reason.params.windowClosesAt` compiles only because the code narrowed the params.
    // The order was placed at 12:00 on Friday the 20th: its 48 hours closed at 12:00 on Sunday, 1 ms before.
    expect(reason.params).toEqual({
      receivedAt: '2026-11-22T12:00:00.001Z',
      windowHours: 48,
      windowFrom: 'order-placed',
      windowClosesAt: '2026-11-22T12:00:00.000Z',
    })
    expect(reason.params.windowClosesAt).toBe('2026-11-22T12:00:00.000Z')
  })
})
