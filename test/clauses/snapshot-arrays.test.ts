/**
 * SPEC §1 and §7.6: an array read from a snapshot (`informationRequested.items`)
 * has its length checked before any element is read, so a sparse array of
 * length 2^32 − 1, or a proxy claiming that length, is refused at once; holes
 * are refused, even when `Array.prototype` lends them a value. Structural
 * tests: they count what is read rather than time it.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { evaluateTopUpRefund } from '../../src/clauses/top-up-refund.js'
import { account, issuesOf, topUp } from './fixtures.js'

const ITEMS = 'request.informationRequested.items'
const withItems = (items: unknown) => () =>
  evaluateTopUpRefund({
    topUp,
    account,
    request: { receivedAt: '2026-11-21T09:00:00Z', channel: 'email', informationRequested: { items } as never },
    now: '2026-11-21T09:05:00Z',
  })

/** A proxy over an array that claims `length` and records every property read apart from it. */
function lyingArray(length: unknown) {
  const reads: PropertyKey[] = []
  const proxy = new Proxy([], {
    get(target, key, receiver) {
      if (key === 'length') return length
      reads.push(key)
      return Reflect.get(target, key, receiver)
    },
    getOwnPropertyDescriptor(target, key) {
      reads.push(key)
      return Reflect.getOwnPropertyDescriptor(target, key)
    },
  })
  return { proxy, reads }
}

describe('snapshot arrays', () => {
  afterEach(() => {
    delete (Array.prototype as unknown as Record<number, unknown>)[0]
  })

  it('a sparse array of length 2^32 − 1 is refused without being walked', () => {
    const sparse: string[] = []
    sparse.length = 2 ** 32 - 1
    expect(issuesOf(withItems(sparse))).toEqual([`INVALID_INPUT ${ITEMS}`])
  })

  it.each([
    ['2^32 − 1', 2 ** 32 - 1],
    ['101', 101],
    ['1.5', 1.5],
    ['-1', -1],
    ['NaN', Number.NaN],
    ['"2"', '2'],
  ])('a proxy claiming length %s is refused before any element is read', (_, length) => {
    const { proxy, reads } = lyingArray(length)
    expect(issuesOf(withItems(proxy))).toEqual([`INVALID_INPUT ${ITEMS}`])
    expect(reads.filter((key) => typeof key === 'string' && /^\d+$/.test(key))).toEqual([])
  })

  it('a hole is refused at its index', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    expect(issuesOf(withItems([, 'iban']))).toEqual([`INVALID_INPUT ${ITEMS}[0]`])
  })

  it('a hole is refused even when Array.prototype lends it a value (own elements only)', () => {
    ;(Array.prototype as unknown as Record<number, unknown>)[0] = 'iban'
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    expect(issuesOf(withItems([, 'passport']))).toEqual([`INVALID_INPUT ${ITEMS}[0]`])
  })
})
