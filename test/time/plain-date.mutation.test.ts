/**
 * Plain dates at their edges (issue #5, mutation testing): the day-number
 * conversions for every day of four centuries, and parsePlainDate's and
 * assertDayInRange's refusals with their codes and messages.
 */
import { describe, expect, it } from 'vitest'
import {
  assertDayInRange,
  civilFromDays,
  daysFromCivil,
  MAX_DAY,
  MIN_DAY,
  parsePlainDate,
} from '../../src/time/plain-date.js'
import { errorOf } from '../support/errors.js'

const MS_PER_DAY = 86_400_000

/** `CODE path: message` of what `run` throws. */
function failure(run: () => unknown): string {
  const error = errorOf(run)
  return `${error.code} ${error.message}`
}

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
})
