/**
 * The closed days a due date skipped, each with why it is closed: the
 * weekend, a holiday by its name in the reader's language (date-holidays),
 * or one of the policy's closed dates. Recomputed from the policy's calendar
 * settings, by SPEC §4's rules, so the line can be checked against the
 * calendar: the days named are exactly those the calendar does not count.
 */
import Holidays from 'date-holidays'
import { type BusinessCalendar, holidaySpan, type ResolvedCalendarOptions } from '../time/calendar.js'
import {
  civilFromDays,
  type DayNumber,
  formatPlainDate,
  MIN_DAY,
  parsePlainDate,
  weekdayOf,
} from '../time/plain-date.js'

/** A run of consecutive closed days with one reason. */
export interface ClosedRun {
  readonly first: DayNumber
  readonly last: DayNumber
  /** A holiday's name, or `undefined` for the weekend and `null` for a policy's closed date. */
  readonly holiday: string | undefined | null
}

/**
 * The day counting starts after: the last business day before the `n`
 * business days counted back from `due`, so that exactly `n` business days
 * lie in (that day, due] and every closed day between is named. A request on
 * a closed day (without a cutoff) counts from that day, which gives the same
 * due date: the decision alone cannot tell the two apart, and the earlier
 * day names more of what was skipped. `undefined` when `due` is not a
 * business day of this calendar or no such day exists from 1970 on.
 *
 * @example
 * countingStart(calendar, daysFromCivil(2026, 12, 31), 5) // => day number of 2026-12-22
 */
export function countingStart(calendar: BusinessCalendar, due: DayNumber, n: number): DayNumber | undefined {
  if (!calendar.isBusinessDay(formatPlainDate(due))) return undefined
  // The due date is the n-th business day counted back from itself; the day sought is the (n + 1)-th.
  let counted = 1
  for (let day = due - 1; day >= MIN_DAY; day--) {
    if (calendar.isBusinessDay(formatPlainDate(day)) && ++counted === n + 1) return day
  }
  return undefined
}

/** Holiday names by local date in the calendar's zone, for the years from `first` to `last`, in `language`. */
function holidayNames(
  calendar: BusinessCalendar,
  holidays: Exclude<ResolvedCalendarOptions['holidays'], false>,
  first: DayNumber,
  last: DayNumber,
  language: string,
): Map<DayNumber, string> {
  const names = new Map<DayNumber, string>()
  // Dated in the calendar's zone, as the calendar dates them: in the country's own zone a holiday's
  // period would reach a neighbouring date there (Christmas in London ends on 25 Dec in New York).
  const source = new Holidays(holidays.country, holidays.state as string, holidays.region as string, {
    types: [...holidays.types],
    languages: [language],
    timezone: calendar.options.timeZone,
  })
  // The year before too: a holiday that starts in December closes January days (SPEC §4).
  for (let year = civilFromDays(first)[0] - 1; year <= civilFromDays(last)[0]; year++) {
    for (const holiday of source.getHolidays(year)) {
      // The dates the calendar closes for it.
      const [start, end] = holidaySpan(holiday, (ms) => parsePlainDate(calendar.localDate(ms), 'holiday'))
      for (let day = start; day <= end; day++) {
        const known = names.get(day)
        if (known === undefined) names.set(day, holiday.name)
        else if (!known.split(' / ').includes(holiday.name)) names.set(day, `${known} / ${holiday.name}`)
      }
    }
  }
  return names
}

/**
 * The closed days strictly after `from` up to `due`, as runs of consecutive
 * days closed for the same reason. The weekend wins over a holiday that falls
 * on it (a Saturday Boxing Day is weekend; its Monday substitute is the holiday).
 *
 * @example
 * closedRuns(calendar, day(2026, 12, 22), day(2026, 12, 31), 'en')
 * // => 25 Dec 'Christmas Day', 26–27 Dec weekend, 28 Dec 'Boxing Day (substitute day)'
 */
export function closedRuns(
  calendar: BusinessCalendar,
  from: DayNumber,
  due: DayNumber,
  language: string,
): readonly ClosedRun[] {
  const { weekend, holidays } = calendar.options
  const closed: DayNumber[] = []
  for (let day = from + 1; day < due; day++) if (!calendar.isBusinessDay(formatPlainDate(day))) closed.push(day)
  const names = holidays && closed.length > 0 ? holidayNames(calendar, holidays, from, due, language) : undefined
  const runs: ClosedRun[] = []
  for (const day of closed) {
    const holiday = weekend.includes(weekdayOf(day)) ? undefined : (names?.get(day) ?? null)
    const previous = runs.at(-1)
    if (previous !== undefined && previous.last === day - 1 && previous.holiday === holiday) {
      runs[runs.length - 1] = { ...previous, last: day }
    } else runs.push({ first: day, last: day, holiday })
  }
  return runs
}
