/**
 * Issue #5: safeEvaluate never throws, for any input — non-objects, getters
 * that throw, proxies (revoked ones too), cyclic objects — and evaluate
 * throws nothing but a RefundRulesError whose path names the bad field.
 * Also the error type itself: codes, issues, truncation of what was received.
 */
import { describe, expect, it } from 'vitest'
import { describeReceived, joinPath, refundRulesError } from '../../src/errors.js'
import {
  createPolicy,
  ErrorCodes,
  evaluate,
  evaluateTopUpRefund,
  orderCancellationWindowClosesAt,
  RefundRulesError,
  safeEvaluate,
  topUpRefundWindowClosesAt,
} from '../../src/index.js'
import { CLAUSES, decide, errorOf, VALID, withPath } from './fixtures.js'

const revoked = () => {
  const r = Proxy.revocable({}, {})
  r.revoke()
  return r.proxy
}
const throwingGetter = (error: unknown = new Error('boom')) =>
  Object.defineProperty({}, 'x', { enumerable: true, get: () => 0 }) &&
  new Proxy(
    {},
    {
      get() {
        throw error
      },
    },
  )

describe('safeEvaluate never throws', () => {
  const cyclic = () => {
    const o: Record<string, unknown> = { clause: 'top-up-refund' }
    o.topUp = o
    o.account = o
    o.request = o
    o.now = o
    return o
  }
  it.each<[string, () => unknown]>([
    ['undefined', () => undefined],
    ['null', () => null],
    ['a number', () => 42],
    ['a string', () => 'top-up-refund'],
    ['a bigint', () => 10n],
    ['a symbol', () => Symbol('x')],
    ['a function', () => () => ({ clause: 'inactivity' })],
    ['an array', () => [VALID.inactivity()]],
    ['a Map', () => new Map([['clause', 'inactivity']])],
    ['a revoked proxy', revoked],
    ['a proxy whose every read throws', () => throwingGetter()],
    ['a proxy that throws a non-error', () => throwingGetter('a string')],
    ['a proxy that throws null', () => throwingGetter(null)],
    ['a cyclic object', cyclic],
  ])('for %s', (_, make) => {
    const result = safeEvaluate(make())
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error).toBeInstanceOf(RefundRulesError)
      expect(result.error.issues.length).toBeGreaterThan(0)
    }
  })

  it('for an object without a prototype holding a valid input: it decides', () => {
    const input = Object.assign(Object.create(null), VALID.inactivity())
    expect(safeEvaluate(input).ok).toBe(true)
  })

  it.each(CLAUSES)('%s: a throwing getter or revoked proxy in any field is INVALID_INPUT at that field', (clause) => {
    const paths = ['now', 'request', 'request.informationRequested', 'request.informationRequested.items']
    const base = VALID[clause]()
    for (const path of [...paths, 'topUp', 'order', 'order.fundedBy', 'account', 'account.balance', 'topUp.amount']) {
      const parent = path.split('.').slice(0, -1).join('.')
      const exists = path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], base)
      if (exists === undefined) continue
      for (const hostile of [revoked(), throwingGetter(), throwingGetter(Symbol('odd'))]) {
        const error = errorOf(withPath(base, path, hostile))
        expect(
          error.issues.some((i) => i.path === path || i.path.startsWith(`${path}.`)),
          `${clause} ${path}`,
        ).toBe(true)
        expect(
          error.issues.every((i) => i.path !== 'input'),
          `${clause} ${path}`,
        ).toBe(true)
        void parent
      }
      // A getter that throws on the field itself.
      const keys = path.split('.')
      const withGetter = structuredClone(base)
      const holder = keys.slice(0, -1).reduce<Record<string, unknown>>((v, k) => v[k] as never, withGetter)
      Object.defineProperty(holder, keys.at(-1) as string, {
        enumerable: true,
        get() {
          throw new Error('getter')
        },
      })
      expect(errorOf(withGetter).issues).toContainEqual({
        code: 'INVALID_INPUT',
        path,
        message: 'could not be read (its getter threw)',
      })
    }
  })

  it('a clause getter that throws is INVALID_INPUT at clause', () => {
    const input = Object.defineProperty({}, 'clause', {
      get() {
        throw new Error('x')
      },
    })
    const result = safeEvaluate(input)
    expect(!result.ok && [result.error.code, result.error.path]).toEqual(['INVALID_INPUT', 'clause'])
  })

  it('a getter is read once: a value that changes between reads cannot slip past validation', () => {
    let reads = 0
    const input = VALID.termination()
    Object.defineProperty(input.account as object, 'balance', {
      enumerable: true,
      get() {
        reads++
        return reads === 1 ? { amount: '10.00', currency: 'EUR' } : { amount: 'junk', currency: 'EUR' }
      },
    })
    expect(decide(input).outcome).toBe('manual-review')
    expect(reads).toBe(1)
  })

  it('a Date proxy, a Date subclass with an overridden getTime and a fake Date tag are handled', () => {
    class Sneaky extends Date {
      override getTime() {
        return Number.NaN
      }
    }
    const base = VALID.inactivity()
    const fake = { [Symbol.toStringTag]: 'Date' }
    expect(decide(withPath(base, 'now', new Sneaky('2027-11-21T12:00:00Z'))).outcome).toBe('deactivated')
    expect(errorOf(withPath(base, 'now', new Proxy(new Date(), {}))).path).toBe('now')
    expect(errorOf(withPath(base, 'now', fake)).path).toBe('now')
  })

  it('a decimal-like amount whose methods throw is INVALID_AMOUNT at its path', () => {
    const hostile = {
      toExponential() {
        throw new Error('x')
      },
      isFinite: () => true,
    }
    const error = errorOf(withPath(VALID.termination(), 'account.balance.amount', hostile))
    expect([error.code, error.path]).toEqual(['INVALID_AMOUNT', 'account.balance.amount'])
  })

  it('a hostile policy is INVALID_POLICY at policy, from evaluate and from createPolicy', () => {
    // Only own properties are read (SPEC §1): a trapped read is reported at the setting it was for.
    const overId = (thrown: unknown) =>
      new Proxy(
        { id: 'x' },
        {
          get() {
            throw thrown
          },
        },
      )
    for (const [policy, path] of [
      [revoked(), 'policy'],
      [overId(new Error('boom')), 'id'],
      [overId('x'), 'id'],
    ]) {
      const result = safeEvaluate(VALID.inactivity(), policy)
      expect(!result.ok && [result.error.code, result.error.path]).toEqual(['INVALID_POLICY', path])
      expect(() => createPolicy(policy as never)).toThrow(RefundRulesError)
    }
  })

  it('the window helpers throw only RefundRulesError too', () => {
    for (const value of [null, 1, revoked(), throwingGetter(), { creditedAt: 'x'.repeat(1e6) }]) {
      expect(() => topUpRefundWindowClosesAt(value as never)).toThrow(RefundRulesError)
      expect(() => orderCancellationWindowClosesAt(value as never)).toThrow(RefundRulesError)
    }
  })

  it('the clause functions throw only RefundRulesError for junk input', () => {
    for (const value of [undefined, null, 'x', revoked(), throwingGetter()]) {
      expect(() => evaluateTopUpRefund(value as never)).toThrow(RefundRulesError)
      expect(() => evaluate(value as never)).toThrow(RefundRulesError)
    }
  })
})

describe('no input changes the next call', () => {
  it('a frozen input decides, and decisions of equal inputs are deep-equal before and after junk', () => {
    const deepFreeze = <T>(v: T): T => {
      if (typeof v === 'object' && v !== null) {
        for (const x of Object.values(v)) deepFreeze(x)
        Object.freeze(v)
      }
      return v
    }
    const before = CLAUSES.map((clause) => decide(deepFreeze(VALID[clause]())))
    for (const junk of [revoked(), throwingGetter(), JSON.parse('{"__proto__":{"clause":"inactivity"}}')]) {
      safeEvaluate(junk, junk)
      safeEvaluate(VALID.inactivity(), JSON.parse('{"fees":{"methods":{"__proto__":{"percent":"99"}}}}'))
    }
    expect(CLAUSES.map((clause) => decide(VALID[clause]()))).toEqual(before)
    expect(({} as Record<string, unknown>).clause).toBeUndefined()
  })
})

describe('RefundRulesError', () => {
  it('exports every code as a constant equal to its name', () => {
    for (const [key, value] of Object.entries(ErrorCodes)) expect(key).toBe(value)
    expect(Object.keys(ErrorCodes)).toEqual([
      'INVALID_INSTANT',
      'INVALID_DATE',
      'INVALID_CURRENCY',
      'INVALID_AMOUNT',
      'TOO_MANY_DECIMALS',
      'NEGATIVE_AMOUNT',
      'CURRENCY_MISMATCH',
      'INVALID_POLICY',
      'INVALID_INPUT',
      'INCONSISTENT_INPUT',
      'OUT_OF_RANGE',
    ])
  })

  it('carries code, path, message and frozen issues; its first issue is its code and path', () => {
    const error = new RefundRulesError([
      { code: 'INVALID_AMOUNT', path: 'topUp.amount.amount', message: 'bad' },
      { code: 'INVALID_INSTANT', path: 'now', message: 'worse' },
    ])
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('RefundRulesError')
    expect([error.code, error.path]).toEqual(['INVALID_AMOUNT', 'topUp.amount.amount'])
    expect(error.message).toBe('2 problems: topUp.amount.amount: bad; now: worse')
    expect(Object.isFrozen(error.issues) && Object.isFrozen(error.issues[0])).toBe(true)
    expect(refundRulesError('OUT_OF_RANGE', 'a', 'b').message).toBe('a: b')
  })

  it.each<[() => unknown, string]>([
    [() => null, 'null'],
    [() => undefined, 'undefined'],
    [() => -0, '-0'],
    [() => Number.NaN, 'NaN'],
    [() => true, 'true'],
    [() => 10n ** 100n, `1${'0'.repeat(59)}n`],
    [() => Symbol('s'), 'a symbol'],
    [() => () => 1, 'a function'],
    [() => [1, 2], 'an array of 2'],
    [() => ({ toString: () => 'never called' }), 'an object'],
    [() => revoked(), 'an object'],
    [() => new Proxy([], { get: (_, k) => (k === 'length' ? { toString: () => 'evil' } : undefined) }), 'an array'],
    [
      () =>
        new Proxy([], {
          get() {
            throw new Error('x')
          },
        }),
      'an object',
    ],
    [() => 'x'.repeat(61), `"${'x'.repeat(60)}…" (61 characters)`],
    [() => 'x'.repeat(60), `"${'x'.repeat(60)}"`],
  ])('describeReceived case %# is %j', (make, text) => {
    expect(describeReceived(make())).toBe(text)
  })

  it('joinPath writes odd keys in brackets and cuts long ones short', () => {
    expect(joinPath('fees.methods', 'card')).toBe('fees.methods.card')
    expect(joinPath('fees.methods', 'bank-transfer')).toBe('fees.methods["bank-transfer"]')
    expect(joinPath('calendar.closedDates', 2)).toBe('calendar.closedDates[2]')
    expect(joinPath('', 'id')).toBe('id')
    expect(joinPath('', '__proto__')).toBe('__proto__')
    expect(joinPath('', 'a b')).toBe('["a b"]')
    expect(joinPath('x', 'a'.repeat(60))).toBe(`x.${'a'.repeat(60)}`)
    expect(joinPath('x', 'a'.repeat(10_000_000))).toBe(`x["${'a'.repeat(60)}…"]`)
  })
})
