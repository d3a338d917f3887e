/**
 * The closed dates of a date-holidays country recomputed without `src/`: each
 * holiday's own date and `start`/`end` instants read as local dates by `Intl`
 * in the country's zone, and the dates that zone never had found by `Intl` too. The
 * differential tests compare a calendar's `isBusinessDay` with it date by date
 * ({@link disagreements}, the only part that calls `src/`).
 */
import Holidays from 'date-holidays'
import { createBusinessCalendar } from '../../src/time/calendar.js'

const DAY = 86_400_000

/** `YYYY-MM-DD` of a UTC day number (days since 1970-01-01), by `Date`'s own UTC arithmetic. */
const utcDate = (day: number) => new Date(day * DAY).toISOString().slice(0, 10)
const utcDay = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY

/**
 * The dates of `fromYear`–`toYear` that a zone skipped (Samoa's 30 December
 * 2011): the local dates read at consecutive UTC noons jump by two or more
 * (offsets lie within ±14 h, so they step by one otherwise), and an hourly
 * reading across the jump never shows the date between.
 */
export function skippedDates(timeZone: string, fromYear: number, toYear: number): Set<string> {
  const local = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
  const skipped = new Set<string>()
  const from = utcDay(`${fromYear}-01-01`)
  const to = utcDay(`${toYear}-12-31`)
  let previous = local.format((from - 2) * DAY + DAY / 2)
  for (let day = from - 1; day <= to + 1; day++) {
    const reading = local.format(day * DAY + DAY / 2)
    for (let gap = utcDay(previous) + 1; gap < utcDay(reading); gap++) {
      const seen = Array.from({ length: 26 }, (_, h) => local.format((day - 1) * DAY + DAY / 2 + h * 3_600_000))
      const date = utcDate(gap)
      if (!seen.includes(date) && gap >= from && gap <= to) skipped.add(date)
    }
    previous = reading
  }
  return skipped
}

/** The country's zone as date-holidays names it (its first), or `undefined` when it names none. */
export function countryZone(country: string, state?: string): string | undefined {
  const holidays = state === undefined ? new Holidays(country) : new Holidays(country, state)
  return holidays.getTimezones()[0]
}

/** Every country code date-holidays knows, sorted. */
export function allCountries(): string[] {
  return Object.keys(new Holidays().getCountries()).sort()
}

export interface Expected {
  readonly timeZone: string
  /** Dates from `fromYear` to `toYear` that are closed by a public or bank holiday. */
  readonly closed: ReadonlySet<string>
  /** Dates from `fromYear` to `toYear` that the zone skipped. */
  readonly skipped: ReadonlySet<string>
  /** Every date from `fromYear` to `toYear`. */
  readonly dates: readonly string[]
}

/**
 * The expected closed and skipped dates of a country's public and bank
 * holidays in its own zone, for every date of `fromYear`–`toYear`. Holidays
 * listed for the year before are read too: their periods can reach into January.
 */
export function expectedClosedDates(
  country: string,
  fromYear: number,
  toYear: number,
  state?: string,
): Expected | undefined {
  const timeZone = countryZone(country, state)
  if (timeZone === undefined) return undefined
  const local = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
  // The zone is given, not left to date-holidays' default, so that the host's TZ never matters.
  const options = { types: ['public', 'bank'] as ('public' | 'bank')[], timezone: timeZone }
  const source = state === undefined ? new Holidays(country, options) : new Holidays(country, state, options)
  const first = `${fromYear}-01-01`
  const last = `${toYear}-12-31`
  const closed = new Set<string>()
  for (let year = fromYear - 1; year <= toYear; year++) {
    for (const holiday of source.getHolidays(year)) {
      // Every local date from the holiday's own date to the one its last
      // millisecond falls on. A holiday date-holidays starts at sunset the
      // evening before (Islamic, Jewish: its date reads "2020-05-24 00:00:00
      // -0600") does not close that evening's date; any other starts on its date.
      const from = utcDay(holiday.date.slice(0, 10))
      const startsOn = utcDay(local.format(holiday.start))
      if (startsOn !== (/ -\d{4}$/.test(holiday.date) ? from - 1 : from)) {
        throw new Error(`${country} ${holiday.date}: starts on ${local.format(holiday.start)} in ${timeZone}`)
      }
      const to = Math.max(from, utcDay(local.format(holiday.end.getTime() - 1)))
      for (let day = from; day <= to; day++) {
        const date = utcDate(day)
        if (date >= first && date <= last) closed.add(date)
      }
    }
  }
  const skipped = skippedDates(timeZone, fromYear, toYear)
  const dates: string[] = []
  for (let day = utcDay(first); day <= utcDay(last); day++) dates.push(utcDate(day))
  return { timeZone, closed, skipped, dates }
}

/** The dates on which the calendar and the oracle disagree, as `date: calendar says open|closed`. */
export function disagreements(country: string, fromYear: number, toYear: number, state?: string): string[] {
  const expected = expectedClosedDates(country, fromYear, toYear, state)
  if (expected === undefined) return [`${country}: date-holidays names no zone`]
  const calendar = createBusinessCalendar({
    timeZone: expected.timeZone,
    weekend: [],
    holidays: { country, ...(state === undefined ? {} : { state }) },
  })
  const wrong: string[] = []
  for (const date of expected.dates) {
    const business = !expected.closed.has(date) && !expected.skipped.has(date)
    if (calendar.isBusinessDay(date) !== business) wrong.push(`${date}: calendar says ${business ? 'closed' : 'open'}`)
  }
  return wrong
}
