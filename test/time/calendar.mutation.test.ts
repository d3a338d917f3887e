/**
 * The business calendar at its edges (issue #5, mutation testing and
 * "nothing hangs"): each option's validation with its path and message,
 * cutoff edges, open dates winning, and calendars whose only business days
 * are open dates. Ordinary behaviour is in calendar.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { RefundRulesError } from '../../src/errors.js'
import { createBusinessCalendar, safeEvaluate } from '../../src/index.js'
import { VALID } from '../errors/fixtures.js'
import { errorOf } from '../support/errors.js'

function issuesOf(options: unknown) {
  try {
    createBusinessCalendar(options as never)
  } catch (error) {
    expect(error).toBeInstanceOf(RefundRulesError)
    return (error as RefundRulesError).issues.map((i) => `${i.code} ${i.path}: ${i.message}`)
  }
  throw new Error('accepted')
}

describe('option validation names each field', () => {
  it.each<[unknown, string]>([
    [null, 'INVALID_POLICY options: expected calendar options, received null'],
    ['UTC', 'INVALID_POLICY options: expected calendar options, received "UTC"'],
    [[], 'INVALID_POLICY options: expected calendar options, received an array of 0'],
    [{ timeZone: 'Mars/Olympus' }, 'INVALID_POLICY timeZone: expected an IANA time zone, received "Mars/Olympus"'],
    [
      { timeZone: 'UTC', weekend: [7] },
      'INVALID_POLICY weekend: expected an array of weekday numbers 0 (Sunday) to 6 (Saturday), received an array of 1',
    ],
    [{ timeZone: 'UTC', weekend: [-1] }, 'INVALID_POLICY weekend: expected an array'],
    [{ timeZone: 'UTC', weekend: [1.5] }, 'INVALID_POLICY weekend: expected an array'],
    [{ timeZone: 'UTC', weekend: '6,0' }, 'INVALID_POLICY weekend: expected an array'],
    [{ timeZone: 'UTC', weekend: [0, 1, 2, 3, 4, 5, 6, 0] }, 'INVALID_POLICY weekend: expected an array'],
    [{ timeZone: 'UTC', cutoff: '24:00' }, 'INVALID_POLICY cutoff: expected HH:mm or null, received "24:00"'],
    [{ timeZone: 'UTC', cutoff: '9:00' }, 'INVALID_POLICY cutoff: expected HH:mm or null, received "9:00"'],
    [{ timeZone: 'UTC', cutoff: '12:60' }, 'INVALID_POLICY cutoff: expected HH:mm'],
    [{ timeZone: 'UTC', cutoff: ' 12:00' }, 'INVALID_POLICY cutoff: expected HH:mm'],
    [{ timeZone: 'UTC', cutoff: 1200 }, 'INVALID_POLICY cutoff: expected HH:mm or null, received 1200'],
    // Values that merely stringify to a valid one are refused: ['12:00'] is not '12:00'.
    [{ timeZone: 'UTC', cutoff: ['12:00'] }, 'INVALID_POLICY cutoff: expected HH:mm or null, received an array of 1'],
    [{ timeZone: 'UTC', holidays: { country: ['GB'] } }, 'INVALID_POLICY holidays.country: expected a country code'],
    [
      { timeZone: 'UTC', holidays: { country: 'GB', state: ['ENG'] } },
      'INVALID_POLICY holidays.state: expected a state',
    ],
    [
      { timeZone: 'UTC', holidays: { country: 'DE', state: 'BY', region: ['A'] } },
      'INVALID_POLICY holidays.region: expected a region of DE/BY',
    ],
    [
      { timeZone: 'UTC', closedDates: '2026-12-24' },
      'INVALID_POLICY closedDates: expected an array of YYYY-MM-DD dates, received "2026-12-24"',
    ],
    [{ timeZone: 'UTC', openDates: ['2026-02-30'] }, 'INVALID_POLICY openDates[0]: '],
    [{ timeZone: 'UTC', closedDates: ['2026-12-24', 'x'] }, 'INVALID_POLICY closedDates[1]: '],
    [
      { timeZone: 'UTC', holidays: 'GB' },
      'INVALID_POLICY holidays: expected { country, state?, region?, types? } or false, received "GB"',
    ],
    [{ timeZone: 'UTC', holidays: null }, 'INVALID_POLICY holidays: expected { country'],
    [{ timeZone: 'UTC', holidays: [] }, 'INVALID_POLICY holidays: expected { country'],
    [
      { timeZone: 'UTC', holidays: { country: 'XX' } },
      'INVALID_POLICY holidays.country: expected a country code known to date-holidays, received "XX"',
    ],
    [{ timeZone: 'UTC', holidays: { country: 'toString' } }, 'INVALID_POLICY holidays.country: '],
    [
      { timeZone: 'UTC', holidays: { country: 'GB', state: 'XX' } },
      'INVALID_POLICY holidays.state: expected a state of GB known to date-holidays, received "XX"',
    ],
    [{ timeZone: 'UTC', holidays: { country: 'GB', state: 7 } }, 'INVALID_POLICY holidays.state: '],
    [
      { timeZone: 'UTC', holidays: { country: 'DE', state: 'BY', region: 'XX' } },
      'INVALID_POLICY holidays.region: expected a region of DE/BY known to date-holidays, received "XX"',
    ],
    [{ timeZone: 'UTC', holidays: { country: 'DE', region: 'A' } }, 'INVALID_POLICY holidays.region: '],
    [
      { timeZone: 'UTC', holidays: { country: 'GB', types: [] } },
      'INVALID_POLICY holidays.types: expected a non-empty array of public, bank, school, optional, observance, received an array of 0',
    ],
    [{ timeZone: 'UTC', holidays: { country: 'GB', types: ['public', 'fun'] } }, 'INVALID_POLICY holidays.types: '],
    [{ timeZone: 'UTC', holidays: { country: 'GB', types: 'public' } }, 'INVALID_POLICY holidays.types: '],
  ])('%j', (options, start) => {
    expect(issuesOf(options)[0]).toMatch(new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
  })

  it('reports every bad option at once', () => {
    expect(issuesOf({ timeZone: 'x', weekend: [9], cutoff: 'x', closedDates: [1], openDates: 2 }).length).toBe(5)
  })

  it('accepts the edges and normalizes', () => {
    const c = createBusinessCalendar({
      timeZone: 'UTC',
      weekend: [0, 6, 6],
      cutoff: '23:59',
      closedDates: ['2026-12-24', '2026-12-24'],
      openDates: [],
      holidays: { country: 'DE', state: 'BY', region: 'A', types: ['public', 'public'] },
    })
    expect(c.options).toEqual({
      timeZone: 'UTC',
      weekend: [0, 6],
      cutoff: '23:59',
      closedDates: ['2026-12-24'],
      openDates: [],
      holidays: { country: 'DE', state: 'BY', region: 'A', types: ['public'] },
    })
    // Duplicates are dropped, first occurrence kept, order otherwise as given.
    expect(
      createBusinessCalendar({ timeZone: 'UTC', openDates: ['2026-12-28', '2026-12-24', '2026-12-28'] }).options
        .openDates,
    ).toEqual(['2026-12-28', '2026-12-24'])
    // No state or region given: none appears in the resolved options, not even as an undefined key.
    expect(createBusinessCalendar({ timeZone: 'UTC', holidays: { country: 'GB' } }).options.holidays).toStrictEqual({
      country: 'GB',
      types: ['public', 'bank'],
    })
    expect(createBusinessCalendar({ timeZone: 'UTC', cutoff: '00:00' }).options.cutoff).toBe('00:00')
    expect(createBusinessCalendar({ timeZone: 'UTC', weekend: [] }).options.weekend).toEqual([])
    expect(createBusinessCalendar({ timeZone: 'UTC' }).options).toEqual({
      timeZone: 'UTC',
      weekend: [6, 0],
      holidays: false,
      closedDates: [],
      openDates: [],
      cutoff: null,
    })
  })
})

describe('business days at their edges', () => {
  const c = createBusinessCalendar({
    timeZone: 'Europe/London',
    holidays: { country: 'GB', state: 'ENG' },
    closedDates: ['2026-11-25'],
    openDates: ['2026-11-28', '2026-12-25'],
    cutoff: '17:00',
  })
  it('open dates win over weekends, holidays and closed dates; closed dates close weekdays', () => {
    expect(c.isBusinessDay('2026-11-28')).toBe(true) // a Saturday, open
    expect(c.isBusinessDay('2026-11-29')).toBe(false) // a Sunday
    expect(c.isBusinessDay('2026-12-25')).toBe(true) // Christmas, open
    expect(c.isBusinessDay('2026-12-28')).toBe(false) // the Boxing Day substitute
    expect(c.isBusinessDay('2026-11-25')).toBe(false) // a Wednesday, closed
    expect(c.isBusinessDay('2026-11-24')).toBe(true)
  })
  it('addBusinessDays with 0 is the day itself or the next business day', () => {
    expect(c.addBusinessDays('2026-11-24', 0)).toBe('2026-11-24')
    expect(c.addBusinessDays('2026-11-25', 0)).toBe('2026-11-26')
    expect(c.addBusinessDays('2026-11-24', 1)).toBe('2026-11-26')
    expect(c.addBusinessDays('2026-12-31', 1)).toBe('2027-01-04') // over the year end and New Year's Day
    expect(c.businessDaysBetween('2026-11-24', '2026-11-24')).toBe(0)
    expect(c.businessDaysBetween('2026-11-24', '2026-11-30')).toBe(4) // 26, 27, 28 (open), 30
    expect(c.businessDaysBetween('2026-11-30', '2026-11-24')).toBe(-4)
  })
  it('the cutoff: at 16:59:59.999 the same day counts, at 17:00 the next business day', () => {
    // Tue 24 Nov 2026 (GMT): D0 is the 24th before the cutoff, Thu 26th (the 25th is closed) from it.
    expect(c.refundDueDate('2026-11-24T16:59:59.999Z', 1).date).toBe('2026-11-26')
    expect(c.refundDueDate('2026-11-24T17:00:00.000Z', 1).date).toBe('2026-11-27')
    expect(c.refundDueDate('2026-11-24T17:00:00.000Z', 0).date).toBe('2026-11-26')
  })
  it('end of day is the last millisecond of the local date, at the end of the range too', () => {
    expect(c.endOfDay('2026-07-01')).toBe('2026-07-01T22:59:59.999Z')
    expect(c.endOfDay('2026-12-01')).toBe('2026-12-01T23:59:59.999Z')
    expect(c.endOfDay('9999-12-31')).toBe('9999-12-31T23:59:59.999Z')
    expect(() => c.addBusinessDays('9999-12-31', 1)).toThrow(RefundRulesError)
  })
  it('counts that are not whole numbers from 0 to 100000 are INVALID_INPUT at n', () => {
    for (const n of [-1, 1.5, 100_001, Number.NaN, '1']) {
      expect(() => c.addBusinessDays('2026-11-24', n as number)).toThrow(/^n: expected a whole number/)
    }
    expect(c.addBusinessDays('2026-11-24', 100_000)).toMatch(/^2[45]\d\d-/)
  })
})

/** `CODE path: message` of what `run` throws. */
function failure(run: () => unknown): string {
  const error = errorOf(run)
  return `${error.code} ${error.message}`
}

describe('holidays as date-holidays lists them', () => {
  it('only the listed types close the calendar (default: public and bank)', () => {
    // The day after Thanksgiving is an "observance" in date-holidays' US data.
    const byDefault = createBusinessCalendar({ timeZone: 'America/New_York', holidays: { country: 'US' } })
    expect(byDefault.isBusinessDay('2026-11-26')).toBe(false) // Thanksgiving, public
    expect(byDefault.isBusinessDay('2026-11-27')).toBe(true)
    const withObservances = createBusinessCalendar({
      timeZone: 'America/New_York',
      holidays: { country: 'US', types: ['public', 'observance'] },
    })
    expect(withObservances.isBusinessDay('2026-11-27')).toBe(false)
  })

  it('a holiday lasting several days closes every date it covers, from its first', () => {
    // Eid al-Fitr 2026 in the UAE: three days from Friday 20 March.
    const c = createBusinessCalendar({ timeZone: 'Asia/Dubai', weekend: [], holidays: { country: 'AE' } })
    const days = ['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23']
    expect(days.map((d) => c.isBusinessDay(d))).toEqual([true, true, false, false, false, true])
  })
})

describe('edges of counting', () => {
  it('a cutoff with minutes: 17:30 means 17:30, not 17:00 or 16:30', () => {
    const c = createBusinessCalendar({ timeZone: 'Europe/London', cutoff: '17:30' })
    expect(c.refundDueDate('2026-11-24T16:30:00.000Z', 0).date).toBe('2026-11-24')
    expect(c.refundDueDate('2026-11-24T17:29:59.999Z', 0).date).toBe('2026-11-24')
    expect(c.refundDueDate('2026-11-24T17:30:00.000Z', 0).date).toBe('2026-11-25')
  })

  it('counting reaches the last year of the range and stops after it', () => {
    const c = createBusinessCalendar({ timeZone: 'UTC', weekend: [] })
    expect(c.addBusinessDays('9998-12-31', 1)).toBe('9999-01-01')
    expect(c.addBusinessDays('9998-12-30', 2)).toBe('9999-01-01')
    expect(c.addBusinessDays('9999-12-30', 1)).toBe('9999-12-31')
    expect(failure(() => c.addBusinessDays('9999-12-31', 1))).toBe(
      'OUT_OF_RANGE date: the result would fall after 9999',
    )
  })

  it('businessDaysBetween counts (a, b]', () => {
    const c = createBusinessCalendar({ timeZone: 'UTC' })
    expect(c.businessDaysBetween('2026-11-20', '2026-11-27')).toBe(5) // Fri → Fri: Mon–Fri
    expect(c.businessDaysBetween('2026-11-27', '2026-11-20')).toBe(-5)
  })

  it('the end of the last day of the range is its last local millisecond, or the last supported instant', () => {
    const tokyo = createBusinessCalendar({ timeZone: 'Asia/Tokyo', weekend: [] })
    expect(tokyo.endOfDay('9999-12-31')).toBe('9999-12-31T14:59:59.999Z')
    expect(tokyo.refundDueDate('9999-12-31T00:00:00Z', 0).dueBy).toBe('9999-12-31T14:59:59.999Z')
    const newYork = createBusinessCalendar({ timeZone: 'America/New_York' })
    expect(newYork.endOfDay('9999-12-30')).toBe('9999-12-31T04:59:59.999Z')
    expect(newYork.endOfDay('9999-12-31')).toBe('9999-12-31T23:59:59.999Z') // would be 10000-01-01T04:59:59.999Z
  })
})

describe('errors name the argument at fault', () => {
  it.each<[string, (c: ReturnType<typeof createBusinessCalendar>) => unknown, string]>([
    ['isBusinessDay', (c) => c.isBusinessDay('2026-13-01'), 'INVALID_DATE date: '],
    ['nextBusinessDay', (c) => c.nextBusinessDay('x'), 'INVALID_DATE date: '],
    ['nextBusinessDay', (c) => c.nextBusinessDay('9999-12-31'), 'OUT_OF_RANGE date: the result would fall after 9999'],
    ['addBusinessDays', (c) => c.addBusinessDays('x', 1), 'INVALID_DATE date: '],
    ['addBusinessDays', (c) => c.addBusinessDays('9999-12-31', 1), 'OUT_OF_RANGE date: '],
    ['addBusinessDays', (c) => c.addBusinessDays('2026-11-24', -1), 'INVALID_INPUT n: '],
    ['businessDaysBetween', (c) => c.businessDaysBetween('x', '2026-11-24'), 'INVALID_DATE a: '],
    ['businessDaysBetween', (c) => c.businessDaysBetween('2026-11-24', 'x'), 'INVALID_DATE b: '],
    ['localDate', (c) => c.localDate('x'), 'INVALID_INSTANT instant: '],
    ['endOfDay', (c) => c.endOfDay('x'), 'INVALID_DATE date: '],
    ['refundDueDate', (c) => c.refundDueDate('x', 1), 'INVALID_INSTANT start: '],
    ['refundDueDate', (c) => c.refundDueDate('2026-11-24T10:00:00Z', -1), 'INVALID_INPUT n: '],
    ['refundDueDate', (c) => c.refundDueDate('9999-12-31T10:00:00Z', 1), 'OUT_OF_RANGE start: '],
    // The cutoff moves the start day itself past the range.
    ['refundDueDate', (c) => c.refundDueDate('9999-12-31T20:00:00Z', 0), 'OUT_OF_RANGE cutoff: '],
  ])('%s', (_, run, start) => {
    const c = createBusinessCalendar({ timeZone: 'UTC', cutoff: '18:00' })
    expect(
      failure(() => run(c)).startsWith(start),
      failure(() => run(c)),
    ).toBe(true)
  })
})

describe('a calendar whose only business days are open dates (nothing hangs)', () => {
  const allWeekend = [0, 1, 2, 3, 4, 5, 6]
  it('counts the open dates directly', () => {
    const c = createBusinessCalendar({ timeZone: 'UTC', weekend: allWeekend, openDates: ['2026-12-01', '2026-12-03'] })
    expect(c.addBusinessDays('2026-11-30', 0)).toBe('2026-12-01')
    expect(c.addBusinessDays('2026-12-01', 0)).toBe('2026-12-01')
    expect(c.addBusinessDays('2026-11-30', 1)).toBe('2026-12-01')
    expect(c.addBusinessDays('2026-11-30', 2)).toBe('2026-12-03')
    expect(c.addBusinessDays('2026-12-01', 1)).toBe('2026-12-03')
    expect(c.addBusinessDays('2026-12-03', 0)).toBe('2026-12-03')
    expect(() => c.addBusinessDays('2026-12-01', 2)).toThrow(/openDates: the calendar has fewer than 2 business days/)
    expect(() => c.addBusinessDays('2026-12-04', 0)).toThrow(/fewer than 1 business days from 2026-12-04/)
  })

  it('open dates given in any order count in date order', () => {
    const c = createBusinessCalendar({
      timeZone: 'UTC',
      weekend: [0, 1, 2, 3, 4, 5, 6],
      openDates: ['2026-12-30', '2026-12-10', '2026-12-20'],
    })
    expect(c.addBusinessDays('2026-12-01', 1)).toBe('2026-12-10')
    expect(c.addBusinessDays('2026-12-01', 2)).toBe('2026-12-20')
    expect(c.addBusinessDays('2026-12-01', 3)).toBe('2026-12-30')
    expect(c.addBusinessDays('2026-12-15', 0)).toBe('2026-12-20')
  })

  it('no open date after the start is too few, however many came before', () => {
    const c = createBusinessCalendar({
      timeZone: 'UTC',
      weekend: [0, 1, 2, 3, 4, 5, 6],
      openDates: ['2026-12-01', '2026-12-02', '2026-12-03'],
    })
    expect(failure(() => c.addBusinessDays('2026-12-10', 2))).toBe(
      'INVALID_POLICY openDates: the calendar has fewer than 2 business days from 2026-12-10: every weekday is a weekend day and too few open dates follow',
    )
    expect(failure(() => c.addBusinessDays('2026-12-10', 3))).toMatch(/^INVALID_POLICY openDates: /)
  })

  it('an evaluation under such a policy fails fast with INVALID_POLICY, not after scanning to 9999', () => {
    for (const holidays of [false, { country: 'GB', state: 'ENG' }] as const) {
      const started = performance.now()
      const result = safeEvaluate(VALID['top-up-refund'](), {
        calendar: { timeZone: 'Europe/London', weekend: allWeekend, openDates: ['2000-01-04'], holidays },
      })
      expect(performance.now() - started).toBeLessThan(500)
      expect(!result.ok && [result.error.code, result.error.path]).toEqual(['INVALID_POLICY', 'calendar.openDates'])
    }
  })

  it('no business days at all is INVALID_POLICY at weekend', () => {
    const c = createBusinessCalendar({ timeZone: 'UTC', weekend: allWeekend })
    expect(() => c.addBusinessDays('2026-12-01', 1)).toThrow(/weekend: the calendar has no business days/)
  })
})
