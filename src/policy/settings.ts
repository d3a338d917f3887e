/**
 * Policy settings (SPEC §3): every reading of the published policy that an
 * integrator might want to change, validated once, with defaults filled in
 * and frozen.
 *
 * A `Policy` is plain data (it survives `JSON.stringify`); what is expensive
 * to build from it — the business calendar and the parsed fee schedule — is
 * built once per policy object and kept beside it in a WeakMap.
 */

import {
  describeReceived,
  expected,
  joinPath,
  RefundRulesError,
  type RefundRulesIssue,
  refundRulesError,
  unreadable,
} from '../errors.js'
import { deepFreeze } from '../freeze.js'
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
  readonly termination?: Partial<TerminationSettings>
  readonly calendar?: BusinessCalendarOptions
  readonly fees?: FeeScheduleInput
  readonly contacts?: Partial<PolicyContacts>
}

export { CTR_GROUP_DEFAULTS }

/** What evaluations need from a policy, built once. */
export interface PolicyRuntime {
  /** `{ id, version }`, frozen once and shared by every decision made under the policy. */
  readonly reference: { readonly id: string; readonly version: string }
  readonly calendar: CalendarCore
  readonly windowMs: { readonly topUp: number; readonly cancellation: number; readonly statusChange: number }
  readonly writtenChannels: ReadonlySet<string>
}

const runtimes = new WeakMap<Policy, PolicyRuntime>()

const KNOWN_KEYS = new Set<string>(Object.keys(CTR_GROUP_DEFAULTS))
const MS_PER_HOUR = 3_600_000
// A window longer than the supported range of instants can never close.
const MAX_WINDOW_HOURS = 100 * 366 * 24
const MAX_COUNT = 10_000
const hasOwn = (object: object, key: string) => Object.hasOwn(object, key)

/** Reads validated settings, collecting every problem instead of stopping at the first. */
function createSettingsReader(input: Record<string, unknown>) {
  const issues: RefundRulesIssue[] = []
  const fail = (path: string, message: string, received: unknown) => {
    issues.push({ code: 'INVALID_POLICY', path, message: `${message}, received ${describeReceived(received)}` })
  }
  const read = <T>(path: string, value: unknown, fallback: T, check: (v: unknown) => boolean, expected: string): T => {
    if (value === undefined) return fallback
    if (check(value)) return value as T
    fail(path, `expected ${expected}`, value)
    return fallback
  }
  const hours = (key: string, fallback: number) =>
    read(
      key,
      input[key],
      fallback,
      (v) => typeof v === 'number' && v >= 0 && v <= MAX_WINDOW_HOURS && Number.isInteger(v * MS_PER_HOUR),
      `a non-negative number of hours (at most ${MAX_WINDOW_HOURS}, whole milliseconds)`,
    )
  const count = (path: string, value: unknown, fallback: number, min = 0) =>
    read(
      path,
      value,
      fallback,
      (v) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= MAX_COUNT,
      `a whole number from ${min} to ${MAX_COUNT}`,
    )
  const text = (path: string, value: unknown, fallback: string) =>
    read(path, value, fallback, (v) => typeof v === 'string' && v.length > 0 && v.length <= 200, 'a non-empty string')
  const section = (key: string): Record<string, unknown> => {
    const value = input[key]
    if (value === undefined) return {}
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>
    fail(key, 'expected an object', value)
    return {}
  }
  const nested = <T>(build: () => T): T | undefined => {
    try {
      return build()
    } catch (error) {
      if (!(error instanceof RefundRulesError)) throw error
      issues.push(...error.issues.map((issue) => ({ ...issue, code: 'INVALID_POLICY' as const })))
      return undefined
    }
  }
  return { issues, fail, read, hours, count, text, section, nested }
}

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
  try {
    return buildPolicy(options)
  } catch (error) {
    if (error instanceof RefundRulesError) throw error
    // A revoked proxy, a throwing getter or a cycle too deep to read is a bad policy, not a crash (SPEC §7.6):
    // named as such, so it is not mistaken for a problem with the snapshot being evaluated.
    throw refundRulesError('INVALID_POLICY', 'policy', unreadable(error))
  }
}

function buildPolicy(options: PolicyOptions): Policy {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw refundRulesError('INVALID_POLICY', 'policy', expected('policy options', options))
  }
  if (runtimes.has(options as Policy)) return options as Policy
  const input = options as Record<string, unknown>
  const r = createSettingsReader(input)
  for (const key of Object.keys(input)) {
    if (!KNOWN_KEYS.has(key)) r.fail(joinPath('', key), 'is not a policy setting', input[key])
  }
  const d = CTR_GROUP_DEFAULTS
  const anchor = r.read(
    'orderCancellationAnchor',
    input.orderCancellationAnchor,
    d.orderCancellationAnchor as Policy['orderCancellationAnchor'],
    (v) => v === 'top-up' || v === 'order',
    "'top-up' or 'order'",
  )
  const channels = r.read<readonly string[]>(
    'writtenChannels',
    input.writtenChannels,
    d.writtenChannels,
    (v) => Array.isArray(v) && v.every((c) => typeof c === 'string' && c.length > 0 && c.length <= 100),
    'an array of channel names',
  )
  const termination = r.section('termination')
  const settlement = r.read(
    'termination.settlement',
    termination.settlement,
    d.termination.settlement as TerminationSettings['settlement'],
    (v) => v === 'manual-review' || v === 'automatic',
    "'manual-review' or 'automatic'",
  )
  const payoutBusinessDays =
    termination.payoutBusinessDays === null
      ? null
      : r.count('termination.payoutBusinessDays', termination.payoutBusinessDays, d.termination.payoutBusinessDays ?? 0)
  const contacts = r.section('contacts')
  for (const key of Object.keys(termination)) {
    if (!hasOwn(d.termination, key))
      r.fail(joinPath('termination', key), 'is not a termination setting', termination[key])
  }
  for (const key of Object.keys(contacts)) {
    if (!hasOwn(d.contacts, key)) r.fail(joinPath('contacts', key), 'is not a contact', contacts[key])
  }
  const calendar = r.nested(() => createCalendarCore(input.calendar ?? d.calendar, 'calendar'))
  const fees = r.nested(() => createFeeSchedule(input.fees ?? d.fees, 'fees'))

  const policy: Policy = {
    id: r.text('id', input.id, d.id),
    version: r.text('version', input.version, d.version),
    topUpRefundWindowHours: r.hours('topUpRefundWindowHours', d.topUpRefundWindowHours),
    orderCancellationWindowHours: r.hours('orderCancellationWindowHours', d.orderCancellationWindowHours),
    orderCancellationAnchor: anchor,
    cancellationStatusChangeHours: r.hours('cancellationStatusChangeHours', d.cancellationStatusChangeHours),
    refundBusinessDays: r.count('refundBusinessDays', input.refundBusinessDays, d.refundBusinessDays),
    inactivityMonths: r.count('inactivityMonths', input.inactivityMonths, d.inactivityMonths, 1),
    writtenChannels: [...new Set(channels)],
    termination: {
      settlement,
      payoutBusinessDays:
        termination.payoutBusinessDays === undefined ? d.termination.payoutBusinessDays : payoutBusinessDays,
    },
    calendar: calendar?.options as ResolvedCalendarOptions,
    fees: fees as FeeSchedule,
    contacts: Object.fromEntries(
      Object.entries(d.contacts).map(([key, fallback]) => [key, r.text(`contacts.${key}`, contacts[key], fallback)]),
    ) as unknown as PolicyContacts,
  }
  const [first, ...rest] = r.issues
  if (first !== undefined || calendar === undefined) throw new RefundRulesError([first as RefundRulesIssue, ...rest])
  deepFreeze(policy)
  runtimes.set(policy, {
    reference: Object.freeze({ id: policy.id, version: policy.version }),
    calendar,
    windowMs: {
      topUp: policy.topUpRefundWindowHours * MS_PER_HOUR,
      cancellation: policy.orderCancellationWindowHours * MS_PER_HOUR,
      statusChange: policy.cancellationStatusChangeHours * MS_PER_HOUR,
    },
    writtenChannels: new Set(policy.writtenChannels),
  })
  return policy
}

/**
 * The runtime of a policy (its business calendar, windows in milliseconds).
 * A plain object that did not come from {@link createPolicy} — a policy read
 * back from JSON, say — is validated first.
 *
 * @example
 * policyRuntime(createPolicy()).windowMs.topUp // => 172800000
 */
export function policyRuntime(policy: Policy | PolicyOptions): { policy: Policy; runtime: PolicyRuntime } {
  const valid = createPolicy(policy as PolicyOptions)
  return { policy: valid, runtime: runtimes.get(valid) as PolicyRuntime }
}
