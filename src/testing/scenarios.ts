/**
 * Scenario builders: consistent bundles that read like the policy. Each
 * bundle carries its `clause`, so `evaluate({ ...bundle }, policy)` takes it
 * as it is, and differs from the happy path in exactly the named way.
 */
import fc from 'fast-check'
import { MAX_INSTANT } from '../time/instant.js'
import {
  arbEpochMs,
  arbSafeInteger,
  deactivationAt,
  type EpochMs,
  type InstantInput,
  MS_PER_HOUR,
  rangeOf,
} from './instants.js'
import { type Draw, drawing, type Gen, lift } from './lift.js'
import { arbCurrency, arbMinorUnits, DEFAULT_MAX_AMOUNT, type MoneyInput } from './money.js'
import { arbMethod, CHANNELS, type PolicyOptions, settingsOf } from './policy.js'
import {
  type AccountSnapshot,
  arbGap,
  arbId,
  compact,
  drawRequest,
  type InformationState,
  type OrderSnapshot,
  type RefundRequest,
  type Speller,
  type SpellingOptions,
  smallest,
  spellerOf,
  type TopUpSnapshot,
} from './snapshots.js'

/** Clause ids (SPEC §2). */
export type ClauseId = 'top-up-refund' | 'order-cancellation' | 'termination' | 'inactivity'

/** `{ clause: 'top-up-refund', topUp, account, request, now }`. */
export interface TopUpRefundBundle {
  readonly clause: 'top-up-refund'
  readonly topUp: TopUpSnapshot
  readonly account: AccountSnapshot
  readonly request: RefundRequest
  readonly now: InstantInput
}

/** `{ clause: 'order-cancellation', order, request, now }`. */
export interface OrderCancellationBundle {
  readonly clause: 'order-cancellation'
  readonly order: OrderSnapshot
  readonly request: RefundRequest
  readonly now: InstantInput
}

/** `{ clause: 'termination', account, request, now }`. */
export interface TerminationBundle {
  readonly clause: 'termination'
  readonly account: AccountSnapshot
  readonly request: RefundRequest
  readonly now: InstantInput
}

/** `{ clause: 'inactivity', account, now }`. */
export interface InactivityBundle {
  readonly clause: 'inactivity'
  readonly account: AccountSnapshot
  readonly now: InstantInput
}

/** Any scenario bundle. */
export type ScenarioBundle = TopUpRefundBundle | OrderCancellationBundle | TerminationBundle | InactivityBundle

/** Top-up refund scenarios. */
export type TopUpScenario =
  | 'in-time'
  | 'late'
  | 'partly-spent'
  | 'needs-information'
  | 'already-refunded'
  | 'nothing-to-refund'
/** Order-cancellation scenarios. */
export type OrderScenario = 'in-time' | 'late' | 'needs-information' | 'already-cancelled' | 'already-refunded'
/** Termination scenarios. */
export type TerminationScenario = 'complete' | 'needs-information' | 'nothing-to-refund'
/** Inactivity scenarios. */
export type InactivityScenario = 'active' | 'deactivated'

/** Every scenario kind of every clause. */
export const SCENARIOS = Object.freeze({
  'top-up-refund': Object.freeze<TopUpScenario[]>([
    'in-time',
    'late',
    'partly-spent',
    'needs-information',
    'already-refunded',
    'nothing-to-refund',
  ]),
  'order-cancellation': Object.freeze<OrderScenario[]>([
    'in-time',
    'late',
    'needs-information',
    'already-cancelled',
    'already-refunded',
  ]),
  termination: Object.freeze<TerminationScenario[]>(['complete', 'needs-information', 'nothing-to-refund']),
  inactivity: Object.freeze<InactivityScenario[]>(['active', 'deactivated']),
})

/** What a scenario leaves missing when it `needs-information`. */
export type MissingRequirement =
  | 'WRITTEN_REQUEST'
  | 'REQUESTED_INFORMATION'
  | 'ORDER_DETAILS'
  | 'IDENTITY_VERIFICATION'
  | 'OWNERSHIP_VERIFICATION'

/** Overrides of the scenario builders. */
export interface ScenarioOverrides extends SpellingOptions {
  /** The policy options the bundle is built for (windows, anchor, written channels, zone). Default: the published policy. */
  readonly policy?: PolicyOptions
  /** The currency of every amount: fixed or an arbitrary. Default: any `Intl` currency. */
  readonly currency?: Gen<string>
  /** Payment method of the top-up / payout: fixed or an arbitrary. */
  readonly method?: Gen<string>
  /** Largest generated amount, a decimal string. Default `'1000000000000'`. */
  readonly maxAmount?: string
  /** Earliest event (credit, last activity). Default 2000-01-01. */
  readonly from?: InstantInput
  /** Latest event. Default 2040-12-31. */
  readonly to?: InstantInput
  /**
   * For `needs-information`: which requirements to leave unmet (non-empty,
   * each one the clause knows). Default: a random non-empty subset.
   */
  readonly missing?: readonly MissingRequirement[]
}

const MISSING_BY_CLAUSE: Record<'top-up-refund' | 'order-cancellation' | 'termination', MissingRequirement[]> = {
  'top-up-refund': ['WRITTEN_REQUEST', 'REQUESTED_INFORMATION'],
  'order-cancellation': ['ORDER_DETAILS', 'WRITTEN_REQUEST', 'REQUESTED_INFORMATION'],
  termination: ['WRITTEN_REQUEST', 'IDENTITY_VERIFICATION', 'OWNERSHIP_VERIFICATION', 'REQUESTED_INFORMATION'],
}

/**
 * The outcome SPEC §5 gives a scenario (under `policy`, for termination's settlement mode).
 *
 * @example
 * expectedOutcome('top-up-refund', 'late') // => 'rejected'
 * expectedOutcome('termination', 'complete', { termination: { settlement: 'automatic' } }) // => 'approved'
 */
export function expectedOutcome(clause: ClauseId, kind: string, policy: PolicyOptions = {}): string {
  switch (kind) {
    case 'in-time':
    case 'partly-spent':
      return 'approved'
    case 'complete':
      return policy.termination?.settlement === 'automatic' ? 'approved' : 'manual-review'
    case 'needs-information':
      return 'needs-information'
    case 'active':
    case 'deactivated':
      return kind
    default:
      if (!(SCENARIOS[clause] as readonly string[]).includes(kind)) throw new Error(`no ${clause} scenario ${kind}`)
      return 'rejected'
  }
}

/**
 * The reason code a scenario is built around (`WINDOW_EXPIRED` for `late`,
 * `PARTIALLY_SPENT`, …), or `undefined` for the plain happy path and for
 * `needs-information` (whose codes are the `missing` requirements).
 *
 * @example
 * expectedReason('order-cancellation', 'already-cancelled') // => 'ALREADY_CANCELLED'
 */
export function expectedReason(_clause: ClauseId, kind: string, policy: PolicyOptions = {}): string | undefined {
  if (kind === 'complete') return policy.termination?.settlement === 'automatic' ? undefined : 'INDIVIDUAL_TERMS'
  const codes: Record<string, string> = {
    late: 'WINDOW_EXPIRED',
    'partly-spent': 'PARTIALLY_SPENT',
    'already-refunded': 'ALREADY_REFUNDED',
    'already-cancelled': 'ALREADY_CANCELLED',
    'nothing-to-refund': 'NOTHING_TO_REFUND',
    deactivated: 'INACTIVE_OVER_THRESHOLD',
  }
  return codes[kind]
}

/** A channel the policy does not count as written. */
function unwrittenChannels(written: readonly string[]): string[] {
  const pool = [...CHANNELS, 'in-person', 'sms'].filter((c) => !written.includes(c))
  return pool.length > 0 ? pool : [`not-${written.join('-')}`]
}

interface Common {
  draw: Draw
  spell: Speller
  currency: string
  written: readonly string[]
  missing: ReadonlySet<MissingRequirement>
  /** Earliest and latest start instants that leave room for the windows and gaps. */
  from: EpochMs
  to: EpochMs
}

/** Checks the overrides when the arbitrary is built, not when it is first sampled. */
function validate(clause: ClauseId, kind: string, o: ScenarioOverrides): void {
  if (!(SCENARIOS[clause] as readonly string[]).includes(kind)) throw new Error(`unknown ${clause} scenario ${kind}`)
  rangeOf(o)
  if (o.missing === undefined || clause === 'inactivity') return
  const known = MISSING_BY_CLAUSE[clause]
  if (o.missing.length === 0 || o.missing.some((m) => !known.includes(m))) {
    throw new Error(`${clause} needs-information: missing must be a non-empty subset of ${known.join(', ')}`)
  }
}

function common(
  draw: Draw,
  o: ScenarioOverrides,
  clause: keyof typeof MISSING_BY_CLAUSE | 'inactivity',
  needs: boolean,
  span: number,
): Common {
  const currency = draw(lift(o.currency, arbCurrency()))
  const [from, to] = rangeOf(o)
  const known = clause === 'inactivity' ? [] : MISSING_BY_CLAUSE[clause]
  let missing: MissingRequirement[] = []
  if (needs) {
    missing = o.missing === undefined ? draw(fc.subarray(known, { minLength: 1 })) : [...o.missing]
  }
  const latest = Math.min(to, MAX_INSTANT - span)
  return {
    draw,
    spell: spellerOf(draw, currency, o),
    currency,
    written: settingsOf(o.policy).writtenChannels,
    missing: new Set(missing),
    from: Math.min(from, latest),
    to: latest,
  }
}

/** A request-receipt offset from a window start: in time (biased to the end and 1 ms before) or late (biased to 1 ms after). */
function drawOffset(draw: Draw, windowMs: number, late: boolean): number {
  if (late) return windowMs + 1 + draw(fc.oneof(fc.constant(0), arbGap()))
  return draw(fc.oneof(fc.constantFrom(windowMs, Math.max(0, windowMs - 1), 0), arbSafeInteger(0, windowMs)))
}

/** The channel and information state of a request, honouring what is missing. */
function requestShape(c: Common): { channel: string; information: InformationState } {
  const channel = c.missing.has('WRITTEN_REQUEST')
    ? c.draw(fc.constantFrom(...unwrittenChannels(c.written)))
    : c.draw(fc.constantFrom(...c.written))
  const information: InformationState = c.missing.has('REQUESTED_INFORMATION')
    ? 'pending'
    : c.draw(fc.constantFrom<InformationState>('none', 'none', 'provided'))
  return { channel, information }
}

/** `now` after every event of the bundle. */
const drawNow = (c: Common, latestEvent: EpochMs) => Math.min(MAX_INSTANT, latestEvent + c.draw(arbGap()))

const windowMsOf = (hours: number) => Math.round(hours * MS_PER_HOUR)

function money(c: Common, units: bigint): MoneyInput {
  return c.spell.money(units)
}

/** A known processing fee, now and then: 0 … the amount. */
function optionalFee(c: Common, units: bigint): MoneyInput | undefined {
  const fee = c.draw(fc.option(fc.bigInt({ min: 0n, max: units }), { freq: 3 }))
  return fee === null ? undefined : money(c, fee)
}

/**
 * A top-up refund bundle `{ clause, topUp, account, request, now }`:
 * - `in-time`: written request within the window (often exactly at its end), nothing spent → approved;
 * - `late`: the same request after the window (often 1 ms after) → rejected `WINDOW_EXPIRED`;
 * - `partly-spent`: in time, but the balance is below what is left of the top-up → approved, `PARTIALLY_SPENT`;
 * - `needs-information`: in time, but not written and/or requested information outstanding;
 * - `already-refunded`: nothing left of the top-up → rejected `ALREADY_REFUNDED`;
 * - `nothing-to-refund`: zero balance → rejected `NOTHING_TO_REFUND`.
 *
 * @example
 * fc.assert(fc.property(arbTopUpScenario('late'), (bundle) => evaluate(bundle).outcome === 'rejected'))
 * arbTopUpScenario('in-time', { currency: 'EUR', policy: { topUpRefundWindowHours: 24 } })
 */
export function arbTopUpScenario(
  kind: TopUpScenario,
  overrides: ScenarioOverrides = {},
): fc.Arbitrary<TopUpRefundBundle> {
  validate('top-up-refund', kind, overrides)
  const windowMs = windowMsOf(settingsOf(overrides.policy).topUpRefundWindowHours)
  return drawing((draw) => {
    const c = common(draw, overrides, 'top-up-refund', kind === 'needs-information', windowMs + 4 * 400 * 86_400_000)
    const min = kind === 'partly-spent' ? 2n : 1n
    const amount = draw(
      arbMinorUnits({
        currency: c.currency,
        min: smallest(c.currency),
        max: overrides.maxAmount ?? DEFAULT_MAX_AMOUNT,
      }),
    )
    const units = amount < min ? min : amount
    const refunded =
      kind === 'already-refunded' ? units : draw(fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: units - min })))
    const left = units - refunded
    const balance =
      kind === 'nothing-to-refund'
        ? 0n
        : kind === 'partly-spent'
          ? draw(fc.bigInt({ min: 1n, max: left - 1n }))
          : kind === 'already-refunded'
            ? draw(fc.bigInt({ min: 1n, max: units }))
            : left + draw(fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: units })))
    const creditedAt = draw(arbEpochMs({ from: c.from, to: c.to }))
    const receivedAt = creditedAt + drawOffset(draw, windowMs, kind === 'late')
    const shape = requestShape(c)
    const now = drawNow(c, receivedAt + draw(arbGap(3 * 86_400_000)))
    const topUp = compact({
      id: draw(arbId('tu')),
      amount: money(c, units),
      creditedAt: c.spell.at(creditedAt),
      method: draw(lift(overrides.method, arbMethod())),
      processingFee: optionalFee(c, units),
      refunded: refunded === 0n && draw(fc.boolean()) ? undefined : money(c, refunded),
    })
    const account = compact({
      id: draw(arbId('acc')),
      balance: money(c, balance),
      lastActivityAt: c.spell.at(draw(arbSafeInteger(creditedAt, now))),
    })
    const request = drawRequest(draw, c.spell, { receivedAt, now, ...shape })
    return { clause: 'top-up-refund' as const, topUp, account, request, now: c.spell.at(now) }
  })
}

/**
 * An order-cancellation bundle `{ clause, order, request, now }`; the window counts from
 * the policy's anchor (`fundedBy.creditedAt` by default, or `placedAt`):
 * - `in-time`: written, with the order's details, within the window (information may arrive later) → approved;
 * - `late`: after the window (often 1 ms after) → rejected `WINDOW_EXPIRED`;
 * - `needs-information`: in time, but details missing or naming another order, not written, and/or information outstanding;
 * - `already-cancelled`: the order's status is `cancelled` → rejected `ALREADY_CANCELLED`;
 * - `already-refunded`: nothing left of the order → rejected `ALREADY_REFUNDED`.
 *
 * @example
 * arbOrderScenario('late', { policy: { orderCancellationAnchor: 'order' } })
 */
export function arbOrderScenario(
  kind: OrderScenario,
  overrides: ScenarioOverrides = {},
): fc.Arbitrary<OrderCancellationBundle> {
  validate('order-cancellation', kind, overrides)
  const settings = settingsOf(overrides.policy)
  const windowMs = windowMsOf(settings.orderCancellationWindowHours)
  return drawing((draw) => {
    const c = common(
      draw,
      overrides,
      'order-cancellation',
      kind === 'needs-information',
      windowMs + 4 * 400 * 86_400_000,
    )
    const units = draw(
      arbMinorUnits({
        currency: c.currency,
        min: smallest(c.currency),
        max: overrides.maxAmount ?? DEFAULT_MAX_AMOUNT,
      }),
    )
    const refunded =
      kind === 'already-refunded' ? units : draw(fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: units - 1n })))
    const creditedAt = draw(arbEpochMs({ from: c.from, to: c.to }))
    let placedAt: EpochMs
    let receivedAt: EpochMs
    if (settings.orderCancellationAnchor === 'order') {
      placedAt = creditedAt + draw(arbGap())
      receivedAt = placedAt + drawOffset(draw, windowMs, kind === 'late')
    } else {
      receivedAt = creditedAt + drawOffset(draw, windowMs, kind === 'late')
      placedAt = draw(fc.oneof(fc.constantFrom(creditedAt, receivedAt), arbSafeInteger(creditedAt, receivedAt)))
    }
    const shape = requestShape(c)
    const now = drawNow(c, receivedAt)
    const id = draw(arbId('ord'))
    const otherId = `${id}-other`
    const orderId = c.missing.has('ORDER_DETAILS') ? draw(fc.constantFrom<string | undefined>(undefined, otherId)) : id
    const topUpCredit = c.spell.at(creditedAt)
    const order = compact({
      id,
      amount: money(c, units),
      placedAt: c.spell.at(placedAt),
      status: kind === 'already-cancelled' ? ('cancelled' as const) : ('active' as const),
      fundedBy: {
        topUpId: draw(arbId('tu')),
        creditedAt: topUpCredit,
        method: draw(lift(overrides.method, arbMethod())),
      },
      processingFee: optionalFee(c, units),
      refunded: refunded === 0n && draw(fc.boolean()) ? undefined : money(c, refunded),
    })
    // The window is judged at the first letter: information may arrive after it closes.
    const request = drawRequest(draw, c.spell, { receivedAt, now, orderId, ...shape })
    return { clause: 'order-cancellation' as const, order, request, now: c.spell.at(now) }
  })
}

/**
 * A termination bundle `{ clause, account, request, now }`:
 * - `complete`: written, identity and ownership verified, positive balance (sometimes a debt) →
 *   `manual-review` with `INDIVIDUAL_TERMS` (`approved` under `settlement: 'automatic'`);
 * - `needs-information`: positive balance, but not written, unverified and/or information outstanding;
 * - `nothing-to-refund`: zero balance → rejected `NOTHING_TO_REFUND`.
 *
 * @example
 * arbTerminationScenario('needs-information', { missing: ['IDENTITY_VERIFICATION'] })
 */
export function arbTerminationScenario(
  kind: TerminationScenario,
  overrides: ScenarioOverrides = {},
): fc.Arbitrary<TerminationBundle> {
  validate('termination', kind, overrides)
  return drawing((draw) => {
    const c = common(draw, overrides, 'termination', kind === 'needs-information', 3 * 400 * 86_400_000)
    const max = overrides.maxAmount ?? DEFAULT_MAX_AMOUNT
    const balance =
      kind === 'nothing-to-refund' ? 0n : draw(arbMinorUnits({ currency: c.currency, min: smallest(c.currency), max }))
    const debt = draw(fc.option(arbMinorUnits({ currency: c.currency, max }), { freq: 2 }))
    const lastActivityAt = draw(arbEpochMs({ from: c.from, to: c.to }))
    const receivedAt = lastActivityAt + draw(arbGap())
    const shape = requestShape(c)
    const now = drawNow(c, receivedAt)
    const account = compact({
      id: draw(arbId('acc')),
      balance: money(c, balance),
      debt: debt === null ? undefined : money(c, debt),
      lastActivityAt: c.spell.at(lastActivityAt),
      identityVerified: !c.missing.has('IDENTITY_VERIFICATION'),
      ownershipVerified: !c.missing.has('OWNERSHIP_VERIFICATION'),
      payoutMethod:
        overrides.method === undefined
          ? (draw(fc.option(arbMethod())) ?? undefined)
          : draw(lift(overrides.method, arbMethod())),
    })
    const request = drawRequest(draw, c.spell, { receivedAt, now, ...shape })
    return { clause: 'termination' as const, account, request, now: c.spell.at(now) }
  })
}

/**
 * An inactivity bundle `{ clause, account, now }` in the policy's zone and month count:
 * - `active`: `now` at or before the deactivation instant (often exactly at it);
 * - `deactivated`: `now` after it (often 1 ms after) → `INACTIVE_OVER_THRESHOLD`.
 * The deactivation instant is {@link deactivationAt}: same local time `inactivityMonths` later,
 * clamped to the month's end, moved across a DST gap.
 *
 * @example
 * arbInactivityScenario('deactivated', { policy: { inactivityMonths: 6, calendar: { timeZone: 'Asia/Tokyo' } } })
 */
export function arbInactivityScenario(
  kind: InactivityScenario,
  overrides: ScenarioOverrides = {},
): fc.Arbitrary<InactivityBundle> {
  validate('inactivity', kind, overrides)
  const settings = settingsOf(overrides.policy)
  return drawing((draw) => {
    const span = (settings.inactivityMonths + 2) * 31 * 86_400_000 + 400 * 86_400_000
    const c = common(draw, overrides, 'inactivity', false, span)
    const max = overrides.maxAmount ?? DEFAULT_MAX_AMOUNT
    const lastActivityAt = draw(arbEpochMs({ from: c.from, to: c.to }))
    const threshold = deactivationAt(lastActivityAt, settings.inactivityMonths, settings.timeZone).at
    const now =
      kind === 'active'
        ? draw(
            fc.oneof(
              fc.constantFrom(threshold, threshold - 1, lastActivityAt),
              arbSafeInteger(lastActivityAt, threshold),
            ),
          )
        : threshold + 1 + draw(fc.oneof(fc.constant(0), arbGap()))
    const debt = draw(fc.option(arbMinorUnits({ currency: c.currency, max }), { freq: 3 }))
    const account = compact({
      id: draw(arbId('acc')),
      balance: money(c, draw(arbMinorUnits({ currency: c.currency, max }))),
      debt: debt === null ? undefined : money(c, debt),
      lastActivityAt: c.spell.at(lastActivityAt),
      identityVerified: draw(fc.option(fc.boolean())) ?? undefined,
      ownershipVerified: draw(fc.option(fc.boolean())) ?? undefined,
    })
    return { clause: 'inactivity' as const, account, now: c.spell.at(Math.max(lastActivityAt, now)) }
  })
}

/** A scenario bundle with its kind, for suites that check every clause at once. */
export interface TaggedScenario {
  readonly kind: string
  readonly bundle: ScenarioBundle
}

/**
 * Any scenario of any clause (or of the listed clauses), tagged with its kind:
 * the input of suites that state SPEC §7's invariants over every clause.
 *
 * @example
 * fc.assert(fc.property(arbScenario(), ({ kind, bundle }) =>
 *   evaluate(bundle).outcome === expectedOutcome(bundle.clause, kind)))
 */
export function arbScenario(
  overrides: Omit<ScenarioOverrides, 'missing'> & { readonly clauses?: readonly ClauseId[] } = {},
): fc.Arbitrary<TaggedScenario> {
  const clauses = overrides.clauses ?? (Object.keys(SCENARIOS) as ClauseId[])
  const tagged = <K extends string>(kind: K, arb: fc.Arbitrary<ScenarioBundle>) =>
    arb.map((bundle) => ({ kind, bundle }) as TaggedScenario)
  const arbs: fc.Arbitrary<TaggedScenario>[] = []
  for (const clause of clauses) {
    if (clause === 'top-up-refund')
      for (const k of SCENARIOS[clause]) arbs.push(tagged(k, arbTopUpScenario(k, overrides)))
    if (clause === 'order-cancellation')
      for (const k of SCENARIOS[clause]) arbs.push(tagged(k, arbOrderScenario(k, overrides)))
    if (clause === 'termination')
      for (const k of SCENARIOS[clause]) arbs.push(tagged(k, arbTerminationScenario(k, overrides)))
    if (clause === 'inactivity')
      for (const k of SCENARIOS[clause]) arbs.push(tagged(k, arbInactivityScenario(k, overrides)))
  }
  if (arbs.length === 0) throw new Error('arbScenario: no clause chosen')
  return fc.oneof(...arbs)
}
