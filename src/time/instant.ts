/**
 * Instants: the one parser every time field goes through (SPEC §1, Instants).
 *
 * An instant is held as epoch milliseconds. `new Date(string)` is never used
 * to parse: V8 rolls `2026-02-30` over to 2 March and reads offset-less
 * strings in the host's zone, and both would be silently wrong answers.
 */
import { expected, refundRulesError } from '../errors.js'
import {
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  digits,
  MAX_YEAR,
  MIN_YEAR,
  MS_PER_DAY,
  pieces,
} from './plain-date.js'

/** What callers may pass as an instant. */
export type InstantInput = Date | number | string

/** Epoch milliseconds, validated to lie in the supported range. */
export type EpochMs = number

/** 1970-01-01T00:00:00.000Z: the first supported instant. */
export const MIN_INSTANT: EpochMs = 0
/** 9999-12-31T23:59:59.999Z: the last supported instant. */
export const MAX_INSTANT: EpochMs = daysFromCivil(MAX_YEAR + 1, 1, 1) * MS_PER_DAY - 1

// Longer than any valid ISO instant (35 characters with nanoseconds and an
// offset): checked before anything else, so a 10 MB string is
// rejected without being scanned.
const MAX_INSTANT_STRING = 40

const EXPECTED = `a Date, an integer of epoch milliseconds or an ISO-8601 string with an offset or Z, in ${MIN_YEAR}–${MAX_YEAR}`

function invalid(path: string, input: unknown, why = ''): never {
  throw refundRulesError('INVALID_INSTANT', path, expected(EXPECTED + why, input))
}

function inRange(ms: number, path: string, input: unknown): EpochMs {
  if (!(ms >= MIN_INSTANT && ms <= MAX_INSTANT)) invalid(path, input, ' (out of range)')
  return ms === 0 ? 0 : ms // folds -0
}

/**
 * Reads `YYYY-MM-DDTHH:mm[:ss[.fffffffff]](Z|±HH:mm|±HHmm)` by character
 * codes: instants are parsed several times per decision, and this is several
 * times faster than a regular expression with captures.
 */
function parseIsoInstant(input: string, path: string): EpochMs {
  if (input.length > MAX_INSTANT_STRING) invalid(path, input)
  const year = digits(input, 0, 4)
  const month = digits(input, 5, 2)
  const day = digits(input, 8, 2)
  const hour = digits(input, 11, 2)
  const minute = digits(input, 14, 2)
  let at = 16
  let second = 0
  let millis = 0
  if (input.charCodeAt(at) === 58) {
    second = digits(input, 17, 2)
    at = 19
    if (input.charCodeAt(at) === 46) {
      // Up to nine digits, at 20–28; digits() is -1 past the end, so the end of the string stops the scan.
      at = 20
      while (at < 29 && digits(input, at, 1) >= 0) at++
      // Sub-millisecond digits are truncated, as Date does: ".5" is 500 ms, ".123456" 123 ms.
      const count = at - 20
      millis = count === 0 ? -1 : count >= 3 ? digits(input, 20, 3) : digits(input, 20, count) * 10 ** (3 - count)
    }
  }
  let offset = 0
  let offsetOk = false
  const sign = input.charCodeAt(at)
  if (sign === 90)
    offsetOk = at + 1 === input.length // Z
  else if (sign === 43 || sign === 45) {
    const colon = input.charCodeAt(at + 3) === 58 ? 1 : 0
    const hours = digits(input, at + 1, 2)
    const minutes = digits(input, at + 3 + colon, 2)
    // ±24:00 and ±23:60 are not real offsets.
    offsetOk = at + 5 + colon === input.length && hours >= 0 && hours <= 23 && minutes >= 0 && minutes <= 59
    offset = (sign === 45 ? -1 : 1) * (hours * 60 + minutes)
  }
  // A field that is not all digits reads -1.
  const shapeOk =
    input.charCodeAt(4) === 45 && // -
    input.charCodeAt(7) === 45 &&
    input.charCodeAt(10) === 84 && // T
    input.charCodeAt(13) === 58 && // :
    year >= 0 &&
    month >= 0 &&
    day >= 0 &&
    hour >= 0 &&
    minute >= 0 &&
    second >= 0 &&
    millis >= 0 &&
    offsetOk
  if (!shapeOk) {
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
  // Hand-formatted from the tables of pieces(): `Date#toISOString` allocates
  // a Date and was the largest single cost of a decision, which formats half a
  // dozen instants. The date is joined here rather than by formatPlainDate:
  // one template of few pieces is what is fast (a nested one measured 10% slower).
  const day = Math.floor(ms / MS_PER_DAY)
  const [year, month, date] = civilFromDays(day)
  const sinceMidnight = ms - day * MS_PER_DAY
  const millis = sinceMidnight % 1000
  const secondsOfDay = (sinceMidnight - millis) / 1000
  const seconds = secondsOfDay % 60
  const t = pieces()
  return `${year}-${t.monthDay[month * 32 + date]}T${t.hourMinute[(secondsOfDay - seconds) / 60]}:${t.twoDigits[seconds]}.${t.threeDigits[millis]}Z`
}
