/**
 * Issue #5: wrong types for every field, missing required fields, extra
 * unknown fields. Each field of each clause's input is swapped for a number,
 * a string, a boolean, null, undefined, an array and an object, and the
 * error must name that field with the right code.
 */
import { describe, expect, it } from 'vitest'
import type { ErrorCode } from '../../src/index.js'
import { pathsOf } from '../fuzz/support.js'
import { CLAUSES, decide, errorOf, VALID, withPath } from './fixtures.js'

type Kind = 'text' | 'status' | 'flag' | 'instant' | 'money' | 'amount' | 'currency' | 'object' | 'detail' | 'items'

const SWAPS = {
  number: 0.125,
  string: 'junk',
  boolean: true,
  null: null,
  undefined: undefined,
  array: [],
  object: {},
} as const
type Swap = keyof typeof SWAPS

const OPTIONAL = new Set([
  'processingFee',
  'refunded',
  'debt',
  'payoutMethod',
  'identityVerified',
  'ownershipVerified',
  'orderDetails',
  'informationRequested',
  'providedAt',
])

function kindOf(path: string, value: unknown): Kind {
  const key = path
    .replace(/\[\d+\]$/, '.item')
    .split('.')
    .at(-1) as string
  if (key === 'item') return 'text'
  if (['creditedAt', 'placedAt', 'lastActivityAt', 'receivedAt', 'providedAt', 'now'].includes(key)) return 'instant'
  if (key === 'currency') return 'currency'
  if (key === 'amount' && typeof value === 'string') return 'amount'
  if (['amount', 'processingFee', 'refunded', 'balance', 'debt'].includes(key)) return 'money'
  if (key === 'identityVerified' || key === 'ownershipVerified') return 'flag'
  if (key === 'status') return 'status'
  if (key === 'items') return 'items'
  if (key === 'orderDetails' || key === 'informationRequested') return 'detail'
  if (['topUp', 'account', 'order', 'request', 'fundedBy'].includes(key)) return 'object'
  return 'text'
}

/** What swapping the field must give: `null` for a decision, else the code and path of one of the issues. */
function expected(kind: Kind, swap: Swap, path: string): { code: ErrorCode; path: string } | null {
  const key = path.split('.').at(-1) as string
  // SPEC §1: null is absent for an optional field (a database row's NULL), and still missing for a required one.
  if (swap === 'null' && OPTIONAL.has(key)) return null
  if (swap === 'undefined') {
    if (OPTIONAL.has(key)) return null
    if (kind === 'instant') return { code: 'INVALID_INSTANT', path }
    return { code: 'INVALID_INPUT', path }
  }
  switch (kind) {
    case 'text':
      return swap === 'string' ? null : { code: 'INVALID_INPUT', path }
    case 'status':
      return { code: 'INVALID_INPUT', path }
    case 'flag':
      return swap === 'boolean' ? null : { code: 'INVALID_INPUT', path }
    case 'instant':
      return { code: 'INVALID_INSTANT', path }
    case 'money':
      return swap === 'object' ? { code: 'INVALID_INPUT', path: `${path}.currency` } : { code: 'INVALID_INPUT', path }
    case 'amount':
      return swap === 'number' ? { code: 'TOO_MANY_DECIMALS', path } : { code: 'INVALID_AMOUNT', path }
    case 'currency':
      return { code: 'INVALID_CURRENCY', path }
    case 'items':
      return swap === 'array' ? null : { code: 'INVALID_INPUT', path }
    case 'detail':
      return swap === 'object'
        ? { code: 'INVALID_INPUT', path: `${path}.${key === 'orderDetails' ? 'orderId' : 'items'}` }
        : { code: 'INVALID_INPUT', path }
    case 'object': {
      const first = key === 'request' ? 'receivedAt' : key === 'fundedBy' ? 'topUpId' : 'id'
      const code = key === 'request' ? 'INVALID_INSTANT' : 'INVALID_INPUT'
      return swap === 'object' ? { code, path: `${path}.${first}` } : { code: 'INVALID_INPUT', path }
    }
  }
}

const cases = CLAUSES.flatMap((clause) =>
  pathsOf(VALID[clause]())
    .filter(({ path }) => path !== 'clause')
    .map(({ path }) => ({ clause, path })),
)

describe.each(cases)('$clause: $path', ({ clause, path }) => {
  const valid = VALID[clause]()
  const original = path.split(/\.|\[|\]/).reduce<unknown>((v, k) => (k === '' ? v : (v as never)[k]), valid)
  const kind = kindOf(path, original)
  // The top-up clause reads only the account fields it uses (id, balance, lastActivityAt): the others are
  // ignored like any extra field, whatever they hold.
  const unused =
    clause === 'top-up-refund' && /^account\.(debt|identityVerified|ownershipVerified|payoutMethod)/.test(path)
  const fix = (e: { code: ErrorCode; path: string } | null) => (unused ? null : e)

  it.each(Object.keys(SWAPS) as Swap[])(`swapped for %s`, (swap) => {
    const want = fix(expected(kind, swap, path))
    const input = withPath(valid, path, SWAPS[swap])
    if (want === null) {
      expect(decide(input).clause).toBe(clause)
      return
    }
    const error = errorOf(input)
    expect(error.issues).toContainEqual(expect.objectContaining(want))
    // The message names the field and what was received.
    const issue = error.issues.find((i) => i.path === want.path)
    expect(error.message).toContain(want.path)
    expect(issue?.message.length).toBeGreaterThan(10)
  })

  it('removed', () => {
    const want = fix(expected(kind, 'undefined', path))
    const input = withPath(valid, path, undefined, true)
    if (want === null) expect(decide(input).clause).toBe(clause)
    else expect(errorOf(input).issues).toContainEqual(expect.objectContaining(want))
  })
})

describe('messages say what was received and what was expected', () => {
  it.each([
    ['topUp.id', 4.2, /topUp\.id: expected an id: a non-empty string .* or an integer .*, received 4\.2/],
    ['topUp.creditedAt', '2026-11-20T10:00:00', /topUp\.creditedAt: expected .*offset.*without an offset is ambiguous/],
    [
      'topUp.amount',
      'abc',
      /topUp\.amount: must be an object \{ amount, currency \} or \{ minor, currency \}, received "abc"/,
    ],
    ['topUp.amount.amount', '1,000.00', /topUp\.amount\.amount: .*plain decimal.*received "1,000\.00"/],
    ['topUp.amount.currency', 'eur', /topUp\.amount\.currency: must be an upper-case ISO 4217 .*received "eur"/],
    ['request.informationRequested.items', 'iban', /items: expected an array of at most 100 strings, received "iban"/],
  ])('%s = %j', (path, value, message) => {
    expect(errorOf(withPath(VALID['top-up-refund'](), path, value)).message).toMatch(message)
  })

  it('a flag that is not a boolean', () => {
    const error = errorOf(withPath(VALID.termination(), 'account.identityVerified', 'yes'))
    expect(error.message).toBe('account.identityVerified: expected true or false, received "yes"')
  })

  it('an unknown order status lists the allowed ones', () => {
    const error = errorOf(withPath(VALID['order-cancellation'](), 'order.status', 'refunded'))
    expect(error.message).toBe(`order.status: expected 'active' or 'cancelled', received "refunded"`)
  })
})

describe('several wrong fields are all reported, in reading order (like zod)', () => {
  it('lists every issue with its own code and path', () => {
    let input = VALID['top-up-refund']()
    input = withPath(input, 'topUp.id', null)
    input = withPath(input, 'topUp.amount.currency', 'eur')
    input = withPath(input, 'account.balance.amount', '-0.001')
    input = withPath(input, 'request.receivedAt', 'yesterday')
    input = withPath(input, 'now', Number.NaN)
    const error = errorOf(input)
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([
      ['INVALID_INPUT', 'topUp.id'],
      ['INVALID_CURRENCY', 'topUp.amount.currency'],
      ['TOO_MANY_DECIMALS', 'account.balance.amount'],
      ['INVALID_INSTANT', 'request.receivedAt'],
      ['INVALID_INSTANT', 'now'],
    ])
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.path).toBe('topUp.id')
    expect(error.message).toMatch(/^5 problems: topUp\.id: .*; topUp\.amount\.currency: .*; now: /)
  })

  it('a missing top-level object reports the object and each required field under it', () => {
    const { account: _, ...input } = VALID['top-up-refund']()
    const paths = errorOf(input).issues.map((i) => i.path)
    expect(paths).toEqual(['account', 'account.id', 'account.balance', 'account.lastActivityAt'])
  })

  it('safeEvaluate returns the same issues without throwing', async () => {
    const { safeEvaluate } = await import('../../src/index.js')
    const result = safeEvaluate({ clause: 'inactivity', account: null, now: 'yesterday' })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.issues.map((i) => i.path)).toContain('now')
  })
})

describe('extra unknown fields are ignored (a database row can be passed as it is)', () => {
  it.each(CLAUSES)('%s', (clause) => {
    const valid = VALID[clause]()
    const extra = (o: Record<string, unknown>) =>
      Object.defineProperties(
        { ...o, createdAt: new Date(0), extra: 'x'.repeat(1_000_000), nested: { deep: [1, 2, 3] } },
        {
          __proto__: { value: { polluted: true }, enumerable: true },
          constructor: { value: 'not a function', enumerable: true },
        },
      )
    const padded: Record<string, unknown> = extra(valid)
    for (const key of ['topUp', 'account', 'order', 'request'])
      if (key in valid) padded[key] = extra(valid[key] as Record<string, unknown>)
    expect(decide(padded)).toEqual(decide(valid))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
