/**
 * The business calendar (SPEC §4): option validation, business days
 * (weekends, holidays as date-holidays dates them, closed and open dates,
 * dates a zone skipped), counting and its bounds, the refund due date with and
 * without a cutoff, local dates and ends of days. Example tests pin the edges;
 * properties run with fixed seeds; a slice of the every-country differential
 * test runs here (the whole of it is in test/fuzz/calendar-holidays.test.ts).
 */

import Holidays from 'date-holidays'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { MAX_ISSUES, RefundRulesError } from '../../src/errors.js'
import { createBusinessCalendar, safeEvaluate } from '../../src/index.js'
import { SettingsReader } from '../../src/reader.js'
import { CALENDAR_OPTIONS, type CalendarBase, MAX_SPAN_DAYS, readCalendar } from '../../src/time/calendar.js'
import { formatPlainDate, MIN_DAY, parsePlainDate } from '../../src/time/plain-date.js'
import { VALID } from '../errors/fixtures.js'
import { errorOf } from '../support/errors.js'
import { allCountries, disagreements, skippedDates } from '../support/holiday-oracle.js'
import { createNaiveCalendar } from '../support/naive.js'

const london = createBusinessCalendar({
  timeZone: 'Europe/London',
  holidays: { country: 'GB', state: 'ENG', types: ['public', 'bank'] },
})
const withCutoff = createBusinessCalendar({ ...london.options, cutoff: '16:00' })

/** Property tests here run with this seed every time; `npm run fuzz` is where seeds vary. */
const SEED = 20_261_129

const arbDate = (fromYear = 2020, toYear = 2035) =>
  fc
    .integer({ min: parsePlainDate(`${fromYear}-01-01`, 'd'), max: parsePlainDate(`${toYear}-12-31`, 'd') })
    .map(formatPlainDate)

const ZONES = [
  'Europe/London',
  'America/New_York',
  'America/Santiago', // DST starts at midnight: some days begin at 01:00
  'America/St_Johns', // -03:30
  'Asia/Kathmandu', // +05:45
  'Australia/Lord_Howe', // 30-minute DST
  'Pacific/Chatham', // +12:45 / +13:45
  'Pacific/Kiritimati', // +14
  'Africa/Casablanca', // DST suspended for Ramadan
  'Asia/Tehran',
  'UTC',
]

function issuesOf(options: unknown) {
  try {
    createBusinessCalendar(options as never)
  } catch (error) {
    expect(error).toBeInstanceOf(RefundRulesError)
    return (error as RefundRulesError).issues.map((i) => `${i.code} ${i.path}: ${i.message}`)
  }
  throw new Error('accepted')
}

/** `CODE path: message` of what `run` throws. */
function failure(run: () => unknown): string {
  const error = errorOf(run)
  return `${error.code} ${error.message}`
}

describe('createBusinessCalendar: pinned examples in Europe/London with GB/England holidays', () => {
  it('skips Christmas and the Boxing Day substitute: 2026-12-22 10:00 + 5 is 2026-12-31', () => {
    expect(london.refundDueDate('2026-12-22T10:00:00Z', 5)).toEqual({
      date: '2026-12-31',
      dueBy: '2026-12-31T23:59:59.999Z',
    })
    expect(london.isBusinessDay('2026-12-25')).toBe(false)
    expect(london.isBusinessDay('2026-12-28')).toBe(false)
    expect(london.businessDaysBetween('2026-12-22', '2026-12-31')).toBe(5)
  })

  it('skips Easter 2027: Good Friday 26 March and Easter Monday 29 March', () => {
    expect(london.isBusinessDay('2027-03-26')).toBe(false)
    expect(london.isBusinessDay('2027-03-29')).toBe(false)
    expect(london.nextBusinessDay('2027-03-25')).toBe('2027-03-30')
    // 25, 30, 31 March, 1 and 2 April
    expect(london.addBusinessDays('2027-03-24', 5)).toBe('2027-04-02')
  })

  it('counts from a Saturday or a Sunday as from that date', () => {
    expect(london.refundDueDate('2026-11-28T10:00:00Z', 5).date).toBe('2026-12-04')
    expect(london.refundDueDate('2026-11-29T23:59:59.999Z', 5).date).toBe('2026-12-04')
  })

  it('crosses the year end and lands on the first business day of 2027', () => {
    expect(london.nextBusinessDay('2026-12-31')).toBe('2027-01-04')
    expect(london.addBusinessDays('2026-12-31', 0)).toBe('2026-12-31')
    expect(london.addBusinessDays('2027-01-01', 0)).toBe('2027-01-04')
  })

  it('reads a request by its local date: 23:30 UTC on 30 June is 1 July in London', () => {
    expect(london.localDate('2026-06-30T23:30:00Z')).toBe('2026-07-01')
    expect(london.refundDueDate('2026-06-30T23:30:00Z', 5).date).toBe('2026-07-08')
  })

  it('moves a request at or after the cutoff on a Friday to Monday', () => {
    // Friday 2026-11-27, GMT: 16:00 local is 16:00 UTC.
    expect(withCutoff.refundDueDate('2026-11-27T15:59:59.999Z', 5).date).toBe('2026-12-04')
    expect(withCutoff.refundDueDate('2026-11-27T16:00:00.000Z', 5).date).toBe('2026-12-07')
    // In summer the cutoff is 16:00 BST, 15:00 UTC.
    expect(withCutoff.refundDueDate('2026-07-03T14:59:59.999Z', 5).date).toBe('2026-07-10')
    expect(withCutoff.refundDueDate('2026-07-03T15:00:00.000Z', 5).date).toBe('2026-07-13')
  })

  it('honours a closed date and an open Saturday (openDates wins)', () => {
    const calendar = createBusinessCalendar({
      ...london.options,
      closedDates: ['2026-12-23'],
      openDates: ['2026-12-26', '2026-12-28'],
    })
    expect(calendar.isBusinessDay('2026-12-23')).toBe(false)
    expect(calendar.isBusinessDay('2026-12-26')).toBe(true)
    // 24, 26 (open Saturday), 28 (open substitute holiday), 29, 30
    expect(calendar.addBusinessDays('2026-12-22', 5)).toBe('2026-12-30')
  })

  it('ends each local day at its last millisecond across the 2026 and 2027 DST changes', () => {
    expect(london.endOfDay('2026-03-28')).toBe('2026-03-28T23:59:59.999Z')
    expect(london.endOfDay('2026-03-29')).toBe('2026-03-29T22:59:59.999Z')
    expect(london.endOfDay('2026-10-24')).toBe('2026-10-24T22:59:59.999Z')
    expect(london.endOfDay('2026-10-25')).toBe('2026-10-25T23:59:59.999Z')
    expect(london.endOfDay('2027-03-28')).toBe('2027-03-28T22:59:59.999Z')
    expect(london.endOfDay('2027-10-31')).toBe('2027-10-31T23:59:59.999Z')
    expect(london.localDate('2026-03-29T00:59:59.999Z')).toBe('2026-03-29')
    expect(london.localDate('2026-10-24T23:00:00.000Z')).toBe('2026-10-25')
  })

  it('begins a day at 01:00 where DST starts at midnight (America/Santiago)', () => {
    const santiago = createBusinessCalendar({ timeZone: 'America/Santiago' })
    expect(santiago.endOfDay('2026-09-05')).toBe('2026-09-06T03:59:59.999Z')
    expect(santiago.localDate('2026-09-06T04:00:00.000Z')).toBe('2026-09-06')
  })

  it('works without holidays and with another weekend', () => {
    const gulf = createBusinessCalendar({ timeZone: 'Asia/Dubai', weekend: [0, 6], holidays: false })
    expect(gulf.addBusinessDays('2026-12-24', 1)).toBe('2026-12-25')
    const friSat = createBusinessCalendar({ timeZone: 'Asia/Riyadh', weekend: [5, 6] })
    expect(friSat.nextBusinessDay('2026-11-26')).toBe('2026-11-29')
  })

  it('rejects bad options with every problem listed', () => {
    let error: unknown
    try {
      createBusinessCalendar({
        timeZone: 'Mars/Olympus',
        weekend: [7],
        holidays: { country: 'XX' },
        closedDates: ['2026-02-30'],
        cutoff: '24:00',
      })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(RefundRulesError)
    expect((error as RefundRulesError).code).toBe('INVALID_POLICY')
    expect((error as RefundRulesError).issues.map((i) => i.path).sort()).toEqual(
      ['closedDates[0]', 'cutoff', 'holidays.country', 'timeZone', 'weekend'].sort(),
    )
    expect(() => createBusinessCalendar({ timeZone: 'UTC', holidays: { country: 'GB', state: 'XYZ' } })).toThrow(
      expect.objectContaining({ code: 'INVALID_POLICY', path: 'holidays.state' }),
    )
    expect(() => london.addBusinessDays('2026-12-22', -1)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }))
    expect(() => london.addBusinessDays('9999-12-31', 1)).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }))
  })

  it('refuses to count on a calendar without business days', () => {
    const never = createBusinessCalendar({ timeZone: 'UTC', weekend: [0, 1, 2, 3, 4, 5, 6] })
    expect(() => never.nextBusinessDay('2026-01-01')).toThrow(expect.objectContaining({ code: 'INVALID_POLICY' }))
  })
})

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
    // An array proxy whose length is a string, not a number: refused before any element is read.
    [
      { timeZone: 'UTC', weekend: new Proxy([6, 0], { get: (t, k) => (k === 'length' ? '2' : Reflect.get(t, k)) }) },
      'INVALID_POLICY weekend: expected an array',
    ],
    [{ timeZone: 'UTC', cutoff: '24:00' }, 'INVALID_POLICY cutoff: expected HH:mm or null, received "24:00"'],
    [{ timeZone: 'UTC', cutoff: '9:00' }, 'INVALID_POLICY cutoff: expected HH:mm or null, received "9:00"'],
    [{ timeZone: 'UTC', cutoff: '12:60' }, 'INVALID_POLICY cutoff: expected HH:mm'],
    [{ timeZone: 'UTC', cutoff: ' 12:00' }, 'INVALID_POLICY cutoff: expected HH:mm'],
    [{ timeZone: 'UTC', cutoff: '12:00:00' }, 'INVALID_POLICY cutoff: expected HH:mm'],
    [{ timeZone: 'UTC', cutoff: '12:001' }, 'INVALID_POLICY cutoff: expected HH:mm'],
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
      'INVALID_POLICY closedDates: expected an array of at most 10000 YYYY-MM-DD dates, received "2026-12-24"',
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

  it(`keeps the first ${MAX_ISSUES} issues and counts the rest`, () => {
    const keys = Object.fromEntries(Array.from({ length: MAX_ISSUES + 50 }, (_, i) => [`unknown${i}`, i]))
    const error = errorOf(() => createBusinessCalendar({ timeZone: 'UTC', ...keys } as never))
    expect([error.issues.length, error.omittedIssues]).toEqual([MAX_ISSUES, 50])
  })

  it('a bad zone is reported beside an unknown key, not hidden by it', () => {
    const error = errorOf(() => createBusinessCalendar({ cutof: '16:00', timeZone: 'Mars/Olympus' } as never))
    expect(error.issues.map((i) => `${i.code} ${i.path}`)).toEqual(['INVALID_POLICY cutof', 'INVALID_POLICY timeZone'])
  })

  it('over a base calendar, a state brings its own region and a region replaces the base one', () => {
    const base: CalendarBase = {
      timeZone: 'Europe/Berlin',
      weekend: [6, 0],
      holidays: { country: 'DE', state: 'BY', region: 'A', types: ['public'] },
      closedDates: [],
      openDates: [],
      cutoff: null,
    }
    const holidaysOver = (holidays: object) => {
      const reader = new SettingsReader('INVALID_POLICY')
      const calendar = readCalendar(reader.section({ holidays }, 'calendar', CALENDAR_OPTIONS), base)
      reader.finish()
      return calendar?.options.holidays
    }
    expect(holidaysOver({})).toEqual({ country: 'DE', state: 'BY', region: 'A', types: ['public'] })
    expect(holidaysOver({ state: 'BW' })).toEqual({ country: 'DE', state: 'BW', types: ['public'] })
    expect(holidaysOver({ region: 'EVANG' })).toEqual({
      country: 'DE',
      state: 'BY',
      region: 'EVANG',
      types: ['public'],
    })
  })

  it('a region closes its own holidays, read as an own property only: Augsburg on 8 August', () => {
    // The Augsburger Friedensfest is a public holiday in the city of Augsburg (DE/BY/A) alone; 8 August 2025 is a Friday.
    const augsburg = createBusinessCalendar({
      timeZone: 'Europe/Berlin',
      holidays: { country: 'DE', state: 'BY', region: 'A' },
    })
    const bavaria = createBusinessCalendar({ timeZone: 'Europe/Berlin', holidays: { country: 'DE', state: 'BY' } })
    expect([augsburg.isBusinessDay('2025-08-08'), bavaria.isBusinessDay('2025-08-08')]).toEqual([false, true])
    // Each state's regions are its own: Los Angeles is a region of California, not of Bavaria.
    expect(
      createBusinessCalendar({ timeZone: 'UTC', holidays: { country: 'US', state: 'CA', region: 'LA' } }).options
        .holidays,
    ).toMatchObject({ region: 'LA' })
    expect(issuesOf({ timeZone: 'UTC', holidays: { country: 'DE', state: 'BY', region: 'LA' } })[0]).toMatch(
      /^INVALID_POLICY holidays.region: /,
    )
    // An inherited state or region is none (SPEC §1): Bavaria's Epiphany and Augsburg's festival stay open.
    Object.assign(Object.prototype, { state: 'BY', region: 'A' })
    try {
      const germany = createBusinessCalendar({ timeZone: 'Europe/Berlin', holidays: { country: 'DE' } })
      expect([germany.isBusinessDay('2025-01-06'), germany.isBusinessDay('2025-08-08')]).toEqual([true, true])
      const pollutedBavaria = createBusinessCalendar({
        timeZone: 'Europe/Berlin',
        holidays: { country: 'DE', state: 'BY' },
      })
      expect(pollutedBavaria.isBusinessDay('2025-08-08')).toBe(true)
    } finally {
      delete (Object.prototype as { state?: unknown }).state
      delete (Object.prototype as { region?: unknown }).region
    }
  })

  it('takes every holiday type at once, and a revoked proxy as holidays is refused at holidays', () => {
    const all = createBusinessCalendar({
      timeZone: 'UTC',
      holidays: { country: 'GB', types: ['public', 'bank', 'school', 'optional', 'observance'] },
    })
    expect(all.options.holidays).toMatchObject({ types: ['public', 'bank', 'school', 'optional', 'observance'] })
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    const error = errorOf(() => createBusinessCalendar({ timeZone: 'UTC', holidays: proxy } as never))
    expect(error.issues.map((i) => `${i.code} ${i.path}`)).toEqual(['INVALID_POLICY holidays'])
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
  it('counts that are not whole numbers from 0 to 2000 are INVALID_INPUT at n', () => {
    for (const n of [-1, 1.5, 100_001, Number.NaN, '1']) {
      expect(() => c.addBusinessDays('2026-11-24', n as number)).toThrow(/^n: expected a whole number/)
    }
    // The largest count a policy accepts is the largest here too.
    expect(() => c.addBusinessDays('2026-11-24', 2_001)).toThrow(/^n: expected a whole number/)
    const last = c.addBusinessDays('2026-11-24', 2_000)
    expect(last).toMatch(/^2034-/)
    expect(c.businessDaysBetween('2026-11-24', last)).toBe(2_000)
  })
})

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

describe('a holiday closes the local dates its period overlaps, counted as dates', () => {
  // Each holiday falls on the day daylight saving ends: 25 real hours, one date.
  it.each([
    ['AT', 'Europe/Vienna', '2025-10-26', '2025-10-27'],
    ['CZ', 'Europe/Prague', '2029-10-28', '2029-10-29'],
    ['GR', 'Europe/Athens', '2029-10-28', '2029-10-29'],
    ['CY', 'Asia/Nicosia', '2029-10-28', '2029-10-29'],
    ['DE/SN', 'Europe/Berlin', '2027-10-31', '2027-11-01'],
    ['HT', 'America/Port-au-Prince', '2025-11-02', '2025-11-03'],
  ])('%s in %s: the holiday on %s, a 25-hour day, leaves %s open', (holidays, timeZone, holiday, after) => {
    const [country = '', state] = holidays.split('/')
    const c = createBusinessCalendar({ timeZone, weekend: [], holidays: { country, ...(state ? { state } : {}) } })
    expect(c.isBusinessDay(holiday)).toBe(false)
    expect(c.isBusinessDay(after)).toBe(true)
  })

  it('Vienna under default settings: Monday 27 October 2025 is a business day', () => {
    const vienna = createBusinessCalendar({ timeZone: 'Europe/Vienna', holidays: { country: 'AT' } })
    expect(vienna.isBusinessDay('2025-10-27')).toBe(true)
    expect(vienna.nextBusinessDay('2025-10-24')).toBe('2025-10-27')
  })

  it('EG: Eid al-Fitr 2038 lasts three dates although its period spans 73 hours across the end of DST', () => {
    const cairo = createBusinessCalendar({ timeZone: 'Africa/Cairo', weekend: [], holidays: { country: 'EG' } })
    const days = ['2038-10-28', '2038-10-29', '2038-10-30', '2038-10-31', '2038-11-01']
    // Its period starts at sunset on the 28th, the evening before its date: that evening's date stays open.
    expect(days.map((d) => cairo.isBusinessDay(d))).toEqual([true, false, false, false, true])
  })

  it('a holiday running into 1 January closes it, whichever year is computed first: Hanukkah 2024 in Israel', () => {
    // Hanukkah 5785 ran from the evening of 25 December 2024 to the evening of 2 January 2025; as a school
    // holiday its dates are 26 December – 2 January, and nothing else of that type falls on 1 January.
    const options = { timeZone: 'Asia/Jerusalem', weekend: [], holidays: { country: 'IL', types: ['school' as const] } }
    const days = ['2024-12-25', '2024-12-26', '2024-12-31', '2025-01-01', '2025-01-02', '2025-01-03']
    const decemberFirst = createBusinessCalendar(options)
    expect(days.map((d) => decemberFirst.isBusinessDay(d))).toEqual([true, false, false, false, false, true])
    const januaryFirst = createBusinessCalendar(options)
    expect([...days].reverse().map((d) => januaryFirst.isBusinessDay(d))).toEqual([
      true,
      false,
      false,
      false,
      false,
      true,
    ])
  })

  it('a multi-day holiday that starts in December closes its January dates: Incwala in Eswatini', () => {
    const eswatini = createBusinessCalendar({ timeZone: 'Africa/Mbabane', holidays: { country: 'SZ' } })
    // Incwala runs 28 December – 2 January; 1 January is New Year's Day anyway.
    expect(eswatini.isBusinessDay('2024-12-30')).toBe(false)
    expect(eswatini.isBusinessDay('2024-12-31')).toBe(false)
    expect(eswatini.isBusinessDay('2025-01-02')).toBe(false)
    expect(eswatini.isBusinessDay('2025-01-03')).toBe(true)
    expect(eswatini.nextBusinessDay('2024-12-27')).toBe('2025-01-03')
    // Every year, whichever year is computed first.
    const fresh = createBusinessCalendar({ timeZone: 'Africa/Mbabane', holidays: { country: 'SZ' } })
    expect(fresh.isBusinessDay('2031-01-02')).toBe(false)
    expect(fresh.isBusinessDay('2030-12-30')).toBe(false)
  })

  const SLICE = [
    ...new Set(['AT', 'CY', 'CZ', 'EG', 'GR', 'HT', 'SZ', ...allCountries().filter((_, i) => i % 15 === 0)]),
  ]
  it.each(SLICE)(
    '%s agrees with date-holidays read by Intl on every date of 2020–2040',
    (country) => {
      expect(disagreements(country, 2020, 2040)).toEqual([])
    },
    60_000,
  )

  it('DE/SN agrees with date-holidays read by Intl on every date of 2020–2040', () => {
    expect(disagreements('DE', 2020, 2040, 'SN')).toEqual([])
  }, 60_000)
})

describe('a local date that never existed is not a business day', () => {
  it('Pacific/Apia skipped 30 December 2011', () => {
    const apia = createBusinessCalendar({ timeZone: 'Pacific/Apia' })
    expect(apia.isBusinessDay('2011-12-29')).toBe(true)
    expect(apia.isBusinessDay('2011-12-30')).toBe(false)
    // Thursday noon, one business day: not the missing Friday, nor the weekend after it.
    expect(apia.refundDueDate('2011-12-29T12:00:00-10:00', 1)).toEqual({
      date: '2012-01-02',
      dueBy: '2012-01-02T09:59:59.999Z',
    })
    const everyDay = createBusinessCalendar({ timeZone: 'Pacific/Apia', weekend: [] })
    expect(everyDay.nextBusinessDay('2011-12-29')).toBe('2011-12-31')
    expect(everyDay.addBusinessDays('2011-12-30', 0)).toBe('2011-12-31')
    expect(everyDay.businessDaysBetween('2011-12-28', '2011-12-31')).toBe(2)
  })

  it.each(['Pacific/Apia', 'Pacific/Kiritimati', 'Pacific/Kwajalein', 'Europe/London'])(
    '%s: every date of 1970–2040 is a business day exactly when Intl shows it',
    (timeZone) => {
      const skipped = skippedDates(timeZone, 1970, 2040)
      const c = createBusinessCalendar({ timeZone, weekend: [] })
      const wrong: string[] = []
      for (let day = parsePlainDate('1970-01-01', 'd'); day <= parsePlainDate('2040-12-31', 'd'); day++) {
        const date = formatPlainDate(day)
        if (c.isBusinessDay(date) === skipped.has(date)) wrong.push(date)
      }
      expect(wrong).toEqual([])
      expect(skipped.size).toBe(timeZone === 'Europe/London' ? 0 : 1)
    },
    30_000,
  )

  it('Pacific/Kiritimati skipped 31 December 1994', () => {
    const kiritimati = createBusinessCalendar({ timeZone: 'Pacific/Kiritimati', weekend: [] })
    const days = ['1994-12-30', '1994-12-31', '1995-01-01']
    expect(days.map((d) => kiritimati.isBusinessDay(d))).toEqual([true, false, true])
    expect(kiritimati.nextBusinessDay('1994-12-30')).toBe('1995-01-01')
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

describe('counting is bounded: at most 2,000 business days, within 10 years', () => {
  it('businessDaysBetween never returns -0', () => {
    const c = createBusinessCalendar({ timeZone: 'UTC' })
    // Sunday back to Saturday: no business day either way.
    expect(Object.is(c.businessDaysBetween('2019-07-21', '2019-07-20'), 0)).toBe(true)
    expect(Object.is(c.businessDaysBetween('2019-07-20', '2019-07-21'), 0)).toBe(true)
    expect(Object.is(c.businessDaysBetween('2019-07-20', '2019-07-20'), 0)).toBe(true)
  })

  it('counts whole years as day by day does, over the longest span allowed', () => {
    const c = createBusinessCalendar({ timeZone: 'UTC', closedDates: ['2001-03-14'], openDates: ['2010-06-05'] })
    const from = Date.UTC(2000, 0, 1)
    // Counted with Date's UTC weekdays, apart from the calendar: 2001-03-14 is a
    // closed Wednesday, 2010-06-05 an open Saturday.
    let expected = 0
    let twoThousandth = ''
    for (let k = 1; k <= MAX_SPAN_DAYS; k++) {
      const date = new Date(from + k * 86_400_000)
      const iso = date.toISOString().slice(0, 10)
      const weekday = date.getUTCDay()
      if (iso === '2010-06-05' || (weekday !== 0 && weekday !== 6 && iso !== '2001-03-14')) expected++
      if (expected === 2_000 && twoThousandth === '') twoThousandth = iso
    }
    const last = formatPlainDate(parsePlainDate('2000-01-01', 'd') + MAX_SPAN_DAYS)
    expect(last).toBe('2010-01-01')
    expect(c.businessDaysBetween('2000-01-01', last)).toBe(expected)
    expect(c.businessDaysBetween(last, '2000-01-01')).toBe(-expected)
    expect(c.addBusinessDays('2000-01-01', 2_000)).toBe(twoThousandth)
    // One day more is too far.
    expect(failure(() => c.businessDaysBetween('2000-01-01', '2010-01-02'))).toMatch(/^OUT_OF_RANGE b: /)
  })

  it('refuses a span of more than 10 years with OUT_OF_RANGE, at once', () => {
    const c = createBusinessCalendar({ timeZone: 'Asia/Hong_Kong', holidays: { country: 'HK' } })
    expect(failure(() => c.businessDaysBetween('1970-01-01', '9999-12-31'))).toBe(
      `OUT_OF_RANGE b: a and b must be at most ${MAX_SPAN_DAYS} days (10 years) apart`,
    )
    expect(failure(() => c.businessDaysBetween('2010-01-02', '2000-01-01'))).toMatch(/^OUT_OF_RANGE b: /)
  })

  it('refuses a count that cannot end within 10 years before computing any year', () => {
    const holidaysAsked = vi.spyOn(Holidays.prototype, 'getHolidays')
    try {
      // Six weekend days: 2,000 business days would take 38 years.
      const sparse = createBusinessCalendar({
        timeZone: 'Asia/Ho_Chi_Minh',
        weekend: [0, 1, 2, 3, 4, 5],
        holidays: { country: 'VN' },
      })
      expect(failure(() => sparse.refundDueDate('2026-01-05T10:00:00Z', 2_000))).toBe(
        'OUT_OF_RANGE start: the result would fall more than 3653 days (10 years) after 2026-01-05',
      )
      const hongKong = createBusinessCalendar({ timeZone: 'Asia/Hong_Kong', holidays: { country: 'HK' } })
      expect(failure(() => hongKong.addBusinessDays('2026-01-05', 100_000))).toMatch(/^INVALID_INPUT n: /)
      expect(holidaysAsked).not.toHaveBeenCalled()
    } finally {
      holidaysAsked.mockRestore()
    }
  })

  it('a count that runs out of business days stops at 10 years, one year of holidays at a time', () => {
    const holidaysAsked = vi.spyOn(Holidays.prototype, 'getHolidays')
    try {
      // Every Saturday closed: with Sunday–Friday a weekend, no business day is left.
      const saturdays = Array.from({ length: 600 }, (_, k) =>
        formatPlainDate(parsePlainDate('2026-01-03', 'd') + 7 * k),
      )
      const never = createBusinessCalendar({
        timeZone: 'Europe/London',
        weekend: [0, 1, 2, 3, 4, 5],
        closedDates: saturdays,
        holidays: { country: 'GB', state: 'ENG' },
      })
      expect(failure(() => never.nextBusinessDay('2026-01-01'))).toBe(
        'OUT_OF_RANGE date: the result would fall more than 3653 days (10 years) after 2026-01-01',
      )
      // 2025 (for its tails) and 2026–2036: each year asked once.
      expect(holidaysAsked.mock.calls.length).toBeLessThanOrEqual(12)
    } finally {
      holidaysAsked.mockRestore()
    }
  })

  it('the largest count on a five-day week: 2,000 business days in London, about 8 years', () => {
    const c = createBusinessCalendar({ timeZone: 'Europe/London', holidays: { country: 'GB', state: 'ENG' } })
    const due = c.addBusinessDays('2026-01-05', 2_000)
    expect(due).toMatch(/^2033-/)
    expect(c.businessDaysBetween('2026-01-05', due)).toBe(2_000)
    expect(c.isBusinessDay(due)).toBe(true)
    expect(failure(() => c.addBusinessDays('2026-01-05', 2_001))).toMatch(/^INVALID_INPUT n: /)
  })

  it('a count may land on the last day of the 10 years, and not one business day further', () => {
    // Saturday the only business day. From Sunday 29 November 2026, the 3,653 days after it hold
    // 522 Saturdays (521 weeks and 6 days), the last on the 3,653rd day itself; from a Saturday, 521.
    const saturdays = createBusinessCalendar({ timeZone: 'UTC', weekend: [0, 1, 2, 3, 4, 5] })
    const lastDay = new Date(Date.UTC(2026, 10, 29) + MAX_SPAN_DAYS * 86_400_000)
    expect(lastDay.getUTCDay()).toBe(6)
    expect(saturdays.addBusinessDays('2026-11-29', 522)).toBe(lastDay.toISOString().slice(0, 10))
    expect(failure(() => saturdays.addBusinessDays('2026-11-29', 523))).toMatch(/^OUT_OF_RANGE date: /)
    expect(saturdays.addBusinessDays('2026-11-28', 521)).toBe(
      new Date(Date.UTC(2026, 10, 28) + 521 * 7 * 86_400_000).toISOString().slice(0, 10),
    )
    expect(failure(() => saturdays.addBusinessDays('2026-11-28', 522))).toMatch(/^OUT_OF_RANGE date: /)
    // An open Monday adds one: 523 business days from that Sunday, the last again on the 3,653rd day.
    const withOpenMonday = createBusinessCalendar({ ...saturdays.options, openDates: ['2026-11-30'] })
    expect(withOpenMonday.addBusinessDays('2026-11-29', 523)).toBe(lastDay.toISOString().slice(0, 10))
    expect(failure(() => withOpenMonday.addBusinessDays('2026-11-29', 524))).toMatch(/^OUT_OF_RANGE date: /)
    // The same when the last day is a 1 January: Thursday only, from Friday 1 January 2027.
    const thursdays = createBusinessCalendar({ timeZone: 'UTC', weekend: [0, 1, 2, 3, 5, 6] })
    const newYear = new Date(Date.UTC(2027, 0, 1) + MAX_SPAN_DAYS * 86_400_000)
    expect([newYear.toISOString().slice(0, 10), newYear.getUTCDay()]).toEqual(['2037-01-01', 4])
    expect(thursdays.addBusinessDays('2027-01-01', 522)).toBe('2037-01-01')
  })

  it('a count that ends on the last business day of a whole year takes that year day by day', () => {
    // No holidays, Saturday and Sunday off: 2027 runs Friday 1 January to Friday 31 December, and its
    // weekdays are counted with Date's UTC weekdays, apart from the calendar.
    const c = createBusinessCalendar({ timeZone: 'UTC' })
    let weekdays = 0
    for (let t = Date.UTC(2027, 0, 1); t < Date.UTC(2028, 0, 1); t += 86_400_000) {
      const weekday = new Date(t).getUTCDay()
      if (weekday !== 0 && weekday !== 6) weekdays++
    }
    expect(weekdays).toBe(261)
    expect(c.addBusinessDays('2026-12-31', weekdays)).toBe('2027-12-31')
    expect(c.addBusinessDays('2026-12-31', weekdays + 1)).toBe('2028-01-03')
    expect(c.addBusinessDays('2026-12-31', weekdays - 1)).toBe('2027-12-30')
    expect(c.businessDaysBetween('2026-12-31', '2027-12-31')).toBe(weekdays)
    expect(c.businessDaysBetween('2027-01-01', '2027-12-31')).toBe(weekdays - 1)
    expect(c.businessDaysBetween('2026-12-31', '2027-12-30')).toBe(weekdays - 1)
  })
})

describe('the cutoff: the deemed day of receipt', () => {
  const july = createBusinessCalendar({ timeZone: 'Europe/London', holidays: { country: 'GB', state: 'ENG' } })
  const julyCutoff = createBusinessCalendar({ ...july.options, cutoff: '16:00' })

  it('a request on Saturday counts from Monday, as one on Friday after the cutoff does', () => {
    // Fri 24 July 2026 at 16:00 BST (15:00 UTC) and Sat 25 July at 00:30 BST: both deemed received Monday 27.
    expect(julyCutoff.refundDueDate('2026-07-24T15:00:00Z', 5).date).toBe('2026-08-03')
    expect(julyCutoff.refundDueDate('2026-07-24T23:30:00Z', 5).date).toBe('2026-08-03')
    expect(julyCutoff.refundDueDate('2026-07-25T12:00:00Z', 5).date).toBe('2026-08-03')
    expect(julyCutoff.refundDueDate('2026-07-26T22:59:59.999Z', 5).date).toBe('2026-08-03')
    // Before the cutoff on a business day, that day is the day of receipt.
    expect(julyCutoff.refundDueDate('2026-07-24T14:59:59.999Z', 5).date).toBe('2026-07-31')
    expect(julyCutoff.refundDueDate('2026-07-27T14:59:59.999Z', 5).date).toBe('2026-08-03')
    expect(julyCutoff.refundDueDate('2026-07-27T15:00:00Z', 5).date).toBe('2026-08-04')
  })

  it('a request on a holiday counts from the next business day, before the cutoff too', () => {
    // Christmas Day 2026 is a Friday; Monday 28 is the Boxing Day substitute: received Tuesday 29.
    expect(julyCutoff.refundDueDate('2026-12-25T09:00:00Z', 1).date).toBe('2026-12-30')
    expect(julyCutoff.refundDueDate('2026-12-25T09:00:00Z', 0).date).toBe('2026-12-29')
  })

  it('without a cutoff a Saturday request counts from Saturday, as before', () => {
    expect(july.refundDueDate('2026-07-25T09:00:00Z', 5).date).toBe('2026-07-31')
    expect(july.refundDueDate('2026-07-25T09:00:00Z', 0).date).toBe('2026-07-27')
  })

  it('in a repeated hour the cutoff passes once, the first time the clock shows it', () => {
    // London, Sunday 25 October 2026: 01:00–02:00 happens twice, at 00:00 UTC (BST) and 01:00 UTC (GMT).
    const c = createBusinessCalendar({ timeZone: 'Europe/London', weekend: [], cutoff: '01:30' })
    expect(c.refundDueDate('2026-10-25T00:29:59.999Z', 0).date).toBe('2026-10-25')
    expect(c.refundDueDate('2026-10-25T00:30:00Z', 0).date).toBe('2026-10-26')
    // 01:15 GMT, the second time round: the clock reads before 01:30, but the cutoff has passed.
    expect(c.refundDueDate('2026-10-25T01:15:00Z', 0).date).toBe('2026-10-26')
  })

  it('in a skipped hour the cutoff passes when the clock jumps over it', () => {
    // London, Sunday 29 March 2026: 01:00 GMT becomes 02:00 BST; 01:30 never shows.
    const c = createBusinessCalendar({ timeZone: 'Europe/London', weekend: [], cutoff: '01:30' })
    expect(c.refundDueDate('2026-03-29T00:59:59.999Z', 0).date).toBe('2026-03-29')
    expect(c.refundDueDate('2026-03-29T01:00:00Z', 0).date).toBe('2026-03-30')
  })

  /** Clock starts every `step` minutes from `from` to `to` (UTC ISO), in order. */
  const starts = (from: string, to: string, step: number) => {
    const out: number[] = []
    for (let t = Date.parse(from); t <= Date.parse(to); t += step * 60_000) out.push(t)
    return out
  }
  const SPANS: readonly [string, string][] = [
    ['2026-12-17T00:00:00Z', '2027-01-06T00:00:00Z'], // Christmas, the substitute days, New Year, four weekends
    ['2026-03-26T00:00:00Z', '2026-04-08T00:00:00Z'], // DST starts, Good Friday, Easter Monday
    ['2026-10-22T00:00:00Z', '2026-10-28T00:00:00Z'], // DST ends
  ]
  it.each([null, '16:00', '01:30', '00:00', '23:59'])(
    'never moves a due date earlier when the clock starts later (cutoff %s, every 7 minutes)',
    (cutoff) => {
      const c = createBusinessCalendar({ ...july.options, cutoff })
      for (const [from, to] of SPANS) {
        const clock = starts(from, to, 7)
        for (const n of [0, 1, 5]) {
          let previous = ''
          for (const start of clock) {
            const due = c.refundDueDate(start, n).date
            expect(due >= previous, `${new Date(start).toISOString()} n=${n}: ${due} before ${previous}`).toBe(true)
            expect(c.isBusinessDay(due)).toBe(true)
            previous = due
          }
        }
      }
    },
  )

  it('never moves a due date earlier across a skipped date or a DST change at midnight', () => {
    for (const [timeZone, from, to] of [
      ['Pacific/Apia', '2011-12-27T00:00:00Z', '2012-01-04T00:00:00Z'],
      ['America/Santiago', '2026-09-03T00:00:00Z', '2026-09-09T00:00:00Z'],
      ['America/Santiago', '2026-04-02T00:00:00Z', '2026-04-08T00:00:00Z'],
    ] as const) {
      for (const cutoff of [null, '00:00', '00:30', '23:30']) {
        const c = createBusinessCalendar({ timeZone, cutoff })
        let previous = ''
        for (const start of starts(from, to, 5)) {
          const due = c.refundDueDate(start, 1).date
          expect(due >= previous, `${timeZone} ${cutoff} ${new Date(start).toISOString()}`).toBe(true)
          previous = due
        }
      }
    }
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
describe('createBusinessCalendar: properties', () => {
  it('agrees with the naive date-fns + date-holidays composition', () => {
    const naive = createNaiveCalendar()
    fc.assert(
      fc.property(arbDate(), fc.integer({ min: 0, max: 30 }), (date, n) => {
        expect(london.isBusinessDay(date)).toBe(naive.isBusinessDay(date))
        if (n > 0) expect(london.addBusinessDays(date, n)).toBe(naive.addBusinessDays(date, n))
      }),
      { numRuns: 200, seed: SEED },
    )
    // The oracle asks date-holidays about every day it steps over: slow by design, hence the timeout.
  }, 60_000)

  it('lands on a business day, exactly n business days later, and inverts businessDaysBetween', () => {
    fc.assert(
      fc.property(arbDate(), fc.integer({ min: 1, max: 60 }), (date, n) => {
        const result = withCutoff.addBusinessDays(date, n)
        expect(withCutoff.isBusinessDay(result)).toBe(true)
        expect(withCutoff.businessDaysBetween(date, result)).toBe(n)
        expect(withCutoff.businessDaysBetween(result, date)).toBe(-n)
        // No business day is skipped: the day before the result is within n - 1.
        expect(withCutoff.businessDaysBetween(date, formatPlainDate(parsePlainDate(result, 'r') - 1))).toBe(n - 1)
      }),
      { seed: SEED },
    )
  })

  it('never moves a due date earlier when the clock starts later', () => {
    const range = { min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) }
    fc.assert(
      fc.property(fc.integer(range), fc.integer(range), fc.integer({ min: 0, max: 20 }), (a, b, n) => {
        const [early, late] = a <= b ? [a, b] : [b, a]
        const dueEarly = withCutoff.refundDueDate(early, n)
        const dueLate = withCutoff.refundDueDate(late, n)
        expect(dueEarly.date <= dueLate.date).toBe(true)
        expect(withCutoff.isBusinessDay(dueLate.date)).toBe(true)
      }),
      { seed: SEED },
    )
  })

  it('puts exactly n business days in (D0, due] for every refund clock start', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) }),
        fc.integer({ min: 1, max: 20 }),
        (start, n) => {
          const due = london.refundDueDate(start, n)
          expect(london.businessDaysBetween(london.localDate(start), due.date)).toBe(n)
          expect(london.localDate(due.dueBy)).toBe(due.date)
          expect(london.localDate(Date.parse(due.dueBy) + 1)).toBe(formatPlainDate(parsePlainDate(due.date, 'd') + 1))
        },
      ),
      { seed: SEED },
    )
  })

  it('ends every local day at the last millisecond before the next local midnight, in any zone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), arbDate(1970, 2040), (timeZone, date) => {
        const calendar = createBusinessCalendar({ timeZone })
        const end = Date.parse(calendar.endOfDay(date))
        const next = formatPlainDate(parsePlainDate(date, 'd') + 1)
        expect(calendar.localDate(new Date(end))).toBe(date)
        expect(calendar.localDate(new Date(end + 1))).toBe(next)
        // The day is between 22 and 26 hours long (23 or 25 on DST days).
        const previousEnd =
          parsePlainDate(date, 'd') === MIN_DAY
            ? end - 86_400_000
            : Date.parse(calendar.endOfDay(formatPlainDate(parsePlainDate(date, 'd') - 1)))
        expect(end - previousEnd).toBeGreaterThanOrEqual(22 * 3_600_000)
        expect(end - previousEnd).toBeLessThanOrEqual(26 * 3_600_000)
      }),
      { seed: SEED },
    )
  })

  it('reads local dates as Intl does, in any zone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: 0, max: Date.UTC(2040, 0, 1) }), (timeZone, ms) => {
        const expected = new Intl.DateTimeFormat('en-CA', {
          timeZone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
        }).format(ms)
        expect(createBusinessCalendar({ timeZone }).localDate(new Date(ms))).toBe(expected)
      }),
      { seed: SEED },
    )
  })
})

describe('createBusinessCalendar: out-of-range refund clocks', () => {
  it('names start when a refund clock east of UTC starts on a local date after 9999', () => {
    // 23:00 UTC on the last day of 9999 is already 1 January 10000 in Tokyo.
    const tokyo = createBusinessCalendar({ timeZone: 'Asia/Tokyo' })
    expect(() => tokyo.refundDueDate('9999-12-31T23:00:00Z', 1)).toThrow(
      new RefundRulesError([
        { code: 'OUT_OF_RANGE', path: 'start', message: 'the result would fall outside 1970–9999' },
      ]),
    )
  })
})
