/**
 * The business calendar (SPEC §4, "Business days" and "Refund due date").
 *
 * A business day is a local date in the calendar's zone that is not a weekend
 * day, not a holiday of the listed types, and not a closed date — or that is an
 * open date, which wins over all three. Each (calendar, year) is computed
 * once into a small bit set (23 16-bit words), so stepping through business days never asks
 * date-holidays twice about the same year.
 */
import Holidays from 'date-holidays'
import {
  collectPolicyIssues,
  expected,
  joinPath,
  type RefundRulesIssue,
  refundRulesError,
  throwIssues,
} from '../errors.js'
import { deepFreeze } from '../freeze.js'
import { type EpochMs, formatInstant, type InstantInput, MAX_INSTANT, parseInstant } from './instant.js'
import {
  assertDayInRange,
  civilFromDays,
  type DayNumber,
  daysFromCivil,
  digits,
  formatPlainDate,
  MAX_YEAR,
  MS_PER_DAY,
  parsePlainDate,
  weekdayOf,
} from './plain-date.js'
import { createZone, MS_PER_MINUTE, type Zone } from './zone.js'

/** Holiday types date-holidays knows. */
export type HolidayType = 'public' | 'bank' | 'school' | 'optional' | 'observance'
const HOLIDAY_TYPES: readonly HolidayType[] = ['public', 'bank', 'school', 'optional', 'observance']

/** Which holidays close the calendar: a date-holidays country with optional state and region. */
export interface HolidayOptions {
  /** ISO 3166-1 alpha-2 country code known to date-holidays, e.g. `GB`. */
  readonly country: string
  /** State or subdivision code, e.g. `ENG`. */
  readonly state?: string
  /** Region within the state. */
  readonly region?: string
  /** Holiday types that close the calendar. Default `['public', 'bank']`. */
  readonly types?: readonly HolidayType[]
}

/** Options of {@link createBusinessCalendar}. */
export interface BusinessCalendarOptions {
  /** IANA time zone in which dates are local, e.g. `Europe/London`. */
  readonly timeZone: string
  /** Weekday numbers that are not business days (0 Sunday … 6 Saturday). Default `[6, 0]`. */
  readonly weekend?: readonly number[]
  /** Holidays that close the calendar, or `false` for none. Default: none. */
  readonly holidays?: HolidayOptions | false
  /** Extra dates (`YYYY-MM-DD`) that are not business days. */
  readonly closedDates?: readonly string[]
  /** Dates (`YYYY-MM-DD`) that are business days whatever else says; wins over weekends, holidays and closed dates. */
  readonly openDates?: readonly string[]
  /** Local time (`HH:mm`) from which a request counts from the next business day. Default `null`. */
  readonly cutoff?: string | null
}

/** The settings of a calendar with every default filled in. */
export interface ResolvedCalendarOptions {
  readonly timeZone: string
  readonly weekend: readonly number[]
  readonly holidays:
    | (Required<Omit<HolidayOptions, 'state' | 'region'>> & Pick<HolidayOptions, 'state' | 'region'>)
    | false
  readonly closedDates: readonly string[]
  readonly openDates: readonly string[]
  readonly cutoff: string | null
}

/** A refund due date: the local date and the last millisecond of it, as a UTC ISO string. */
export interface DueDate {
  /** `YYYY-MM-DD` in the calendar's zone. */
  readonly date: string
  /** The last millisecond of `date` in the calendar's zone, as a UTC ISO string. */
  readonly dueBy: string
}

/** A business calendar; create with {@link createBusinessCalendar}. Every method is pure. */
export interface BusinessCalendar {
  /** The validated options with defaults filled in. */
  readonly options: ResolvedCalendarOptions
  /** Whether a `YYYY-MM-DD` date is a business day. */
  isBusinessDay(date: string): boolean
  /** The first business day strictly after a date. */
  nextBusinessDay(date: string): string
  /**
   * The n-th business day strictly after a date (n ≥ 1); for n = 0, the date
   * itself if it is a business day, otherwise the next business day.
   */
  addBusinessDays(date: string, n: number): string
  /** The number of business days in (a, b]; negative when b is before a. */
  businessDaysBetween(a: string, b: string): number
  /** The local date (`YYYY-MM-DD`) of an instant in the calendar's zone. */
  localDate(instant: InstantInput): string
  /** The last millisecond of a local date, as a UTC ISO string. */
  endOfDay(date: string): string
  /** SPEC §4's refund due date for a clock that starts at `start`: the n-th business day after it. */
  refundDueDate(start: InstantInput, n: number): DueDate
}

/**
 * The day-number core a calendar is built on; the clauses use it directly to
 * avoid parsing and formatting strings on the hot path.
 */
export interface CalendarCore {
  readonly options: ResolvedCalendarOptions
  readonly zone: Zone
  isBusinessDay(day: DayNumber): boolean
  /** The n-th business day after `day` (n = 0: `day` or the next business day). */
  addBusinessDays(day: DayNumber, n: number, path: string): DayNumber
  businessDaysBetween(a: DayNumber, b: DayNumber): number
  /** The local day on which a refund clock started at `start` begins counting (SPEC §4's D0). */
  clockStartDay(start: EpochMs): DayNumber
  /** The last millisecond of a local date. */
  endOfDay(day: DayNumber, path: string): EpochMs
}

/**
 * One year's business days: bit `i % 16` of `bits[i >> 4]` is set when day
 * `first + i` is a business day. 16-bit words keep every element a small
 * integer, so a year costs about 150 bytes to keep.
 */
interface YearBits {
  readonly first: DayNumber
  readonly length: number
  readonly bits: readonly number[]
}

const isSet = (bits: readonly number[], i: number) => ((bits[i >> 4] as number) & (1 << (i & 15))) !== 0

let countryList: Record<string, string> | undefined
function knownCountries(): Record<string, string> {
  countryList ??= new Holidays().getCountries()
  return countryList
}

/** Whether `key` is a string naming one of a date-holidays list's entries (an undefined list has none). */
const isListed = (list: object | undefined, key: unknown): key is string =>
  typeof key === 'string' && Object.hasOwn(list ?? {}, key)
const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value)
const CUTOFF = /^([01]\d|2[0-3]):[0-5]\d$/
const KNOWN = 'known to date-holidays'

/** Records an `INVALID_POLICY` issue, `expected <what>, received <value>`; returns `false` for callers that give up. */
function report(issues: RefundRulesIssue[], path: string, what: string, value: unknown): false {
  issues.push({ code: 'INVALID_POLICY', path, message: expected(what, value) })
  return false
}

/** A list of `YYYY-MM-DD` dates as day numbers, duplicates dropped and the first occurrence's place kept. */
function readDates(input: unknown, path: string, issues: RefundRulesIssue[]): Set<DayNumber> {
  const days = new Set<DayNumber>()
  if (Array.isArray(input)) {
    input.forEach((date, index) => {
      collectPolicyIssues(issues, () => days.add(parsePlainDate(date, joinPath(path, index))))
    })
  } else if (input !== undefined) report(issues, path, 'an array of YYYY-MM-DD dates', input)
  return days
}

/** The `holidays` option validated, with default types; `false` for none (or when it is invalid). */
function readHolidays(input: unknown, path: string, issues: RefundRulesIssue[]): ResolvedCalendarOptions['holidays'] {
  if (input === undefined || input === false) return false
  if (!isObject(input)) return report(issues, path, '{ country, state?, region?, types? } or false', input)
  const { country, state, region, types = ['public', 'bank'] } = input as Record<string, unknown>
  if (!isListed(knownCountries(), country)) {
    return report(issues, joinPath(path, 'country'), `a country code ${KNOWN}`, country)
  }
  const probe = new Holidays()
  if (state !== undefined && !isListed(probe.getStates(country), state)) {
    return report(issues, joinPath(path, 'state'), `a state of ${country} ${KNOWN}`, state)
  }
  if (region !== undefined && (state === undefined || !isListed(probe.getRegions(country, state), region))) {
    return report(issues, joinPath(path, 'region'), `a region of ${country}/${String(state)} ${KNOWN}`, region)
  }
  if (!Array.isArray(types) || types.length === 0 || !types.every((t) => HOLIDAY_TYPES.includes(t))) {
    return report(issues, joinPath(path, 'types'), `a non-empty array of ${HOLIDAY_TYPES.join(', ')}`, types)
  }
  return {
    country,
    ...(state === undefined ? {} : { state }),
    ...(region === undefined ? {} : { region }),
    types: [...new Set(types as HolidayType[])],
  }
}

/** Validates calendar options, collecting every problem; `path` prefixes each issue's path. */
function resolveOptions(input: unknown, path: string) {
  if (!isObject(input)) throw refundRulesError('INVALID_POLICY', path || 'options', expected('calendar options', input))
  const options = input as Record<string, unknown>
  const issues: RefundRulesIssue[] = []
  const zone = collectPolicyIssues(issues, () => createZone(options.timeZone, joinPath(path, 'timeZone')))
  const weekend = options.weekend ?? [6, 0]
  if (!Array.isArray(weekend) || !weekend.every((d) => Number.isInteger(d) && d >= 0 && d <= 6) || weekend.length > 7) {
    report(issues, joinPath(path, 'weekend'), 'an array of weekday numbers 0 (Sunday) to 6 (Saturday)', weekend)
  }
  const cutoff = options.cutoff ?? null
  if (cutoff !== null && (typeof cutoff !== 'string' || !CUTOFF.test(cutoff))) {
    report(issues, joinPath(path, 'cutoff'), 'HH:mm or null', cutoff)
  }
  const closed = readDates(options.closedDates, joinPath(path, 'closedDates'), issues)
  const open = readDates(options.openDates, joinPath(path, 'openDates'), issues)
  const holidays = readHolidays(options.holidays, joinPath(path, 'holidays'), issues)
  throwIssues(issues)
  const resolved: ResolvedCalendarOptions = deepFreeze({
    timeZone: (zone as Zone).timeZone,
    weekend: [...new Set(weekend as number[])],
    holidays,
    closedDates: Array.from(closed, formatPlainDate),
    openDates: Array.from(open, formatPlainDate),
    cutoff: cutoff as string | null,
  })
  return { resolved, zone: zone as Zone, closed, open }
}

/**
 * Builds the day-number core of a calendar. Used by {@link createBusinessCalendar}
 * and by policies; `path` prefixes error paths (`calendar` inside a policy).
 *
 * @example
 * const core = createCalendarCore({ timeZone: 'Europe/London' }, 'calendar')
 * core.isBusinessDay(daysFromCivil(2026, 12, 26)) // => false (a Saturday)
 */
export function createCalendarCore(input: unknown, path = ''): CalendarCore {
  const { resolved, zone, closed, open } = resolveOptions(input, path)
  const { holidays, cutoff } = resolved
  const weekend = new Set(resolved.weekend)
  const cutoffMs = cutoff === null ? null : (digits(cutoff, 0, 2) * 60 + digits(cutoff, 3, 2)) * MS_PER_MINUTE
  const years = new Map<number, YearBits>()

  function yearBits(year: number): YearBits {
    let entry = years.get(year)
    if (entry !== undefined) return entry
    const first = daysFromCivil(year, 1, 1)
    const length = daysFromCivil(year + 1, 1, 1) - first
    const holidayDays = new Set<DayNumber>()
    // date-holidays reads an undefined state or region as none. A fresh instance
    // for each year computed: an instance keeps several kilobytes per year it
    // has answered for, which would dwarf the calendar's own bit sets.
    const entries = holidays
      ? new Holidays(holidays.country, holidays.state as string, holidays.region as string, {
          types: holidays.types as HolidayType[],
        }).getHolidays(year)
      : []
    for (const holiday of entries) {
      // Every local date an entry touches, from its start date. Most holidays
      // last 24 h; some last several days (Eid), and a few only part of a day
      // (Christmas Eve from 14:00 in Germany), which closes the whole date.
      const { date } = holiday
      const start = daysFromCivil(digits(date, 0, 4), digits(date, 5, 2), digits(date, 8, 2))
      const days = Math.max(1, Math.ceil((holiday.end.getTime() - holiday.start.getTime()) / MS_PER_DAY))
      for (let i = 0; i < days; i++) holidayDays.add(start + i)
    }
    const bits: number[] = new Array(Math.ceil(length / 16)).fill(0)
    for (let i = 0; i < length; i++) {
      const day = first + i
      const business = open.has(day) || !(weekend.has(weekdayOf(day)) || holidayDays.has(day) || closed.has(day))
      if (business) bits[i >> 4] = (bits[i >> 4] as number) | (1 << (i & 15))
    }
    entry = { first, length, bits }
    years.set(year, entry)
    return entry
  }

  function isBusinessDay(day: DayNumber): boolean {
    const [year] = civilFromDays(day)
    const { first, bits } = yearBits(year)
    return isSet(bits, day - first)
  }

  // With every weekday a weekend day, the business days are exactly the open
  // dates: they are counted directly, since a day-by-day scan past the last of
  // them would run to the year 9999 (seconds, on every evaluation).
  const openOnly = resolved.weekend.length === 7 ? [...open].sort((a, b) => a - b) : undefined

  /**
   * The n-th of the sorted open dates after `day` (n = 0: `day` or the next
   * one), for a calendar whose only business days they are.
   */
  function nthOpenDay(openDates: readonly DayNumber[], day: DayNumber, n: number): DayNumber {
    const count = Math.max(n, 1)
    const found = openDates.filter((d) => (n === 0 ? d >= day : d > day))[count - 1]
    if (found !== undefined) return found
    // No open dates either: the calendar has no business days at all.
    if (openDates.length === 0) {
      throw refundRulesError('INVALID_POLICY', joinPath(path, 'weekend'), 'the calendar has no business days')
    }
    throw refundRulesError(
      'INVALID_POLICY',
      joinPath(path, 'openDates'),
      `the calendar has fewer than ${count} business days from ${formatPlainDate(day)}: every weekday is a weekend day and too few open dates follow`,
    )
  }

  function addBusinessDays(day: DayNumber, n: number, at: string): DayNumber {
    if (openOnly !== undefined) return nthOpenDay(openOnly, day, n)
    let [year] = civilFromDays(day)
    let current = yearBits(year)
    let remaining = n
    let d = day
    let i = d - current.first
    if (remaining === 0) {
      // n = 0: the day itself when it is a business day, else the next one.
      if (isSet(current.bits, i)) return d
      remaining = 1
    }
    while (remaining > 0) {
      d++
      i++
      if (i >= current.length) {
        year++
        if (year > MAX_YEAR) throw refundRulesError('OUT_OF_RANGE', at, `the result would fall after ${MAX_YEAR}`)
        current = yearBits(year)
        i = 0
      }
      if (isSet(current.bits, i)) remaining--
    }
    return d
  }

  function businessDaysBetween(a: DayNumber, b: DayNumber): number {
    if (b < a) return -businessDaysBetween(b, a)
    let count = 0
    for (let d = a + 1; d <= b; d++) if (isBusinessDay(d)) count++
    return count
  }

  function clockStartDay(start: EpochMs): DayNumber {
    const day = zone.localDay(start)
    if (cutoffMs !== null && zone.localTimeOfDay(start) >= cutoffMs) return addBusinessDays(day, 1, 'cutoff')
    return day
  }

  function endOfDay(day: DayNumber, at: string): EpochMs {
    assertDayInRange(day, at)
    // West of UTC, the last day of 9999 ends after the last supported instant: it ends there instead.
    return Math.min(zone.startOfDay(day + 1) - 1, MAX_INSTANT)
  }

  return Object.freeze({
    options: resolved,
    zone,
    isBusinessDay,
    addBusinessDays,
    businessDaysBetween,
    clockStartDay,
    endOfDay,
  })
}

function readCount(n: unknown, path: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 100_000) {
    throw refundRulesError('INVALID_INPUT', path, expected('a whole number of business days from 0 to 100000', n))
  }
  return n
}

/**
 * Creates a business calendar: weekends, date-holidays holidays, closed and
 * open dates, and an optional cutoff, all in one IANA zone. Dates in and out
 * are `YYYY-MM-DD` strings; instants in are any {@link InstantInput} (a `Date`,
 * epoch ms, or ISO string with an offset). Bad options throw `INVALID_POLICY` listing every problem.
 *
 * @example
 * const calendar = createBusinessCalendar({
 *   timeZone: 'Europe/London',
 *   holidays: { country: 'GB', state: 'ENG' },
 * })
 * calendar.addBusinessDays('2026-12-22', 5) // => '2026-12-31'
 * calendar.refundDueDate('2026-12-22T10:00:00Z', 5)
 * // => { date: '2026-12-31', dueBy: '2026-12-31T23:59:59.999Z' }
 */
export function createBusinessCalendar(options: BusinessCalendarOptions): BusinessCalendar {
  const core = createCalendarCore(options)
  const addBusinessDays = (date: string, n: number) =>
    formatPlainDate(core.addBusinessDays(parsePlainDate(date, 'date'), readCount(n, 'n'), 'date'))
  return Object.freeze({
    options: core.options,
    isBusinessDay: (date: string) => core.isBusinessDay(parsePlainDate(date, 'date')),
    nextBusinessDay: (date: string) => addBusinessDays(date, 1),
    addBusinessDays,
    businessDaysBetween: (a: string, b: string) =>
      core.businessDaysBetween(parsePlainDate(a, 'a'), parsePlainDate(b, 'b')),
    localDate: (instant: InstantInput) => formatPlainDate(core.zone.localDay(parseInstant(instant, 'instant'))),
    endOfDay: (date: string) => formatInstant(core.endOfDay(parsePlainDate(date, 'date'), 'date')),
    refundDueDate: (start: InstantInput, n: number) => {
      const due = core.addBusinessDays(core.clockStartDay(parseInstant(start, 'start')), readCount(n, 'n'), 'start')
      return Object.freeze({ date: formatPlainDate(due), dueBy: formatInstant(core.endOfDay(due, 'start')) })
    },
  })
}
