import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  formatPlainDate,
  MAX_DAY,
  MIN_DAY,
  parsePlainDate,
  weekdayOf,
} from '../../src/time/plain-date.js'

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
