/**
 * Zones checked against `Intl` alone: the zone and calendar under test are
 * read at sampled instants and days, and every expected value comes from an
 * `Intl.DateTimeFormat` wall-clock reading (never from `src/time`). Shared by
 * the zone test in `npm test` (one year per zone) and the sweep in `npm run fuzz`.
 */
import { createBusinessCalendar } from '../../src/time/calendar.js'
import { createZone, type Zone } from '../../src/time/zone.js'

const MS_PER_DAY = 86_400_000

/** A local reading by `Intl`: the day number of the local date, and the offset in milliseconds. */
export interface IntlReading {
  readonly day: number
  readonly offsetMs: number
}

/**
 * `Intl`'s wall-clock reading of an instant in a zone: the local date as a day
 * number, and the offset as the reading (taken as UTC) minus the instant
 * truncated to the second. No offset string is parsed, so no sign can be lost.
 */
export function intlReader(timeZone: string): (ms: number) => IntlReading {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  })
  return (ms) => {
    const parts: Record<string, number> = {}
    for (const { type, value } of format.formatToParts(ms)) parts[type] = Number(value)
    const { year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0 } = parts
    const reading = Date.UTC(year, month - 1, day, hour, minute, second)
    return {
      day: Date.UTC(year, month - 1, day) / MS_PER_DAY,
      offsetMs: reading - (ms - (((ms % 1000) + 1000) % 1000)),
    }
  }
}

/** A small deterministic generator (mulberry32): `random(n)` is an integer in [0, n). */
export function seeded(seed: number): (below: number) => number {
  let state = seed >>> 0
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below)
  }
}

/**
 * Where `zone` says its offset changes in [from, to): daily readings, each
 * change bisected to the millisecond. These are only the points to probe; Intl judges them.
 */
function claimedChanges(zone: Zone, from: number, to: number): number[] {
  const out: number[] = []
  for (let t = from; t < to; t += MS_PER_DAY) {
    const next = Math.min(t + MS_PER_DAY, to) - 1
    if (zone.offsetAt(t) === zone.offsetAt(next)) continue
    let lo = t
    let hi = next
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2)
      if (zone.offsetAt(mid) === zone.offsetAt(t)) lo = mid
      else hi = mid
    }
    out.push(hi)
  }
  return out
}

/** How densely {@link checkZoneYear} probes a year. */
export interface ZoneYearProbes {
  /** Random instants in the year. */
  readonly samples: number
  /** Random days in the year whose start and end are checked (besides the days around each change). */
  readonly days: number
  /** Whether the business calendar's `endOfDay` is checked too (it builds its own zone tables: a second scan). */
  readonly calendarDays: boolean
  /** Also read Intl every `intlStepMs` through the year, to find changes the zone missed altogether. */
  readonly intlStepMs?: number
}

/**
 * Checks one UTC year of one zone against `Intl`: offsets, local dates and
 * local times one millisecond either side of every change the zone reports
 * and at random instants; and for the days around each change and random
 * days, that `startOfDay` is the first instant whose local date is that day
 * or later, and the calendar's `endOfDay` the last whose local date is that
 * day or earlier (a skipped day, Apia's 2011-12-30, has neither).
 */
export function checkZoneYear(
  timeZone: string,
  year: number,
  random: (below: number) => number,
  probes: ZoneYearProbes,
): { failures: string[]; checked: number } {
  const zone = createZone(timeZone, 'tz')
  const calendar = probes.calendarDays ? createBusinessCalendar({ timeZone }) : undefined
  const intl = intlReader(timeZone)
  const failures: string[] = []
  let checked = 0
  const expectAt = (ms: number) => {
    const { day, offsetMs } = intl(ms)
    const got = [zone.localDay(ms), Math.round(zone.offsetAt(ms) * 60_000), zone.localTimeOfDay(ms)]
    const want = [day, offsetMs, ms + offsetMs - day * MS_PER_DAY]
    checked++
    if (got.join() !== want.join()) failures.push(`${timeZone} at ${new Date(ms).toISOString()}: ${got} ≠ ${want}`)
  }
  const expectDay = (day: number) => {
    const start = zone.startOfDay(day)
    checked++
    if (!(intl(start).day >= day && intl(start - 1).day < day)) failures.push(`${timeZone} day ${day} starts ${start}`)
    if (calendar === undefined) return
    const end = Date.parse(calendar.endOfDay(new Date(day * MS_PER_DAY).toISOString().slice(0, 10)))
    if (!(intl(end).day <= day && intl(end + 1).day > day)) failures.push(`${timeZone} day ${day} ends ${end}`)
  }
  const from = Date.UTC(year, 0, 1)
  const to = Date.UTC(year + 1, 0, 1)
  const changes = claimedChanges(zone, from, to)
  for (const change of changes) {
    expectAt(change - 1)
    expectAt(change)
    const day = intl(change).day
    for (const d of [day - 1, day, day + 1]) expectDay(d)
  }
  for (let i = 0; i < probes.samples; i++) expectAt(from + random(to - from))
  for (let i = 0; i < probes.days; i++) expectDay(Math.floor((from + random(to - from)) / MS_PER_DAY))
  if (probes.intlStepMs !== undefined) {
    for (let t = from; t < to; t += probes.intlStepMs) {
      if (Math.round(zone.offsetAt(t) * 60_000) !== intl(t).offsetMs) failures.push(`${timeZone} at ${t}: offset`)
      checked++
    }
  }
  return { failures, checked }
}
