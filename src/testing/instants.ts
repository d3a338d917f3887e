/**
 * Instants in every accepted spelling, and the edges where time rules bite:
 * window ends, DST changes, month ends, 29 February, the inactivity threshold.
 */
import fc from 'fast-check'
import { type EpochMs, formatInstant, type InstantInput, MAX_INSTANT, parseInstant } from '../time/instant.js'
import { civilFromDays, daysFromCivil, daysInMonth, isLeapYear } from '../time/plain-date.js'
import { createZone, localToInstant, type Zone } from '../time/zone.js'
import { type Gen, lift } from './lift.js'

export type { EpochMs, InstantInput }

/** Milliseconds in a minute (60 000). */
export const MS_PER_MINUTE = 60_000
/** Milliseconds in an hour (3 600 000). */
export const MS_PER_HOUR = 3_600_000
/** Milliseconds in a 24-hour day (86 400 000); calendar days in a zone with DST can be 23 or 25 hours. */
export const MS_PER_DAY = 86_400_000

/** First year of generated instants unless overridden. */
export const DEFAULT_FROM_YEAR = 2000
/** Last year of generated instants unless overridden (keeps date-holidays fast). */
export const DEFAULT_TO_YEAR = 2040

/** How a generated instant is spelled. */
export type InstantForm = 'iso' | 'offset' | 'epoch' | 'date'

/** Every spelling SPEC §1 accepts. */
export const INSTANT_FORMS: readonly InstantForm[] = Object.freeze(['iso', 'offset', 'epoch', 'date'])

/** A year range, inclusive. */
export interface YearRange {
  readonly fromYear?: number
  readonly toYear?: number
}

/**
 * Reads any accepted instant (ISO string with offset or `Z`, epoch ms, `Date`)
 * as epoch milliseconds, with the library's own parser. Throws on anything
 * the library would reject.
 *
 * @example
 * toEpochMs('1970-01-01T01:00:00+01:00') // => 0
 */
export function toEpochMs(instant: InstantInput): EpochMs {
  return parseInstant(instant, 'instant')
}

const zones = new Map<string, Zone>()

/**
 * The cached offset lookups of an IANA zone (see `src/time/zone.ts`).
 *
 * @example
 * zoneOf('Europe/London').offsetAt(Date.UTC(2026, 6, 1)) // => 60
 */
export function zoneOf(timeZone: string): Zone {
  let zone = zones.get(timeZone)
  if (zone === undefined) {
    zone = createZone(timeZone, 'timeZone')
    zones.set(timeZone, zone)
  }
  return zone
}

const pad2 = (n: number) => String(n).padStart(2, '0')

/**
 * Spells epoch milliseconds as one accepted instant form. `offsetMinutes`
 * applies to `'offset'` (a local reading with `+HH:MM`); when that reading
 * would leave four-digit years it falls back to `Z`. `short` drops zero
 * milliseconds and seconds from ISO strings (`2026-11-20T10:00Z`).
 *
 * @example
 * spellInstant(0, 'offset', 120) // => '1970-01-01T02:00:00.000+02:00'
 * spellInstant(0, 'iso', 0, true) // => '1970-01-01T00:00Z'
 */
export function spellInstant(ms: EpochMs, form: InstantForm, offsetMinutes = 0, short = false): InstantInput {
  // The library refuses integers below 10^11 as probable epoch seconds: those instants are spelled as Dates.
  if (form === 'epoch') return ms >= 1e11 ? ms : new Date(ms)
  if (form === 'date') return new Date(ms)
  const offset = form === 'offset' ? offsetMinutes : 0
  const local = new Date(ms + offset * MS_PER_MINUTE)
  const year = local.getUTCFullYear()
  if (year < 0 || year > 9999) return formatInstant(ms)
  let text = local.toISOString().slice(0, -1)
  if (short) text = text.replace(/\.000$/, '').replace(/^(.{16}):00$/, '$1')
  if (form === 'iso') return `${text}Z`
  const abs = Math.abs(offset)
  return `${text}${offset < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
}

/** Offsets real zones use, plus the extremes the parser accepts. */
const OFFSETS = [0, 60, 120, -300, -240, 330, 345, 540, 765, 840, -210, -720, -600, 1439, -1439]

/** How one instant is written: its form, the offset of an `'offset'` form, and whether ISO text is shortened. */
export interface InstantStyle {
  readonly form: InstantForm
  readonly offsetMinutes: number
  readonly short: boolean
}

/**
 * A spelling style for instants, drawn beside the instant it spells so that a
 * counterexample shrinks to the plainest spelling (ISO with `Z`, full length).
 *
 * @example
 * fc.tuple(arbEpochMs(), arbInstantStyle()).map(([ms, style]) => spellStyled(ms, style))
 */
export function arbInstantStyle(forms: readonly InstantForm[] = INSTANT_FORMS): fc.Arbitrary<InstantStyle> {
  if (forms.length === 0) throw new Error('instant spelling: no instant form chosen')
  return fc.record({
    form: fc.constantFrom(...forms),
    offsetMinutes: fc.oneof(
      { arbitrary: fc.constantFrom(...OFFSETS), weight: 4 },
      { arbitrary: fc.integer({ min: -1439, max: 1439 }), weight: 1 },
    ),
    short: fc.boolean(),
  })
}

/**
 * Spells epoch milliseconds in a drawn {@link InstantStyle}.
 *
 * @example
 * spellStyled(0, { form: 'offset', offsetMinutes: 120, short: false }) // => '1970-01-01T02:00:00.000+02:00'
 */
export function spellStyled(ms: EpochMs, style: InstantStyle): InstantInput {
  return spellInstant(ms, style.form, style.offsetMinutes, style.short)
}

/**
 * Spells a fixed instant in one of `forms` (default: all of them).
 *
 * @example
 * arbInstantSpelling(0) // 0, new Date(0), '1970-01-01T00:00:00.000Z', '1970-01-01T05:45:00.000+05:45', …
 */
export function arbInstantSpelling(
  ms: EpochMs,
  forms: readonly InstantForm[] = INSTANT_FORMS,
): fc.Arbitrary<InstantInput> {
  return arbInstantStyle(forms).map((style) => spellStyled(ms, style))
}

/**
 * An integer in [min, max] for ranges wider than 32 bits (epoch milliseconds).
 *
 * @example
 * arbSafeInteger(0, 2 ** 40)
 */
export function arbSafeInteger(min: number, max: number): fc.Arbitrary<number> {
  if (max < min) throw new Error(`arbSafeInteger: max ${max} is below min ${min}`)
  if (min >= -0x80000000 && max <= 0x7fffffff) return fc.integer({ min, max })
  return fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number)
}

/** Bounds of generated instants. */
export interface InstantRange {
  /** Earliest instant. Default 2000-01-01T00:00:00Z. */
  readonly from?: InstantInput
  /** Latest instant. Default 2040-12-31T23:59:59.999Z. */
  readonly to?: InstantInput
}

/**
 * The epoch-ms bounds of a range, defaulting to years 2000–2040.
 *
 * @example
 * rangeOf({}) // => [946684800000, 2240611199999]
 */
export function rangeOf(range: InstantRange): [from: EpochMs, to: EpochMs] {
  const from = range.from === undefined ? yearStart(DEFAULT_FROM_YEAR) : toEpochMs(range.from)
  const to = range.to === undefined ? yearStart(DEFAULT_TO_YEAR + 1) - 1 : toEpochMs(range.to)
  if (to < from) throw new Error('instant range: `to` is before `from`')
  return [from, to]
}

const yearStart = (year: number) => daysFromCivil(year, 1, 1) * MS_PER_DAY

/**
 * An instant as epoch milliseconds (a valid `InstantInput`), biased towards
 * whole days, hours and the range ends.
 *
 * @example
 * arbEpochMs({ from: '2026-01-01T00:00:00Z', to: '2026-12-31T23:59:59.999Z' })
 */
export function arbEpochMs(range: InstantRange = {}): fc.Arbitrary<EpochMs> {
  const [from, to] = rangeOf(range)
  const any = arbSafeInteger(from, to)
  const round = (unit: number) => any.map((ms) => Math.min(to, Math.max(from, Math.floor(ms / unit) * unit)))
  return fc.oneof({ arbitrary: any, weight: 4 }, round(MS_PER_DAY), round(MS_PER_HOUR), fc.constantFrom(from, to))
}

/** Options of {@link arbInstant}. */
export interface InstantOptions extends InstantRange {
  /** Spellings to use. Default: all of {@link INSTANT_FORMS}. */
  readonly forms?: readonly InstantForm[]
}

/**
 * An instant in any accepted spelling: ISO with `Z`, ISO with an offset,
 * epoch milliseconds, or a `Date`. Every value parses with the library.
 *
 * @example
 * fc.assert(fc.property(arbInstant(), (at) => toEpochMs(at) >= Date.UTC(2000, 0, 1)))
 * arbInstant({ forms: ['iso'] }) // strings only
 */
export function arbInstant(options: InstantOptions = {}): fc.Arbitrary<InstantInput> {
  return fc.tuple(arbEpochMs(options), arbInstantStyle(options.forms)).map(([ms, style]) => spellStyled(ms, style))
}

/** Where an edge instant lies relative to the edge. */
export type EdgePosition = 'before' | 'at' | 'after'

/** An instant next to an edge: exactly at it, 1 ms before or 1 ms after. */
export interface EdgeInstant {
  /** Epoch milliseconds. */
  readonly instant: EpochMs
  readonly position: EdgePosition
  /** The edge itself (the window end, the deactivation instant). */
  readonly edge: EpochMs
}

const DELTAS: Record<EdgePosition, number> = { before: -1, at: 0, after: 1 }

/**
 * The three edge instants of a window of `hours` elapsed hours from `start`:
 * at `start + hours`, 1 ms before and 1 ms after. Under SPEC §4 `before` and
 * `at` are in time, `after` is late.
 *
 * @example
 * windowEdges('1970-01-01T00:00:00Z', 48).map((e) => e.instant) // => [172799999, 172800000, 172800001]
 */
export function windowEdges(start: InstantInput, hours: number): EdgeInstant[] {
  const edge = toEpochMs(start) + Math.round(hours * MS_PER_HOUR)
  return edgesAround(edge)
}

function edgesAround(edge: EpochMs): EdgeInstant[] {
  return (['before', 'at', 'after'] as const)
    .map((position) => ({ instant: edge + DELTAS[position], position, edge }))
    .filter((e) => e.instant >= 0 && e.instant <= MAX_INSTANT)
}

/**
 * One of the window's edge instants ({@link windowEdges}), tagged with its position.
 * `start` may be an arbitrary; `hours` defaults to the published 48.
 *
 * @example
 * fc.assert(fc.property(arbWindowEdge(arbEpochMs(), 48), ({ instant, position, edge }) =>
 *   position === 'after' ? instant === edge + 1 : instant <= edge))
 */
export function arbWindowEdge(start: Gen<InstantInput>, hours = 48): fc.Arbitrary<EdgeInstant> {
  return lift(start, arbEpochMs()).chain((s) => fc.constantFrom(...windowEdges(s, hours)))
}

/** A change of a zone's UTC offset. */
export interface OffsetTransition {
  /** The first millisecond with the new offset. */
  readonly at: EpochMs
  /** Offsets in minutes (Europe/London in spring: 0 → 60). */
  readonly offsetBefore: number
  readonly offsetAfter: number
}

const transitionCache = new Map<string, readonly OffsetTransition[]>()

/**
 * Every UTC-offset change (DST or otherwise) of an IANA zone within the years,
 * exact to the millisecond. Default years 2000–2040.
 *
 * @example
 * dstTransitions('Europe/London', { fromYear: 2026, toYear: 2026 })
 * // => [{ at: Date.parse('2026-03-29T01:00:00Z'), offsetBefore: 0, offsetAfter: 60 }, { at: …10-25T01:00Z, … }]
 */
export function dstTransitions(timeZone: string, years: YearRange = {}): readonly OffsetTransition[] {
  const fromYear = years.fromYear ?? DEFAULT_FROM_YEAR
  const toYear = years.toYear ?? DEFAULT_TO_YEAR
  const key = `${timeZone}|${fromYear}|${toYear}`
  const cached = transitionCache.get(key)
  if (cached !== undefined) return cached
  const zone = zoneOf(timeZone)
  const found: OffsetTransition[] = []
  const end = Math.min(MAX_INSTANT, yearStart(toYear + 1) - 1)
  let t = yearStart(fromYear)
  let offset = zone.offsetAt(t)
  while (t < end) {
    const next = Math.min(end, t + MS_PER_DAY)
    const offsetNext = zone.offsetAt(next)
    if (offsetNext !== offset) {
      let lo = t
      let hi = next
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2)
        if (zone.offsetAt(mid) === offset) lo = mid
        else hi = mid
      }
      found.push({ at: hi, offsetBefore: offset, offsetAfter: zone.offsetAt(hi) })
    }
    t = next
    offset = offsetNext
  }
  const frozen = Object.freeze(found.map((f) => Object.freeze(f)))
  transitionCache.set(key, frozen)
  return frozen
}

/** Options of {@link arbDstInstant}. */
export interface DstOptions extends YearRange {
  /** How far from the change, at most. Default 2 hours. */
  readonly withinMs?: number
}

/**
 * An instant (epoch ms) within ±2 h of a UTC-offset change of the zone
 * (default Europe/London, years 2000–2040), biased towards the change itself
 * and 1 ms either side. Throws when the zone has no change in those years.
 *
 * @example
 * arbDstInstant('America/New_York', { fromYear: 2026, toYear: 2027 })
 */
export function arbDstInstant(timeZone = 'Europe/London', options: DstOptions = {}): fc.Arbitrary<EpochMs> {
  const transitions = dstTransitions(timeZone, options)
  if (transitions.length === 0) throw new Error(`arbDstInstant: ${timeZone} has no offset change in those years`)
  const within = options.withinMs ?? 2 * MS_PER_HOUR
  const delta = fc.oneof(
    fc.constantFrom(0, -1, 1, -within, within, -MS_PER_HOUR, MS_PER_HOUR),
    arbSafeInteger(-within, within),
  )
  return fc
    .tuple(fc.constantFrom(...transitions), delta)
    .map(([{ at }, d]) => Math.min(MAX_INSTANT, Math.max(0, at + d)))
}

/** Options of the local-date instant generators. */
export interface LocalDateOptions extends YearRange {
  /** The zone whose local dates are meant. Default Europe/London. */
  readonly timeZone?: string
}

/**
 * An instant (epoch ms) whose local date in `timeZone` is `date`, biased
 * towards the first and last millisecond of that local day.
 *
 * @example
 * arbInstantOnDate('2028-02-29', 'Europe/London')
 */
export function arbInstantOnDate(date: Gen<string>, timeZone = 'Europe/London'): fc.Arbitrary<EpochMs> {
  const zone = zoneOf(timeZone)
  return lift(date, fc.constant('2026-01-01')).chain((d) => {
    const [y, m, day] = d.split('-').map(Number) as [number, number, number]
    const n = daysFromCivil(y, m, day)
    const first = zone.startOfDay(n)
    const last = zone.startOfDay(n + 1) - 1
    return fc.oneof(fc.constantFrom(first, last), arbSafeInteger(first, last))
  })
}

function dayArb(days: readonly number[], timeZone: string): fc.Arbitrary<EpochMs> {
  const zone = zoneOf(timeZone)
  return fc.constantFrom(...days).chain((n) => {
    const first = zone.startOfDay(n)
    const last = zone.startOfDay(n + 1) - 1
    return fc.oneof(fc.constantFrom(first, last), arbSafeInteger(first, last))
  })
}

/**
 * An instant (epoch ms) on the last local day of some month (28, 29, 30 or 31)
 * in `timeZone`, years 2000–2040 unless overridden.
 *
 * @example
 * arbMonthEndInstant({ timeZone: 'Asia/Kathmandu', fromYear: 2026, toYear: 2028 })
 */
export function arbMonthEndInstant(options: LocalDateOptions = {}): fc.Arbitrary<EpochMs> {
  const days: number[] = []
  for (let y = options.fromYear ?? DEFAULT_FROM_YEAR; y <= (options.toYear ?? DEFAULT_TO_YEAR); y++) {
    for (let m = 1; m <= 12; m++) days.push(daysFromCivil(y, m, daysInMonth(y, m)))
  }
  if (days.length === 0) throw new Error('arbMonthEndInstant: empty year range')
  return dayArb(days, options.timeZone ?? 'Europe/London')
}

/**
 * An instant (epoch ms) on a local 29 February in `timeZone`.
 *
 * @example
 * arbLeapDayInstant({ fromYear: 2024, toYear: 2032 })
 */
export function arbLeapDayInstant(options: LocalDateOptions = {}): fc.Arbitrary<EpochMs> {
  const days: number[] = []
  for (let y = options.fromYear ?? DEFAULT_FROM_YEAR; y <= (options.toYear ?? DEFAULT_TO_YEAR); y++) {
    if (isLeapYear(y)) days.push(daysFromCivil(y, 2, 29))
  }
  if (days.length === 0) throw new Error('arbLeapDayInstant: no leap year in the range')
  return dayArb(days, options.timeZone ?? 'Europe/London')
}

/** The instant an account deactivates, and which of SPEC §4's month rules applied. */
export interface Deactivation {
  /** Epoch milliseconds: deactivated only when `now` is after it. */
  readonly at: EpochMs
  /** The target month lacked the day (29 Feb + 12 months): `MONTH_END_CLAMPED`. */
  readonly clamped: boolean
  /** The local time did not exist (DST gap) and moved forward: `NONEXISTENT_LOCAL_TIME`. */
  readonly moved: boolean
}

/**
 * SPEC §4's inactivity threshold, computed independently of the clauses:
 * `months` calendar months after `lastActivityAt` at the same local time in
 * `timeZone`, clamped to the month's last day, moved forward across a DST gap.
 *
 * @example
 * deactivationAt('2028-02-29T12:00:00Z', 12, 'Europe/London')
 * // => { at: Date.parse('2029-02-28T12:00:00Z'), clamped: true, moved: false }
 */
export function deactivationAt(lastActivityAt: InstantInput, months: number, timeZone = 'Europe/London'): Deactivation {
  const zone = zoneOf(timeZone)
  const last = toEpochMs(lastActivityAt)
  const [year, month, day] = civilFromDays(zone.localDay(last))
  const index = year * 12 + (month - 1) + months
  const y = Math.floor(index / 12)
  const m = (index % 12) + 1
  const clampedDay = Math.min(day, daysInMonth(y, m))
  const { ms, moved } = localToInstant(zone, daysFromCivil(y, m, clampedDay), zone.localTimeOfDay(last))
  return { at: ms, clamped: clampedDay !== day, moved }
}

/** Options of {@link arbInactivityEdge}. */
export interface InactivityEdgeOptions {
  /** Last activity: fixed or an arbitrary. Default: any instant in 2000–2040. */
  readonly lastActivityAt?: Gen<InstantInput>
  /** Default 12. */
  readonly inactivityMonths?: number
  /** Default Europe/London. */
  readonly timeZone?: string
}

/**
 * An instant at, 1 ms before or 1 ms after an account's deactivation instant
 * ({@link deactivationAt}); `before` and `at` leave it active, `after` deactivates it.
 *
 * @example
 * arbInactivityEdge({ lastActivityAt: arbLeapDayInstant() }) // { lastActivityAt, instant, position, edge }
 */
export function arbInactivityEdge(
  options: InactivityEdgeOptions = {},
): fc.Arbitrary<EdgeInstant & { readonly lastActivityAt: EpochMs }> {
  return lift(options.lastActivityAt, arbEpochMs()).chain((lastActivityAt) => {
    const last = toEpochMs(lastActivityAt)
    const { at } = deactivationAt(last, options.inactivityMonths ?? 12, options.timeZone)
    return fc.constantFrom(...edgesAround(at)).map((edge) => ({ ...edge, lastActivityAt: last }))
  })
}
