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
  collectPolicyIssues,
  describeReceived,
  expected,
  joinPath,
  RefundRulesError,
  type RefundRulesIssue,
  refundRulesError,
  throwIssues,
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

const MS_PER_HOUR = 3_600_000
// A window longer than the supported range of instants can never close.
const MAX_WINDOW_HOURS = 100 * 366 * 24
const MAX_COUNT = 10_000

/** What a setting must pass, and what its message says was expected. */
type Check = readonly [test: (value: unknown) => boolean, expected: string]

const HOURS: Check = [
  (v) => typeof v === 'number' && v >= 0 && v <= MAX_WINDOW_HOURS && Number.isInteger(v * MS_PER_HOUR),
  `a non-negative number of hours (at most ${MAX_WINDOW_HOURS}, whole milliseconds)`,
]
const wholeNumber = (min: number): Check => [
  (v) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= MAX_COUNT,
  `a whole number from ${min} to ${MAX_COUNT}`,
]
const COUNT = wholeNumber(0)
const TEXT: Check = [(v) => typeof v === 'string' && v.length > 0 && v.length <= 200, 'a non-empty string']
const CHANNELS: Check = [
  (v) => Array.isArray(v) && v.every((c) => typeof c === 'string' && c.length > 0 && c.length <= 100),
  'an array of channel names',
]
const oneOf = (...options: string[]): Check => [
  (v) => options.includes(v as string),
  options.map((o) => `'${o}'`).join(' or '),
]
// Throws for a revoked proxy: `createPolicy` reports that as a policy it cannot read.
const isObject = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const OBJECT: Check = [isObject, 'an object']

// The readers below collect every problem in `issues` instead of stopping at the first.

function fail(issues: RefundRulesIssue[], path: string, message: string): void {
  issues.push({ code: 'INVALID_POLICY', path, message })
}

/**
 * A reader of one part of the options at `path`: a value that passes its check, else the part's default.
 * So a section (`termination`, `contacts`) that is absent or not an `OBJECT` reads as its defaults, which
 * pass every check and hold no unknown key: only the section itself is reported.
 */
function part<P>(issues: RefundRulesIssue[], values: object, defaults: object, path: string) {
  return <K extends keyof P & string>(key: K, [test, what]: Check): P[K] => {
    const value = (values as Record<string, unknown>)[key]
    if (value !== undefined) {
      if (test(value)) return value as P[K]
      fail(issues, joinPath(path, key), expected(what, value))
    }
    return (defaults as P)[key]
  }
}

/** Reports each key of `values` that `known` (the defaults of that part) lacks. */
function unknownKeys(issues: RefundRulesIssue[], values: object, known: object, path: string, what: string): void {
  for (const key of Object.keys(values)) {
    if (!Object.hasOwn(known, key)) {
      fail(
        issues,
        joinPath(path, key),
        `is not a ${what}, received ${describeReceived((values as Record<string, unknown>)[key])}`,
      )
    }
  }
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
  if (!isObject(options)) throw refundRulesError('INVALID_POLICY', 'policy', expected('policy options', options))
  if (runtimes.has(options as Policy)) return options as Policy
  const input = options as Record<string, unknown>
  const issues: RefundRulesIssue[] = []
  const d = CTR_GROUP_DEFAULTS
  // Read in this order, so that the first issue (the error's own code and path) stays where it always was.
  unknownKeys(issues, input, d, '', 'policy setting')
  const setting = part<Policy>(issues, input, d, '')
  const anchor = setting('orderCancellationAnchor', oneOf('top-up', 'order'))
  const channels = setting('writtenChannels', CHANNELS)
  const termination: object = setting('termination', OBJECT)
  const terminationSetting = part<TerminationSettings>(issues, termination, d.termination, 'termination')
  const settlement = terminationSetting('settlement', oneOf('manual-review', 'automatic'))
  // null is a setting too: no due date for termination payouts.
  const payoutBusinessDays = terminationSetting('payoutBusinessDays', [(v) => v === null || COUNT[0](v), COUNT[1]])
  const contacts: object = setting('contacts', OBJECT)
  unknownKeys(issues, termination, d.termination, 'termination', 'termination setting')
  unknownKeys(issues, contacts, d.contacts, 'contacts', 'contact')
  const calendar = collectPolicyIssues(issues, () => createCalendarCore(input.calendar ?? d.calendar, 'calendar'))
  const fees = collectPolicyIssues(issues, () => createFeeSchedule(input.fees ?? d.fees, 'fees'))
  const contact = part<PolicyContacts>(issues, contacts, d.contacts, 'contacts')

  const policy: Policy = {
    id: setting('id', TEXT),
    version: setting('version', TEXT),
    topUpRefundWindowHours: setting('topUpRefundWindowHours', HOURS),
    orderCancellationWindowHours: setting('orderCancellationWindowHours', HOURS),
    orderCancellationAnchor: anchor,
    cancellationStatusChangeHours: setting('cancellationStatusChangeHours', HOURS),
    refundBusinessDays: setting('refundBusinessDays', COUNT),
    inactivityMonths: setting('inactivityMonths', wholeNumber(1)),
    writtenChannels: [...new Set(channels)],
    termination: { settlement, payoutBusinessDays },
    calendar: calendar?.options as ResolvedCalendarOptions,
    fees: fees as FeeSchedule,
    contacts: {
      refunds: contact('refunds', TEXT),
      general: contact('general', TEXT),
      support: contact('support', TEXT),
    },
  }
  throwIssues(issues)
  deepFreeze(policy)
  runtimes.set(policy, {
    reference: Object.freeze({ id: policy.id, version: policy.version }),
    calendar: calendar as CalendarCore,
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
