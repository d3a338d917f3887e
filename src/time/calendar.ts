/**
 * The business calendar (SPEC §4, "Business days" and "Refund due date").
 *
 * A business day is a local date in the calendar's zone that is not a weekend
 * day, not a holiday of the listed types, and not a closed date — or that is an
 * open date, which wins over all three; a date the zone skipped is none. Each
 * (calendar, year) is computed once into a small bit set (23 16-bit words)
 * with its count, so stepping through business days never asks date-holidays
 * twice about the same year, and a long count adds whole years. Counts are
 * bounded (MAX_BUSINESS_DAYS, MAX_SPAN_DAYS), since date-holidays takes up to
 * about 50 ms to list a year.
 */
import Holidays from 'date-holidays'
import { expected, isRecord, isRefundRulesError, joinPath, refundRulesError, unreadable } from '../errors.js'
import { deepFreeze } from '../freeze.js'
import { type SettingsFields, SettingsReader, type Shape } from '../reader.js'
import { type EpochMs, formatInstant, type InstantInput, MAX_INSTANT, parseInstant } from './instant.js'
import {
  assertDayInRange,
  civilFromDays,
  type DayNumber,
  daysFromCivil,
  digits,
  formatPlainDate,
  MAX_DAY,
  MAX_YEAR,
  MS_PER_DAY,
  parsePlainDate,
  weekdayOf,
} from './plain-date.js'
import { createZone, localToInstant, MS_PER_MINUTE, type Zone } from './zone.js'

/** Holiday types date-holidays knows. */
export type HolidayType = 'public' | 'bank' | 'school' | 'optional' | 'observance'
const HOLIDAY_TYPES: readonly HolidayType[] = ['public', 'bank', 'school', 'optional', 'observance']
const DEFAULT_HOLIDAY_TYPES: readonly HolidayType[] = Object.freeze(['public', 'bank'])

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
  readonly holidays: ResolvedHolidays | false
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
 * integer, so a year costs about 150 bytes to keep. `count` is the number of
 * bits set, so that counting skips whole years; `spill` lists the dates of the
 * next year closed by holidays that start in this one (Incwala, 28 Dec – 2 Jan).
 */
interface YearBits {
  readonly first: DayNumber
  readonly length: number
  readonly bits: readonly number[]
  readonly count: number
  readonly spill: readonly DayNumber[]
}

const isSet = (bits: readonly number[], i: number) => ((bits[i >> 4] as number) & (1 << (i & 15))) !== 0

/**
 * The furthest a count may reach: ten years of days (3,653). date-holidays
 * takes up to about 50 ms to list one year of holidays (Hong Kong's lunar
 * rules), so a count must not wander over decades: ten years keep the worst
 * first call on a fresh calendar near half a second, and later calls read
 * the cached years.
 */
export const MAX_SPAN_DAYS = 3_653
/**
 * The largest `n` a count accepts: 2,000 business days fit in ten years on a
 * five-day week with up to 60 holidays a year.
 */
export const MAX_BUSINESS_DAYS = 2_000

/** Minutes by which a zone's offset must jump for a whole local date to be skipped (a date-line crossing). */
const DATE_LINE_JUMP = 24 * 60

const EMPTY: readonly DayNumber[] = Object.freeze([])
const EMPTY_TEXTS: readonly string[] = Object.freeze([])

// One instance with no country, made once, answers which countries, states and regions exist: making
// one per policy cost more than the rest of reading its calendar.
let lister: Holidays | undefined
const holidayLister = () => {
  lister ??= new Holidays()
  return lister
}
let countryList: Record<string, string> | undefined
function knownCountries(): Record<string, string> {
  countryList ??= holidayLister().getCountries()
  return countryList
}
// date-holidays builds each list afresh (a third of a millisecond for GB's states); a country's states,
// and a state's regions, are asked for once. Bounded by the data: about 200 countries and their states.
const stateLists = new Map<string, Record<string, string> | undefined>()
const regionLists = new Map<string, Record<string, string> | undefined>()
function knownStates(country: string): Record<string, string> | undefined {
  if (!stateLists.has(country)) stateLists.set(country, holidayLister().getStates(country))
  return stateLists.get(country)
}
function knownRegions(country: string, state: string): Record<string, string> | undefined {
  const key = `${country}/${state}`
  if (!regionLists.has(key)) regionLists.set(key, holidayLister().getRegions(country, state))
  return regionLists.get(key)
}

/** Whether `key` is a string naming one of a date-holidays list's entries (an undefined list has none). */
const isListed = (list: object | undefined, key: unknown): key is string =>
  typeof key === 'string' && Object.hasOwn(list ?? {}, key)
const CUTOFF = /^([01]\d|2[0-3]):[0-5]\d$/
const KNOWN = 'known to date-holidays'

/**
 * The most `closedDates` or `openDates` a calendar takes: 10,000 (27 years of
 * every day). A longer list is refused before any element is read, so a
 * million-date list (or an array claiming 2^32 − 1 elements) costs nothing.
 */
export const MAX_CALENDAR_DATES = 10_000

/** The resolved holidays: a country with optional state and region, and the types that close the calendar. */
export type ResolvedHolidays = Required<Omit<HolidayOptions, 'state' | 'region'>> &
  Pick<HolidayOptions, 'state' | 'region'>

/**
 * What an absent calendar option is: the defaults of a calendar of its own
 * (no holidays, no zone: the zone is required), or, inside a policy, the
 * published policy's calendar, over which a policy's calendar merges (SPEC §3).
 */
export interface CalendarBase {
  readonly timeZone?: string
  readonly weekend: readonly number[]
  readonly holidays: ResolvedHolidays | false
  readonly closedDates: readonly string[]
  readonly openDates: readonly string[]
  readonly cutoff: string | null
}

/** The defaults of a calendar made by {@link createBusinessCalendar}: Saturday and Sunday off, nothing else. */
const STANDALONE: CalendarBase = Object.freeze({
  weekend: Object.freeze([6, 0]),
  holidays: false,
  closedDates: EMPTY_TEXTS,
  openDates: EMPTY_TEXTS,
  cutoff: null,
})

/**
 * Calendar options as a settings object: their keys are the settings a
 * calendar knows (every other key is refused). What an absent one is, is the
 * base {@link readCalendar} is given.
 */
export const CALENDAR_OPTIONS: Shape = {
  what: 'calendar options',
  defaults: { timeZone: undefined, ...STANDALONE },
}
const CALENDAR_SETTING = 'calendar setting (timeZone, weekend, holidays, closedDates, openDates, cutoff)'
const HOLIDAYS: Shape = {
  what: '{ country, state?, region?, types? } or false',
  defaults: { country: undefined, state: undefined, region: undefined, types: undefined },
}
const HOLIDAYS_SETTING = 'holidays setting (country, state, region, types)'
const WEEKDAYS = 'weekday numbers 0 (Sunday) to 6 (Saturday)'

/**
 * The list at `key` of `calendar` (absent or `null`: `base`) as day numbers,
 * duplicates dropped and the first occurrence's place kept.
 */
function readDates(
  calendar: SettingsFields,
  key: 'closedDates' | 'openDates',
  base: readonly string[],
): Set<DayNumber> {
  const reader = calendar.reader
  const path = calendar.pathOf(key)
  const value = calendar.optional(key)
  const dates = value === undefined ? base : (reader.list(value, path, MAX_CALENDAR_DATES, 'YYYY-MM-DD dates') ?? [])
  const days = new Set<DayNumber>()
  for (const [index, date] of dates.entries()) {
    reader.attempt(() => days.add(parsePlainDate(date, joinPath(path, index))))
  }
  return days
}

const isWeekday = (d: unknown): d is number => typeof d === 'number' && Number.isInteger(d) && d >= 0 && d <= 6
const isHolidayType = (t: unknown): t is HolidayType => HOLIDAY_TYPES.includes(t as HolidayType)

/**
 * The `holidays` option merged over `base` (SPEC §3): `false` for none; an
 * object merges key by key, except that a country brings its own state and
 * region (the published `ENG` is no state of `DE`), and a state its own region.
 */
function readHolidays(calendar: SettingsFields, base: ResolvedHolidays | false): ResolvedHolidays | false | undefined {
  const reader = calendar.reader
  const value = calendar.raw('holidays')
  if (value === undefined) return base
  if (value === false) return false
  const holidays = reader.section(value, calendar.pathOf('holidays'), HOLIDAYS)
  if (holidays.source === undefined) return undefined
  holidays.rejectUnknownKeys(HOLIDAYS_SETTING)
  const given = {
    country: holidays.raw('country'),
    state: holidays.raw('state'),
    region: holidays.raw('region'),
    types: holidays.raw('types'),
  }
  const inherit = base !== false && given.country === undefined
  const country = inherit ? base.country : given.country
  const state = inherit && given.state === undefined ? base.state : given.state
  const region = inherit && given.state === undefined && given.region === undefined ? base.region : given.region
  if (!isListed(knownCountries(), country)) {
    return reader.invalid(holidays.pathOf('country'), `a country code ${KNOWN}`, country)
  }
  if (state !== undefined && !isListed(knownStates(country), state)) {
    return reader.invalid(holidays.pathOf('state'), `a state of ${country} ${KNOWN}`, state)
  }
  if (region !== undefined && (state === undefined || !isListed(knownRegions(country, state), region))) {
    return reader.invalid(holidays.pathOf('region'), `a region of ${country}/${String(state)} ${KNOWN}`, region)
  }
  const typesPath = holidays.pathOf('types')
  const types =
    given.types === undefined
      ? base === false
        ? DEFAULT_HOLIDAY_TYPES
        : base.types
      : reader.list(given.types, typesPath, HOLIDAY_TYPES.length * 2, `holiday types (${HOLIDAY_TYPES.join(', ')})`)
  if (types === undefined) return undefined
  if (types.length === 0 || !types.every(isHolidayType)) {
    return reader.invalid(typesPath, `a non-empty array of ${HOLIDAY_TYPES.join(', ')}`, types)
  }
  return {
    country,
    ...(state === undefined ? {} : { state }),
    ...(region === undefined ? {} : { region }),
    types: [...new Set(types)],
  }
}

/**
 * The first and last local dates a holiday date-holidays listed (dated in the calendar's zone) closes: from
 * its own date to the local date of its period's last millisecond. Its date, not its start: date-holidays
 * starts Islamic and Jewish holidays at sunset the evening before ("2020-05-24 00:00:00 -0600"), and that
 * evening's date is not the holiday. The calendar closes these dates, and `explain` names them.
 *
 * @example
 * const christmas = { date: '2026-12-25 00:00:00', end: new Date('2026-12-26T05:00:00Z') } // New York
 * holidaySpan(christmas, (ms) => Math.floor((ms - 5 * 3_600_000) / 86_400_000)) // => [20812, 20812]
 */
export function holidaySpan(
  holiday: { readonly date: string; readonly end: Date },
  localDay: (ms: EpochMs) => DayNumber,
): readonly [DayNumber, DayNumber] {
  const { date } = holiday
  const first = daysFromCivil(digits(date, 0, 4), digits(date, 5, 2), digits(date, 8, 2))
  return [first, Math.max(first, localDay(holiday.end.getTime() - 1))]
}

/**
 * Reads calendar options (SPEC §3, §4) from the fields of their settings
 * object, each problem an issue of the reader at its path, and builds the
 * calendar's day-number core when they have none. An absent option is
 * `base`'s: the published calendar inside a policy (so a policy's calendar
 * merges over it), a calendar's own defaults otherwise. Reads own properties
 * only, each once, and copies what it reads.
 *
 * @example
 * const reader = new SettingsReader('INVALID_POLICY')
 * const options = reader.section({ cutoff: '16:00' }, 'calendar', CALENDAR_OPTIONS)
 * const core = readCalendar(options, ctrGroupPolicy.calendar)
 * core?.options.timeZone // => 'Europe/London' (the published calendar's)
 */
export function readCalendar(calendar: SettingsFields, base: CalendarBase): CalendarCore | undefined {
  const reader = calendar.reader
  const issuesBefore = reader.issueCount()
  calendar.rejectUnknownKeys(CALENDAR_SETTING)
  const zone = calendar.parse('timeZone', (name, path) => createZone(name ?? base.timeZone, path))
  const weekendPath = calendar.pathOf('weekend')
  const weekendValue = calendar.raw('weekend')
  const weekend = weekendValue === undefined ? base.weekend : reader.list(weekendValue, weekendPath, 7, WEEKDAYS)
  if (weekend !== undefined && !weekend.every(isWeekday))
    reader.invalid(weekendPath, `an array of ${WEEKDAYS}`, weekend)
  const cutoffValue = calendar.raw('cutoff')
  const cutoff = cutoffValue === undefined ? base.cutoff : cutoffValue
  if (cutoff !== null && (typeof cutoff !== 'string' || !CUTOFF.test(cutoff))) {
    reader.invalid(calendar.pathOf('cutoff'), 'HH:mm or null', cutoff)
  }
  const closed = readDates(calendar, 'closedDates', base.closedDates)
  const open = readDates(calendar, 'openDates', base.openDates)
  const holidays = readHolidays(calendar, base.holidays)
  if (reader.issueCount() !== issuesBefore) return undefined
  const resolved: ResolvedCalendarOptions = deepFreeze({
    timeZone: (zone as Zone).timeZone,
    weekend: [...new Set(weekend as number[])],
    holidays: holidays as ResolvedHolidays | false,
    closedDates: Array.from(closed, formatPlainDate),
    openDates: Array.from(open, formatPlainDate),
    cutoff: cutoff as string | null,
  })
  return buildCore({ resolved, zone: zone as Zone, closed, open }, calendar.path)
}

/** Validated calendar options, and the zone and the closed and open dates as day numbers. */
interface CalendarSettings {
  readonly resolved: ResolvedCalendarOptions
  readonly zone: Zone
  readonly closed: ReadonlySet<DayNumber>
  readonly open: ReadonlySet<DayNumber>
}

/** Builds the day-number core of a calendar; `path` prefixes error paths (`calendar` inside a policy). */
function buildCore({ resolved, zone, closed, open }: CalendarSettings, path: string): CalendarCore {
  const { holidays, cutoff } = resolved
  // Own properties only: an absent state is none, never an inherited `Object.prototype.state`.
  const state = holidays && Object.hasOwn(holidays, 'state') ? holidays.state : undefined
  const region = holidays && Object.hasOwn(holidays, 'region') ? holidays.region : undefined
  const weekend = new Set(resolved.weekend)
  const cutoffMs = cutoff === null ? null : (digits(cutoff, 0, 2) * 60 + digits(cutoff, 3, 2)) * MS_PER_MINUTE
  const years = new Map<number, YearBits>()

  /**
   * The local dates closed by the holidays date-holidays lists for `year`,
   * which may run into the next year. A holiday closes exactly the dates its
   * period overlaps, counted as dates: a holiday on a 25-hour day closes that
   * date alone, a multi-day one (Eid) each of its dates, and a partial-day one
   * (Christmas Eve from 14:00 in Germany) its whole date.
   */
  function holidayDates(year: number): DayNumber[] {
    if (!holidays) return []
    // date-holidays reads an undefined state or region as none. It dates each
    // holiday in the calendar's own zone, so its period is read where the
    // calendar counts. A fresh instance for each year: an instance keeps
    // several kilobytes per year it has answered for, which would dwarf the
    // calendar's own bit sets.
    let entries: ReturnType<Holidays['getHolidays']>
    try {
      entries = new Holidays(holidays.country, state as string, region as string, {
        types: holidays.types as HolidayType[],
        timezone: zone.timeZone,
      }).getHolidays(year)
    } catch (error) {
      // date-holidays throws for years its rules cannot compute (the Jalaali calendar past 3177): a range
      // limit of the holiday data, named at the setting, never a crash that reads as bad input.
      throw refundRulesError(
        'OUT_OF_RANGE',
        joinPath(path, 'holidays'),
        `date-holidays cannot list the ${holidays.country} holidays of ${year} (${unreadable(error, 'computed')})`,
      )
    }
    const days: DayNumber[] = []
    for (const holiday of entries) {
      const [first, last] = holidaySpan(holiday, zone.localDay)
      for (let day = first; day <= last; day++) days.push(day)
    }
    return days
  }

  /**
   * Whether a zone jumps across a whole local date somewhere in `[first,
   * first + length)`: only an offset change of a day or more (Samoa's move
   * across the date line) can skip a date, so the year's offsets are sampled
   * daily and the dates are checked one by one only when such a jump shows.
   */
  function maySkipDates(first: DayNumber, length: number): boolean {
    let before = zone.offsetAt((first - 2) * MS_PER_DAY)
    for (let day = first - 1; day <= first + length + 1; day++) {
      const offset = zone.offsetAt(day * MS_PER_DAY)
      if (Math.abs(offset - before) >= DATE_LINE_JUMP) return true
      before = offset
    }
    return false
  }

  function yearBits(year: number): YearBits {
    let entry = years.get(year)
    if (entry !== undefined) return entry
    const first = daysFromCivil(year, 1, 1)
    const length = daysFromCivil(year + 1, 1, 1) - first
    // Dates closed by holidays: this year's own, and the tails of last year's
    // (from its cached entry, or listed afresh).
    const holidayDays = new Set<DayNumber>(
      years.get(year - 1)?.spill ?? holidayDates(year - 1).filter((day) => day >= first),
    )
    const spill: DayNumber[] = []
    for (const day of holidayDates(year)) {
      if (day >= first + length) spill.push(day)
      else holidayDays.add(day)
    }
    // A date exists when its first instant has it as local date; one the zone skipped has none.
    const skips = maySkipDates(first, length)
    const bits: number[] = new Array(Math.ceil(length / 16)).fill(0)
    let count = 0
    for (let i = 0; i < length; i++) {
      const day = first + i
      const business =
        (open.has(day) || !(weekend.has(weekdayOf(day)) || holidayDays.has(day) || closed.has(day))) &&
        !(skips && zone.localDay(zone.startOfDay(day)) !== day)
      if (business) {
        bits[i >> 4] = (bits[i >> 4] as number) | (1 << (i & 15))
        count++
      }
    }
    entry = { first, length, bits, count, spill: spill.length === 0 ? EMPTY : spill }
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
  // them would run to the end of the span on every evaluation.
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

  /**
   * At least as many business days as (from, to] holds: a weekday count
   * rounded up to whole weeks, plus every open date. Lets a count that cannot
   * be met within the span fail before any year is computed.
   */
  function businessDaysAtMost(from: DayNumber, to: DayNumber): number {
    return (Math.floor((to - from) / 7) + 1) * (7 - weekend.size) + open.size
  }

  function tooFar(from: DayNumber, limit: DayNumber, at: string) {
    return limit === MAX_DAY
      ? refundRulesError('OUT_OF_RANGE', at, `the result would fall after ${MAX_YEAR}`)
      : refundRulesError(
          'OUT_OF_RANGE',
          at,
          `the result would fall more than ${MAX_SPAN_DAYS} days (10 years) after ${formatPlainDate(from)}`,
        )
  }

  function addBusinessDays(day: DayNumber, n: number, at: string): DayNumber {
    if (openOnly !== undefined) return nthOpenDay(openOnly, day, n)
    assertDayInRange(day, at)
    const limit = Math.min(day + MAX_SPAN_DAYS, MAX_DAY)
    if (n > 0 && businessDaysAtMost(day, limit) < n) throw tooFar(day, limit, at)
    let current = yearBits(civilFromDays(day)[0])
    let i = day - current.first
    // n = 0: the day itself when it is a business day, else the next one.
    if (n === 0 && isSet(current.bits, i)) return day
    let remaining = Math.max(n, 1)
    // The rest of the start's year day by day, then whole years by their
    // counts, then the last year day by day; never past the limit.
    for (;;) {
      const end = Math.min(current.length, limit - current.first + 1)
      for (i++; i < end; i++) if (isSet(current.bits, i) && --remaining === 0) return current.first + i
      const next = current.first + current.length
      if (next > limit) throw tooFar(day, limit, at)
      current = yearBits(civilFromDays(next)[0])
      while (current.count < remaining && current.first + current.length <= limit) {
        remaining -= current.count
        current = yearBits(civilFromDays(current.first + current.length)[0])
      }
      i = -1
    }
  }

  /** The business days in [from, to], whole years by their counts. */
  function countBusinessDays(from: DayNumber, to: DayNumber): number {
    let count = 0
    let day = from
    while (day <= to) {
      const { first, length, bits, count: inYear } = yearBits(civilFromDays(day)[0])
      const end = Math.min(to, first + length - 1)
      if (day === first && end === first + length - 1) count += inYear
      else for (let d = day; d <= end; d++) if (isSet(bits, d - first)) count++
      day = end + 1
    }
    return count
  }

  function businessDaysBetween(a: DayNumber, b: DayNumber): number {
    if (Math.abs(b - a) > MAX_SPAN_DAYS) {
      throw refundRulesError('OUT_OF_RANGE', 'b', `a and b must be at most ${MAX_SPAN_DAYS} days (10 years) apart`)
    }
    // 0 - x rather than -x: a count of none is 0, never -0.
    return b < a ? 0 - countBusinessDays(b + 1, a) : countBusinessDays(a + 1, b)
  }

  /**
   * The first instant of `day` at which its clock shows the cutoff or later.
   * The cutoff passes once: in a repeated hour it passes the first time the
   * clock shows it, and in a skipped hour when the clock jumps over it.
   */
  function cutoffInstant(day: DayNumber, cutoffTime: number): EpochMs {
    const reading = localToInstant(zone, day, cutoffTime)
    if (!reading.moved) return reading.ms
    // Skipped: the jump is within the 14 hours (the largest offset) before the moved reading.
    const wall = day * MS_PER_DAY + cutoffTime
    let lo = reading.ms - 14 * 3_600_000
    let hi = reading.ms
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2)
      if (mid + zone.offsetAt(mid) * MS_PER_MINUTE >= wall) hi = mid
      else lo = mid
    }
    return hi
  }

  function clockStartDay(start: EpochMs): DayNumber {
    const day = zone.localDay(start)
    if (cutoffMs === null) return day
    // The deemed day of receipt: today if it is a business day and the cutoff
    // has not passed, otherwise the next business day (a Saturday request
    // counts from Monday, as one on Friday after the cutoff does).
    if (isBusinessDay(day) && start < cutoffInstant(day, cutoffMs)) return day
    return addBusinessDays(day, 1, 'cutoff')
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
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_BUSINESS_DAYS) {
    throw refundRulesError(
      'INVALID_INPUT',
      path,
      expected(`a whole number of business days from 0 to ${MAX_BUSINESS_DAYS}`, n),
    )
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
  const core = total('options', 'INVALID_POLICY', () => readOptions(options))
  const addDays = (date: string, n: number) =>
    formatPlainDate(core.addBusinessDays(parsePlainDate(date, 'date'), readCount(n, 'n'), 'date'))
  return Object.freeze({
    options: core.options,
    isBusinessDay: (date: string) =>
      total('date', 'INVALID_INPUT', () => core.isBusinessDay(parsePlainDate(date, 'date'))),
    nextBusinessDay: (date: string) => total('date', 'INVALID_INPUT', () => addDays(date, 1)),
    addBusinessDays: (date: string, n: number) => total('date', 'INVALID_INPUT', () => addDays(date, n)),
    businessDaysBetween: (a: string, b: string) =>
      total('a', 'INVALID_INPUT', () => core.businessDaysBetween(parsePlainDate(a, 'a'), parsePlainDate(b, 'b'))),
    localDate: (instant: InstantInput) =>
      total('instant', 'INVALID_INPUT', () => formatPlainDate(core.zone.localDay(parseInstant(instant, 'instant')))),
    endOfDay: (date: string) =>
      total('date', 'INVALID_INPUT', () => formatInstant(core.endOfDay(parsePlainDate(date, 'date'), 'date'))),
    refundDueDate: (start: InstantInput, n: number) =>
      total('start', 'INVALID_INPUT', () => {
        const due = core.addBusinessDays(core.clockStartDay(parseInstant(start, 'start')), readCount(n, 'n'), 'start')
        return Object.freeze({ date: formatPlainDate(due), dueBy: formatInstant(core.endOfDay(due, 'start')) })
      }),
  })
}

/** Reads a calendar's own options (no policy around them), throwing every problem at once. */
function readOptions(options: unknown): CalendarCore {
  if (!isRecord(options)) throw refundRulesError('INVALID_POLICY', 'options', expected('calendar options', options))
  const reader = new SettingsReader('INVALID_POLICY')
  const core = readCalendar(reader.section(options, '', CALENDAR_OPTIONS), STANDALONE)
  reader.finish()
  // A reading that found no problem built the core.
  return core as CalendarCore
}

/**
 * Runs one calendar call so that nothing but a `RefundRulesError` escapes: a
 * revoked proxy or a throwing getter among the arguments (or the options) is
 * `code` at `path`, naming only what was thrown.
 */
function total<T>(path: string, code: 'INVALID_POLICY' | 'INVALID_INPUT', run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (isRefundRulesError(error)) throw error
    throw refundRulesError(code, path, unreadable(error))
  }
}
