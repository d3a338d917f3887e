/**
 * Calendar months in a time zone (SPEC §4, "Months"), for the inactivity
 * clause's "more than 12 months".
 */
import { type EpochMs, MAX_INSTANT } from './instant.js'
import { assertDayInRange, civilFromDays, daysFromCivil, daysInMonth, outOfRange } from './plain-date.js'
import { localToInstant, type Zone } from './zone.js'

/** The instant some months after another, and what had to give way to reach it. */
export interface MonthsLater {
  readonly ms: EpochMs
  /** The target month lacks the day (31 Jan + 1 month): the last day of the month was used. */
  readonly clamped: boolean
  /** The local time does not exist on the target day (a DST gap): it moved forward by the gap. */
  readonly movedForward: boolean
}

/**
 * Adds calendar months at the same local wall-clock time in `zone`. A day the
 * target month lacks clamps to its last day (29 Feb + 12 months = 28 Feb); a
 * local time skipped by a DST change moves forward by the gap; a repeated
 * local time takes its earlier occurrence. A result after 9999 (as a local
 * date, or as an instant) is `OUT_OF_RANGE` at `path`.
 *
 * @example
 * const london = createZone('Europe/London', 'calendar.timeZone')
 * addMonthsInZone(london, Date.parse('2028-02-29T12:00:00Z'), 12, 'deactivatesAt')
 * // => { ms: Date.parse('2029-02-28T12:00:00Z'), clamped: true, movedForward: false }
 */
export function addMonthsInZone(zone: Zone, ms: EpochMs, months: number, path: string): MonthsLater {
  const [year, month, day] = civilFromDays(zone.localDay(ms))
  const monthIndex = month - 1 + months
  const targetYear = year + Math.floor(monthIndex / 12)
  const targetMonth = (monthIndex % 12) + 1
  const lastDay = daysInMonth(targetYear, targetMonth)
  const targetDay = assertDayInRange(daysFromCivil(targetYear, targetMonth, Math.min(day, lastDay)), path)
  const local = localToInstant(zone, targetDay, zone.localTimeOfDay(ms))
  // The last local day of 9999 west of UTC ends in the year 10000 (UTC): in range as a date, not as an instant.
  if (local.ms > MAX_INSTANT) throw outOfRange(path)
  return { ms: local.ms, clamped: day > lastDay, movedForward: local.moved }
}
