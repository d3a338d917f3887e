/**
 * The error guard and what the error handlers do with odd things thrown at
 * them: `isRefundRulesError` recognises errors from another copy of the
 * module by their registered brand and never throws; `safeEvaluate` cannot
 * throw even when a getter throws a proxy whose every trap throws, or an
 * object made from the error's prototype.
 */
import { describe, expect, it, vi } from 'vitest'
import { unreadable } from '../../src/errors.js'
import { evaluate, isRefundRulesError, RefundRulesError, safeEvaluate } from '../../src/index.js'
import { prototypeTrapThrows, trapsThrow } from '../fuzz/hostile.js'
import { CLAUSES, VALID, withPath } from './fixtures.js'

/** The reproducer exactly: `const evil = new Proxy({}, { getPrototypeOf() { throw evil } })`. */
const makeEvil = (): object => prototypeTrapThrows()

/** A proxy every one of whose traps throws it. */
const makeAllTrapsThrow = (): object => trapsThrow({})

const revoked = () => {
  const r = Proxy.revocable({}, {})
  r.revoke()
  return r.proxy
}

/** An object whose `key` getter throws `thrown`. */
const throwingAt = (key: string, thrown: unknown, rest: object = {}) =>
  Object.defineProperty({ ...rest }, key, {
    enumerable: true,
    get() {
      throw thrown
    },
  })

/** Everything a getter could throw that is not one of our errors. */
const THROWN: readonly [string, () => unknown][] = [
  ['a proxy whose getPrototypeOf trap throws itself', makeEvil],
  ['a proxy whose every trap throws', makeAllTrapsThrow],
  ['a revoked proxy', revoked],
  ['a forged Object.create(RefundRulesError.prototype)', () => Object.create(RefundRulesError.prototype)],
  ['an object shaped like an error', () => ({ code: 'INVALID_INPUT', path: 'x', issues: [] })],
  ['an Error whose name getter throws', () => throwingAt('name', new Error('name'), new Error('x'))],
  ['null', () => null],
  ['a symbol', () => Symbol('s')],
]

describe('isRefundRulesError', () => {
  it('recognises errors the library makes, thrown or not', () => {
    expect(isRefundRulesError(new RefundRulesError([{ code: 'INVALID_DATE', path: 'd', message: 'm' }]))).toBe(true)
    const result = safeEvaluate(null as never)
    expect(!result.ok && isRefundRulesError(result.error)).toBe(true)
  })

  it('recognises an error made by another copy of the module, where instanceof does not', async () => {
    vi.resetModules()
    const copy = await import('../../src/errors.js')
    expect(copy.RefundRulesError).not.toBe(RefundRulesError)
    const foreign = copy.refundRulesError('INVALID_INPUT', 'x', 'from the other copy')
    expect(foreign instanceof RefundRulesError).toBe(false)
    expect(isRefundRulesError(foreign)).toBe(true)
    expect(copy.isRefundRulesError(new RefundRulesError([{ code: 'INVALID_INPUT', path: 'y', message: 'm' }]))).toBe(
      true,
    )
  })

  it.each(THROWN)('is false, without throwing, for %s', (_, make) => {
    expect(isRefundRulesError(make())).toBe(false)
  })

  it('is false for a brand inherited, configurable or not true', () => {
    const brand = Symbol.for('refund-rules.RefundRulesError')
    const real = new RefundRulesError([{ code: 'INVALID_INPUT', path: 'x', message: 'm' }])
    expect(isRefundRulesError(Object.create(real))).toBe(false)
    expect(isRefundRulesError({ [brand]: true })).toBe(false)
    expect(isRefundRulesError(Object.defineProperty({}, brand, { value: 1 }))).toBe(false)
    expect(isRefundRulesError(Object.defineProperty({}, brand, { get: () => true }))).toBe(false)
    // A proxy cannot claim a non-configurable brand its target lacks (the engine refuses such a descriptor).
    const liar = new Proxy(
      {},
      { getOwnPropertyDescriptor: () => ({ value: true, configurable: false, writable: false, enumerable: false }) },
    )
    expect(isRefundRulesError(liar)).toBe(false)
  })

  it('is false for primitives', () => {
    for (const value of [
      undefined,
      null,
      0,
      '',
      'RefundRulesError',
      true,
      1n,
      Symbol.for('refund-rules.RefundRulesError'),
    ]) {
      expect(isRefundRulesError(value)).toBe(false)
    }
  })

  it('leaves the brand out of JSON, keys and equality', () => {
    const error = new RefundRulesError([{ code: 'INVALID_INPUT', path: 'x', message: 'm' }])
    expect(Object.keys(error)).toEqual(['code', 'path', 'issues', 'omittedIssues', 'name'])
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      code: 'INVALID_INPUT',
      path: 'x',
      issues: [{ code: 'INVALID_INPUT', path: 'x', message: 'm' }],
      omittedIssues: 0,
      name: 'RefundRulesError',
    })
  })
})

describe('unreadable never throws', () => {
  it.each(THROWN)('for %s', (_, make) => {
    expect(unreadable(make())).toMatch(/^could not be read: /)
  })

  it('names an ordinary error and never echoes a long or odd name whole', () => {
    expect(unreadable(new RangeError('deep'))).toBe('could not be read: RangeError')
    const named = new Error('x')
    named.name = 'x'.repeat(1_000_000)
    expect(unreadable(named)).toBe(`could not be read: ${'x'.repeat(60)}`)
    expect(unreadable(Object.defineProperty(new Error('x'), 'name', { value: 42 }))).toBe('could not be read: an error')
    expect(unreadable(makeEvil())).toBe('could not be read: an uninspectable value')
  })
})

describe('safeEvaluate cannot throw', () => {
  const amountGetter = (thrown: unknown) => throwingAt('amount', thrown, { currency: 'EUR' })

  it.each(THROWN)('when an amount getter throws %s', (_, make) => {
    for (const clause of CLAUSES) {
      const path = clause === 'order-cancellation' ? 'order.amount' : 'account.balance'
      const input = withPath(VALID[clause](), path, amountGetter(make()))
      const result = safeEvaluate(input)
      expect(result.ok, clause).toBe(false)
      if (result.ok) continue
      expect(isRefundRulesError(result.error)).toBe(true)
      expect(result.error.code).toBe('INVALID_INPUT')
      expect(result.error.issues.length).toBeGreaterThan(0)
      expect(result.error.issues[0]?.path).toBe(result.error.path)
    }
  })

  it.each(THROWN)('when a policy getter throws %s', (_, make) => {
    const result = safeEvaluate(VALID.termination(), throwingAt('refundBusinessDays', make()))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(isRefundRulesError(result.error)).toBe(true)
    expect(result.error.code).toMatch(/^INVALID_(POLICY|INPUT)$/)
    expect(result.error.issues.length).toBeGreaterThan(0)
  })

  it.each(THROWN)('when the input itself is a proxy or its clause getter throws %s', (_, make) => {
    for (const input of [throwingAt('clause', make()), throwingAt('now', make(), { clause: 'inactivity' })]) {
      const result = safeEvaluate(input)
      expect(!result.ok && isRefundRulesError(result.error)).toBe(true)
    }
    expect(safeEvaluate(makeAllTrapsThrow()).ok).toBe(false)
    expect(safeEvaluate(VALID.inactivity(), makeAllTrapsThrow()).ok).toBe(false)
  })

  it('the reproducer: evaluate throws a RefundRulesError with a code and issues, never the proxy', () => {
    const evil = makeEvil()
    const input = withPath(VALID['top-up-refund'](), 'topUp.amount', amountGetter(evil))
    let thrown: unknown
    try {
      evaluate(input as never)
    } catch (error) {
      thrown = error
    }
    expect(thrown).not.toBe(evil)
    expect(isRefundRulesError(thrown)).toBe(true)
    expect((thrown as RefundRulesError).code).toBe('INVALID_INPUT')
  })

  it('a forged error thrown by a getter comes back as a real one with a code and issues', () => {
    const forged = Object.create(RefundRulesError.prototype)
    const result = safeEvaluate(withPath(VALID.inactivity(), 'account.balance', amountGetter(forged)))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).not.toBe(forged)
    expect(result.error.code).toBe('INVALID_INPUT')
    expect(result.error.issues).toHaveLength(1)
  })
})
