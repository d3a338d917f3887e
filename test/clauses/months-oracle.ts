/**
 * An oracle for SPEC §4's months, on `Intl` alone (no code from src/): the
 * instant an account is deactivated, `months` calendar months after its last
 * activity at the same local time in `timeZone`, clamped to the month's last
 * day, moved forward across a DST gap (by the gap's length), the earlier
 * instant of a repeated local time.
 */
import { type IntlReading, intlReader } from '../support/intl-zones.js'

const MS_PER_DAY = 86_400_000
const readers = new Map<string, (ms: number) => IntlReading>()

/** The local wall-clock reading of `ms` in `timeZone`, as the epoch ms of that reading taken as UTC. */
function wallClock(ms: number, timeZone: string): number {
  let read = readers.get(timeZone)
  if (read === undefined) {
    read = intlReader(timeZone)
    readers.set(timeZone, read)
  }
  return ms + read(ms).offsetMs
}

const offsetAt = (ms: number, timeZone: string) => wallClock(ms, timeZone) - ms

/** The oracle's answer: the deactivation instant, and whether the clamp or the gap rule was needed. */
export interface OracleDeactivation {
  readonly at: number
  readonly clamped: boolean
  readonly moved: boolean
}

/**
 * The deactivation instant of an account last active at `lastActivityAt` (epoch ms or ISO with an offset).
 *
 * @example
 * intlDeactivationAt('2028-02-29T12:00:00Z', 12, 'Europe/London') // => { at: Date.parse('2029-02-28T12:00:00Z'), clamped: true, moved: false }
 */
export function intlDeactivationAt(lastActivityAt: string | number, months: number, timeZone: string) {
  const last = typeof lastActivityAt === 'number' ? lastActivityAt : Date.parse(lastActivityAt)
  const wall = new Date(wallClock(last, timeZone))
  const monthIndex = wall.getUTCFullYear() * 12 + wall.getUTCMonth() + months
  const year = Math.floor(monthIndex / 12)
  const month = monthIndex % 12
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  const day = Math.min(wall.getUTCDate(), lastDay)
  const timeOfDay = wallClock(last, timeZone) - Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate())
  const target = Date.UTC(year, month, day) + timeOfDay
  const before = offsetAt(target - MS_PER_DAY, timeZone)
  const after = offsetAt(target + MS_PER_DAY, timeZone)
  const matches = [target - before, target - after].filter((t) => wallClock(t, timeZone) === target)
  const clamped = day !== wall.getUTCDate()
  if (matches.length > 0) return { at: Math.min(...matches), clamped, moved: false }
  return { at: target - before, clamped, moved: true }
}
