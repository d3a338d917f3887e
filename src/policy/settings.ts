/**
 * Policy settings (SPEC §3): every reading of the published policy that an
 * integrator might want to change, validated once, with defaults filled in
 * and frozen.
 *
 * A `Policy` is plain data (it survives `JSON.stringify`); what is expensive
 * to build from it — the business calendar, the parsed fee schedule, the
 * fingerprint — is built once per policy and found again by identity (a
 * policy this copy made) or by content (the same policy read back from JSON,
 * or made by the other module format's copy of the library).
 */

import { sha256 } from '@noble/hashes/sha2'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils'
import { data as holidayData } from 'date-holidays/data'
import { expected, isRefundRulesError, refundRulesError, unreadable } from '../errors.js'
import { deepFreeze } from '../freeze.js'
import {
  CURRENCY_OVERRIDES,
  type CurrencyOverride,
  type CurrencyOverrides,
  readCurrencyOverrides,
} from '../money/currency.js'
import { FEE_SCHEDULE, type FeeSchedule, type FeeScheduleInput, readFeeSchedule } from '../money/fees.js'
import { type Check, oneOf, SettingsReader, type Shape, wholeNumber } from '../reader.js'
import {
  type BusinessCalendarOptions,
  CALENDAR_OPTIONS,
  type CalendarCore,
  type HolidayOptions,
  MAX_BUSINESS_DAYS,
  type ResolvedCalendarOptions,
  readCalendar,
} from '../time/calendar.js'
import { CTR_GROUP_DEFAULTS } from './defaults.js'

/** Where the published policy tells customers to write. */
export interface PolicyContacts {
  /** Refund requests (`refund@ctr.group`). */
  readonly refunds: string
  /** General inquiries (`info@ctr.group`). */
  readonly general: string
  /** Technical or site issues (`support@ctr.group`). */
  readonly support: string
}

/** How termination settlements are decided. */
export interface TerminationSettings {
  /** `'manual-review'`: the computed settlement is a proposal; `'automatic'`: it is approved. */
  readonly settlement: 'manual-review' | 'automatic'
  /** Business days to pay out a termination refund, or `null` for no due date. */
  readonly payoutBusinessDays: number | null
}

/** A validated, frozen policy made by {@link createPolicy}. Plain data: it can be logged and compared. */
export interface Policy {
  readonly id: string
  readonly version: string
  readonly topUpRefundWindowHours: number
  readonly orderCancellationWindowHours: number
  readonly orderCancellationAnchor: 'top-up' | 'order'
  readonly cancellationStatusChangeHours: number
  readonly refundBusinessDays: number
  readonly inactivityMonths: number
  readonly writtenChannels: readonly string[]
  /** How far after `now` an input instant may be and still be read as `now` (SPEC §1): whole seconds, 0 to 3600. */
  readonly clockSkewSeconds: number
  readonly termination: TerminationSettings
  readonly calendar: ResolvedCalendarOptions
  readonly fees: FeeSchedule
  readonly contacts: PolicyContacts
  /** Minor-unit overrides by currency code (`{ HUF: { minorUnits: 0 } }`); `{}` for ISO 4217's own. */
  readonly currencies: CurrencyOverrides
}

/**
 * A policy's calendar as options: every key optional, each absent one the
 * published calendar's (SPEC §3: the calendar merges over it, and so do its
 * holidays; `holidays: false` removes them).
 */
export interface PolicyCalendarOptions extends Omit<BusinessCalendarOptions, 'timeZone' | 'holidays'> {
  readonly timeZone?: string
  readonly holidays?: Partial<HolidayOptions> | false
}

/** The options of {@link createPolicy}: every setting is optional and defaults to the published policy. */
export interface PolicyOptions {
  readonly id?: string
  readonly version?: string
  readonly topUpRefundWindowHours?: number
  readonly orderCancellationWindowHours?: number
  readonly orderCancellationAnchor?: 'top-up' | 'order'
  readonly cancellationStatusChangeHours?: number
  readonly refundBusinessDays?: number
  readonly inactivityMonths?: number
  readonly writtenChannels?: readonly string[]
  readonly clockSkewSeconds?: number
  readonly termination?: Partial<TerminationSettings>
  readonly calendar?: PolicyCalendarOptions
  readonly fees?: FeeScheduleInput
  readonly contacts?: Partial<PolicyContacts>
  readonly currencies?: Readonly<Record<string, CurrencyOverride>>
}

/**
 * What every decision made under a policy names (SPEC §6): its `id` and
 * `version`, and `fingerprint`, a digest of every resolved setting and of the
 * holiday data's release.
 */
export interface PolicyReference {
  readonly id: string
  readonly version: string
  /** `sha256:` and 64 hex digits: equal for equal settings (in any key order, from either module format). */
  readonly fingerprint: string
}

/**
 * A policy ready for evaluations: the validated settings and what is
 * expensive to build from them, built once per policy. The clauses receive
 * this one value.
 */
export interface CompiledPolicy {
  readonly settings: Policy
  /** `{ id, version, fingerprint }`, frozen once and shared by every decision made under the policy. */
  readonly reference: PolicyReference
  readonly calendar: CalendarCore
  readonly windowMs: { readonly topUp: number; readonly cancellation: number; readonly statusChange: number }
  readonly writtenChannels: ReadonlySet<string>
}

/** Every policy this copy of the library compiled, by identity: the key is the frozen `Policy` itself. */
const compiled = new WeakMap<object, CompiledPolicy>()

/** Data a policy is recognised by: its settings. */
interface KnownContent {
  readonly data: object
  /** `data.id`, compared first: most lookups end there. */
  readonly id: unknown
  readonly policy: CompiledPolicy
}

/**
 * The policies compiled most recently, newest last, found again by content:
 * a policy read back from JSON or made by the other module format's copy
 * is a new object each time, and compiling it again (a zone, a holiday country, a fee schedule to
 * validate) costs a thousand decisions. Bounded, so a service that makes
 * policies on the fly keeps at most this many alive.
 */
const recent: KnownContent[] = []
const MAX_RECENT = 32

const MS_PER_HOUR = 3_600_000
// A window longer than the supported range of instants can never close.
const MAX_WINDOW_HOURS = 100 * 366 * 24
const MAX_MONTHS = 10_000
/** The most written channels a policy lists. */
export const MAX_WRITTEN_CHANNELS = 100

const HOURS: Check<number> = [
  (v): v is number => typeof v === 'number' && v >= 0 && v <= MAX_WINDOW_HOURS && Number.isInteger(v * MS_PER_HOUR),
  `a non-negative number of hours (at most ${MAX_WINDOW_HOURS}, whole milliseconds)`,
]
// A business-day count is bounded by what the calendar can count (MAX_BUSINESS_DAYS).
const BUSINESS_DAYS = wholeNumber(0, MAX_BUSINESS_DAYS)
// null is a setting too: no due date for termination payouts.
const BUSINESS_DAYS_OR_NULL: Check<number | null> = [
  (v): v is number | null => v === null || BUSINESS_DAYS[0](v),
  `${BUSINESS_DAYS[1]}, or null`,
]
const TEXT: Check<string> = [
  (v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200,
  'a non-empty string',
]
const CHANNEL: Check<string> = [
  (v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 100,
  'channel names (non-empty strings of at most 100 characters)',
]
// Two services' clocks disagree by seconds, not hours: an hour is already generous.
const MAX_CLOCK_SKEW_SECONDS = 3600
const CLOCK_SKEW: Check<number> = [
  (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_CLOCK_SKEW_SECONDS,
  `a whole number of seconds from 0 to ${MAX_CLOCK_SKEW_SECONDS}`,
]
/** The policy's own settings, each absent one the published policy's. */
const POLICY: Shape = { what: 'policy options', defaults: CTR_GROUP_DEFAULTS }

/** Whether `value` can be policy options at all; throws for a revoked proxy (`compilePolicy` reports that). */
const isOptions = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Validates policy options, merges them over the published policy (SPEC §3)
 * and freezes the result, a copy: the caller's object is never frozen or kept.
 * Object settings (`calendar`, `calendar.holidays`, `termination`, `contacts`,
 * `fees`, `currencies`) merge key by key; arrays and scalars replace;
 * `holidays: false` removes the holidays. Every problem is reported at once
 * in one `RefundRulesError` (`INVALID_POLICY`, one issue per field): unknown
 * settings at any depth, negative windows, non-integer day or month counts,
 * an unknown zone or holiday country, a cutoff that is not `HH:mm`, a fee
 * rule that cannot work. A `Policy` is valid input again.
 *
 * @example
 * const policy = createPolicy({
 *   refundBusinessDays: 3,
 *   calendar: { cutoff: '16:00' },
 *   fees: { methods: { card: { percent: '2.9', fixed: { EUR: '0.30' } } } },
 * })
 * policy.topUpRefundWindowHours // => 48 (the published default)
 * policy.calendar.holidays // => { country: 'GB', state: 'ENG', types: ['public', 'bank'] } (merged)
 */
export function createPolicy(options: PolicyOptions = {}): Policy {
  return compilePolicy(options).settings
}

/**
 * The compiled form of a policy: a policy this copy made is found by
 * identity; one equal to a recently compiled policy (read back from JSON, in
 * any key order, or made by the other module copy) by content; anything else
 * is validated and compiled once.
 *
 * @example
 * compilePolicy(createPolicy()).windowMs.topUp // => 172800000
 * compilePolicy(JSON.parse(JSON.stringify(createPolicy()))) === compilePolicy(createPolicy()) // => true
 */
export function compilePolicy(options: Policy | PolicyOptions): CompiledPolicy {
  const hit = compiled.get(options) ?? recognise(options)
  if (hit !== undefined) return hit
  let result: CompiledPolicy
  try {
    result = compile(options)
  } catch (error) {
    if (isRefundRulesError(error)) throw error
    // A revoked proxy, a throwing getter or a cycle too deep to read is a bad policy, not a crash (SPEC §7.6):
    // named as such, so it is not mistaken for a problem with the snapshot being evaluated.
    throw refundRulesError('INVALID_POLICY', 'policy', unreadable(error))
  }
  // Options equal to a policy compiled before make that policy: its calendar has already computed its years.
  const policy = recognise(result.settings) ?? result
  if (policy === result) {
    compiled.set(result.settings, result)
    remember(result.settings, result)
  }
  return policy
}

/** Keeps `policy` findable by `data`, dropping the oldest past {@link MAX_RECENT}. */
function remember(data: object, policy: CompiledPolicy): void {
  recent.push({ data, id: Object.hasOwn(data, 'id') ? (data as { id: unknown }).id : undefined, policy })
  if (recent.length > MAX_RECENT) recent.shift()
}

/** A recently compiled policy whose settings `value` equals as data, or `undefined`. Never throws. */
function recognise(value: unknown): CompiledPolicy | undefined {
  try {
    if (!isOptions(value)) return undefined
    const id = Object.hasOwn(value, 'id') ? (value as { id: unknown }).id : undefined
    for (let i = recent.length - 1; i >= 0; i--) {
      const known = recent[i] as KnownContent
      if (known.id === id && sameData(value, known.data)) return known.policy
    }
  } catch {
    // A proxy whose traps throw is no policy we know: compiling it reports why.
  }
  return undefined
}

/**
 * Whether `value` holds exactly `data` (a frozen policy's JSON-safe
 * settings): plain objects with the same own keys
 * and no others (non-enumerable ones included), primitives equal, arrays of
 * the same length with no holes. Reads own properties only and builds
 * nothing, so recognising a policy costs a small fraction of a decision.
 */
function sameData(value: unknown, data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return value === data
  if (typeof value !== 'object' || value === null || Array.isArray(value) !== Array.isArray(data)) return false
  if (Array.isArray(data)) {
    const list = value as unknown[]
    if (list.length !== data.length) return false
    for (let i = 0; i < data.length; i++) if (!Object.hasOwn(list, i) || !sameData(list[i], data[i])) return false
    return true
  }
  // Only plain objects are recognised: anything else (a class instance, which some settings accept) is compiled
  // as new options, which reads it all the same.
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return false
  const keys = Object.keys(data)
  if (Object.getOwnPropertyNames(value).length !== keys.length) return false
  for (const key of keys) {
    if (!Object.hasOwn(value, key)) return false
    if (!sameData((value as Record<string, unknown>)[key], (data as Record<string, unknown>)[key])) return false
  }
  return true
}

/**
 * The policy's data as canonical JSON: object keys sorted at every depth,
 * so that the text depends on the settings and not on the order they were
 * written in (a `jsonb` column sorts them its own way).
 */
function canonicalJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const keys = Object.keys(value).sort()
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`
}

/**
 * SPEC §6's fingerprint: SHA-256 of the canonical JSON of every resolved
 * setting and of the date-holidays data release the calendar's holidays come
 * from (a new release may move a holiday, so it is part of what decided).
 * SHA-256 from @noble/hashes: synchronous in Node and in browsers (Web
 * Crypto's digest is asynchronous), audited, and without dependencies.
 */
function fingerprintOf(policy: Policy): string {
  const text = `${canonicalJson(policy)}\ndate-holidays data ${holidayData.version}`
  return `sha256:${bytesToHex(sha256(utf8ToBytes(text)))}`
}

function compile(options: unknown): CompiledPolicy {
  if (!isOptions(options)) throw refundRulesError('INVALID_POLICY', 'policy', expected('policy options', options))
  const reader = new SettingsReader('INVALID_POLICY')
  // Each absent setting takes the published policy's value. (Not an object: refused above, under its own message.)
  const input = reader.section(options, '', POLICY)
  // Read in this order, so that the first issue (the error's own code and path) stays where it always was.
  input.rejectUnknownKeys('policy setting')
  const anchor = input.setting('orderCancellationAnchor', oneOf('top-up', 'order'))
  const channels = input.settingList('writtenChannels', MAX_WRITTEN_CHANNELS, CHANNEL)
  const termination = input.section('termination')
  const settlement = termination.setting('settlement', oneOf('manual-review', 'automatic'))
  const payoutBusinessDays = termination.setting('payoutBusinessDays', BUSINESS_DAYS_OR_NULL)
  const contacts = input.section('contacts')
  termination.rejectUnknownKeys('termination setting')
  contacts.rejectUnknownKeys('contact')
  // `null` is no overrides, the published calendar and no fees: these three read it as absent.
  const currencies = readCurrencyOverrides(
    reader.section(input.optional('currencies'), 'currencies', CURRENCY_OVERRIDES),
  )
  // The calendar merges over the published one; the fee schedule is read with the policy's minor units.
  const calendarOptions = reader.section(input.optional('calendar'), 'calendar', CALENDAR_OPTIONS)
  const calendar = readCalendar(calendarOptions, CTR_GROUP_DEFAULTS.calendar)
  const fees = readFeeSchedule(reader.section(input.optional('fees'), 'fees', FEE_SCHEDULE), currencies)

  const policy: Policy = {
    id: input.setting('id', TEXT),
    version: input.setting('version', TEXT),
    topUpRefundWindowHours: input.setting('topUpRefundWindowHours', HOURS),
    orderCancellationWindowHours: input.setting('orderCancellationWindowHours', HOURS),
    orderCancellationAnchor: anchor,
    cancellationStatusChangeHours: input.setting('cancellationStatusChangeHours', HOURS),
    refundBusinessDays: input.setting('refundBusinessDays', BUSINESS_DAYS),
    inactivityMonths: input.setting('inactivityMonths', wholeNumber(1, MAX_MONTHS)),
    writtenChannels: [...new Set(channels)],
    clockSkewSeconds: input.setting('clockSkewSeconds', CLOCK_SKEW),
    termination: { settlement, payoutBusinessDays },
    calendar: calendar?.options as ResolvedCalendarOptions,
    fees: fees as FeeSchedule,
    contacts: {
      refunds: contacts.setting('refunds', TEXT),
      general: contacts.setting('general', TEXT),
      support: contacts.setting('support', TEXT),
    },
    currencies,
  }
  reader.finish()
  // Every part is a copy made here (or a frozen part of a policy made before): freezing it freezes nothing of the caller's.
  deepFreeze(policy)
  return {
    settings: policy,
    reference: Object.freeze({ id: policy.id, version: policy.version, fingerprint: fingerprintOf(policy) }),
    calendar: calendar as CalendarCore,
    windowMs: {
      topUp: policy.topUpRefundWindowHours * MS_PER_HOUR,
      cancellation: policy.orderCancellationWindowHours * MS_PER_HOUR,
      statusChange: policy.cancellationStatusChangeHours * MS_PER_HOUR,
    },
    writtenChannels: new Set(policy.writtenChannels),
  }
}
