/**
 * An error keeps at most MAX_ISSUES issues and counts the rest, and its
 * message is bounded: a policy with a hundred thousand unknown keys or bad
 * dates makes an error of a hundred issues and a count, not megabytes of text.
 */
import { describe, expect, it } from 'vitest'
import { MAX_ISSUES, type RefundRulesIssue } from '../../src/errors.js'
import { createPolicy, RefundRulesError } from '../../src/index.js'
import { SettingsReader } from '../../src/reader.js'
import { errorOf } from '../support/errors.js'

const issue = (i: number): RefundRulesIssue => ({ code: 'INVALID_POLICY', path: `k${i}`, message: 'unknown' })
const many = (n: number) => Array.from({ length: n }, (_, i) => issue(i)) as [RefundRulesIssue, ...RefundRulesIssue[]]

/** Upper bound of a message: MAX_ISSUES lines of at most 500 characters and their separators, plus head and tail. */
const MAX_MESSAGE = MAX_ISSUES * 503 + 100

describe('the issues an error keeps', () => {
  it('are all of them up to the cap, with nothing omitted', () => {
    const error = new RefundRulesError(many(MAX_ISSUES))
    expect(error.issues).toHaveLength(MAX_ISSUES)
    expect(error.omittedIssues).toBe(0)
    expect(error.message).toMatch(/^100 problems: k0: unknown; .*; k99: unknown$/)
  })

  it('past the cap, are the first hundred and a count of the rest, in the message too', () => {
    const error = new RefundRulesError(many(MAX_ISSUES + 1))
    expect(error.issues.map((i) => i.path)).toEqual(many(MAX_ISSUES).map((i) => i.path))
    expect(error.omittedIssues).toBe(1)
    expect(error.message).toMatch(/^101 problems: k0: unknown; .*; k99: unknown; and 1 more$/)
    const bigger = new RefundRulesError(many(5), 1_000_000)
    expect([bigger.issues.length, bigger.omittedIssues]).toEqual([5, 1_000_000])
    expect(bigger.message).toMatch(/^1000005 problems: .*; and 1000000 more$/)
  })

  it('a single issue is its own message; one issue with others omitted is not', () => {
    expect(new RefundRulesError(many(1)).message).toBe('k0: unknown')
    expect(new RefundRulesError(many(1), 2).message).toBe('3 problems: k0: unknown; and 2 more')
  })

  it('cuts a long line short in the message and keeps the issue whole', () => {
    const long = { code: 'INVALID_POLICY', path: 'p', message: 'm'.repeat(10_000) } as const
    const error = new RefundRulesError([long, long])
    expect(error.message).toBe(`2 problems: p: ${'m'.repeat(497)}…; p: ${'m'.repeat(497)}…`)
    expect(error.issues[0]?.message).toHaveLength(10_000)
    // The limit is 500 characters a line, `p: ` included: a line of exactly 500 is kept whole.
    const line = (length: number) => ({ code: 'INVALID_POLICY', path: 'p', message: 'm'.repeat(length - 3) }) as const
    expect(new RefundRulesError([line(500)]).message).toBe(`p: ${'m'.repeat(497)}`)
    expect(new RefundRulesError([line(501)]).message).toBe(`p: ${'m'.repeat(497)}…`)
  })

  it('bounds the message however many long issues there are', () => {
    const long = { code: 'INVALID_POLICY', path: 'p'.repeat(5_000), message: 'm'.repeat(5_000) } as const
    const error = new RefundRulesError(Array.from({ length: 10_000 }, () => long) as [RefundRulesIssue])
    expect(error.message.length).toBeLessThan(MAX_MESSAGE)
    expect(error.omittedIssues).toBe(10_000 - MAX_ISSUES)
  })
})

describe('collecting issues', () => {
  it('a settings reader keeps the first hundred and counts the rest, including those an error omitted', () => {
    const reader = new SettingsReader('INVALID_POLICY')
    for (let i = 0; i < 150; i++) {
      reader.attempt(() => {
        throw new RefundRulesError(many(3))
      })
    }
    expect(reader.issues).toHaveLength(MAX_ISSUES)
    reader.attempt(() => {
      throw new RefundRulesError(many(1), 7)
    })
    const error = errorOf(() => reader.finish())
    expect(error.issues).toHaveLength(MAX_ISSUES)
    expect(error.omittedIssues).toBe(150 * 3 - MAX_ISSUES + 1 + 7)
    expect(error.issues.every((i) => i.code === 'INVALID_POLICY')).toBe(true)
  })

  it('a reader rethrows anything that is not a RefundRulesError', () => {
    const odd = new TypeError('odd')
    expect(() =>
      new SettingsReader('INVALID_POLICY').attempt(() => {
        throw odd
      }),
    ).toThrow(odd)
  })
})

describe('a policy with very many problems', () => {
  it('100,000 unknown keys: a hundred issues, the exact count of the rest, a short message', () => {
    const options: Record<string, number> = {}
    for (let i = 0; i < 100_000; i++) options[`k${i}`] = 1
    const error = errorOf(() => createPolicy(options as never))
    expect(error.issues).toHaveLength(MAX_ISSUES)
    expect(error.issues.length + error.omittedIssues).toBe(100_000)
    expect(error.message.length).toBeLessThan(MAX_MESSAGE)
  })

  it('10,000 bad closed dates, collected inside the calendar and again by the policy: the count survives', () => {
    const closedDates = Array.from({ length: 10_000 }, () => '2026-02-30')
    const error = errorOf(() => createPolicy({ calendar: { timeZone: 'Europe/London', closedDates } }))
    expect(error.issues).toHaveLength(MAX_ISSUES)
    expect(error.issues[0]?.path).toBe('calendar.closedDates[0]')
    expect(error.issues.length + error.omittedIssues).toBe(10_000)
    expect(error.message.length).toBeLessThan(MAX_MESSAGE)
  })
})
