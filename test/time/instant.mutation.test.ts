/**
 * parseInstant at every edge of its grammar and range (issue #5, mutation
 * testing): each case pins one check of the parser, so a mutant that drops
 * or moves it dies. Ordinary behaviour is in instant.test.ts.
 */
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { RefundRulesError } from '../../src/errors.js'
import { formatInstant, MAX_INSTANT, MIN_INSTANT, parseInstant } from '../../src/time/instant.js'

const EXPECTED =
  'expected a Date, an integer of epoch milliseconds or an ISO-8601 string with an offset or Z, in 1970–9999'

function messageOf(input: unknown): string {
  try {
    parseInstant(input, 'at')
  } catch (error) {
    expect(error).toBeInstanceOf(RefundRulesError)
    expect((error as RefundRulesError).code).toBe('INVALID_INSTANT')
    expect((error as RefundRulesError).path).toBe('at')
    return (error as RefundRulesError).message
  }
  throw new Error(`accepted ${String(input)}`)
}

describe('accepted spellings', () => {
  it.each([
    ['2026-11-20T10:00Z', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20T10:00:05Z', '2026-11-20T10:00:05.000Z'],
    ['2026-11-20T10:00:05.1Z', '2026-11-20T10:00:05.100Z'],
    ['2026-11-20T10:00:05.12Z', '2026-11-20T10:00:05.120Z'],
    ['2026-11-20T10:00:05.123Z', '2026-11-20T10:00:05.123Z'],
    ['2026-11-20T10:00:05.123999999Z', '2026-11-20T10:00:05.123Z'], // truncated, as Date does
    ['2026-11-20T12:00:00+02:00', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20T12:00:00+0200', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20T04:30:00-05:30', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20T10:00:00-00:00', '2026-11-20T10:00:00.000Z'],
    ['2026-11-21T09:59:00+23:59', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20T10:00+01:00', '2026-11-20T09:00:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29T00:00:00Z', '2000-02-29T00:00:00.000Z'],
    ['2026-12-31T23:59:59.999Z', '2026-12-31T23:59:59.999Z'],
    ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00.000Z'],
    ['1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z'],
    ['1970-01-01T01:00:00+01:00', '1970-01-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
    ['9999-12-31T23:59:59.999+00:00', '9999-12-31T23:59:59.999Z'],
  ])('%s', (input, iso) => {
    expect(formatInstant(parseInstant(input, 'at'))).toBe(iso)
  })

  it('numbers and Dates at the edges of the range', () => {
    expect(Object.is(parseInstant(0, 'at'), 0)).toBe(true)
    expect(Object.is(parseInstant(-0, 'at'), 0)).toBe(true) // -0 folds to 0
    expect(Object.is(parseInstant(new Date(-0), 'at'), 0)).toBe(true)
    expect(parseInstant(MAX_INSTANT, 'at')).toBe(MAX_INSTANT)
    expect(parseInstant(new Date(MAX_INSTANT), 'at')).toBe(MAX_INSTANT)
    expect(parseInstant(MIN_INSTANT, 'at')).toBe(0)
    expect(formatInstant(MAX_INSTANT)).toBe('9999-12-31T23:59:59.999Z')
    expect(parseInstant(runInNewContext('new Date(86400000)'), 'at')).toBe(86_400_000) // another realm
  })
})

describe('rejected spellings, each for one reason', () => {
  it.each([
    ['2026-11-20T10:0Z', 'too short'],
    ['2026/11/20T10:00:00Z', 'a slash after the year'],
    ['2026-11/20T10:00:00Z', 'a slash after the month'],
    ['2026-11-20t10:00:00Z', 'a lower-case t'],
    ['2026-11-20 10:00:00Z', 'a space for T'],
    ['2026-11-20T10-00:00Z', 'a dash between hour and minute'],
    ['x026-11-20T10:00:00Z', 'a letter in the year'],
    ['2026-1x-20T10:00:00Z', 'a letter in the month'],
    ['2026-11-2xT10:00:00Z', 'a letter in the day'],
    ['2026-11-20T1x:00:00Z', 'a letter in the hour'],
    ['2026-11-20T10:0x:00Z', 'a letter in the minute'],
    ['2026-11-20T10:00:0xZ', 'a letter in the second'],
    ['2026-11-20T10:00:00.Z', 'a point without digits'],
    ['2026-11-20T10:00:00.1234567891Z', 'ten fractional digits'],
    ['2026-11-20T10:00:00.12x', 'a letter in the fraction'],
    ['2026-11-20T10:00:00Zx', 'text after Z'],
    ['2026-11-20T10:00:00z', 'a lower-case z'],
    ['2026-11-20T10:00:00+2:00', 'a one-digit offset hour'],
    ['2026-11-20T10:00:00+02:0', 'a one-digit offset minute'],
    ['2026-11-20T10:00:00+02:000', 'three offset minute digits'],
    ['2026-11-20T10:00:00+0200x', 'text after the offset'],
    ['2026-11-20T10:00:00+02', 'an offset without minutes'],
    ['2026-11-20T10:00:00+24:00', 'an offset of 24 hours'],
    ['2026-11-20T10:00:00+23:60', 'an offset minute of 60'],
    ['2026-11-20T10:00:00 +02:00', 'a space before the offset'],
  ])('%s (%s)', (input) => {
    expect(messageOf(input)).toBe(`at: ${EXPECTED}, received ${JSON.stringify(input)}`)
  })

  it.each([
    ['2026-00-10T00:00:00Z', 'month 0'],
    ['2026-13-10T00:00:00Z', 'month 13'],
    ['2026-11-00T00:00:00Z', 'day 0'],
    ['2026-12-32T00:00:00Z', 'day 32'],
    ['2026-11-31T00:00:00Z', '31 November'],
    ['2025-02-29T00:00:00Z', '29 February, common year'],
    ['2100-02-29T00:00:00Z', '29 February, century'],
    ['2026-11-20T24:00:00Z', 'hour 24'],
    ['2026-11-20T10:60:00Z', 'minute 60'],
    ['2016-12-31T23:59:60Z', 'a leap second'],
  ])('%s (%s) is not a real calendar date and time', (input) => {
    expect(messageOf(input)).toBe(
      `at: ${EXPECTED} (not a real calendar date and time), received ${JSON.stringify(input)}`,
    )
  })

  it.each([
    '2026-11-20T10:00:00',
    '2026-11-20T10:00',
    '2026-11-20T10:00:00.123',
    '2026-11-20',
    '2026-11-20T10:00:00.12345678901234567890', // 40 characters: still parsed, still offset-less
  ])('%s has no offset: ambiguous', (input) => {
    expect(messageOf(input)).toBe(
      `at: ${EXPECTED} (a string without an offset is ambiguous), received ${JSON.stringify(input)}`,
    )
  })

  it.each(['x2026-11-20T10:00:00', 'on 2026-11-20'])('%s is not an offset-less instant either: no hint', (input) => {
    expect(messageOf(input)).toBe(`at: ${EXPECTED}, received ${JSON.stringify(input)}`)
  })

  it('over 40 characters is refused before parsing, with no hint', () => {
    const input = '2026-11-20T10:00:00.123456789012345678901' // 41 characters
    expect(input).toHaveLength(41)
    expect(messageOf(input)).toBe(`at: ${EXPECTED}, received ${JSON.stringify(input)}`)
  })

  it.each([
    ['1969-12-31T23:59:59.999Z'],
    ['1970-01-01T00:59:59.999+01:00'],
    ['9999-12-31T23:59:59.999-00:01'],
    ['0000-01-01T00:00:00Z'],
  ])('%s is out of range', (input) => {
    expect(messageOf(input)).toBe(`at: ${EXPECTED} (out of range), received ${JSON.stringify(input)}`)
  })

  it.each([
    [-1, `at: ${EXPECTED} (out of range), received -1`],
    [MAX_INSTANT + 1, `at: ${EXPECTED} (out of range), received ${MAX_INSTANT + 1}`],
    [1.5, `at: ${EXPECTED}, received 1.5`],
    [Number.NaN, `at: ${EXPECTED}, received NaN`],
    [Number.POSITIVE_INFINITY, `at: ${EXPECTED}, received Infinity`],
  ])('the number %s', (input, message) => {
    expect(messageOf(input)).toBe(message)
  })

  it('Dates out of range or invalid, and things that only look like Dates', () => {
    expect(messageOf(new Date(-1))).toBe(`at: ${EXPECTED} (out of range), received an object`)
    expect(messageOf(new Date(MAX_INSTANT + 1))).toMatch(/\(out of range\)/)
    expect(messageOf(new Date(Number.NaN))).toMatch(/\(out of range\)/)
    expect(messageOf({ [Symbol.toStringTag]: 'Date' })).toBe(`at: ${EXPECTED}, received an object`)
    expect(messageOf(Object.create(Date.prototype))).toBe(`at: ${EXPECTED}, received an object`)
    expect(messageOf(new Proxy(new Date(0), {}))).toBe(`at: ${EXPECTED}, received an object`)
    expect(messageOf(true)).toBe(`at: ${EXPECTED}, received true`)
    expect(messageOf(Symbol('d'))).toBe(`at: ${EXPECTED}, received a symbol`)
    expect(messageOf(null)).toBe(`at: ${EXPECTED}, received null`)
    expect(messageOf(undefined)).toBe(`at: ${EXPECTED}, received undefined`)
    expect(messageOf(10n)).toBe(`at: ${EXPECTED}, received 10n`)
  })
})
