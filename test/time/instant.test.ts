import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RefundRulesError } from '../../src/errors.js'
import { formatInstant, MAX_INSTANT, parseInstant } from '../../src/time/instant.js'

function rejection(input: unknown): RefundRulesError {
  try {
    parseInstant(input, 'request.receivedAt')
  } catch (error) {
    if (error instanceof RefundRulesError) return error
    throw error
  }
  throw new Error(`accepted ${String(input)}`)
}

describe('parseInstant', () => {
  it.each([
    ['2026-11-20T10:00:00Z', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20T12:00:00.000+02:00', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20T06:30-03:30', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20T10:00:00+0000', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20T10:00:00.123456789Z', '2026-11-20T10:00:00.123Z'],
    ['2028-02-29T23:59:59.999Z', '2028-02-29T23:59:59.999Z'],
    ['1970-01-01T00:00:00Z', '1970-01-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
  ])('reads %s as %s', (input, expected) => {
    expect(formatInstant(parseInstant(input, 'x'))).toBe(expected)
  })

  it('accepts Dates and integer epoch milliseconds', () => {
    expect(parseInstant(new Date('2026-11-20T10:00:00Z'), 'x')).toBe(Date.UTC(2026, 10, 20, 10))
    expect(parseInstant(Date.UTC(2026, 10, 20, 10), 'x')).toBe(Date.UTC(2026, 10, 20, 10))
    expect(Object.is(parseInstant(-0, 'x'), 0)).toBe(true)
  })

  it.each([
    ['2026-02-30T00:00:00Z', 'calendar-impossible (V8 would roll it to 2 March)'],
    ['2027-02-29T00:00:00Z', 'not a leap year'],
    ['2026-11-20T10:00:00', 'no offset'],
    ['2026-11-20', 'a plain date'],
    ['2026-11-20T24:00:00Z', '24:00'],
    ['2016-12-31T23:59:60Z', 'a leap second'],
    ['2026-11-20T10:00:00+24:00', 'an impossible offset'],
    ['2026-11-20 10:00:00Z', 'a space for T'],
    ['1969-12-31T23:59:59.999Z', 'before 1970'],
    ['+275760-09-13T00:00:00Z', 'an expanded year'],
    ['Fri, 20 Nov 2026 10:00:00 GMT', 'RFC 2822'],
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
    )
  })
})

describe('parseInstant: the hand-written reader against a reference grammar', () => {
  // The grammar, as a regular expression, and the calendar check, the slow way.
  const GRAMMAR = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|[+-](\d{2}):?(\d{2}))$/
  function reference(input: string): number | 'rejected' {
    const m = GRAMMAR.exec(input)
    if (!m) return 'rejected'
    const [, y, mo, d, h, mi, s = '00', , oh = '00', om = '00'] = m
    if (Number(oh) > 23 || Number(om) > 59 || Number(s) > 59 || Number(h) > 23 || Number(mi) > 59) return 'rejected'
    const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)))
    if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return 'rejected'
    const ms = Date.parse(input.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
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

  it('accepts and rejects exactly what the grammar does, on mutated instants', () => {
    const valid = fc
      .tuple(
        fc.integer({ min: 0, max: MAX_INSTANT }),
        fc.constantFrom('Z', '+01:00', '-03:30', '+0545', '+14:00'),
        fc.integer({ min: 16, max: 23 }),
      )
      .map(([ms, offset, cut]) => formatInstant(ms).slice(0, cut).replace(/[:.]$/, '') + offset)
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
      { numRuns: 2000 },
    )
  })
})
