/**
 * Paths and messages of src/clauses at their edges (issue #5, mutation
 * testing): a getter that throws on any field is reported at exactly that
 * field; inconsistencies say what they contradict; text and list limits.
 */
import { describe, expect, it } from 'vitest'
import {
  evaluateInactivity,
  evaluateTopUpRefund,
  orderCancellationWindowClosesAt,
  type RefundRulesError,
  safeEvaluate,
  topUpRefundWindowClosesAt,
} from '../../src/index.js'
import { CLAUSES, decide, errorOf, VALID, withPath } from '../errors/fixtures.js'
import { pathsOf } from '../fuzz/support.js'

describe('a getter that throws on any field is INVALID_INPUT at exactly that field', () => {
  const cases = CLAUSES.flatMap((clause) =>
    pathsOf(VALID[clause]())
      .filter(({ path }) => path !== 'clause' && !/\[\d+\]$/.test(path))
      .filter(({ path }) => !(clause === 'top-up-refund' && /^account\.(debt|identity|ownership|payout)/.test(path)))
      .map(({ path, keys }) => ({ clause, path, keys })),
  )
  it.each(cases)('$clause: $path', ({ clause, path, keys }) => {
    const input = structuredClone(VALID[clause]())
    const holder = keys.slice(0, -1).reduce<Record<string, unknown>>((v, k) => v[k] as never, input)
    Object.defineProperty(holder, keys.at(-1) as string, {
      enumerable: true,
      get() {
        throw new Error('getter')
      },
    })
    expect(errorOf(input).issues).toContainEqual({
      code: 'INVALID_INPUT',
      path,
      message: 'could not be read (its getter threw)',
    })
  })
})

describe('inconsistencies say what they contradict', () => {
  it.each<[string, string, unknown, string]>([
    [
      'top-up-refund',
      'now',
      '2026-11-21T08:00:00Z',
      '2 problems: request.receivedAt: is after now (2026-11-21T08:00:00.000Z); request.informationRequested.providedAt: is after now (2026-11-21T08:00:00.000Z)',
    ],
    [
      'top-up-refund',
      'request.receivedAt',
      '2026-11-20T09:00:00Z',
      'request.receivedAt: is before topUp.creditedAt (2026-11-20T10:00:00.000Z)',
    ],
    ['top-up-refund', 'topUp.refunded.amount', '101', 'topUp.refunded: is more than the top-up (100.00 EUR)'],
    [
      'order-cancellation',
      'request.receivedAt',
      '2026-11-20T11:00:00Z',
      'request.receivedAt: is before order.placedAt (2026-11-20T12:00:00.000Z)',
    ],
    [
      'order-cancellation',
      'order.placedAt',
      '2026-11-20T09:00:00Z',
      'order.placedAt: is before the funding top-up was credited (2026-11-20T10:00:00.000Z)',
    ],
    ['order-cancellation', 'order.refunded.amount', '41', 'order.refunded: is more than the order (40.00 EUR)'],
    [
      'termination',
      'account.lastActivityAt',
      '2026-11-22T00:00:00Z',
      'account.lastActivityAt: is after now (2026-11-21T12:00:00.000Z)',
    ],
    [
      'inactivity',
      'account.lastActivityAt',
      '2027-11-22T00:00:00Z',
      'account.lastActivityAt: is after now (2027-11-21T12:00:00.000Z)',
    ],
  ])('%s: %s = %j', (clause, path, value, message) => {
    expect(errorOf(withPath(VALID[clause as 'termination'](), path, value)).message).toBe(message)
  })

  it('a non-object input is reported at input, a missing order at order', () => {
    for (const clause of CLAUSES) {
      const result = safeEvaluate({ clause, now: 5 } as never)
      expect(!result.ok && result.error.issues.map((i) => i.path)).toContain(
        clause === 'order-cancellation' ? 'order' : clause === 'top-up-refund' ? 'topUp' : 'account',
      )
    }
    expect(errorOf(withPath(VALID['order-cancellation'](), 'order', 'x')).message).toMatch(
      /^\d+ problems: order: expected an object, received "x"/,
    )
  })

  it('a refund due after 9999 is OUT_OF_RANGE at the request that starts its clock', () => {
    // The fixture's information, provided before these instants, is left out.
    let input = withPath(VALID['top-up-refund'](), 'request.informationRequested', undefined, true)
    for (const [path, value] of <const>[
      ['topUp.creditedAt', '9999-12-29T12:00:00Z'], // the window closes on 31 December, the refund is due in 10000
      ['account.lastActivityAt', '9999-12-30T10:00:00Z'],
      ['request.receivedAt', '9999-12-30T11:00:00Z'],
      ['now', '9999-12-30T12:00:00Z'],
    ]) {
      input = withPath(input, path, value)
    }
    expect(errorOf(input).issues).toEqual([
      { code: 'OUT_OF_RANGE', path: 'request.receivedAt', message: 'the result would fall after 9999' },
    ])
  })

  it('an input that is not an object at all is reported first, at its root, saying what it received', () => {
    const firstIssue = (run: () => unknown) => {
      try {
        run()
      } catch (error) {
        return (error as RefundRulesError).issues[0]
      }
      return undefined
    }
    const root = (path: string) => ({ code: 'INVALID_INPUT', path, message: 'expected an object, received 5' })
    expect(firstIssue(() => evaluateTopUpRefund(5 as never))).toEqual(root('input'))
    expect(firstIssue(() => evaluateInactivity(5 as never))).toEqual(root('input'))
    expect(firstIssue(() => topUpRefundWindowClosesAt(5 as never))).toEqual(root('topUp'))
    expect(firstIssue(() => orderCancellationWindowClosesAt(5 as never))).toEqual(root('order'))
  })
})

describe('clause ids', () => {
  it.each<[unknown, string]>([
    [
      { clause: 'refund' },
      `clause: expected one of top-up-refund, order-cancellation, termination, inactivity, received "refund"`,
    ],
    [{}, `clause: expected one of top-up-refund, order-cancellation, termination, inactivity, received undefined`],
    [null, `clause: expected one of top-up-refund, order-cancellation, termination, inactivity, received undefined`],
    [
      { clause: 'toString' },
      `clause: expected one of top-up-refund, order-cancellation, termination, inactivity, received "toString"`,
    ],
    [
      { clause: ['inactivity'] },
      `clause: expected one of top-up-refund, order-cancellation, termination, inactivity, received an array of 1`,
    ],
  ])('%j', (input, message) => {
    expect(errorOf(input).message).toBe(message)
  })
  it('a string is not an object even when it has a clause property', () => {
    expect(errorOf(Object.assign(Object('inactivity'), { clause: 'inactivity' })).path).not.toBe('clause')
    expect(errorOf('inactivity').path).toBe('clause')
  })
})

describe('text and list limits', () => {
  const term = VALID.termination
  it('a text field holds 1 to 256 characters: request.channel', () => {
    expect(decide(withPath(term(), 'request.channel', 'c'.repeat(256))).outcome).toBe('needs-information')
    for (const channel of ['c'.repeat(257), '']) {
      const error = errorOf(withPath(term(), 'request.channel', channel))
      expect([error.code, error.path]).toEqual(['INVALID_INPUT', 'request.channel'])
      expect(error.message).toContain('a non-empty string of at most 256 characters')
    }
  })

  it('a text id holds 1 to 256 characters', () => {
    expect(decide(withPath(term(), 'account.id', 'a')).outcome).toBe('manual-review')
    expect(decide(withPath(term(), 'account.id', 'a'.repeat(256))).outcome).toBe('manual-review')
    expect(errorOf(withPath(term(), 'account.id', 'a'.repeat(257))).path).toBe('account.id')
    expect(errorOf(withPath(term(), 'account.id', '')).message).toBe(
      'account.id: expected an id: a non-empty string of at most 256 characters, or an integer (a safe-integer number or a bigint), received ""',
    )
  })
  it('informationRequested.items holds at most 100 items', () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => `item-${i}`)
    const info = (n: number) => withPath(term(), 'request.informationRequested.items', items(n))
    expect(decide(info(100)).outcome).toBe('manual-review')
    expect(errorOf(info(101)).message).toBe(
      'request.informationRequested.items: expected an array of at most 100 strings, received an array of 101',
    )
    expect(errorOf(withPath(term(), 'request.informationRequested.items', [1])).path).toBe(
      'request.informationRequested.items[0]',
    )
  })
  it('a proxy list whose length is not a number is not a list', () => {
    const odd = new Proxy(['iban'], { get: (t, k) => (k === 'length' ? '1' : Reflect.get(t, k)) })
    expect(errorOf(withPath(term(), 'request.informationRequested.items', odd)).path).toBe(
      'request.informationRequested.items',
    )
  })
})

describe('entry points reject what is not an object', () => {
  it('each clause function names input', async () => {
    const { evaluateInactivity, evaluateTermination, evaluateOrderCancellation } = await import('../../src/index.js')
    for (const run of [evaluateInactivity, evaluateTermination, evaluateOrderCancellation]) {
      try {
        run(null as never)
        throw new Error('accepted')
      } catch (error) {
        expect((error as { issues: { path: string }[] }).issues[0]?.path).toBe('input')
      }
    }
  })
  it('a function with a clause property is not an input; a throwing clause getter says so', () => {
    expect(errorOf(Object.assign(() => 1, { clause: 'inactivity' })).path).toBe('clause')
    const input = Object.defineProperty({}, 'clause', {
      get() {
        throw new Error('x')
      },
    })
    expect(errorOf(input).message).toBe('clause: could not be read (its getter threw)')
  })
})

describe('what a message quotes', () => {
  it('quotes at most 40 characters of a channel, and lists the written channels joined by "or"', () => {
    const d = decide(withPath(VALID['top-up-refund'](), 'request.channel', 'x'.repeat(50)))
    expect(d.reasons.find((r) => r.code === 'WRITTEN_REQUEST')?.message).toBe(
      `The request came by "${'x'.repeat(40)}"; it must be sent in writing (email or letter) to refund@ctr.group (REFUND AFTER TOPPING UP YOUR BALANCE)`,
    )
  })
})
