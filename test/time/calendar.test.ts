import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RefundRulesError } from '../../src/errors.js'
import { createBusinessCalendar } from '../../src/time/calendar.js'
import { formatPlainDate, MIN_DAY, parsePlainDate } from '../../src/time/plain-date.js'
import { createNaiveCalendar } from '../support/naive.js'

const london = createBusinessCalendar({
  timeZone: 'Europe/London',
  holidays: { country: 'GB', state: 'ENG', types: ['public', 'bank'] },
})
const withCutoff = createBusinessCalendar({ ...london.options, cutoff: '16:00' })

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

describe('createBusinessCalendar: properties', () => {
  it('agrees with the naive date-fns + date-holidays composition', () => {
    const naive = createNaiveCalendar()
    fc.assert(
      fc.property(arbDate(), fc.integer({ min: 0, max: 30 }), (date, n) => {
        expect(london.isBusinessDay(date)).toBe(naive.isBusinessDay(date))
        if (n > 0) expect(london.addBusinessDays(date, n)).toBe(naive.addBusinessDays(date, n))
      }),
      { numRuns: 200 },
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
    )
  })
})

describe('createBusinessCalendar: out-of-range refund clocks (mutation testing)', () => {
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
