/**
 * Issue #5, "what must be tried": odd amounts, currencies and instants,
 * inconsistent snapshots, method names that are Object.prototype keys,
 * prototype-polluting policies and 10 MB strings in every string field.
 */
import { describe, expect, it } from 'vitest'
import { createPolicy, type ErrorCode, safeEvaluate, type TopUpRefundDecision } from '../../src/index.js'
import { assertDecisionInvariants } from '../fuzz/support.js'
import { CLAUSES, decide, errorOf, VALID, withPath } from './fixtures.js'

const topUp = VALID['top-up-refund']
const codeAt = (path: string, value: unknown, base = topUp()) => {
  const error = errorOf(withPath(base, path, value))
  const issue = error.issues.find((i) => i.path === path) ?? error.issues[0]
  return `${issue?.code} ${issue?.path}`
}

describe('amounts', () => {
  it.each<[unknown, ErrorCode]>([
    ['-1', 'NEGATIVE_AMOUNT'],
    [-0.01, 'NEGATIVE_AMOUNT'],
    ['99999999999999999999999999999999999999.999', 'INVALID_AMOUNT'], // over 40 characters
    [1e21, 'INVALID_AMOUNT'],
    [2 ** 53, 'INVALID_AMOUNT'],
    [Number.NaN, 'INVALID_AMOUNT'],
    [Number.POSITIVE_INFINITY, 'INVALID_AMOUNT'],
    [Number.NEGATIVE_INFINITY, 'INVALID_AMOUNT'],
    ['Infinity', 'INVALID_AMOUNT'],
    ['NaN', 'INVALID_AMOUNT'],
    ['1e3', 'INVALID_AMOUNT'],
    ['1E3', 'INVALID_AMOUNT'],
    ['1,000.00', 'INVALID_AMOUNT'],
    ['1.000,00', 'INVALID_AMOUNT'],
    [' 10.00 ', 'INVALID_AMOUNT'],
    ['10.00\n', 'INVALID_AMOUNT'],
    ['+10', 'INVALID_AMOUNT'],
    ['.5', 'INVALID_AMOUNT'],
    ['5.', 'INVALID_AMOUNT'],
    ['', 'INVALID_AMOUNT'],
    ['٣', 'INVALID_AMOUNT'], // Arabic-Indic digit three
    ['0x10', 'INVALID_AMOUNT'],
    [10n, 'INVALID_AMOUNT'],
    [0.1 + 0.2, 'TOO_MANY_DECIMALS'],
    ['1.001', 'TOO_MANY_DECIMALS'],
  ])('topUp.amount.amount = %s is %s', (amount, code) => {
    expect(codeAt('topUp.amount.amount', amount)).toBe(`${code} topUp.amount.amount`)
  })

  it('zero, -0 and enormous amounts decide without inventing money', () => {
    for (const amount of ['0', 0, -0, '-0', '-0.00']) {
      const d = decide(withPath(topUp(), 'account.balance.amount', amount)) as TopUpRefundDecision
      expect(d.outcome).toBe('rejected')
      expect(d.reasons.map((r) => r.code)).toContain('NOTHING_TO_REFUND')
      expect(JSON.stringify(d)).not.toContain('-0')
    }
    const largest = '90071992547409.91' // MAX_MINOR_UNITS cents
    let input = withPath(topUp(), 'topUp.amount.amount', largest)
    input = withPath(input, 'account.balance.amount', largest)
    const d = decide(input) as TopUpRefundDecision
    expect(d.amounts?.gross).toBe('90071992547399.91') // minus the 10.00 already refunded
    assertDecisionInvariants(d, input)
    // One cent more would no longer be exact as a count of cents: refused, not rounded.
    expect(codeAt('topUp.amount.amount', '90071992547409.92')).toBe('INVALID_AMOUNT topUp.amount.amount')
    expect(codeAt('account.balance.amount', '-90071992547409.92')).toBe('INVALID_AMOUNT account.balance.amount')
  })

  it('a negative balance is allowed (it is data), a negative debt or fee is not', () => {
    expect(decide(withPath(topUp(), 'account.balance.amount', '-5.00')).outcome).toBe('rejected')
    const term = VALID.termination()
    expect(codeAt('account.debt.amount', '-5', term)).toBe('NEGATIVE_AMOUNT account.debt.amount')
    expect(codeAt('topUp.processingFee.amount', '-0.01')).toBe('NEGATIVE_AMOUNT topUp.processingFee.amount')
  })
})

describe('currencies', () => {
  it.each([
    ['eur', 'INVALID_CURRENCY topUp.amount.currency'],
    ['Eur', 'INVALID_CURRENCY topUp.amount.currency'],
    ['XYZ', 'INVALID_CURRENCY topUp.amount.currency'],
    ['EURO', 'INVALID_CURRENCY topUp.amount.currency'],
    [' EUR', 'INVALID_CURRENCY topUp.amount.currency'],
    ['', 'INVALID_CURRENCY topUp.amount.currency'],
    ['USD', 'CURRENCY_MISMATCH topUp.processingFee.currency'],
  ])('%j', (currency, expected) => {
    const error = errorOf(withPath(topUp(), 'topUp.amount.currency', currency))
    expect(`${error.code} ${error.path}`).toBe(expected)
  })

  it('a minor unit other than 2 is honoured (JPY 0, BHD 3)', () => {
    const jpy = (amount: string) => ({ amount, currency: 'JPY' })
    let input = withPath(topUp(), 'topUp.amount', jpy('1000'))
    input = withPath(input, 'topUp.processingFee', jpy('10'))
    input = withPath(input, 'topUp.refunded', jpy('0'))
    input = withPath(input, 'account.balance', jpy('1000'))
    expect((decide(input) as TopUpRefundDecision).amounts?.net).toBe('990')
    expect(codeAt('topUp.amount.amount', '1000.5', input)).toBe('TOO_MANY_DECIMALS topUp.amount.amount')
  })
})

describe('instants', () => {
  it.each<[unknown, string]>([
    ['2026-11-20T10:00:00', 'without an offset'],
    ['2026-11-20', 'a date only'],
    ['2026-11-20_10:00:00Z', 'an underscore for T'],
    ['2026-02-30T00:00:00Z', 'an impossible date'],
    ['2026-13-01T00:00:00Z', 'month 13'],
    ['2026-11-31T00:00:00Z', '31 November'],
    ['2025-02-29T00:00:00Z', '29 February of a common year'],
    ['2016-12-31T23:59:60Z', 'a leap second'],
    ['2026-11-20T24:00:00Z', '24:00'],
    ['2026-11-20T10:00:00+24:00', 'an offset of 24 hours'],
    ['1969-12-31T23:59:59.999Z', 'before 1970'],
    ['1970-01-01T00:30:00+01:00', 'before 1970 once the offset applies'],
    ['+010000-01-01T00:00:00Z', 'after 9999'],
    ['+275760-09-13T00:00:00.000Z', 'the last instant Date can hold'],
    ['Fri, 20 Nov 2026 10:00:00 GMT', 'an RFC 2822 string'],
    ['tomorrow', 'a word'],
    [-1, 'negative epoch ms'],
    [8.64e15, 'year 275760 as epoch ms'],
    [253402300800000, '10000-01-01 as epoch ms'],
    [1.5, 'fractional epoch ms'],
    [Number.NaN, 'NaN'],
    [new Date(Number.NaN), 'an invalid Date'],
    [new Date(-1), 'a Date before 1970'],
    [new Date(8.64e15), 'a Date in year 275760'],
  ])('%s (%s) is INVALID_INSTANT at its path', (value) => {
    expect(codeAt('topUp.creditedAt', value)).toBe('INVALID_INSTANT topUp.creditedAt')
  })

  it('the edges of the supported range are accepted', () => {
    const t = VALID.inactivity()
    expect(decide(withPath(t, 'account.lastActivityAt', '1970-01-01T00:00:00.000Z')).outcome).toBe('deactivated')
    expect(decide(withPath(t, 'now', '9999-12-31T23:59:59.999Z')).outcome).toBe('deactivated')
  })

  it('a computation that would leave the range is OUT_OF_RANGE, not a crash', () => {
    let input = withPath(VALID.inactivity(), 'account.lastActivityAt', '9999-06-01T00:00:00Z')
    input = withPath(input, 'now', '9999-12-31T23:59:59.999Z')
    const error = errorOf(input)
    expect([error.code, error.path]).toEqual(['OUT_OF_RANGE', 'account.lastActivityAt'])
  })
})

describe('inconsistent snapshots are errors, not decisions', () => {
  it.each<[string, string, unknown, string]>([
    ['top-up-refund', 'request.receivedAt', '2026-11-21T12:00:00.001Z', 'request.receivedAt'], // after now
    ['top-up-refund', 'request.receivedAt', '2026-11-20T09:59:59.999Z', 'request.receivedAt'], // before creditedAt
    [
      'top-up-refund',
      'request.informationRequested.providedAt',
      '2026-11-21T08:59:59Z',
      'request.informationRequested.providedAt',
    ],
    [
      'top-up-refund',
      'request.informationRequested.providedAt',
      '2026-11-21T12:00:01Z',
      'request.informationRequested.providedAt',
    ],
    ['top-up-refund', 'account.lastActivityAt', '2026-11-21T12:00:01Z', 'account.lastActivityAt'],
    ['top-up-refund', 'topUp.refunded.amount', '100.01', 'topUp.refunded'],
    ['order-cancellation', 'request.receivedAt', '2026-11-20T11:00:00Z', 'request.receivedAt'], // before placedAt
    ['order-cancellation', 'order.fundedBy.creditedAt', '2026-11-20T12:00:00.001Z', 'order.placedAt'],
    ['order-cancellation', 'order.refunded.amount', '40.01', 'order.refunded'],
    ['termination', 'request.receivedAt', '2026-11-21T12:00:00.001Z', 'request.receivedAt'],
    ['inactivity', 'account.lastActivityAt', '2027-11-21T12:00:00.001Z', 'account.lastActivityAt'],
  ])('%s: %s = %j', (clause, path, value, at) => {
    const error = errorOf(withPath(VALID[clause as 'termination'](), path, value))
    expect(error.issues).toContainEqual(expect.objectContaining({ code: 'INCONSISTENT_INPUT', path: at }))
  })

  it('at the same millisecond is consistent (receivedAt = creditedAt = now)', () => {
    let input = withPath(topUp(), 'request.receivedAt', '2026-11-20T10:00:00Z')
    input = withPath(input, 'request.informationRequested.providedAt', '2026-11-20T10:00:00Z')
    input = withPath(input, 'account.lastActivityAt', '2026-11-20T10:00:00Z')
    input = withPath(input, 'now', '2026-11-20T10:00:00Z')
    expect(decide(input).outcome).toBe('approved')
  })
})

describe('method names are data, never prototype lookups', () => {
  const policy = createPolicy({ fees: { default: { percent: '1' }, methods: { card: { percent: '10' } } } })
  it.each(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'])('%s', (method) => {
    const input = withPath(topUp(), 'topUp.method', method)
    const fee = withPath(input, 'topUp.processingFee', undefined, true)
    const d = decide(fee, policy) as TopUpRefundDecision
    // 1 % of the gross 80.00 (default rule): not a crash, not a rule found on Object.prototype.
    expect(d.amounts?.deductions).toEqual([expect.objectContaining({ kind: 'processing-fee', amount: '0.80' })])
  })

  it('a policy with __proto__, constructor and prototype methods prices them as ordinary names', () => {
    const options = JSON.parse(
      '{"fees":{"methods":{"__proto__":{"percent":"50"},"constructor":{"percent":"20"},"prototype":{"percent":"30"}}}}',
    )
    const before = Object.getOwnPropertyNames(Object.prototype).sort()
    const p = createPolicy(options)
    for (const [method, fee] of [
      ['__proto__', '40.00'],
      ['constructor', '16.00'],
      ['prototype', '24.00'],
      ['card', '0.00'], // no rule, no default: a zero fee
    ] as const) {
      const input = withPath(withPath(topUp(), 'topUp.method', method), 'topUp.processingFee', undefined, true)
      const d = decide(input, p) as TopUpRefundDecision
      expect(d.amounts?.deductions.find((x) => x.kind === 'processing-fee')?.amount).toBe(fee)
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before)
    expect(({} as Record<string, unknown>).percent).toBeUndefined()
    expect(Object.getPrototypeOf(p.fees.methods)).toBeNull()
  })

  it('a polluting key anywhere in a policy is rejected, and Object.prototype stays untouched', () => {
    const options = JSON.parse('{"__proto__":{"polluted":1},"calendar":{"timeZone":"UTC","__proto__":{"x":1}}}')
    const result = safeEvaluate(topUp(), options)
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.error.issues.map((i) => [i.code, i.path])).toContainEqual(['INVALID_POLICY', '__proto__'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })
})

// How fast such a string is refused is a benchmark's question; a hang would still fail here, by vitest's test timeout.
describe('a 10 MB string in each string field is rejected, and never echoed whole', () => {
  const TEN_MB = 'x'.repeat(10 * 1024 * 1024)
  const stringFields = (clause: (typeof CLAUSES)[number]) => {
    const fields: string[] = []
    const walk = (v: unknown, path: string) => {
      if (typeof v === 'string' && path !== 'clause') fields.push(path)
      else if (Array.isArray(v)) {
        for (const [i, x] of v.entries()) walk(x, `${path}[${i}]`)
      } else if (typeof v === 'object' && v !== null)
        for (const [k, x] of Object.entries(v)) walk(x, path === '' ? k : `${path}.${k}`)
    }
    walk(VALID[clause](), '')
    return fields
  }
  const cases = CLAUSES.flatMap((clause) => stringFields(clause).map((path) => ({ clause, path })))
  const unused = /^account\.(payoutMethod|debt)/

  it.each(cases)('$clause: $path', ({ clause, path }) => {
    const input = withPath(VALID[clause](), path, TEN_MB)
    const result = safeEvaluate(input)
    if (clause === 'top-up-refund' && unused.test(path)) return // a field this clause does not read
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.issues.map((i) => i.path)).toContain(path)
    expect(result.error.message.length).toBeLessThan(500)
    expect(result.error.message).toContain('(10485760 characters)')
  })

  it('in a policy setting, a policy key, a fee-rule amount and a calendar date too', () => {
    for (const options of [
      { id: TEN_MB },
      { writtenChannels: ['email', TEN_MB] },
      { calendar: { timeZone: TEN_MB } },
      { calendar: { timeZone: 'UTC', closedDates: [TEN_MB], cutoff: TEN_MB } },
      { fees: { default: { percent: TEN_MB, fixed: { EUR: TEN_MB } } } },
      { fees: { rounding: TEN_MB } },
      { [TEN_MB]: true },
      { fees: { methods: { card: { [TEN_MB]: '1' } } } },
    ]) {
      const result = safeEvaluate(topUp(), options)
      expect(result.ok).toBe(false)
      if (result.ok) continue
      expect(result.error.code).toBe('INVALID_POLICY')
      expect(result.error.message.length).toBeLessThan(1_000)
      for (const issue of result.error.issues) expect(issue.path.length).toBeLessThan(200)
    }
  })
})
