/**
 * parseInstant and formatInstant (SPEC §1, Instants): every accepted
 * spelling, every refusal with the part it names, the edges of the range,
 * and the hand-written reader against a reference grammar.
 */
import { runInNewContext } from 'node:vm'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RefundRulesError } from '../../src/errors.js'
import { formatInstant, MAX_INSTANT, MIN_INSTANT, parseInstant, readUtcIsoString } from '../../src/time/instant.js'
import { errorOf } from '../support/errors.js'

const EXPECTED =
  'expected a Date, an integer of epoch milliseconds or an ISO-8601 string with an offset or Z, in 1970–9999'
const NO_OFFSET = 'a string without an offset is ambiguous'
const BAD_OFFSET = 'the offset: expected Z, ±HH, ±HH:mm, ±HHmm or ±HH:mm:ss, and nothing after it'

function rejection(input: unknown): RefundRulesError {
  try {
    parseInstant(input, 'request.receivedAt')
  } catch (error) {
    if (error instanceof RefundRulesError) return error
    throw error
  }
  throw new Error(`accepted ${String(input)}`)
}

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

/** The message for `input` refused because of `why`. */
const because = (input: unknown, why: string) =>
  `at: ${EXPECTED} (${why}), received ${typeof input === 'string' ? JSON.stringify(input) : Object.is(input, -0) ? '-0' : String(input)}`

describe('parseInstant', () => {
  it('accepts Dates and integer epoch milliseconds', () => {
    expect(parseInstant(new Date('2026-11-20T10:00:00Z'), 'x')).toBe(Date.UTC(2026, 10, 20, 10))
    expect(parseInstant(Date.UTC(2026, 10, 20, 10), 'x')).toBe(Date.UTC(2026, 10, 20, 10))
    expect(Object.is(parseInstant(new Date(-0), 'x'), 0)).toBe(true)
  })

  it.each([
    ['2026-02-30T00:00:00Z', 'calendar-impossible (V8 would roll it to 2 March)'],
    ['2027-02-29T00:00:00Z', 'not a leap year'],
    ['2026-11-20T10:00:00', 'no offset'],
    ['2026-11-20 10:00:00', 'no offset, PostgreSQL spelling'],
    ['2026-11-20', 'a plain date'],
    ['2026-11-20T24:00:00Z', '24:00'],
    ['2016-12-31T23:59:60Z', 'a leap second'],
    ['2026-11-20T10:00:00+24:00', 'an impossible offset'],
    ['2026-11-20T10:00:00.1234567891+00', 'ten fractional digits'],
    ['1969-12-31T23:59:59.999Z', 'before 1970'],
    ['+275760-09-13T00:00:00Z', 'an expanded year'],
    ['Fri, 20 Nov 2026 10:00:00 GMT', 'RFC 2822'],
    ['infinity', "PostgreSQL's infinity"],
    ['', 'empty'],
  ])('rejects %s (%s)', (input) => {
    const error = rejection(input)
    expect(error.code).toBe('INVALID_INSTANT')
    expect(error.path).toBe('request.receivedAt')
  })

  it.each([
    [new Date(Number.NaN)],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [1.5],
    [-1],
    [0],
    [MAX_INSTANT + 1],
    [null],
    [undefined],
    [{}],
    [[2026, 11, 20]],
    [true],
    [10n],
  ])('rejects %s', (input) => {
    expect(rejection(input).code).toBe('INVALID_INSTANT')
  })

  it('rejects a 10 MB string without scanning it', () => {
    const huge = `2026-11-20T10:00:00Z${' '.repeat(10_000_000)}`
    const error = rejection(huge)
    expect(error.message.length).toBeLessThan(400)
  })

  it('agrees with Date.parse on every valid instant it formats', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_INSTANT }), (ms) => {
        const iso = formatInstant(ms)
        expect(parseInstant(iso, 'x')).toBe(ms)
        expect(Date.parse(iso)).toBe(ms)
      }),
      { seed: 20261129 },
    )
  })

  it('reads any offset the same as Date.parse', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 86_400_000, max: MAX_INSTANT - 86_400_000 }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (ms, offsetMinutes) => {
          const shifted = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23)
          const abs = Math.abs(offsetMinutes)
          const offset = `${offsetMinutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
          expect(parseInstant(shifted + offset, 'x')).toBe(ms)
        },
      ),
      { seed: 20261129 },
    )
  })
})

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
    ['2026-11-20T10:00:00Z', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20T12:00:00.000+02:00', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20T06:30-03:30', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20T10:00:00+0000', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20T10:00:00.123456789Z', '2026-11-20T10:00:00.123Z'],
    ['2028-02-29T23:59:59.999Z', '2028-02-29T23:59:59.999Z'],
    ['1970-01-01T00:00:00Z', '1970-01-01T00:00:00.000Z'],
  ])('%s', (input, iso) => {
    expect(formatInstant(parseInstant(input, 'at'))).toBe(iso)
  })

  it('numbers and Dates at the edges of the range', () => {
    expect(Object.is(parseInstant(new Date(-0), 'at'), 0)).toBe(true)
    expect(parseInstant(new Date(MIN_INSTANT), 'at')).toBe(0)
    expect(parseInstant(MAX_INSTANT, 'at')).toBe(MAX_INSTANT)
    expect(parseInstant(new Date(MAX_INSTANT), 'at')).toBe(MAX_INSTANT)
    expect(formatInstant(MAX_INSTANT)).toBe('9999-12-31T23:59:59.999Z')
    expect(parseInstant(runInNewContext('new Date(86400000)'), 'at')).toBe(86_400_000) // another realm
  })
})

describe('PostgreSQL timestamptz text and RFC 3339 spellings', () => {
  it.each([
    // node-postgres with type parsing off, and psql, print timestamptz like this.
    ['2026-12-21 09:00:00+00', '2026-12-21T09:00:00.000Z'],
    ['2026-12-21T09:00:00+05', '2026-12-21T04:00:00.000Z'],
    ['2026-12-21 14:30:00+05:30', '2026-12-21T09:00:00.000Z'],
    ['2026-12-21 09:00:00.123456+00', '2026-12-21T09:00:00.123Z'], // microseconds, PostgreSQL's precision
    ['2026-12-21 09:00:00.987654321-03', '2026-12-21T12:00:00.987Z'], // nine digits, truncated
    ['2026-12-21 09:00:00.5-00', '2026-12-21T09:00:00.500Z'],
    ['2026-12-21 09:00Z', '2026-12-21T09:00:00.000Z'],
    ['2026-12-21 09:00:00-12', '2026-12-21T21:00:00.000Z'],
    ['2026-12-21 09:00:00+14', '2026-12-20T19:00:00.000Z'],
    // PostgreSQL prints an offset with seconds for such zones: Monrovia before 1972.
    ['1971-06-15 11:15:30-00:44:30', '1971-06-15T12:00:00.000Z'],
    ['1971-06-15T12:44:30+00:44:30', '1971-06-15T12:00:00.000Z'],
    // The largest offset that is written with seconds: 23:59:59 (hand-counted: 86,399 s east of UTC).
    ['2026-11-21T09:59:59+23:59:59', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20 10:00:00Z', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20T10:00:00+02', '2026-11-20T08:00:00.000Z'],
  ])('%s is %s', (input, iso) => {
    expect(formatInstant(parseInstant(input, 'at'))).toBe(iso)
  })

  it("reads '2026-12-21 09:00:00+00' as node-postgres with type parsing on would (its Date)", () => {
    expect(parseInstant('2026-12-21 09:00:00+00', 'topUp.creditedAt')).toBe(Date.UTC(2026, 11, 21, 9))
  })

  it('still refuses a PostgreSQL spelling without an offset, and a date that never existed', () => {
    expect(messageOf('2026-12-21 09:00:00')).toBe(because('2026-12-21 09:00:00', `the offset is missing: ${NO_OFFSET}`))
    expect(messageOf('2026-02-30 09:00:00+00')).toBe(
      because('2026-02-30 09:00:00+00', 'the day of the month: February 2026 has no day 30'),
    )
  })
})

describe('epoch seconds', () => {
  const SECONDS =
    'it looks like epoch seconds: as milliseconds, an integer below 10^11 is before 1973-03-03; multiply seconds by 1000'

  it('creditedAt: 1798275600 is refused as epoch seconds, not read as January 1970', () => {
    const error = errorOf(() => parseInstant(1798275600, 'topUp.creditedAt'))
    expect([error.code, error.path]).toEqual(['INVALID_INSTANT', 'topUp.creditedAt'])
    expect(error.message).toBe(`topUp.creditedAt: ${EXPECTED} (${SECONDS}), received 1798275600`)
  })

  it.each([0, -0, 1, 99_999_999_999])('%s is refused as epoch seconds', (input) => {
    expect(messageOf(input)).toBe(because(input, SECONDS))
  })

  it('10^11 is the first integer read as milliseconds', () => {
    expect(parseInstant(100_000_000_000, 'at')).toBe(1e11)
    expect(formatInstant(1e11)).toBe('1973-03-03T09:46:40.000Z')
  })

  it('a Date or a string before 1973 is still an instant: only bare numbers are ambiguous', () => {
    expect(parseInstant(new Date(0), 'at')).toBe(0)
    expect(parseInstant('1970-01-01T00:00:00Z', 'at')).toBe(0)
  })
})

describe('rejected spellings name the part that is wrong', () => {
  it.each([
    ['2026-11-20T10:0Z', 'too short', 'the minute: expected two digits'],
    ['2026/11/20T10:00:00Z', 'a slash after the year', 'the year: expected four digits and -'],
    ['2026-11/20T10:00:00Z', 'a slash after the month', 'the month: expected two digits and -'],
    ['2026-11-20t10:00:00Z', 'a lower-case t', 'the separator after the date: expected T or a space'],
    ['2026-11-20_10:00:00Z', 'an underscore for T', 'the separator after the date: expected T or a space'],
    ['2026-11-20T10-00:00Z', 'a dash between hour and minute', 'the hour: expected two digits and :'],
    ['x026-11-20T10:00:00Z', 'a letter in the year', 'the year: expected four digits and -'],
    ['2026-1x-20T10:00:00Z', 'a letter in the month', 'the month: expected two digits and -'],
    ['2026-11-2xT10:00:00Z', 'a letter in the day', 'the day of the month: expected two digits'],
    ['2026-11-20T1x:00:00Z', 'a letter in the hour', 'the hour: expected two digits and :'],
    ['2026-11-20T10:0x:00Z', 'a letter in the minute', 'the minute: expected two digits'],
    ['2026-11-20T10:00:0xZ', 'a letter in the second', 'the second: expected two digits after :'],
    ['2026-11-20T10:00:00.Z', 'a point without digits', 'the fraction of a second: expected one to nine digits'],
    [
      '2026-11-20T10:00:00.1234567891Z',
      'ten fractional digits',
      'the fraction of a second: expected one to nine digits',
    ],
    ['2026-11-20T10:00:00.12x', 'a letter in the fraction', BAD_OFFSET],
    ['2026-11-20T10:00:00Zx', 'text after Z', BAD_OFFSET],
    ['2026-11-20T10:00:00z', 'a lower-case z', BAD_OFFSET],
    ['2026-11-20T10:00:00+2:00', 'a one-digit offset hour', BAD_OFFSET],
    ['2026-11-20T10:00:00+2', 'a one-digit hour-only offset', BAD_OFFSET],
    ['2026-11-20T10:00:00+02:0', 'a one-digit offset minute', BAD_OFFSET],
    ['2026-11-20T10:00:00+020', 'three offset digits', BAD_OFFSET],
    ['2026-11-20T10:00:00+02:000', 'three offset minute digits', BAD_OFFSET],
    ['2026-11-20T10:00:00+02:00:', 'a colon without offset seconds', BAD_OFFSET],
    ['2026-11-20T10:00:00+02:00:3', 'one offset second digit', BAD_OFFSET],
    ['2026-11-20T10:00:00+0200:00', 'seconds after a basic offset', BAD_OFFSET],
    ['2026-11-20T10:00:00+0200x', 'text after the offset', BAD_OFFSET],
    ['2026-11-20T10:00:00 +02:00', 'a space before the offset', BAD_OFFSET],
    ['2026-11-20T10:00:00+24:00', 'an offset of 24 hours', 'the offset: +24:00 is not a real offset'],
    ['2026-11-20T10:00:00+24', 'an hour-only offset of 24', 'the offset: +24 is not a real offset'],
    ['2026-11-20T10:00:00+23:60', 'an offset minute of 60', 'the offset: +23:60 is not a real offset'],
    ['2026-11-20T10:00:00-00:44:60', 'an offset second of 60', 'the offset: -00:44:60 is not a real offset'],
  ])('%s (%s)', (input, _, why) => {
    expect(messageOf(input)).toBe(because(input, why))
  })

  it.each([
    ['2026-00-10T00:00:00Z', 'month 0', 'the month: 00 is not a month (01–12)'],
    ['2026-13-10T00:00:00Z', 'month 13', 'the month: 13 is not a month (01–12)'],
    ['2026-11-00T00:00:00Z', 'day 0', 'the day of the month: November 2026 has no day 00'],
    ['2026-12-32T00:00:00Z', 'day 32', 'the day of the month: December 2026 has no day 32'],
    ['2026-11-31T00:00:00Z', '31 November', 'the day of the month: November 2026 has no day 31'],
    ['2026-02-30T00:00:00Z', '30 February', 'the day of the month: February 2026 has no day 30'],
    ['2025-02-29T00:00:00Z', '29 February, common year', 'the day of the month: February 2025 has no day 29'],
    ['2100-02-29T00:00:00Z', '29 February, century', 'the day of the month: February 2100 has no day 29'],
    ['2026-11-20T24:00:00Z', 'hour 24', 'the hour: 24 is not an hour (00–23)'],
    ['2026-11-20T10:60:00Z', 'minute 60', 'the minute: 60 is not a minute (00–59)'],
    ['2016-12-31T23:59:60Z', 'a leap second', 'the second: 60 is not a second (00–59, no leap seconds)'],
  ])('%s (%s) is not a real calendar date and time', (input, _, why) => {
    expect(messageOf(input)).toBe(because(input, why))
  })

  it.each(['2026-11-20T10:00:00', '2026-11-20T10:00', '2026-11-20T10:00:00.123', '2026-11-20 10:00:00.123456'])(
    '%s has no offset: ambiguous',
    (input) => {
      expect(messageOf(input)).toBe(because(input, `the offset is missing: ${NO_OFFSET}`))
    },
  )

  it('a date alone lacks the time and the offset', () => {
    expect(messageOf('2026-11-20')).toBe(because('2026-11-20', `the time and the offset are missing: ${NO_OFFSET}`))
  })

  it('twenty fractional digits (40 characters): still parsed, and the fraction is what is wrong', () => {
    const input = '2026-11-20T10:00:00.12345678901234567890'
    expect(input).toHaveLength(40)
    expect(messageOf(input)).toBe(because(input, 'the fraction of a second: expected one to nine digits'))
  })

  it.each([
    ['x2026-11-20T10:00:00', 'the year: expected four digits and -'],
    ['on 2026-11-20', 'the year: expected four digits and -'],
  ])('%s does not begin with a year', (input, why) => {
    expect(messageOf(input)).toBe(because(input, why))
  })

  it('over 40 characters is refused before parsing', () => {
    const input = '2026-11-20T10:00:00.123456789012345678901' // 41 characters
    expect(input).toHaveLength(41)
    expect(messageOf(input)).toBe(because(input, 'longer than any instant, which has at most 40 characters'))
  })

  it.each([
    ['1969-12-31T23:59:59.999Z', 'before 1970-01-01T00:00:00.000Z'],
    ['1970-01-01T00:59:59.999+01:00', 'before 1970-01-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59.999-00:01', 'after 9999-12-31T23:59:59.999Z'],
    ['9999-12-31 23:59:59-01', 'after 9999-12-31T23:59:59.999Z'],
    ['0000-01-01T00:00:00Z', 'before 1970-01-01T00:00:00.000Z'],
  ])('%s is out of range', (input, why) => {
    expect(messageOf(input)).toBe(because(input, `out of range: ${why}`))
  })

  it.each([
    [-1, 'out of range: before 1970-01-01T00:00:00.000Z'],
    [MAX_INSTANT + 1, 'out of range: after 9999-12-31T23:59:59.999Z'],
    [1e11 + 0.5, 'not a whole number of milliseconds'],
    [Number.NaN, 'not a finite number'],
    [Number.POSITIVE_INFINITY, 'not a finite number'],
  ])('the number %s', (input, why) => {
    expect(messageOf(input)).toBe(because(input, why))
  })

  it('Dates out of range or invalid, and things that only look like Dates', () => {
    expect(messageOf(new Date(-1))).toBe(
      `at: ${EXPECTED} (out of range: before 1970-01-01T00:00:00.000Z), received an object`,
    )
    expect(messageOf(new Date(MAX_INSTANT + 1))).toBe(
      `at: ${EXPECTED} (out of range: after 9999-12-31T23:59:59.999Z), received an object`,
    )
    expect(messageOf(new Date(Number.NaN))).toBe(`at: ${EXPECTED} (an invalid Date), received an object`)
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

describe('formatInstant', () => {
  it('formats the first and last supported instants', () => {
    expect(formatInstant(MIN_INSTANT)).toBe('1970-01-01T00:00:00.000Z')
    expect(formatInstant(MAX_INSTANT)).toBe('9999-12-31T23:59:59.999Z')
  })

  it('never formats an instant past 9999 as "10000-…": OUT_OF_RANGE at the path it was computed from', () => {
    // 9999-12-31T00:00Z + 48 h: the top-up window that would close on 2 January 10000.
    const closes = Date.parse('9999-12-31T00:00:00Z') + 48 * 3_600_000
    const error = errorOf(() => formatInstant(closes, 'topUp.creditedAt'))
    expect([error.code, error.path, error.message]).toEqual([
      'OUT_OF_RANGE',
      'topUp.creditedAt',
      'topUp.creditedAt: the result would fall outside 1970–9999',
    ])
    expect(errorOf(() => formatInstant(MAX_INSTANT + 1, 'at')).code).toBe('OUT_OF_RANGE')
    expect(errorOf(() => formatInstant(MIN_INSTANT - 1, 'at')).code).toBe('OUT_OF_RANGE')
    expect(errorOf(() => formatInstant(Number.NaN, 'at')).code).toBe('OUT_OF_RANGE')
    // Left out, the path is the empty one: the whole input.
    expect(errorOf(() => formatInstant(MAX_INSTANT + 1)).path).toBe('')
  })

  it('gives what toISOString gives, whatever was read before: strings read back, other spellings, instants that share a slot', () => {
    // Instants read from strings are given back as read when their form is the one formatted; the oracle is Date.
    const iso = (ms: number) => new Date(ms).toISOString()
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_INSTANT - 64 * 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom('Z', '+00:00', '+00', ' '),
        (ms, apart, spelling) => {
          const other = ms + 64 * apart // the same low bits: the same slot of the recent strings
          const read =
            spelling === 'Z' ? iso(ms) : spelling === ' ' ? iso(ms).replace('T', ' ') : iso(ms).replace('Z', spelling)
          expect(parseInstant(read, 'x')).toBe(ms)
          expect(formatInstant(ms)).toBe(iso(ms))
          expect(parseInstant(iso(other), 'x')).toBe(other)
          expect(formatInstant(ms)).toBe(iso(ms))
          expect(formatInstant(other)).toBe(iso(other))
        },
      ),
      { seed: 20261129 },
    )
  })
})

describe('readUtcIsoString: the fast path for the form toISOString writes', () => {
  // Its contract: every toISOString string of 1970–9999 is read here (not left to parseInstant), with Date's
  // value; anything else is undefined, for parseInstant to read or refuse. The oracle is Date.UTC.
  it('reads every toISOString string of 1970–9999, with the value Date gives', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_INSTANT, max: MAX_INSTANT }), (ms) => {
        expect(readUtcIsoString(new Date(ms).toISOString())).toBe(ms)
      }),
      { seed: 20261129 },
    )
  })

  it('reads each field at its edges: the first and last month, day, hour, minute, second and millisecond', () => {
    const cases: [string, number][] = [
      ['1970-01-01T00:00:00.000Z', 0],
      ['9999-12-31T23:59:59.999Z', Date.UTC(9999, 11, 31, 23, 59, 59, 999)],
      ['2024-02-29T12:34:56.789Z', Date.UTC(2024, 1, 29, 12, 34, 56, 789)],
      ['2026-04-30T09:08:07.006Z', Date.UTC(2026, 3, 30, 9, 8, 7, 6)],
      ['1987-06-15T18:29:41.350Z', Date.UTC(1987, 5, 15, 18, 29, 41, 350)],
    ]
    for (const [text, ms] of cases) expect(readUtcIsoString(text), text).toBe(ms)
  })

  it('leaves every other string and value to parseInstant: impossible fields, other spellings, not a string', () => {
    for (const text of [
      '2026-00-10T00:00:00.000Z',
      '2026-13-10T00:00:00.000Z',
      '2026-02-00T00:00:00.000Z',
      '2026-02-29T00:00:00.000Z', // not a leap year
      '2026-04-31T00:00:00.000Z',
      '2026-04-30T24:00:00.000Z',
      '2026-04-30T23:60:00.000Z',
      '2026-04-30T23:59:60.000Z', // no leap seconds
      '1969-12-31T23:59:59.999Z', // before 1970
      '2026-04-30T23:59:59.99Z',
      '2026-04-30T23:59:59.9999Z',
      '2026-04-30 23:59:59.999Z',
      '2026-04-30T23:59:59.999+',
      '2026/04-30T23:59:59.999Z',
      '2026-04/30T23:59:59.999Z',
      '2026-04-30T23.59:59.999Z',
      '2026-04-30T23:59.59.999Z',
      '2026-04-30T23:59:59:999Z',
    ]) {
      expect(readUtcIsoString(text), text).toBeUndefined()
    }
    expect(readUtcIsoString(Date.UTC(2026, 3, 30))).toBeUndefined()
    expect(readUtcIsoString(new Date(0))).toBeUndefined()
    // A String object has the length and characters, but parseInstant refuses it: so must this.
    const boxed = Object('2026-04-30T12:34:56.789Z')
    expect(readUtcIsoString(boxed)).toBeUndefined()
    expect(errorOf(() => parseInstant(boxed, 'at')).code).toBe('INVALID_INSTANT')
  })

  it('leaves a string with any one digit replaced by another character to parseInstant', () => {
    const digitPlaces = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22]
    const valid = '2026-04-30T12:34:56.789Z'
    for (const place of digitPlaces) {
      // '/' and ':' are the characters either side of the digits: one below '0', one above '9'.
      for (const other of ['/', ':', 'a', ' ']) {
        const text = valid.slice(0, place) + other + valid.slice(place + 1)
        expect(readUtcIsoString(text), text).toBeUndefined()
      }
    }
  })
})

describe('parseInstant: the hand-written reader against a reference grammar', () => {
  // The grammar, as a regular expression, and the calendar check and arithmetic the slow way, with Date.UTC.
  const GRAMMAR =
    /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2})(?::?(\d{2})|:(\d{2}):(\d{2}))?)$/
  function reference(input: string): number | 'rejected' {
    const m = GRAMMAR.exec(input)
    if (!m) return 'rejected'
    const [, y, mo, d, h, mi, s = '00', fraction = '', sign = '+', oh = '00', om1, om2, os = '00'] = m
    const om = om1 ?? om2 ?? '00'
    if (Number(h) > 23 || Number(oh) > 23 || [mi, s, om, os].some((n) => Number(n) > 59)) return 'rejected'
    const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)))
    if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return 'rejected'
    const offsetMs = (sign === '-' ? -1 : 1) * ((Number(oh) * 60 + Number(om)) * 60 + Number(os)) * 1000
    const millis = Number(fraction.padEnd(3, '0').slice(0, 3))
    const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), millis) - offsetMs
    return ms >= 0 && ms <= MAX_INSTANT ? ms : 'rejected'
  }
  const attempt = (input: string) => {
    try {
      return parseInstant(input, 'x')
    } catch (error) {
      if (error instanceof RefundRulesError && error.code === 'INVALID_INSTANT') return 'rejected'
      throw error
    }
  }

  it('the reference agrees with Date.parse where Date.parse reads RFC 3339', () => {
    for (const input of ['2026-11-20T12:00:00.000+02:00', '2026-02-28T23:59:59.999-03:30', '1970-01-01T00:00:00Z']) {
      expect(reference(input)).toBe(Date.parse(input))
    }
  })

  it('accepts and rejects exactly what the grammar does, on mutated instants', () => {
    const valid = fc
      .tuple(
        fc.integer({ min: 0, max: MAX_INSTANT }),
        fc.constantFrom('Z', '+01:00', '-03:30', '+0545', '+14:00', '+00', '-05', '-00:44:30'),
        fc.integer({ min: 16, max: 23 }),
        fc.constantFrom('T', ' '),
      )
      .map(
        ([ms, offset, cut, separator]) =>
          formatInstant(ms).slice(0, cut).replace(/[:.]$/, '').replace('T', separator) + offset,
      )
    const mutated = fc
      .tuple(valid, fc.nat(), fc.constantFrom(...'0123456789-:.TZ+ x9'.split('')), fc.boolean())
      .map(([text, at, char, insert]) => {
        const i = at % (text.length + 1)
        return text.slice(0, i) + char + text.slice(insert ? i : i + 1)
      })
    fc.assert(
      fc.property(fc.oneof(valid, mutated), (input) => {
        expect(attempt(input)).toBe(reference(input))
      }),
      { numRuns: 3000, seed: 20261129 },
    )
  })

  it('reads the toISOString form by its own path, and agrees with the grammar on every one-character change to it', () => {
    // A leap day, the last millisecond of a year and the first supported instant, each changed at every place.
    for (const iso of ['2028-02-29T23:59:59.999Z', '1999-12-31T23:59:59.999Z', '1970-01-01T00:00:00.000Z']) {
      expect(attempt(iso)).toBe(Date.parse(iso))
      for (let i = 0; i < iso.length; i++) {
        for (const char of '0123456789/-:.TZ+ x') {
          const changed = iso.slice(0, i) + char + iso.slice(i + 1)
          expect(attempt(changed), changed).toBe(reference(changed))
        }
      }
    }
  })
})
