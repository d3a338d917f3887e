/**
 * Holidays of a business calendar, straight from date-holidays, and the
 * dates and instants on and around them.
 */
import Holidays from 'date-holidays'
import fc from 'fast-check'
import { ctrGroupPolicy } from '../policy/presets.js'
import type { BusinessCalendarOptions, HolidayType } from '../time/calendar.js'
import { formatPlainDate, parsePlainDate } from '../time/plain-date.js'
import { arbInstantOnDate, DEFAULT_FROM_YEAR, DEFAULT_TO_YEAR, type EpochMs, type YearRange } from './instants.js'

const cache = new Map<string, readonly string[]>()

/** `YYYY-MM-DD` of an instant in a zone, by `Intl` alone (independent of the library's zone code). */
function localDateOf(ms: number, format: Intl.DateTimeFormat): string {
  const part = (type: string) => format.formatToParts(ms).find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}

/**
 * Every local date (`YYYY-MM-DD`) that a calendar's holidays close, within
 * the years (default 2000–2040), sorted, minus the calendar's `openDates`.
 * SPEC §4 (edition 2): a holiday closes exactly the dates its period
 * overlaps, counted as dates in the calendar's zone — from date-holidays' own
 * date of its start to the local date of its last millisecond — so a holiday
 * on a 25-hour day closes that date alone, and one that starts in December may
 * close January dates. Defaults to the published calendar (GB/England public
 * and bank holidays).
 *
 * @example
 * holidayDates(undefined, { fromYear: 2026, toYear: 2026 }).includes('2026-12-28') // => true (Boxing Day substitute)
 */
export function holidayDates(
  calendar: BusinessCalendarOptions = ctrGroupPolicy.calendar,
  years: YearRange = {},
): readonly string[] {
  const holidays = calendar.holidays
  if (holidays === undefined || holidays === false) return Object.freeze([])
  const fromYear = years.fromYear ?? DEFAULT_FROM_YEAR
  const toYear = years.toYear ?? DEFAULT_TO_YEAR
  const types: HolidayType[] = [...(holidays.types ?? ['public', 'bank'])]
  const { timeZone } = calendar
  const key = JSON.stringify([holidays.country, holidays.state, holidays.region, types, timeZone, fromYear, toYear])
  let dates = cache.get(key)
  if (dates === undefined) {
    // date-holidays reads an undefined state or region as none; `timezone` dates its periods in the calendar's zone.
    const source = new Holidays(holidays.country, holidays.state as string, holidays.region as string, {
      types,
      timezone: timeZone,
    })
    const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    const days = new Set<number>()
    for (let year = fromYear; year <= toYear; year++) {
      for (const h of source.getHolidays(year)) {
        const first = parsePlainDate(h.date.slice(0, 10), 'holiday')
        const last = parsePlainDate(localDateOf(h.end.getTime() - 1, format), 'holiday')
        for (let day = first; day <= Math.max(first, last); day++) days.add(day)
      }
    }
    dates = Object.freeze([...days].sort((x, y) => x - y).map(formatPlainDate))
    cache.set(key, dates)
  }
  const open = new Set(calendar.openDates ?? [])
  return open.size === 0 ? dates : dates.filter((date) => !open.has(date))
}

function nonEmpty(calendar: BusinessCalendarOptions, years: YearRange): readonly string[] {
  const dates = holidayDates(calendar, years)
  if (dates.length === 0) throw new Error('holiday generators: the calendar has no holidays in those years')
  return dates
}

/**
 * A date (`YYYY-MM-DD`) that the calendar's holidays close: a non-business
 * day of `createBusinessCalendar(calendar)`. Default: the published calendar, 2000–2040.
 *
 * @example
 * arbHolidayDate({ timeZone: 'Europe/Berlin', holidays: { country: 'DE', state: 'BY' } }, { fromYear: 2026, toYear: 2030 })
 */
export function arbHolidayDate(
  calendar: BusinessCalendarOptions = ctrGroupPolicy.calendar,
  years: YearRange = {},
): fc.Arbitrary<string> {
  return fc.constantFrom(...nonEmpty(calendar, years))
}

/** A date near a holiday. */
export interface NearHolidayDate {
  /** `YYYY-MM-DD`. */
  readonly date: string
  /** The holiday it is near. */
  readonly holiday: string
  /** `date` minus `holiday` in days (−days … +days; 0 is the holiday itself). */
  readonly offsetDays: number
}

/**
 * A date within `days` (default 3) of a holiday, tagged with the holiday and the distance:
 * the days where "5 business days" stretches.
 *
 * @example
 * arbNearHolidayDate(undefined, { days: 1 }) // { date: '2026-12-24', holiday: '2026-12-25', offsetDays: -1 }, …
 */
export function arbNearHolidayDate(
  calendar: BusinessCalendarOptions = ctrGroupPolicy.calendar,
  options: YearRange & { readonly days?: number } = {},
): fc.Arbitrary<NearHolidayDate> {
  const days = options.days ?? 3
  return fc
    .tuple(fc.constantFrom(...nonEmpty(calendar, options)), fc.integer({ min: -days, max: days }))
    .map(([holiday, offsetDays]) => ({
      date: formatPlainDate(parsePlainDate(holiday, 'holiday') + offsetDays),
      holiday,
      offsetDays,
    }))
}

/**
 * An instant (epoch ms) on a holiday, or within `days` of one (default 0),
 * local to the calendar's zone.
 *
 * @example
 * arbHolidayInstant() // an instant on an English bank holiday, London time
 * arbHolidayInstant(undefined, { days: 2 }) // …or up to two days either side
 */
export function arbHolidayInstant(
  calendar: BusinessCalendarOptions = ctrGroupPolicy.calendar,
  options: YearRange & { readonly days?: number } = {},
): fc.Arbitrary<EpochMs> {
  const dates = arbNearHolidayDate(calendar, { ...options, days: options.days ?? 0 }).map((near) => near.date)
  return arbInstantOnDate(dates, calendar.timeZone)
}
