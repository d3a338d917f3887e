/**
 * Shared by the totality suites (issue #5, SPEC §7.6): the run count, the
 * junk that replaces fields, and the checks every outcome must pass — a
 * well-formed RefundRulesError, or a decision that still satisfies §6 and
 * §7.1–7.2.
 */

import DecimalJs from 'decimal.js'
import * as iso4217 from 'dinero.js/currencies'
import fc from 'fast-check'
import { expect } from 'vitest'
import { unreadable } from '../../src/errors.js'
import {
  type Decision,
  type DecisionAmounts,
  ErrorCodes,
  isRefundRulesError,
  type RefundRulesError,
} from '../../src/index.js'

/** `npm test` runs the default; `npm run fuzz` sets FUZZ_RUNS=100000. */
export const numRuns = Number(process.env.FUZZ_RUNS ?? 200)

/** Exact for any amount the library accepts (40 characters): the default precision of 20 digits is not. */
const Decimal = DecimalJs.clone({ precision: 200 })
type Decimal = InstanceType<typeof Decimal>

const ERROR_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCodes))

/** Longest message an issue may carry: a received value is always shown truncated. */
export const MAX_MESSAGE = 1_000

/** One megabyte of text: long enough to notice if anything parses or echoes it. */
export const HUGE = 'x'.repeat(1_000_000)

/** Makers of values a hostile or broken backend might put anywhere (made fresh: fast-check cannot hold a revoked proxy). */
const HOSTILE: readonly (() => unknown)[] = [
  () => {
    const revoked = Proxy.revocable({}, {})
    revoked.revoke()
    return revoked.proxy
  },
  () => {
    const cyclic: Record<string, unknown> = { amount: '1', currency: 'EUR' }
    cyclic.self = cyclic
    return cyclic
  },
  () =>
    new Proxy(
      {},
      {
        get() {
          throw new Error('get trap')
        },
      },
    ),
  () =>
    Object.defineProperty({}, 'amount', {
      get() {
        throw new TypeError('getter')
      },
      enumerable: true,
    }),
  () => Object.create(null),
  () => new Date(Number.NaN),
  () => new Date(8.64e15),
  () => Symbol('s'),
  () => 10n ** 30n,
  () => () => 1,
]

/** Stands for `HOSTILE[index]()` until {@link materialize} makes it: fast-check itself cannot hold a revoked proxy. */
export class Hostile {
  constructor(readonly index: number) {}
}

/** A copy of a generated value with every {@link Hostile} placeholder made real. */
export function materialize(value: unknown): unknown {
  if (value instanceof Hostile) return HOSTILE[value.index]?.()
  if (Array.isArray(value)) return value.map(materialize)
  if (typeof value === 'object' && value !== null) {
    const proto = Object.getPrototypeOf(value)
    if (proto !== Object.prototype && proto !== null) return value
    const copy: Record<string, unknown> = proto === null ? Object.create(null) : {}
    for (const key of Object.keys(value)) {
      const child = materialize((value as Record<string, unknown>)[key])
      Object.defineProperty(copy, key, { value: child, enumerable: true, writable: true, configurable: true })
    }
    return copy
  }
  return value
}

/** Junk for one field: random values plus the particular ones the issue lists. */
export function arbJunk(): fc.Arbitrary<unknown> {
  const particular = fc.constantFrom<unknown>(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    0,
    -1,
    1e21,
    2 ** 53,
    0.1 + 0.2,
    '',
    ' 10.00 ',
    '1e3',
    '1,000.00',
    '-1',
    '0',
    '99999999999999999999999999999999999999.99',
    '__proto__',
    'constructor',
    'prototype',
    'eur',
    'XXX',
    'EUR',
    'JPY',
    '2026-11-20T10:00:00',
    '2026-02-30T00:00:00Z',
    '2016-12-31T23:59:60Z',
    '1969-12-31T23:59:59.999Z',
    '+275760-09-13T00:00:00.000Z',
    '9999-12-31T23:59:59.999Z',
    '1970-01-01T00:00:00.000Z',
    8.64e15,
    HUGE,
    [],
    {},
    [HUGE],
    { amount: HUGE, currency: HUGE },
    { amount: '1', currency: 'eur' },
    JSON.parse('{"__proto__": {"polluted": true}}'),
    null,
    undefined,
    true,
    false,
  )
  return fc.oneof(
    { arbitrary: particular, weight: 3 },
    { arbitrary: fc.integer({ min: 0, max: HOSTILE.length - 1 }).map((i) => new Hostile(i)), weight: 1 },
    { arbitrary: fc.anything(), weight: 3 },
    { arbitrary: fc.jsonValue(), weight: 1 },
  )
}

/** A dotted path the way the library writes it (`request.informationRequested.items[0]`). */
function childPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`
  return base === '' ? key : `${base}.${key}`
}

/** Every path into plain objects and arrays of a value (Dates and other objects are leaves). */
export function pathsOf(value: unknown, base = ''): { path: string; keys: (string | number)[] }[] {
  const out: { path: string; keys: (string | number)[] }[] = []
  const walk = (v: unknown, path: string, keys: (string | number)[]) => {
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        out.push({ path: childPath(path, i), keys: [...keys, i] })
        walk(item, childPath(path, i), [...keys, i])
      })
    } else if (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype) {
      for (const key of Object.keys(v)) {
        const next = childPath(path, key)
        out.push({ path: next, keys: [...keys, key] })
        walk((v as Record<string, unknown>)[key], next, [...keys, key])
      }
    }
  }
  walk(value, base, [])
  return out
}

/** A copy of `value` with the field at `keys` replaced (or deleted when `junk` is the DELETE marker). */
export const DELETE = Symbol('delete')
export function withField(value: unknown, keys: readonly (string | number)[], junk: unknown): unknown {
  const [key, ...rest] = keys
  if (key === undefined) return junk
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>
  if (rest.length === 0 && junk === DELETE) {
    if (Array.isArray(copy)) (copy as unknown[]).splice(key as number, 1)
    else delete copy[key]
  } else {
    // defineProperty, not assignment: a '__proto__' key stays an own data property.
    Object.defineProperty(copy, key, {
      value: withField(copy[key], rest, junk),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return copy
}

/**
 * Runs an evaluation and classifies its result; anything thrown but a RefundRulesError fails the test,
 * described without touching it (a thrown proxy's traps may throw again, and vitest would crash on it).
 */
export function attempt<T>(
  run: () => T,
): { decision: T; error?: undefined } | { decision?: undefined; error: RefundRulesError } {
  try {
    return { decision: run() }
  } catch (error) {
    if (!isRefundRulesError(error))
      throw new Error(`threw something other than a RefundRulesError: ${unreadable(error)}`)
    return { error }
  }
}

/** A RefundRulesError as SPEC §7.6 and issue #5 describe it. */
export function assertWellFormedError(error: RefundRulesError): void {
  expect(error).toBeInstanceOf(Error)
  expect(error.name).toBe('RefundRulesError')
  expect(error.issues.length).toBeGreaterThan(0)
  expect(error.code).toBe(error.issues[0]?.code)
  expect(error.path).toBe(error.issues[0]?.path)
  for (const issue of error.issues) {
    expect(ERROR_CODES.has(issue.code), issue.code).toBe(true)
    expect(typeof issue.path).toBe('string')
    expect(issue.path.length).toBeGreaterThan(0)
    expect(issue.path.length).toBeLessThan(400)
    expect(issue.message.length).toBeLessThan(MAX_MESSAGE)
  }
  expect(error.message.length).toBeLessThan(MAX_MESSAGE * error.issues.length + 100)
}

/** ISO 4217 minor digits, read from the data package itself (not Intl's CLDR display digits, not src/money). */
const minorDigits = (currency: string): number => {
  const entry = (iso4217 as Record<string, { readonly exponent: number } | undefined>)[currency]
  if (entry === undefined) throw new Error(`no ISO 4217 minor unit for ${currency}`)
  return entry.exponent
}

function isDeepFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true
  return Object.isFrozen(value) && Object.values(value).every(isDeepFrozen)
}

/** SPEC §7.1 on one set of amounts: exact conservation, 0 ≤ net ≤ gross, no negative deduction, minor digits. */
export function assertConservation(amounts: DecisionAmounts): void {
  const digits = minorDigits(amounts.currency)
  const format = digits === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${digits}}$`)
  const all = [amounts.gross, amounts.net, ...amounts.deductions.map((d) => d.amount)]
  if (amounts.outstandingDebt !== undefined) all.push(amounts.outstandingDebt)
  for (const text of all) expect(text).toMatch(format)
  const gross = new Decimal(amounts.gross)
  const net = new Decimal(amounts.net)
  const deducted = amounts.deductions.reduce((sum, d) => sum.plus(d.amount), new Decimal(0))
  expect(net.plus(deducted).eq(gross), `${amounts.net} + ${deducted} = ${amounts.gross}`).toBe(true)
  expect(net.gte(0) && net.lte(gross)).toBe(true)
  for (const d of amounts.deductions) expect(new Decimal(d.amount).gte(0)).toBe(true)
}

/** The exact value of an amount input that the library accepted. */
function decimalOf(money: unknown): Decimal | undefined {
  if (typeof money !== 'object' || money === null) return undefined
  const amount = (money as { amount?: unknown }).amount
  if (typeof amount === 'string' || typeof amount === 'number') return new Decimal(String(amount))
  return undefined
}

/** Reads a nested field of a (valid, plain) input. */
function at(input: unknown, ...keys: string[]): unknown {
  let v = input
  for (const key of keys) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined
  return v
}

/**
 * A decision as SPEC §6 and §7.1–7.2 describe it, against the input it came
 * from: deep-frozen, JSON-safe, conserving, never refunding more than is left
 * of the top-up/order or more than the balance.
 */
export function assertDecisionInvariants(decision: Decision, input: unknown): void {
  expect(isDeepFrozen(decision)).toBe(true)
  expect(JSON.parse(JSON.stringify(decision))).toEqual(decision)
  const amounts = 'amounts' in decision ? decision.amounts : undefined
  const settlement = 'settlement' in decision ? decision.settlement : undefined
  if (amounts !== undefined) assertConservation(amounts)
  if (settlement !== undefined) assertConservation(settlement)
  const clause = decision.clause
  const left = (what: string) => {
    const total = decimalOf(at(input, what, 'amount'))
    const refunded = decimalOf(at(input, what, 'refunded')) ?? new Decimal(0)
    return total?.minus(refunded)
  }
  const balance = decimalOf(at(input, 'account', 'balance'))
  const gross = amounts && new Decimal(amounts.gross)
  if (clause === 'top-up-refund' && gross) {
    expect(gross.lte(left('topUp') as Decimal)).toBe(true)
    expect(gross.lte(balance as Decimal)).toBe(true)
  }
  if (clause === 'order-cancellation' && gross) expect(gross.lte(left('order') as Decimal)).toBe(true)
  if (clause === 'termination' && gross) expect(gross.lte(balance as Decimal)).toBe(true)
  if (settlement) expect(new Decimal(settlement.gross).lte(balance as Decimal)).toBe(true)
}

/** Counts and times the runs of a property, and prints them (the figures `npm run fuzz` reports). */
export function counted<A extends unknown[]>(name: string, predicate: (...args: A) => void) {
  let runs = 0
  const started = performance.now()
  return {
    predicate: (...args: A) => {
      runs++
      predicate(...args)
    },
    report() {
      const seconds = (performance.now() - started) / 1000
      console.log(`fuzz: ${name}: ${runs} runs in ${seconds.toFixed(1)} s`)
    },
  }
}
