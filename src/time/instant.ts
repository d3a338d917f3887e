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
  outOfRange,
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

/**
 * Integers below this (1973-03-03T09:46:40Z as milliseconds) are refused as
 * numbers: every current epoch-seconds value is below it, and read as
 * milliseconds it would be a silent date in 1970.
 */
const MIN_EPOCH_MS_NUMBER = 1e11

// Longer than any valid instant (38 characters with nanoseconds and an
// offset with seconds): checked before anything else, so a 10 MB string is
// rejected without being scanned.
const MAX_INSTANT_STRING = 40

const EXPECTED = `a Date, an integer of epoch milliseconds or an ISO-8601 string with an offset or Z, in ${MIN_YEAR}–${MAX_YEAR}`

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

const BAD_OFFSET = 'the offset: expected Z, ±HH, ±HH:mm, ±HHmm or ±HH:mm:ss, and nothing after it'
const NO_OFFSET = 'a string without an offset is ambiguous'

/** Throws `INVALID_INSTANT` at `path`; `why` (in parentheses) says which part of the input is wrong. */
function invalid(path: string, input: unknown, why?: string): never {
  throw refundRulesError(
    'INVALID_INSTANT',
    path,
    expected(why === undefined ? EXPECTED : `${EXPECTED} (${why})`, input),
  )
}

function inRange(ms: number, path: string, input: unknown): EpochMs {
  if (ms < MIN_INSTANT) invalid(path, input, `out of range: before ${formatInstant(MIN_INSTANT)}`)
  if (ms > MAX_INSTANT) invalid(path, input, `out of range: after ${formatInstant(MAX_INSTANT)}`)
  return ms
}

/**
 * The epoch milliseconds of `YYYY-MM-DDTHH:mm:ss.sssZ` — what `Date#toISOString`, JSON and this library write,
 * so most instants a decision reads — or -1 for any other string. Each character sits at a fixed place, so it is
 * read without loops or calls, and its digits are checked all at once (a digit `d` has `d` and `9 − d` both
 * non-negative, so OR-ing them is negative when any is not a digit). Four instants are read per decision, and this
 * reads one in a little over half the time of {@link parseIsoInstant}, to which every other string (and any
 * value this refuses, an impossible date included) is left: it accepts a subset of what that accepts, with the
 * same value, and names the wrong part when there is one.
 */
function parseUtcIsoString(input: string): number {
  if (
    input.length !== 24 ||
    input.charCodeAt(4) !== 45 || // -
    input.charCodeAt(7) !== 45 ||
    input.charCodeAt(10) !== 84 || // T
    input.charCodeAt(13) !== 58 || // :
    input.charCodeAt(16) !== 58 ||
    input.charCodeAt(19) !== 46 || // .
    input.charCodeAt(23) !== 90 // Z
  ) {
    return -1
  }
  const y0 = input.charCodeAt(0) - 48
  const y1 = input.charCodeAt(1) - 48
  const y2 = input.charCodeAt(2) - 48
  const y3 = input.charCodeAt(3) - 48
  const mo0 = input.charCodeAt(5) - 48
  const mo1 = input.charCodeAt(6) - 48
  const d0 = input.charCodeAt(8) - 48
  const d1 = input.charCodeAt(9) - 48
  const h0 = input.charCodeAt(11) - 48
  const h1 = input.charCodeAt(12) - 48
  const mi0 = input.charCodeAt(14) - 48
  const mi1 = input.charCodeAt(15) - 48
  const s0 = input.charCodeAt(17) - 48
  const s1 = input.charCodeAt(18) - 48
  const f0 = input.charCodeAt(20) - 48
  const f1 = input.charCodeAt(21) - 48
  const f2 = input.charCodeAt(22) - 48
  // biome-ignore format: one term a line would be 34 lines for one check
  const anyNotDigit =
    y0 | (9 - y0) | y1 | (9 - y1) | y2 | (9 - y2) | y3 | (9 - y3) | mo0 | (9 - mo0) | mo1 | (9 - mo1) |
    d0 | (9 - d0) | d1 | (9 - d1) | h0 | (9 - h0) | h1 | (9 - h1) | mi0 | (9 - mi0) | mi1 | (9 - mi1) |
    s0 | (9 - s0) | s1 | (9 - s1) | f0 | (9 - f0) | f1 | (9 - f1) | f2 | (9 - f2)
  if (anyNotDigit < 0) return -1
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3
  const month = mo0 * 10 + mo1
  const day = d0 * 10 + d1
  const hour = h0 * 10 + h1
  const minute = mi0 * 10 + mi1
  const second = s0 * 10 + s1
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return -1
  }
  const ms = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000
  return ms + f0 * 100 + f1 * 10 + f2
}

/**
 * Reads `YYYY-MM-DD(T| )HH:mm[:ss[.f…]](Z|±HH[[:]mm[:ss]])` by character
 * codes: instants are parsed several times per decision, and this is several
 * times faster than a regular expression with captures. Fields are read in
 * order, and the first one that is wrong is named in the error.
 */
function parseIsoInstant(input: string, path: string): EpochMs {
  if (input.length > MAX_INSTANT_STRING) {
    invalid(path, input, `longer than any instant, which has at most ${MAX_INSTANT_STRING} characters`)
  }
  // digits() reads -1 for a field that is not all digits, or lies past the end.
  const year = digits(input, 0, 4)
  if (year < 0 || input.charCodeAt(4) !== 45) invalid(path, input, 'the year: expected four digits and -')
  const month = digits(input, 5, 2)
  if (month < 0 || input.charCodeAt(7) !== 45) invalid(path, input, 'the month: expected two digits and -')
  if (month < 1 || month > 12) invalid(path, input, `the month: ${input.slice(5, 7)} is not a month (01–12)`)
  const day = digits(input, 8, 2)
  if (day < 0) invalid(path, input, 'the day of the month: expected two digits')
  // Refused rather than rolled over as `Date` does (2026-02-30 is not 2 March): the library never guesses.
  if (day < 1 || day > daysInMonth(year, month)) {
    invalid(path, input, `the day of the month: ${MONTH_NAMES[month - 1]} ${year} has no day ${input.slice(8, 10)}`)
  }
  if (input.length === 10) invalid(path, input, `the time and the offset are missing: ${NO_OFFSET}`)
  // T, or a space as PostgreSQL writes timestamptz.
  const separator = input.charCodeAt(10)
  if (separator !== 84 && separator !== 32) invalid(path, input, 'the separator after the date: expected T or a space')
  const hour = digits(input, 11, 2)
  if (hour < 0 || input.charCodeAt(13) !== 58) invalid(path, input, 'the hour: expected two digits and :')
  // 24:00 is refused too: it is the next day's 00:00, and the library does not guess which was meant.
  if (hour > 23) invalid(path, input, `the hour: ${input.slice(11, 13)} is not an hour (00–23)`)
  const minute = digits(input, 14, 2)
  if (minute < 0) invalid(path, input, 'the minute: expected two digits')
  if (minute > 59) invalid(path, input, `the minute: ${input.slice(14, 16)} is not a minute (00–59)`)
  let at = 16
  let second = 0
  let millis = 0
  if (input.charCodeAt(at) === 58) {
    second = digits(input, 17, 2)
    if (second < 0) invalid(path, input, 'the second: expected two digits after :')
    if (second > 59) invalid(path, input, `the second: ${input.slice(17, 19)} is not a second (00–59, no leap seconds)`)
    at = 19
    if (input.charCodeAt(at) === 46) {
      at = 20
      while (digits(input, at, 1) >= 0) at++
      const count = at - 20
      if (count < 1 || count > 9) invalid(path, input, 'the fraction of a second: expected one to nine digits')
      // Sub-millisecond digits are truncated, as Date does: ".5" is 500 ms, ".123456" 123 ms.
      millis = count >= 3 ? digits(input, 20, 3) : digits(input, 20, count) * 10 ** (3 - count)
    }
  }
  const offset = readOffset(input, at, path)
  const ms =
    daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second - offset) * 1000 + millis
  return inRange(ms, path, input)
}

/**
 * The offset at `at`, the end of the input, in seconds east of UTC: `Z`, or a
 * sign and `HH`, `HH:mm`, `HHmm` or `HH:mm:ss` (PostgreSQL writes `+00`, and
 * `-00:44:30` for Monrovia before 1972).
 */
function readOffset(input: string, at: number, path: string): number {
  const sign = input.charCodeAt(at)
  if (sign === 90 && at + 1 === input.length) return 0 // Z
  if (sign !== 43 && sign !== 45) {
    invalid(path, input, at === input.length ? `the offset is missing: ${NO_OFFSET}` : BAD_OFFSET)
  }
  const hours = digits(input, at + 1, 2)
  let minutes = 0
  let seconds = 0
  let end = at + 3
  if (end < input.length) {
    const colon = input.charCodeAt(end) === 58
    minutes = digits(input, colon ? end + 1 : end, 2)
    end += colon ? 3 : 2
    if (colon && input.charCodeAt(end) === 58) {
      seconds = digits(input, end + 1, 2)
      end += 3
    }
  }
  if (hours < 0 || minutes < 0 || seconds < 0 || end !== input.length) {
    invalid(path, input, BAD_OFFSET)
  }
  // ±24:00 and ±23:60 are not real offsets.
  if (hours > 23 || minutes > 59 || seconds > 59)
    invalid(path, input, `the offset: ${input.slice(at)} is not a real offset`)
  return (sign === 45 ? -1 : 1) * ((hours * 60 + minutes) * 60 + seconds)
}

/**
 * The instant of a string in the form `Date#toISOString` writes (`YYYY-MM-DDTHH:mm:ss.sssZ`, 1970–9999), or
 * `undefined` for any other value, which {@link parseInstant} then reads or refuses with a message naming the
 * field. Needs no path: a reader tries it before joining the field's, which only an error needs.
 *
 * @example
 * readUtcIsoString('2026-11-20T10:00:00.000Z') // => 1795168800000
 * readUtcIsoString('2026-11-20T10:00:00Z') // => undefined (parseInstant reads it)
 */
export function readUtcIsoString(input: unknown): EpochMs | undefined {
  if (typeof input !== 'string') return undefined
  // A negative result is no instant we accept (before 1970, or not this form): the full parser says why, or reads it.
  const ms = parseUtcIsoString(input)
  if (ms < 0) return undefined
  rememberFormatted(ms, input)
  return ms
}

/**
 * Parses an instant: a `Date`, an integer number of epoch milliseconds from
 * 10^11 on, or an ISO-8601 / RFC 3339 string with an explicit offset or `Z`
 * (PostgreSQL's `2026-12-21 09:00:00+00` included). Throws `INVALID_INSTANT`
 * at `path` for anything else, saying which part is wrong: offset-less or
 * calendar-impossible strings, leap seconds, invalid `Date`s, `NaN`,
 * fractional milliseconds, integers below 10^11 (epoch seconds, by the look of
 * them), and instants outside 1970-01-01T00:00:00.000Z – 9999-12-31T23:59:59.999Z.
 *
 * @example
 * parseInstant('2026-11-20T12:00:00.000+02:00', 'request.receivedAt') // => 1795168800000
 * parseInstant('2026-12-21 09:00:00+00', 'request.receivedAt') // => 1797843600000
 * parseInstant('2026-02-30T00:00:00Z', 'request.receivedAt') // throws INVALID_INSTANT (the day of the month)
 * parseInstant(1798275600, 'topUp.creditedAt') // throws INVALID_INSTANT (it looks like epoch seconds)
 */
export function parseInstant(input: unknown, path: string): EpochMs {
  if (typeof input === 'string') return readUtcIsoString(input) ?? parseIsoInstant(input, path)
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) invalid(path, input, 'not a finite number')
    if (!Number.isInteger(input)) invalid(path, input, 'not a whole number of milliseconds')
    if (input >= 0 && input < MIN_EPOCH_MS_NUMBER) {
      invalid(
        path,
        input,
        'it looks like epoch seconds: as milliseconds, an integer below 10^11 is before 1973-03-03; multiply seconds by 1000',
      )
    }
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
  if (Number.isNaN(ms)) invalid(path, input, 'an invalid Date')
  return inRange(ms, path, input)
}

/**
 * The last instants read in the form {@link formatInstant} writes, by their
 * epoch milliseconds' low bits (a slot of {@link RECENT_SIZE}): such a string is exactly
 * what formatting its instant gives, so it is given back instead of made
 * again. A decision formats the instants it read (`now` as `evaluatedAt`, the
 * request's arrival in its reasons), and this halves what formatting costs
 * it. A cache of a fixed 64 strings, none longer than 24 characters: what it
 * holds changes no result, only how soon one is made.
 */
const RECENT_SIZE = 64
const recentMs: number[] = new Array<number>(RECENT_SIZE).fill(-1)
const recentText: string[] = new Array<string>(RECENT_SIZE).fill('')

/** The slot of `ms`: its low bits. `| 0` keeps the low 32 bits of the integer (ToInt32 is modular): no float modulo. */
const slotOf = (ms: EpochMs) => (ms | 0) & (RECENT_SIZE - 1)

function rememberFormatted(ms: EpochMs, text: string): void {
  const slot = slotOf(ms)
  recentMs[slot] = ms
  recentText[slot] = text
}

/**
 * Formats epoch milliseconds as a UTC ISO string with milliseconds. Throws
 * `OUT_OF_RANGE` at `path` for an instant outside 1970–9999 (a window that
 * would close in the year 10000): such an instant has no four-digit ISO
 * form, and no malformed string leaves the library. `path` names the input
 * the instant was computed from; it may be left out only where the instant
 * is in range by construction (a parsed input, a clamped day end).
 *
 * @example
 * formatInstant(0) // => '1970-01-01T00:00:00.000Z'
 * formatInstant(Date.parse('9999-12-31T00:00:00Z') + 48 * 3_600_000, 'topUp.creditedAt') // throws OUT_OF_RANGE
 */
export function formatInstant(ms: EpochMs, path = ''): string {
  if (!(ms >= MIN_INSTANT && ms <= MAX_INSTANT)) throw outOfRange(path)
  const slot = slotOf(ms)
  if (recentMs[slot] === ms) return recentText[slot] as string
  // Hand-formatted from the tables of pieces(): `Date#toISOString` allocates
  // a Date and was the largest single cost of a decision, which formats four
  // instants. The date is joined here rather than by formatPlainDate: one
  // template of few pieces, separators inside them, is what is fast (a nested
  // one measured 10% slower, one with the separators apart 30% slower).
  const day = Math.floor(ms / MS_PER_DAY)
  const [year, month, date] = civilFromDays(day)
  const sinceMidnight = ms - day * MS_PER_DAY
  const millis = sinceMidnight % 1000
  const secondsOfDay = (sinceMidnight - millis) / 1000
  const seconds = secondsOfDay % 60
  const t = pieces()
  return `${year}${t.instantDate[month * 32 + date]}${t.instantMinute[(secondsOfDay - seconds) / 60]}${t.instantSecond[seconds]}${t.instantMillis[millis]}`
}
