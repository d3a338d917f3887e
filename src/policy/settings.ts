/**
 * Policy settings (SPEC §3): every reading of the published policy that an
 * integrator might want to change, validated once, with defaults filled in
 * and frozen.
 *
 * A `Policy` is plain data (it survives `JSON.stringify`); what is expensive
 * to build from it — the business calendar and the parsed fee schedule — is
 * built once per policy object and kept beside it in a WeakMap.
 */

import { expected, isRefundRulesError, refundRulesError, unreadable } from '../errors.js'
import { deepFreeze } from '../freeze.js'
import { type Check, Reader } from '../inputs.js'
import { createFeeSchedule, type FeeSchedule, type FeeScheduleInput } from '../money/fees.js'
import {
  type BusinessCalendarOptions,
  type CalendarCore,
  createCalendarCore,
  type ResolvedCalendarOptions,
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
  readonly calendar?: BusinessCalendarOptions
  readonly fees?: FeeScheduleInput
  readonly contacts?: Partial<PolicyContacts>
}

/**
 * A policy ready for evaluations: the validated settings and what is
 * expensive to build from them, built once per policy. The clauses receive
 * this one value.
 */
export interface CompiledPolicy {
  readonly settings: Policy
  /** `{ id, version }`, frozen once and shared by every decision made under the policy. */
  readonly reference: { readonly id: string; readonly version: string }
  readonly calendar: CalendarCore
  readonly windowMs: { readonly topUp: number; readonly cancellation: number; readonly statusChange: number }
  readonly writtenChannels: ReadonlySet<string>
}

/** Every policy made by {@link createPolicy}, compiled: the key is the frozen `Policy` itself. */
const compiled = new WeakMap<object, CompiledPolicy>()

const MS_PER_HOUR = 3_600_000
// A window longer than the supported range of instants can never close.
const MAX_WINDOW_HOURS = 100 * 366 * 24
const MAX_COUNT = 10_000

const HOURS: Check<number> = [
  (v): v is number => typeof v === 'number' && v >= 0 && v <= MAX_WINDOW_HOURS && Number.isInteger(v * MS_PER_HOUR),
  `a non-negative number of hours (at most ${MAX_WINDOW_HOURS}, whole milliseconds)`,
]
const wholeNumber = (min: number): Check<number> => [
  (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= MAX_COUNT,
  `a whole number from ${min} to ${MAX_COUNT}`,
]
const COUNT = wholeNumber(0)
// null is a setting too: no due date for termination payouts.
const COUNT_OR_NULL: Check<number | null> = [(v): v is number | null => v === null || COUNT[0](v), COUNT[1]]
const TEXT: Check<string> = [
  (v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200,
  'a non-empty string',
]
const CHANNELS: Check<readonly string[]> = [
  (v): v is readonly string[] =>
    Array.isArray(v) && v.every((c) => typeof c === 'string' && c.length > 0 && c.length <= 100),
  'an array of channel names',
]
// Two services' clocks disagree by seconds, not hours: an hour is already generous.
const MAX_CLOCK_SKEW_SECONDS = 3600
const CLOCK_SKEW: Check<number> = [
  (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_CLOCK_SKEW_SECONDS,
  `a whole number of seconds from 0 to ${MAX_CLOCK_SKEW_SECONDS}`,
]
const oneOf = <T extends string>(...options: T[]): Check<T> => [
  (v): v is T => options.includes(v as T),
  options.map((o) => `'${o}'`).join(' or '),
]

/** Whether `value` can be policy options at all; throws for a revoked proxy (`createPolicy` reports that). */
const isOptions = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Validates policy options, fills every default from the published policy
 * (SPEC §3) and deep-freezes the result. Every problem is reported at once
 * in one `RefundRulesError` (`INVALID_POLICY`, one issue per field):
 * unknown settings, negative windows, non-integer day or month counts, an
 * unknown zone or holiday country, a cutoff that is not `HH:mm`, a fee rule
 * that cannot work. A `Policy` is valid input again.
 *
 * @example
 * const policy = createPolicy({
 *   refundBusinessDays: 3,
 *   calendar: { timeZone: 'Europe/Berlin', holidays: { country: 'DE', state: 'BE' } },
 *   fees: { methods: { card: { percent: '2.9', fixed: { EUR: '0.30' } } } },
 * })
 * policy.topUpRefundWindowHours // => 48 (the published default)
 */
export function createPolicy(options: PolicyOptions = {}): Policy {
  return compilePolicy(options).settings
}

/**
 * The compiled form of a policy: a policy made by {@link createPolicy} is
 * found in the cache first; anything else (options, a policy read back from
 * JSON) is validated, compiled and cached on the `Policy` made from it.
 *
 * @example
 * compilePolicy(createPolicy()).windowMs.topUp // => 172800000
 */
export function compilePolicy(options: Policy | PolicyOptions): CompiledPolicy {
  const hit = compiled.get(options)
  if (hit !== undefined) return hit
  try {
    return compile(options)
  } catch (error) {
    if (isRefundRulesError(error)) throw error
    // A revoked proxy, a throwing getter or a cycle too deep to read is a bad policy, not a crash (SPEC §7.6):
    // named as such, so it is not mistaken for a problem with the snapshot being evaluated.
    throw refundRulesError('INVALID_POLICY', 'policy', unreadable(error))
  }
}

function compile(options: unknown): CompiledPolicy {
  if (!isOptions(options)) throw refundRulesError('INVALID_POLICY', 'policy', expected('policy options', options))
  const reader = new Reader('INVALID_POLICY')
  // Each absent setting takes the published policy's value.
  const input = reader.at(options, 'policy', '', CTR_GROUP_DEFAULTS)
  // Read in this order, so that the first issue (the error's own code and path) stays where it always was.
  input.rejectUnknownKeys('policy setting')
  const anchor = input.setting('orderCancellationAnchor', oneOf('top-up', 'order'))
  const channels = input.setting('writtenChannels', CHANNELS)
  const termination = input.section('termination')
  const settlement = termination.setting('settlement', oneOf('manual-review', 'automatic'))
  const payoutBusinessDays = termination.setting('payoutBusinessDays', COUNT_OR_NULL)
  const contacts = input.section('contacts')
  termination.rejectUnknownKeys('termination setting')
  contacts.rejectUnknownKeys('contact')
  // The calendar's and the fee schedule's own options are validated by their modules.
  const calendar = reader.attempt(() =>
    createCalendarCore(input.raw('calendar') ?? CTR_GROUP_DEFAULTS.calendar, 'calendar'),
  )
  const fees = reader.attempt(() => createFeeSchedule(input.raw('fees') ?? CTR_GROUP_DEFAULTS.fees, 'fees'))

  const policy: Policy = {
    id: input.setting('id', TEXT),
    version: input.setting('version', TEXT),
    topUpRefundWindowHours: input.setting('topUpRefundWindowHours', HOURS),
    orderCancellationWindowHours: input.setting('orderCancellationWindowHours', HOURS),
    orderCancellationAnchor: anchor,
    cancellationStatusChangeHours: input.setting('cancellationStatusChangeHours', HOURS),
    refundBusinessDays: input.setting('refundBusinessDays', COUNT),
    inactivityMonths: input.setting('inactivityMonths', wholeNumber(1)),
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
  }
  reader.finish()
  deepFreeze(policy)
  const result: CompiledPolicy = {
    settings: policy,
    reference: Object.freeze({ id: policy.id, version: policy.version }),
    calendar: calendar as CalendarCore,
    windowMs: {
      topUp: policy.topUpRefundWindowHours * MS_PER_HOUR,
      cancellation: policy.orderCancellationWindowHours * MS_PER_HOUR,
      statusChange: policy.cancellationStatusChangeHours * MS_PER_HOUR,
    },
    writtenChannels: new Set(policy.writtenChannels),
  }
  compiled.set(policy, result)
  return result
}
