/**
 * SPEC §1, read own properties only: a host whose `Object.prototype` was
 * polluted (by some other vulnerable dependency) with EVERY snapshot field
 * name and EVERY setting name, each with a value that would change the result
 * if it were read, gets the same decisions and the same policies as a clean
 * host. The names are written out here from the documented fields of the
 * exported types (TopUpSnapshot, AccountSnapshot, OrderSnapshot,
 * RefundRequest, MoneyInput, the clause inputs, PolicyOptions and the
 * settings below it), not imported from src/, so a field added there without
 * being listed here is a gap in this list, not a silent pass.
 *
 * One test per name says which decisions and policies that name alone
 * changes; one test per decision or policy puts every name on at once.
 * When written, these names were still read through the prototype: the
 * calendar settings (`weekend`, `closedDates`, `openDates`, `cutoff`,
 * `holidays`, and `state`, `region`, `types` inside it: the calendar
 * options are destructured), the fee schedule and rules (`rounding`,
 * `default`, `methods`, `fixed`, `min`, `max`), `calendar` (the options
 * object handed to `Intl.DateTimeFormat` inherits it, and Intl reads it as
 * its calendar option), and `settlement` (a clause's decision parts are
 * destructured, so an inherited `settlement`, `amounts` or `dates` lands in
 * every decision).
 */
import { describe, expect, it } from 'vitest'
import { evaluate } from '../../src/clauses/evaluate.js'
import { evaluateInactivity } from '../../src/clauses/inactivity.js'
import { evaluateOrderCancellation } from '../../src/clauses/order-cancellation.js'
import { evaluateTermination } from '../../src/clauses/termination.js'
import { evaluateTopUpRefund } from '../../src/clauses/top-up-refund.js'
import { createPolicy } from '../../src/policy/settings.js'
import { account, eur, order, topUp, verifiedAccount } from './fixtures.js'

const hostileMoney = { amount: '9999.00', currency: 'EUR' }

/** Every documented field of the evaluation inputs, with a value that would change a decision if read. */
const SNAPSHOT_FIELDS: Record<string, unknown> = {
  // EvaluateInput and the clause inputs
  clause: 'termination',
  topUp: { ...topUp, amount: hostileMoney },
  account: { ...verifiedAccount, balance: hostileMoney },
  order: { ...order, status: 'cancelled' },
  request: { receivedAt: '2020-01-01T00:00:00Z', channel: 'phone' },
  now: '2099-01-01T00:00:00Z',
  policy: { refundBusinessDays: 1 },
  // MoneyInput
  amount: '9999.00',
  minor: 1,
  currency: 'JPY',
  // TopUpSnapshot
  id: '',
  creditedAt: '2020-01-01T00:00:00Z',
  method: 'card',
  processingFee: hostileMoney,
  refunded: hostileMoney,
  // AccountSnapshot
  balance: hostileMoney,
  debt: hostileMoney,
  lastActivityAt: '2000-01-01T00:00:00Z',
  identityVerified: true,
  ownershipVerified: true,
  payoutMethod: 'bank',
  // OrderSnapshot
  placedAt: '2020-01-01T00:00:00Z',
  status: 'cancelled',
  fundedBy: { topUpId: 'other', creditedAt: '2020-01-01T00:00:00Z', method: 'bank' },
  topUpId: 'other',
  // RefundRequest
  receivedAt: '2020-01-01T00:00:00Z',
  channel: 'phone',
  orderDetails: { orderId: 'other' },
  orderId: 'other',
  informationRequested: { items: ['passport'], providedAt: '2020-01-01T00:00:00Z' },
  items: ['passport'],
  providedAt: '2020-01-01T00:00:00Z',
}

/** Every documented setting of PolicyOptions, its calendar, holidays, termination, fees and contacts. */
const SETTINGS: Record<string, unknown> = {
  // PolicyOptions (`id` is shared with the snapshots above)
  version: 'attacker',
  topUpRefundWindowHours: 1,
  orderCancellationWindowHours: 1,
  orderCancellationAnchor: 'order',
  cancellationStatusChangeHours: 1,
  refundBusinessDays: 1,
  inactivityMonths: 1,
  writtenChannels: ['phone'],
  termination: { settlement: 'automatic', payoutBusinessDays: 1 },
  calendar: { timeZone: 'Pacific/Kiritimati', cutoff: '00:01' },
  fees: { default: { percent: '100' } },
  contacts: { refunds: 'attacker@example.com', general: 'attacker@example.com', support: 'attacker@example.com' },
  // TerminationSettings
  settlement: 'automatic',
  payoutBusinessDays: 1,
  // BusinessCalendarOptions
  timeZone: 'Pacific/Kiritimati',
  weekend: [0, 1, 2, 3, 4, 5],
  holidays: { country: 'VN' },
  closedDates: ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'],
  openDates: ['2026-11-21', '2026-11-22'],
  cutoff: '00:01',
  // HolidayOptions
  country: 'VN',
  state: 'BY',
  region: 'X',
  types: ['observance', 'school', 'optional'],
  // FeeScheduleInput and FeeRuleInput
  rounding: 'up',
  default: { percent: '100' },
  methods: { card: { percent: '100' }, bank: { percent: '100' } },
  percent: '100',
  fixed: { EUR: '50.00', JPY: '5000' },
  min: { EUR: '50.00', JPY: '5000' },
  max: { EUR: '0.01', JPY: '1' },
  // PolicyContacts
  refunds: 'attacker@example.com',
  general: 'attacker@example.com',
  support: 'attacker@example.com',
}

const ALL_NAMES: Record<string, unknown> = { ...SNAPSHOT_FIELDS, ...SETTINGS }

/** Runs `run` with `names` set on Object.prototype (enumerable, as `Object.prototype.x = v` does); cleans up after. */
function polluted<T>(names: readonly string[], run: () => T): T {
  const prototype = Object.prototype as Record<string, unknown>
  for (const name of names) expect(Object.hasOwn(prototype, name), `${name} is already on Object.prototype`).toBe(false)
  try {
    for (const name of names) prototype[name] = ALL_NAMES[name]
    return run()
  } finally {
    for (const name of names) delete prototype[name]
  }
}

/** The result of `run`, or the thrown error's code, path and message, so a throw under pollution is a difference. */
function outcomeOf(run: () => unknown): unknown {
  try {
    return run()
  } catch (error) {
    const { code, issues } = error as { code?: unknown; issues?: unknown }
    return { threw: String(error), code, issues }
  }
}

const at = '2026-11-21T09:00:00Z'
const emailAt = { receivedAt: at, channel: 'email' }
const cardFees = { fees: { methods: { card: { percent: '2.9', fixed: { EUR: '0.30' } } } } }

/** Every clause, several outcomes, the default policy and policies from partial options. */
const EVALUATIONS: Record<string, () => unknown> = {
  'top-up refund, approved with a card fee': () =>
    evaluateTopUpRefund({ topUp, account, request: emailAt, now: at }, cardFees),
  'top-up refund, rejected (window expired)': () =>
    evaluateTopUpRefund({
      topUp,
      account,
      request: { ...emailAt, receivedAt: '2026-11-23T09:00:00Z' },
      now: '2026-11-23T09:00:00Z',
    }),
  'top-up refund, rejected (not in writing)': () =>
    evaluateTopUpRefund({ topUp, account, request: { receivedAt: at, channel: 'phone' }, now: at }),
  'top-up refund, partly spent and partly refunded': () =>
    evaluateTopUpRefund(
      {
        topUp: { ...topUp, refunded: eur('10.00') },
        account: { ...account, balance: eur('60.00') },
        request: emailAt,
        now: at,
      },
      { calendar: { timeZone: 'Europe/London' } },
    ),
  'order cancellation, approved': () =>
    evaluateOrderCancellation({ order, request: { ...emailAt, orderDetails: { orderId: 'o1' } }, now: at }, cardFees),
  'order cancellation, needs information (no order details)': () =>
    evaluateOrderCancellation({ order, request: emailAt, now: at }),
  'termination, needs information (unverified)': () =>
    evaluateTermination({
      account: { id: 'a1', balance: eur('50.00'), lastActivityAt: '2026-10-01T08:00:00Z' },
      request: { receivedAt: at, channel: 'letter' },
      now: at,
    }),
  'termination, manual review': () => evaluateTermination({ account: verifiedAccount, request: emailAt, now: at }),
  'termination, approved under an automatic settlement': () =>
    evaluateTermination(
      { account: verifiedAccount, request: emailAt, now: at },
      { termination: { settlement: 'automatic' } },
    ),
  'inactivity, active': () => evaluateInactivity({ account, now: at }),
  'inactivity, deactivated': () => evaluateInactivity({ account, now: '2028-01-01T00:00:00Z' }),
  'evaluate by clause id': () => evaluate({ clause: 'top-up-refund', topUp, account, request: emailAt, now: at }),
}

/** createPolicy given no options and each group of settings partly. */
const POLICIES: Record<string, () => unknown> = {
  'no options': () => createPolicy({}),
  undefined: () => createPolicy(),
  'a calendar with a time zone only': () => createPolicy({ calendar: { timeZone: 'Europe/London' } }),
  'holidays with a country only': () =>
    createPolicy({ calendar: { timeZone: 'Europe/Berlin', holidays: { country: 'DE' } } }),
  'a fee rule with a percent only': () => createPolicy({ fees: { methods: { card: { percent: '2.9' } } } }),
  'an empty fee schedule': () => createPolicy({ fees: {} }),
  'termination and contacts, partly': () =>
    createPolicy({ termination: { payoutBusinessDays: 3 }, contacts: { refunds: 'refunds@example.com' } }),
}

describe('own properties only, under a polluted Object.prototype (SPEC §1)', () => {
  it('the clean decisions cover every clause and four outcomes', () => {
    const outcomes = new Set(Object.values(EVALUATIONS).map((run) => (run() as { outcome: string }).outcome))
    expect([...outcomes].sort()).toEqual([
      'active',
      'approved',
      'deactivated',
      'manual-review',
      'needs-information',
      'rejected',
    ])
  })

  const runs: Record<string, () => unknown> = {
    ...Object.fromEntries(Object.entries(EVALUATIONS).map(([name, run]) => [`decision: ${name}`, run])),
    ...Object.fromEntries(Object.entries(POLICIES).map(([name, run]) => [`policy: ${name}`, run])),
  }

  /** The names of the runs whose result differs when `names` are inherited. */
  function changedBy(names: readonly string[]): string[] {
    return Object.entries(runs).flatMap(([name, run]) => {
      const clean = outcomeOf(run)
      const dirty = polluted(names, () => outcomeOf(run))
      return JSON.stringify(dirty) === JSON.stringify(clean) ? [] : [name]
    })
  }

  for (const name of Object.keys(ALL_NAMES)) {
    it(`Object.prototype.${name} changes no decision and no policy`, () => {
      expect(changedBy([name]).join('; ')).toBe('')
    })
  }

  for (const [name, run] of Object.entries(runs)) {
    it(`with every name inherited at once, unchanged: ${name}`, () => {
      const clean = outcomeOf(run)
      expect(polluted(Object.keys(ALL_NAMES), () => outcomeOf(run))).toEqual(clean)
    })
  }
})
