/**
 * Policy options (the plain input of `createPolicy`), fee schedules and
 * business-calendar options, with the published policy as the default.
 */

import Holidays from 'date-holidays'
import fc from 'fast-check'
import { FEE_ROUNDINGS, type FeeRuleInput, type FeeScheduleInput } from '../money/fees.js'
import { ctrGroupPolicy } from '../policy/presets.js'
import type { Policy, PolicyOptions } from '../policy/settings.js'
import type { BusinessCalendarOptions, HolidayOptions, HolidayType } from '../time/calendar.js'
import { daysFromCivil, formatPlainDate } from '../time/plain-date.js'
import { DEFAULT_FROM_YEAR, DEFAULT_TO_YEAR, type YearRange } from './instants.js'
import { type Gen, lift } from './lift.js'
import { arbMinorUnits, minorUnitOf, unitsToAmount } from './money.js'

/** The settings the generators read, with the published defaults filled in. */
export interface EffectiveSettings {
  readonly topUpRefundWindowHours: number
  readonly orderCancellationWindowHours: number
  readonly orderCancellationAnchor: Policy['orderCancellationAnchor']
  readonly inactivityMonths: number
  readonly writtenChannels: readonly string[]
  readonly timeZone: string
}

/**
 * The window lengths, anchor, written channels and zone a policy (or its
 * options) implies, the published policy's filling what is unset (no
 * validation: that is `createPolicy`'s job).
 *
 * @example
 * settingsOf({ topUpRefundWindowHours: 24 }).orderCancellationWindowHours // => 48
 * settingsOf().timeZone // => 'Europe/London'
 */
export function settingsOf(options: PolicyOptions | Policy = {}): EffectiveSettings {
  const d = ctrGroupPolicy
  return {
    topUpRefundWindowHours: options.topUpRefundWindowHours ?? d.topUpRefundWindowHours,
    orderCancellationWindowHours: options.orderCancellationWindowHours ?? d.orderCancellationWindowHours,
    orderCancellationAnchor: options.orderCancellationAnchor ?? d.orderCancellationAnchor,
    inactivityMonths: options.inactivityMonths ?? d.inactivityMonths,
    writtenChannels: options.writtenChannels ?? d.writtenChannels,
    timeZone: options.calendar?.timeZone ?? d.calendar.timeZone,
  }
}

/** Payment-method names, including ones that are also `Object.prototype` keys (SPEC §3: names are data). */
export const METHOD_NAMES: readonly string[] = Object.freeze([
  'card',
  'bank-transfer',
  'sepa',
  'paypal',
  'crypto',
  'apple-pay',
  '__proto__',
  'constructor',
  'toString',
])

/**
 * A payment-method name, usually an ordinary one, sometimes `'__proto__'`,
 * `'constructor'` or `'toString'`.
 *
 * @example
 * arbMethod() // 'card', 'sepa', '__proto__', …
 */
export function arbMethod(): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...METHOD_NAMES.slice(0, 6)), weight: 5 },
    { arbitrary: fc.constantFrom(...METHOD_NAMES.slice(6)), weight: 1 },
  )
}

/** Options of {@link arbFeeRule} and {@link arbFeeSchedule}. */
export interface FeeOptions {
  /**
   * The currency the rules' `fixed`/`min`/`max` amounts are named in. Without
   * it, rules are percent-only, so they work with any bundle's currency.
   */
  readonly currency?: string
  /** Method names the schedule may configure. Default {@link METHOD_NAMES}. */
  readonly methods?: readonly string[]
}

/**
 * A percent between 0 and 100 as a decimal string (`'2.9'`, `'0'`, `'100'`, `'1.75'`).
 *
 * @example
 * arbPercent() // '2.9', '0', '14.25', …
 */
export function arbPercent(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom('0', '1', '2.9', '3.5', '100'),
    fc.integer({ min: 0, max: 10_000 }).map((hundredths) => unitsToAmount(BigInt(hundredths), 2)),
    fc.integer({ min: 0, max: 100 }).map(String),
  )
}

const obj = (entries: [string, string][]) => Object.fromEntries(entries) as Record<string, string>

/**
 * A fee rule. With `currency`, it may name `fixed`, `min` and `max` in that
 * currency (always including it, `min ≤ max`); without, it is percent-only.
 *
 * @example
 * arbFeeRule({ currency: 'EUR' }) // { percent: '2.9', fixed: { EUR: '0.30' } }, { min: { EUR: '1.00' } }, …
 */
export function arbFeeRule(options: FeeOptions = {}): fc.Arbitrary<FeeRuleInput> {
  const { currency } = options
  if (currency === undefined) return fc.record({ percent: arbPercent() }, { requiredKeys: [] })
  const digits = minorUnitOf(currency)
  const units = arbMinorUnits({ currency, max: '1000' })
  const amount = (u: bigint) => obj([[currency, unitsToAmount(u, digits)]])
  return fc
    .record(
      { percent: arbPercent(), fixed: units, bounds: fc.tuple(fc.option(units), fc.option(units)) },
      { requiredKeys: ['bounds'] },
    )
    .map(({ percent, fixed, bounds: [a, b] }) => {
      const [min, max] = a !== null && b !== null && a > b ? [b, a] : [a, b]
      return {
        ...(percent === undefined ? {} : { percent }),
        ...(fixed === undefined ? {} : { fixed: amount(fixed) }),
        ...(min === null ? {} : { min: amount(min) }),
        ...(max === null ? {} : { max: amount(max) }),
      }
    })
}

/**
 * A fee schedule: rounding, an optional default rule, and rules for some
 * methods (kept as own properties, so `'__proto__'` is an ordinary key).
 *
 * @example
 * arbFeeSchedule({ currency: 'JPY', methods: ['card'] })
 */
export function arbFeeSchedule(options: FeeOptions = {}): fc.Arbitrary<FeeScheduleInput> {
  const methods = options.methods ?? METHOD_NAMES
  const rule = arbFeeRule(options)
  return fc
    .record(
      {
        rounding: fc.constantFrom(...FEE_ROUNDINGS),
        default: rule,
        methods: fc.uniqueArray(fc.tuple(fc.constantFrom(...methods), rule), {
          selector: ([name]) => name,
          maxLength: Math.min(4, methods.length),
        }),
      },
      { requiredKeys: [] },
    )
    .map(({ methods: entries, ...rest }) => ({
      ...rest,
      ...(entries === undefined ? {} : { methods: Object.fromEntries(entries) as Record<string, FeeRuleInput> }),
    }))
}

/** Time zones with something to test: DST at midnight, half- and quarter-hour offsets, +14, suspended DST. */
export const NOTABLE_TIME_ZONES: readonly string[] = Object.freeze([
  'Europe/London',
  'UTC',
  'America/New_York',
  'America/Santiago',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
  'Africa/Casablanca',
  'Asia/Tehran',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Europe/Berlin',
])

/**
 * An IANA zone `Intl` knows, biased towards {@link NOTABLE_TIME_ZONES}.
 *
 * @example
 * arbTimeZone() // 'Europe/London', 'Pacific/Chatham', 'America/Argentina/Salta', …
 */
export function arbTimeZone(): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...NOTABLE_TIME_ZONES), weight: 3 },
    { arbitrary: fc.constantFrom(...Intl.supportedValuesOf('timeZone')), weight: 1 },
  )
}

let countries: readonly string[] | undefined
const statesCache = new Map<string, readonly string[]>()

/**
 * Country codes date-holidays knows.
 *
 * @example
 * holidayCountries().includes('GB') // => true
 */
export function holidayCountries(): readonly string[] {
  countries ??= Object.freeze(Object.keys(new Holidays().getCountries()).sort())
  return countries
}

function statesOf(country: string): readonly string[] {
  let states = statesCache.get(country)
  if (states === undefined) {
    states = Object.freeze(Object.keys(new Holidays().getStates(country) ?? {}).sort())
    statesCache.set(country, states)
  }
  return states
}

const HOLIDAY_TYPES: readonly HolidayType[] = ['public', 'bank', 'school', 'optional', 'observance']
const NOTABLE_HOLIDAYS: readonly HolidayOptions[] = [
  { country: 'GB', state: 'ENG', types: ['public', 'bank'] },
  { country: 'GB', state: 'SCT', types: ['public', 'bank'] },
  { country: 'US', types: ['public'] },
  { country: 'DE', state: 'BY', types: ['public'] },
  { country: 'FR', types: ['public'] },
  { country: 'JP', types: ['public'] },
  { country: 'AU', state: 'NSW', types: ['public', 'bank'] },
]

/**
 * Holiday settings for a country date-holidays knows (sometimes with one of
 * its states), with the published `['public', 'bank']` types or another non-empty set.
 *
 * @example
 * arbHolidayOptions() // { country: 'GB', state: 'ENG', types: ['public', 'bank'] }, { country: 'KE', types: ['public'] }, …
 */
export function arbHolidayOptions(): fc.Arbitrary<HolidayOptions> {
  const types = fc.oneof(
    { arbitrary: fc.constant<HolidayType[]>(['public', 'bank']), weight: 3 },
    { arbitrary: fc.subarray([...HOLIDAY_TYPES], { minLength: 1 }), weight: 1 },
  )
  const any = fc
    .tuple(fc.constantFrom(...holidayCountries()), fc.boolean(), fc.nat(), types)
    .map(([country, withState, pick, t]): HolidayOptions => {
      const states = statesOf(country)
      const state = withState && states.length > 0 ? states[pick % states.length] : undefined
      return { country, ...(state === undefined ? {} : { state }), types: t }
    })
  return fc.oneof(fc.constantFrom(...NOTABLE_HOLIDAYS), any)
}

/** Options of {@link arbCalendarOptions}: fixed values or arbitraries per field, and the year range of dates. */
export interface CalendarOverrides extends YearRange {
  readonly timeZone?: Gen<string>
  readonly weekend?: Gen<readonly number[]>
  readonly holidays?: Gen<HolidayOptions | false>
  readonly closedDates?: Gen<readonly string[]>
  readonly openDates?: Gen<readonly string[]>
  readonly cutoff?: Gen<string | null>
}

/**
 * A `YYYY-MM-DD` date in the year range (default 2000–2040).
 *
 * @example
 * arbPlainDate({ fromYear: 2026, toYear: 2026 }) // '2026-03-29', …
 */
export function arbPlainDate(years: YearRange = {}): fc.Arbitrary<string> {
  return fc
    .integer({
      min: daysFromCivil(years.fromYear ?? DEFAULT_FROM_YEAR, 1, 1),
      max: daysFromCivil((years.toYear ?? DEFAULT_TO_YEAR) + 1, 1, 1) - 1,
    })
    .map(formatPlainDate)
}

/**
 * Business-calendar options: a zone, a weekend that leaves business days,
 * holidays of a date-holidays country (or none), closed and open dates, and a cutoff.
 *
 * @example
 * arbCalendarOptions({ timeZone: 'Europe/Berlin', holidays: false })
 */
export function arbCalendarOptions(overrides: CalendarOverrides = {}): fc.Arbitrary<BusinessCalendarOptions> {
  const dates = fc.uniqueArray(arbPlainDate(overrides), { maxLength: 5 })
  const weekend = fc.oneof(
    { arbitrary: fc.constantFrom([6, 0], [5, 6], [5], [0], []), weight: 3 },
    { arbitrary: fc.subarray([0, 1, 2, 3, 4, 5, 6], { maxLength: 5 }), weight: 1 },
  )
  const cutoff = fc.oneof(
    fc.constant(null),
    fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${pad2(h)}:${pad2(m)}`),
  )
  const holidays = fc.oneof(
    { arbitrary: arbHolidayOptions(), weight: 4 },
    { arbitrary: fc.constant<false>(false), weight: 1 },
  )
  return fc.record({
    timeZone: lift(overrides.timeZone, arbTimeZone()),
    weekend: lift(overrides.weekend, weekend),
    holidays: lift(overrides.holidays, holidays),
    closedDates: lift(overrides.closedDates, dates),
    openDates: lift(overrides.openDates, dates),
    cutoff: lift(overrides.cutoff, cutoff),
  })
}

const pad2 = (n: number) => String(n).padStart(2, '0')

/** Channels requests arrive through; the first two are the published written channels. */
export const CHANNELS: readonly string[] = Object.freeze(['email', 'letter', 'web-form', 'chat', 'phone'])

/** Overrides of {@link arbPolicyOptions}: any option fixed or an arbitrary, plus the bundle's currency. */
export type PolicyOverrides = { readonly [K in keyof PolicyOptions]?: Gen<PolicyOptions[K]> } & {
  /** The currency fee rules may name amounts in (always including it). Without it, fees are percent-only. */
  readonly currency?: string
}

/**
 * Policy options for `createPolicy`: windows, anchor, business days, months,
 * written channels, termination settings, calendar and fees. Each field is
 * sometimes left out so the published default applies.
 *
 * @example
 * arbPolicyOptions({ currency: 'EUR', calendar: ctrGroupPolicy.calendar })
 * const policy = createPolicy(fc.sample(arbPolicyOptions(), 1)[0])
 */
export function arbPolicyOptions(overrides: PolicyOverrides = {}): fc.Arbitrary<PolicyOptions> {
  const hours = fc.oneof(fc.constantFrom(48, 24, 72, 1), fc.integer({ min: 0, max: 24 * 60 }))
  const fields = {
    id: lift(overrides.id, fc.constantFrom('ctr-group', 'test-policy', 'tenant-42')),
    version: lift(overrides.version, fc.constantFrom('1', '2', '2026-11')),
    topUpRefundWindowHours: lift(overrides.topUpRefundWindowHours, hours),
    orderCancellationWindowHours: lift(overrides.orderCancellationWindowHours, hours),
    orderCancellationAnchor: lift(
      overrides.orderCancellationAnchor,
      fc.constantFrom<Policy['orderCancellationAnchor']>('top-up', 'order'),
    ),
    cancellationStatusChangeHours: lift(overrides.cancellationStatusChangeHours, hours),
    refundBusinessDays: lift(overrides.refundBusinessDays, fc.oneof(fc.constant(5), fc.integer({ min: 0, max: 30 }))),
    inactivityMonths: lift(overrides.inactivityMonths, fc.oneof(fc.constant(12), fc.integer({ min: 1, max: 36 }))),
    writtenChannels: lift(
      overrides.writtenChannels,
      fc.oneof(fc.constant(['email', 'letter']), fc.subarray([...CHANNELS], { minLength: 1 })),
    ),
    termination: lift(
      overrides.termination,
      fc.record(
        {
          settlement: fc.constantFrom<'manual-review' | 'automatic'>('manual-review', 'automatic'),
          payoutBusinessDays: fc.option(fc.integer({ min: 0, max: 30 })),
        },
        { requiredKeys: [] },
      ),
    ),
    calendar: lift(overrides.calendar, arbCalendarOptions()),
    fees: lift(
      overrides.fees,
      arbFeeSchedule(overrides.currency === undefined ? {} : { currency: overrides.currency }),
    ),
    contacts: lift(overrides.contacts, fc.constant({ refunds: 'refunds@example.com', support: 'help@example.com' })),
  }
  const fixed = (Object.keys(fields) as (keyof typeof fields)[]).filter((key) => overrides[key] !== undefined)
  return fc.record(fields, { requiredKeys: fixed }) as fc.Arbitrary<PolicyOptions>
}
