import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ctrGroupPolicy } from '../../src/policy/presets.js'
import {
  arbCalendarOptions,
  arbHolidayDate,
  arbHolidayInstant,
  arbNearHolidayDate,
  holidayDates,
} from '../../src/testing/index.js'
import { createBusinessCalendar } from '../../src/time/calendar.js'
import { parsePlainDate } from '../../src/time/plain-date.js'

const london = createBusinessCalendar(ctrGroupPolicy.calendar)

describe('holiday generators', () => {
  it('lists the published calendar holidays from date-holidays', () => {
    const dates = holidayDates(undefined, { fromYear: 2026, toYear: 2026 })
    expect(dates).toContain('2026-12-25')
    expect(dates).toContain('2026-12-28') // Boxing Day substitute
    expect(dates).toContain('2026-04-03') // Good Friday
    expect(holidayDates({ timeZone: 'UTC', holidays: false })).toEqual([])
    expect(() => arbHolidayDate({ timeZone: 'UTC' })).toThrow(/no holidays/)
  })

  it('closes the dates a holiday overlaps, by date (SPEC §4, edition 2)', () => {
    // Toussaint 2026 in Saint Pierre and Miquelon falls on the 25-hour day daylight saving ends: that date alone.
    const miquelon = holidayDates(
      { timeZone: 'America/Miquelon', holidays: { country: 'PM', types: ['public'] } },
      { fromYear: 2026, toYear: 2026 },
    )
    expect(miquelon).toContain('2026-11-01')
    expect(miquelon).not.toContain('2026-11-02')
    // Incwala (Eswatini) runs 28 Dec 2026 – 2 Jan 2027: listed with 2026's holidays, it closes the January dates too.
    const eswatini = holidayDates(
      { timeZone: 'Africa/Mbabane', holidays: { country: 'SZ', types: ['public'] } },
      { fromYear: 2026, toYear: 2026 },
    )
    for (const date of ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']) {
      expect(eswatini).toContain(date)
    }
    expect(eswatini).not.toContain('2027-01-03')
  })

  it('holiday dates are non-business days of createBusinessCalendar', () => {
    fc.assert(
      fc.property(arbHolidayDate(), (date) => !london.isBusinessDay(date)),
      { seed: 1001 },
    )
  })

  it('…for random calendars too (any date-holidays country, open dates excluded)', () => {
    const calendars = arbCalendarOptions({ fromYear: 2025, toYear: 2027 }).filter((c) => c.holidays !== false)
    fc.assert(
      fc.property(calendars, (options) => {
        const calendar = createBusinessCalendar(options)
        const dates = holidayDates(options, { fromYear: 2025, toYear: 2027 })
        for (const date of dates.slice(0, 40)) expect(calendar.isBusinessDay(date)).toBe(false)
      }),
      { seed: 1002, numRuns: 15 },
    )
  })

  it('dates near holidays carry the right distance', () => {
    fc.assert(
      fc.property(arbNearHolidayDate(undefined, { days: 2 }), ({ date, holiday, offsetDays }) => {
        expect(parsePlainDate(date, 'd') - parsePlainDate(holiday, 'h')).toBe(offsetDays)
        expect(Math.abs(offsetDays)).toBeLessThanOrEqual(2)
        expect(london.isBusinessDay(holiday)).toBe(false)
      }),
      { seed: 1003 },
    )
  })

  it('holiday instants fall on a holiday in the calendar zone', () => {
    const berlin = { timeZone: 'Europe/Berlin', holidays: { country: 'DE', state: 'BY' } } as const
    const calendar = createBusinessCalendar(berlin)
    fc.assert(
      fc.property(arbHolidayInstant(berlin, { fromYear: 2026, toYear: 2030 }), (t) => {
        expect(calendar.isBusinessDay(calendar.localDate(t))).toBe(false)
      }),
      { seed: 1004 },
    )
    fc.assert(
      fc.property(arbHolidayInstant(), (t) => !london.isBusinessDay(london.localDate(t))),
      { seed: 1005 },
    )
  })
})
