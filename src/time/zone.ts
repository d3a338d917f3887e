/**
 * Time-zone arithmetic without `Date`'s host-zone methods: UTC offsets,
 * local dates of instants, and the instants where local days begin.
 *
 * `@date-fns/tz`'s `tzOffset` asks `Intl` for an offset (about a microsecond
 * a call). A decision needs several, so each zone keeps, per UTC year, the
 * offset at the year's start and the instants where it changes; after the
 * first call in a year an offset is an array scan of at most a few entries.
 *
 * Two things `tzOffset` does not do are done here. It keeps one `Intl`
 * formatter per spelling of a zone name, forever: names are case-insensitive,
 * so a zone is canonicalised (`europe/london` → `Europe/London`) before it is
 * passed on, which bounds that cache by the zones `Intl` knows. And version 1.5
 * drops the sign of an offset under an hour west of UTC (`GMT-00:44:30`,
 * Africa/Monrovia until 1972, reads as +44.5 minutes): such offsets have their
 * sign read from `Intl` here.
 */
import { tzOffset } from '@date-fns/tz'
import { expected, refundRulesError } from '../errors.js'
import type { EpochMs } from './instant.js'
import { civilFromDays, type DayNumber, daysFromCivil, formatPlainDate, MS_PER_DAY, pieces } from './plain-date.js'

/** Milliseconds in a minute, the unit offsets are counted in. */
export const MS_PER_MINUTE = 60_000

/**
 * The offset changes within one UTC year, flattened as `instant, offset in
 * milliseconds, instant, offset, …`, the first pair at the year's start. Flat,
 * so that a year costs one small array of numbers (about 100 bytes) to keep.
 * Milliseconds, not minutes: an offset with seconds (−00:44:30) is a whole
 * number of them, and wall-clock readings stay integers.
 */
type YearOffsets = readonly number[]

/** A time zone's offset lookups; create with {@link createZone}. */
export interface Zone {
  /** The zone's canonical name, as `Intl` spells it (`europe/london` → `Europe/London`, `US/Eastern` → `America/New_York`). */
  readonly timeZone: string
  /** UTC offset in minutes at an instant (Europe/London in summer: 60; Africa/Monrovia in 1971, −00:44:30: −44.5). */
  offsetAt(ms: EpochMs): number
  /** The local calendar date of an instant. */
  localDay(ms: EpochMs): DayNumber
  /** Milliseconds since local midnight of an instant's local date (wall-clock reading). */
  localTimeOfDay(ms: EpochMs): number
  /** The first instant of a local date (its midnight, or the end of a DST gap that swallows midnight). */
  startOfDay(day: DayNumber): EpochMs
}

/**
 * Reads a zone's offset at an instant from `Intl`, in milliseconds.
 * `timeZone` must be canonical: `tzOffset` keeps a formatter per name it is given.
 */
function offsetReader(timeZone: string): (ms: EpochMs) => number {
  // Made on first need only: Monrovia before 1972 is the one zone in tzdata since 1970 that needs it.
  let signs: Intl.DateTimeFormat | undefined
  return (ms) => {
    const minutes = tzOffset(timeZone, new Date(ms))
    // Offsets are whole seconds; tzOffset's seconds / 60 is not exact in binary (28 s is 0.4666… min).
    const offset = Math.round(minutes * 60) * 1000
    // @date-fns/tz 1.5 reads `GMT-00:44:30` as +44.5 minutes: it takes the sign from the hours, and `-00` has none.
    // Only an offset under an hour can have lost its sign, so only those are read again.
    if (minutes > 0 && minutes < 60) {
      signs ??= new Intl.DateTimeFormat('en-US', intlOptions({ timeZone, timeZoneName: 'longOffset' }))
      if (signs.format(ms).includes('GMT-')) return -offset
    }
    return offset
  }
}

/**
 * The first instant in (lo, hi] at which `test` holds, found by bisection:
 * `test` fails at `lo` and holds from some instant up to `hi`.
 */
function firstWhere(lo: EpochMs, hi: EpochMs, test: (ms: EpochMs) => boolean): EpochMs {
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (test(mid)) hi = mid
    else lo = mid
  }
  return hi
}

/**
 * Offsets of a zone over one UTC year, from `start` to `end`. Zones change
 * their offset at most a few times a year and never twice within a day, so
 * sampling daily and bisecting each change to the millisecond finds every
 * change exactly.
 */
function scanYear(offsetNow: (ms: EpochMs) => number, start: EpochMs, end: EpochMs): YearOffsets {
  let before = offsetNow(start)
  const changes: number[] = [start, before]
  for (let t = start + MS_PER_DAY; t <= end; t += MS_PER_DAY) {
    const sample = Math.min(t, end - 1)
    const offset = offsetNow(sample)
    if (offset === before) continue
    // The offset is `before` a day earlier and `offset` at the sample.
    changes.push(
      firstWhere(t - MS_PER_DAY, sample, (ms) => offsetNow(ms) !== before),
      offset,
    )
    before = offset
  }
  return changes
}

/**
 * The canonical name of an IANA time zone, as `Intl` spells it, or
 * `undefined` for a name `Intl` does not know. Names are case-insensitive and
 * some are aliases: every spelling of a zone comes out as one name, so
 * anything kept per zone is kept once.
 *
 * @example
 * canonicalTimeZone('europe/LONDON') // => 'Europe/London'
 * canonicalTimeZone('Etc/GMT') // => 'UTC'
 * canonicalTimeZone('Mars/Olympus') // => undefined
 */
export function canonicalTimeZone(timeZone: unknown): string | undefined {
  // Intl itself refuses the empty string; the length cap keeps a huge string away from it.
  if (typeof timeZone !== 'string' || timeZone.length > 64) return undefined
  try {
    return new Intl.DateTimeFormat('en-US', intlOptions({ timeZone })).resolvedOptions().timeZone
  } catch {
    return undefined
  }
}

/**
 * Creates the offset lookups of an IANA time zone, under its canonical name.
 * Throws `INVALID_POLICY` at `path` for a zone `Intl` does not know.
 *
 * @example
 * const london = createZone('europe/london', 'calendar.timeZone')
 * london.timeZone // => 'Europe/London'
 * london.offsetAt(Date.parse('2026-07-01T00:00:00Z')) // => 60
 */
export function createZone(timeZone: unknown, path: string): Zone {
  const canonical = canonicalTimeZone(timeZone)
  if (canonical === undefined) {
    throw refundRulesError('INVALID_POLICY', path, expected('an IANA time zone', timeZone))
  }
  const offsetNow = offsetReader(canonical)
  // One entry per UTC year used; bounded by the supported 1970–9999 range
  // and a few dozen bytes each.
  const years = new Map<number, YearOffsets>()

  // The last year looked up, with its bounds: consecutive lookups are
  // nearly always in the same year, and skip the Map and the year arithmetic.
  let lastTable: YearOffsets = []
  let lastStart = 1
  let lastEnd = 0

  function tableFor(ms: EpochMs): YearOffsets {
    if (ms >= lastStart && ms < lastEnd) return lastTable
    const [year] = civilFromDays(Math.floor(ms / MS_PER_DAY))
    const start = daysFromCivil(year, 1, 1) * MS_PER_DAY
    const end = daysFromCivil(year + 1, 1, 1) * MS_PER_DAY
    let table = years.get(year)
    if (table === undefined) {
      table = scanYear(offsetNow, start, end)
      years.set(year, table)
    }
    lastTable = table
    lastStart = start
    lastEnd = end
    return table
  }

  function offsetMsAt(ms: EpochMs): number {
    const table = tableFor(ms)
    let offset = table[1] as number
    for (let i = 2; i < table.length && (table[i] as number) <= ms; i += 2) offset = table[i + 1] as number
    return offset
  }

  function wallClock(ms: EpochMs): number {
    return ms + offsetMsAt(ms)
  }

  function localDay(ms: EpochMs): DayNumber {
    return Math.floor(wallClock(ms) / MS_PER_DAY)
  }

  function startOfDay(day: DayNumber): EpochMs {
    const midnight = day * MS_PER_DAY
    // Local midnight is `midnight - offset`, where the offset is the one in
    // force then; two refinements settle it on either side of a change.
    let guess = midnight - offsetMsAt(midnight)
    guess = midnight - offsetMsAt(guess)
    if (localDay(guess) === day && localDay(guess - 1) < day) return guess
    // Midnight falls in a DST gap (or the guess straddles a change): the day
    // begins at the first instant whose local date is `day`. 26 hours either
    // side of UTC midnight is certainly the day before, and `day` or later.
    return firstWhere(midnight - 26 * 3_600_000, midnight + 26 * 3_600_000, (ms) => localDay(ms) >= day)
  }

  return Object.freeze({
    timeZone: canonical,
    offsetAt: (ms: EpochMs) => offsetMsAt(ms) / MS_PER_MINUTE,
    localDay,
    localTimeOfDay: (ms: EpochMs) => wallClock(ms) - localDay(ms) * MS_PER_DAY,
    startOfDay,
  })
}

/**
 * The instant of a local wall-clock reading (`day` at `timeOfDay` ms after
 * midnight). A reading that does not exist (a DST gap) moves forward by the
 * gap's length, as `Temporal`'s `disambiguation: 'compatible'` does; a
 * repeated reading (a DST overlap) takes the earlier instant.
 *
 * @example
 * const london = createZone('Europe/London', 'tz')
 * // 01:30 on 29 March 2026 does not exist in London; it becomes 02:30 BST.
 * localToInstant(london, daysFromCivil(2026, 3, 29), 90 * 60_000).moved // => true
 */
export function localToInstant(zone: Zone, day: DayNumber, timeOfDay: number): { ms: EpochMs; moved: boolean } {
  const wall = day * MS_PER_DAY + timeOfDay
  // Rounded: an offset with seconds is a fraction of a minute, and back in milliseconds it must be whole.
  const offsetMs = (ms: EpochMs) => Math.round(zone.offsetAt(ms) * MS_PER_MINUTE)
  const before = offsetMs(wall - MS_PER_DAY)
  const after = offsetMs(wall + MS_PER_DAY)
  // Try the earlier offset first, so an overlap resolves to the earlier instant.
  for (const offset of [before, after]) {
    const ms = wall - offset
    if (offsetMs(ms) === offset) return { ms, moved: false }
  }
  // In a gap: neither offset reproduces the reading. Read it with the offset
  // from before the gap, which lands the same distance past the gap's end.
  return { ms: wall - before, moved: true }
}

/**
 * An instant as a local wall-clock reading, `YYYY-MM-DD HH:mm` in the zone,
 * for messages that must show what a clock on the wall said.
 *
 * @example
 * formatLocalDateTime(createZone('Europe/London', 'tz'), Date.parse('2026-03-29T01:30:00Z')) // => '2026-03-29 02:30'
 */
export function formatLocalDateTime(zone: Zone, ms: EpochMs): string {
  const minutes = Math.floor(zone.localTimeOfDay(ms) / MS_PER_MINUTE)
  return `${formatPlainDate(zone.localDay(ms))} ${pieces().hourMinute[minutes]}`
}

/**
 * Options for `Intl` with no prototype. `Intl` reads every option it knows with
 * an ordinary property lookup, so an inherited `Object.prototype.calendar`
 * (someone else's pollution) would otherwise switch the calendar it formats in.
 *
 * @example
 * new Intl.DateTimeFormat('en', intlOptions({ timeZone: 'Europe/London' }))
 */
export function intlOptions(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormatOptions {
  return Object.assign(Object.create(null), options)
}
