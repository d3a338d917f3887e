/**
 * Instants: the one parser every time field goes through (SPEC §1, Instants).
 *
 * An instant is held as epoch milliseconds. `new Date(string)` is never used
 * to parse: V8 rolls `2026-02-30` over to 2 March and reads offset-less
 * strings in the host's zone, and both would be silently wrong answers.
 */
import { describeReceived, refundRulesError } from '../errors.js'
import { civilFromDays, daysFromCivil, daysInMonth, MAX_YEAR, MIN_YEAR } from './plain-date.js'

/** What callers may pass as an instant. */
export type InstantInput = Date | number | string

/** Epoch milliseconds, validated to lie in the supported range. */
export type EpochMs = number

const MS_PER_DAY = 86_400_000
/** 1970-01-01T00:00:00.000Z: the first supported instant. */
export const MIN_INSTANT: EpochMs = 0
/** 9999-12-31T23:59:59.999Z: the last supported instant. */
export const MAX_INSTANT: EpochMs = daysFromCivil(MAX_YEAR + 1, 1, 1) * MS_PER_DAY - 1

// Longer than any valid ISO instant (35 characters with nanoseconds and an
// offset): checked before anything else, so a 10 MB string is
// rejected without being scanned.
const MAX_INSTANT_STRING = 40

const expected = `a Date, an integer of epoch milliseconds or an ISO-8601 string with an offset or Z, in ${MIN_YEAR}–${MAX_YEAR}`

function invalid(path: string, input: unknown, why = ''): never {
  throw refundRulesError('INVALID_INSTANT', path, `expected ${expected}${why}, received ${describeReceived(input)}`)
}

function inRange(ms: number, path: string, input: unknown): EpochMs {
  if (!(ms >= MIN_INSTANT && ms <= MAX_INSTANT)) invalid(path, input, ' (out of range)')
  return ms === 0 ? 0 : ms // folds -0
}

/** The value of the `count` ASCII digits at `at`, or -1 when any of them is not a digit. */
function digits(input: string, at: number, count: number): number {
  let value = 0
  for (let i = at; i < at + count; i++) {
    const d = input.charCodeAt(i) - 48
    if (!(d >= 0 && d <= 9)) return -1 // also past the end, where charCodeAt is NaN
    value = value * 10 + d
  }
  return value
}

/**
 * Reads `YYYY-MM-DDTHH:mm[:ss[.fffffffff]](Z|±HH:mm|±HHmm)` by character
 * codes: instants are parsed several times per decision, and this is several
 * times faster than a regular expression with captures.
 */
function parseIsoInstant(input: string, path: string): EpochMs {
  const length = input.length
  if (length > MAX_INSTANT_STRING) invalid(path, input)
  const year = digits(input, 0, 4)
  const month = digits(input, 5, 2)
  const day = digits(input, 8, 2)
  const hour = digits(input, 11, 2)
  const minute = digits(input, 14, 2)
  // A minute read at 14–15 implies a length of at least 16.
  const shapeOk =
    input.charCodeAt(4) === 45 && // -
    input.charCodeAt(7) === 45 &&
    input.charCodeAt(10) === 84 && // T
    input.charCodeAt(13) === 58 && // :
    year >= 0 &&
    month >= 0 &&
    day >= 0 &&
    hour >= 0 &&
    minute >= 0
  let at = 16
  let second = 0
  let millis = 0
  if (shapeOk && input.charCodeAt(at) === 58) {
    second = digits(input, at + 1, 2)
    at += 3
    if (input.charCodeAt(at) === 46) {
      const first = at + 1
      at = first
      // digits() is -1 past the end, so the end of the string stops the scan.
      while (at - first < 9 && digits(input, at, 1) >= 0) at++
      // Sub-millisecond digits are truncated, as Date does: ".5" is 500 ms, ".123456" 123 ms.
      const count = at - first
      millis = count === 0 ? -1 : count >= 3 ? digits(input, first, 3) : digits(input, first, count) * 10 ** (3 - count)
    }
  }
  let offset = 0
  let offsetOk = false
  const sign = input.charCodeAt(at)
  if (sign === 90 && at + 1 === length)
    offsetOk = true // Z
  else if (sign === 43 || sign === 45) {
    const colon = input.charCodeAt(at + 3) === 58 ? 1 : 0
    const offsetHours = digits(input, at + 1, 2)
    const offsetMinutes = digits(input, at + 3 + colon, 2)
    offsetOk = at + 5 + colon === length && offsetHours >= 0 && offsetMinutes >= 0
    if (offsetHours > 23 || offsetMinutes > 59) second = -1 // not a real offset
    offset = (sign === 45 ? -1 : 1) * (offsetHours * 60 + offsetMinutes)
  }
  if (!shapeOk || second < 0 || millis < 0 || !offsetOk) {
    const offsetLess = /^\d{4}-\d{2}-\d{2}(T[\d:.]+)?$/.test(input)
    invalid(path, input, offsetLess ? ' (a string without an offset is ambiguous)' : '')
  }
  // Leap seconds (:60) and 24:00 are refused rather than rolled over: the
  // library never guesses what a malformed instant was meant to be.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    invalid(path, input, ' (not a real calendar date and time)')
  }
  const ms =
    daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute - offset) * 60 + second) * 1000 + millis
  return inRange(ms, path, input)
}

/**
 * Parses an instant: a `Date`, an integer number of epoch milliseconds, or an
 * ISO-8601 string with an explicit offset or `Z`. Throws `INVALID_INSTANT` at
 * `path` for anything else: offset-less or calendar-impossible strings,
 * leap seconds, invalid `Date`s, `NaN`, fractional milliseconds, and instants
 * outside 1970-01-01T00:00:00.000Z – 9999-12-31T23:59:59.999Z.
 *
 * @example
 * parseInstant('2026-11-20T12:00:00.000+02:00', 'request.receivedAt') // => 1795168800000
 * parseInstant('2026-02-30T00:00:00Z', 'request.receivedAt') // throws INVALID_INSTANT
 */
export function parseInstant(input: unknown, path: string): EpochMs {
  if (typeof input === 'string') return parseIsoInstant(input, path)
  if (typeof input === 'number') {
    if (!Number.isInteger(input)) invalid(path, input)
    return inRange(input, path, input)
  }
  // Anything else must be a Date, from any realm: the brand check of
  // Date.prototype.getTime throws for every other value (proxies and objects
  // posing as Dates included) and ignores a subclass's overridden methods.
  let ms: number
  try {
    ms = Date.prototype.getTime.call(input)
  } catch {
    return invalid(path, input)
  }
  return inRange(ms, path, input)
}

/**
 * Formats epoch milliseconds as a UTC ISO string with milliseconds.
 *
 * @example
 * formatInstant(0) // => '1970-01-01T00:00:00.000Z'
 */
export function formatInstant(ms: EpochMs): string {
  // Hand-formatted: `Date#toISOString` allocates a Date and was the largest
  // single cost of a decision, which formats half a dozen instants. Joining
  // pieces is what costs, so the pieces are few and come from tables:
  // "MM-DD", "HH:mm", "ss", "mmm" (issue #4: ~105 ns instead of ~155 ns).
  const day = Math.floor(ms / MS_PER_DAY)
  const [year, month, date] = civilFromDays(day)
  const sinceMidnight = ms - day * MS_PER_DAY
  const millis = sinceMidnight % 1000
  const secondsOfDay = (sinceMidnight - millis) / 1000
  const seconds = secondsOfDay % 60
  const t = pieces()
  return `${year}-${t.monthDay[month * 32 + date]}T${t.hourMinute[(secondsOfDay - seconds) / 60]}:${t.twoDigits[seconds]}.${t.threeDigits[millis]}Z`
}

/** The tables formatInstant joins: 2,956 short strings (about 90 kB), made on first use. */
interface Pieces {
  readonly twoDigits: readonly string[]
  readonly threeDigits: readonly string[]
  /** "MM-DD" at month × 32 + day. */
  readonly monthDay: readonly string[]
  /** "HH:mm" at the minute of the day. */
  readonly hourMinute: readonly string[]
}

let tables: Pieces | undefined

function pieces(): Pieces {
  if (tables !== undefined) return tables
  const two = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'))
  tables = {
    twoDigits: two,
    threeDigits: Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0')),
    monthDay: Array.from({ length: 13 * 32 }, (_, i) => `${two[Math.floor(i / 32)]}-${two[i % 32]}`),
    hourMinute: Array.from({ length: 1440 }, (_, i) => `${two[Math.floor(i / 60)]}:${two[i % 60]}`),
  }
  return tables
}
