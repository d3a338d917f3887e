/**
 * Plain dates (`YYYY-MM-DD` as day numbers): the conversions against
 * `Date.UTC` for every day of four centuries, parsePlainDate's refusals with
 * their codes and messages, and the range checks with theirs.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  assertDayInRange,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  formatPlainDate,
  MAX_DAY,
  MIN_DAY,
  outOfRange,
  parsePlainDate,
  weekdayOf,
} from '../../src/time/plain-date.js'
import { errorOf } from '../support/errors.js'

const MS_PER_DAY = 86_400_000

/** `CODE path: message` of what `run` throws. */
function failure(run: () => unknown): string {
  const error = errorOf(run)
  return `${error.code} ${error.message}`
}

describe('plain dates', () => {
  it('numbers days from 1970-01-01, a Thursday', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0)
    expect(weekdayOf(0)).toBe(4)
    expect(formatPlainDate(daysFromCivil(2026, 12, 22))).toBe('2026-12-22')
    expect(weekdayOf(daysFromCivil(2026, 12, 25))).toBe(5)
  })

  it('knows month lengths and leap years', () => {
    expect([2024, 2025, 2100, 2000].map((y) => daysInMonth(y, 2))).toEqual([29, 28, 28, 29])
    expect(Array.from({ length: 12 }, (_, m) => daysInMonth(2026, m + 1))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ])
  })

  it('agrees with Date.UTC on every supported day', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_DAY, max: MAX_DAY }), (day) => {
        const date = new Date(day * 86_400_000)
        expect(civilFromDays(day)).toEqual([date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()])
        expect(weekdayOf(day)).toBe(date.getUTCDay())
        expect(parsePlainDate(formatPlainDate(day), 'd')).toBe(day)
      }),
      { seed: 20261129 },
    )
  })

  it.each([
    '2026-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-1-01',
    '1969-12-31',
    '2026-12-32',
    '20261231',
    ' 2026-12-31',
    // Ten characters with the digits in place but another separator: each hyphen is checked.
    '2026/12/31',
    '2026x12-31',
    '2026-12x31',
  ])('rejects %s', (input) => {
    expect(() => parsePlainDate(input, 'calendar.closedDates[0]')).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE', path: 'calendar.closedDates[0]' }),
    )
  })
})

describe('day numbers', () => {
  it('agree with Date.UTC on every day from 1970 to 2400 (century and 400-year leap rules included)', () => {
    const last = Date.UTC(2400, 11, 31) / MS_PER_DAY
    for (let day = 0; day <= last; day++) {
      const date = new Date(day * MS_PER_DAY)
      const civil = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]
      const got = civilFromDays(day)
      if (got[0] !== civil[0] || got[1] !== civil[1] || got[2] !== civil[2]) expect(got, `day ${day}`).toEqual(civil)
      if (daysFromCivil(civil[0] as number, civil[1] as number, civil[2] as number) !== day)
        expect(daysFromCivil(civil[0] as number, civil[1] as number, civil[2] as number)).toBe(day)
    }
  })

  it('at the ends of the range', () => {
    expect(civilFromDays(MIN_DAY)).toEqual([1970, 1, 1])
    expect(civilFromDays(MAX_DAY)).toEqual([9999, 12, 31])
    expect(civilFromDays(daysFromCivil(9999, 3, 1))).toEqual([9999, 3, 1])
  })
})

describe('parsePlainDate', () => {
  const SHAPE = 'expected a YYYY-MM-DD date'
  const REAL = 'expected a real YYYY-MM-DD date in 1970–9999'
  it.each<[unknown, string]>([
    [null, `${SHAPE}, received null`],
    [undefined, `${SHAPE}, received undefined`],
    [20261224, `${SHAPE}, received 20261224`],
    // Not a string, however much it looks like one.
    [{ length: 10, toString: () => '2026-12-24' }, `${SHAPE}, received an object`],
    ['2026-1-1', `${SHAPE}, received "2026-1-1"`],
    ['2026-12-240', `${SHAPE}, received "2026-12-240"`],
    ['2026/12/24', `${REAL}, received "2026/12/24"`],
    ['2026-12-00', `${REAL}, received "2026-12-00"`],
    ['2026-12-32', `${REAL}, received "2026-12-32"`],
    ['2026-00-10', `${REAL}, received "2026-00-10"`],
    ['2026-13-10', `${REAL}, received "2026-13-10"`],
    ['2027-02-29', `${REAL}, received "2027-02-29"`],
    ['1969-12-31', `${REAL}, received "1969-12-31"`],
  ])('%j is refused', (input, message) => {
    expect(failure(() => parsePlainDate(input, 'date'))).toBe(`INVALID_DATE date: ${message}`)
  })

  it.each([
    ['1970-01-01', MIN_DAY],
    ['9999-12-31', MAX_DAY],
    ['2028-02-29', daysFromCivil(2028, 2, 29)],
    ['2026-12-01', daysFromCivil(2026, 12, 1)],
    ['2026-12-31', daysFromCivil(2026, 12, 31)],
  ])('%s is accepted', (input, day) => {
    expect(parsePlainDate(input, 'date')).toBe(day)
  })
})

describe('assertDayInRange', () => {
  it('passes 1970-01-01 to 9999-12-31 and refuses the days either side', () => {
    expect(assertDayInRange(MIN_DAY, 'due')).toBe(MIN_DAY)
    expect(assertDayInRange(MAX_DAY, 'due')).toBe(MAX_DAY)
    const outside = 'OUT_OF_RANGE due: the result would fall outside 1970–9999'
    expect(failure(() => assertDayInRange(MIN_DAY - 1, 'due'))).toBe(outside)
    expect(failure(() => assertDayInRange(MAX_DAY + 1, 'due'))).toBe(outside)
  })

  it('outOfRange is the same error, for a computed instant as for a day', () => {
    const error = outOfRange('topUp.creditedAt')
    expect([error.code, error.path, error.message]).toEqual([
      'OUT_OF_RANGE',
      'topUp.creditedAt',
      'topUp.creditedAt: the result would fall outside 1970–9999',
    ])
  })
})
