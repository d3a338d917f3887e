/**
 * Scenario builders: consistent bundles that read like the policy. A scenario
 * is `{ clause, kind, bundle, policy, expected }`: the bundle carries its
 * `clause`, so `evaluate(bundle, policy)` takes it as it is; `policy` is the
 * compiled policy it was built for; `expected` is what SPEC §5 makes of it.
 *
 * Each builder is a `fc.record` of independent draws (after the currency),
 * related by clamping in a `map`, so a failing scenario shrinks to the
 * boundary of its kind: the smallest amount, a request exactly at the end of
 * the window (or 1 ms after it when late), nothing refunded, `now` at once.
 */
import fc from 'fast-check'
import type { EvaluateInput } from '../clauses/evaluate.js'
import type { ClauseId, Outcome, ReasonCode, RequirementCode } from '../decision.js'
import type { AccountSnapshot, OrderSnapshot } from '../inputs.js'
import type { MoneyInput } from '../money/amount.js'
import { ctrGroupPolicy } from '../policy/presets.js'
import { createPolicy, type Policy, type PolicyOptions } from '../policy/settings.js'
import { MAX_INSTANT } from '../time/instant.js'
import { scheduleFee } from './fees.js'
import {
  arbEpochMs,
  arbInstantStyle,
  deactivationAt,
  type EpochMs,
  type InstantInput,
  type InstantStyle,
  MS_PER_DAY,
  MS_PER_HOUR,
  rangeOf,
  spellStyled,
} from './instants.js'
import { type Gen, lift } from './lift.js'
import {
  type AmountStyle,
  arbAmountStyle,
  arbCurrency,
  arbMinorUnits,
  DEFAULT_MAX_AMOUNT,
  largestUnits,
  spellAmount,
} from './money.js'
import { arbMethod, CHANNELS, METHOD_NAMES } from './policy.js'
import {
  arbGap,
  arbId,
  arbPermille,
  arbRequestDraws,
  compact,
  type InformationState,
  partOf,
  type RequestDraws,
  requestOf,
  type SpellingOptions,
  smallest,
} from './snapshots.js'

/** The input `evaluate` takes for a clause: `{ clause, …that clause's snapshots, request, now }`. */
export type ScenarioBundle<C extends ClauseId = ClauseId> = Extract<EvaluateInput, { readonly clause: C }>

/** The scenario kinds of each clause. */
export interface ScenarioKinds {
  readonly 'top-up-refund':
    | 'in-time'
    | 'late'
    | 'partly-spent'
    | 'needs-information'
    | 'already-refunded'
    | 'nothing-to-refund'
    | 'nothing-left'
  readonly 'order-cancellation':
    | 'in-time'
    | 'late'
    | 'needs-information'
    | 'already-cancelled'
    | 'already-refunded'
    | 'nothing-left'
  readonly termination: 'complete' | 'needs-information' | 'nothing-to-refund' | 'nothing-left'
  readonly inactivity: 'active' | 'deactivated'
}

/** A scenario kind of clause `C` (of any clause by default). */
export type ScenarioKind<C extends ClauseId = ClauseId> = ScenarioKinds[C]

/** Every scenario kind of every clause. */
export const SCENARIOS: { readonly [C in ClauseId]: readonly ScenarioKinds[C][] } = Object.freeze({
  'top-up-refund': Object.freeze([
    'in-time',
    'late',
    'partly-spent',
    'needs-information',
    'already-refunded',
    'nothing-to-refund',
    'nothing-left',
  ] as const),
  'order-cancellation': Object.freeze([
    'in-time',
    'late',
    'needs-information',
    'already-cancelled',
    'already-refunded',
    'nothing-left',
  ] as const),
  termination: Object.freeze(['complete', 'needs-information', 'nothing-to-refund', 'nothing-left'] as const),
  inactivity: Object.freeze(['active', 'deactivated'] as const),
})

/**
 * A reason code a scenario is built around. SPEC edition 2's `NOTHING_LEFT_AFTER_DEDUCTIONS` is
 * named beside the main entry's codes until they list it.
 */
export type ExpectedReason = ReasonCode | 'NOTHING_LEFT_AFTER_DEDUCTIONS'

/** What SPEC §5 makes of a scenario. */
export interface ExpectedDecision {
  readonly outcome: Outcome
  /** A reason code the decision lists (among others), when the kind is built around one. */
  readonly reason?: ExpectedReason
  /** The decision's requirements, in any order: the unmet ones of `needs-information`, else none. */
  readonly requirements: readonly RequirementCode[]
}

/** A generated scenario: the bundle, the compiled policy it was built for, and what to expect. */
export interface Scenario<C extends ClauseId = ClauseId, K extends ScenarioKinds[C] = ScenarioKinds[C]> {
  readonly clause: C
  readonly kind: K
  readonly bundle: ScenarioBundle<C>
  readonly policy: Policy
  readonly expected: ExpectedDecision
}

/** A scenario of any clause, discriminated by `clause`. */
export type AnyScenario = { [C in ClauseId]: Scenario<C> }[ClauseId]

/** Overrides of the scenario builders. */
export interface ScenarioOverrides extends SpellingOptions {
  /** The policy the bundle is built for (options or a policy). Default: the published policy. */
  readonly policy?: PolicyOptions | Policy
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
  readonly missing?: readonly RequirementCode[]
}

const MISSING_BY_CLAUSE: { readonly [C in Exclude<ClauseId, 'inactivity'>]: readonly RequirementCode[] } = {
  'top-up-refund': ['WRITTEN_REQUEST', 'REQUESTED_INFORMATION'],
  'order-cancellation': ['ORDER_DETAILS', 'WRITTEN_REQUEST', 'REQUESTED_INFORMATION'],
  termination: ['WRITTEN_REQUEST', 'IDENTITY_VERIFICATION', 'OWNERSHIP_VERIFICATION', 'REQUESTED_INFORMATION'],
}

/** The kinds SPEC §5 rejects, and the reason each is built around. */
const REJECTED: readonly string[] = [
  'late',
  'already-refunded',
  'already-cancelled',
  'nothing-to-refund',
  'nothing-left',
]

const REASONS: Readonly<Record<string, ExpectedReason>> = {
  late: 'WINDOW_EXPIRED',
  'partly-spent': 'PARTIALLY_SPENT',
  'already-refunded': 'ALREADY_REFUNDED',
  'already-cancelled': 'ALREADY_CANCELLED',
  'nothing-to-refund': 'NOTHING_TO_REFUND',
  'nothing-left': 'NOTHING_LEFT_AFTER_DEDUCTIONS',
  deactivated: 'INACTIVE_OVER_THRESHOLD',
}

function checkKind(clause: ClauseId, kind: string): void {
  if (!(SCENARIOS[clause] as readonly string[]).includes(kind)) throw new Error(`unknown ${clause} scenario ${kind}`)
}

const automatic = (policy: PolicyOptions | Policy | undefined) => policy?.termination?.settlement === 'automatic'

/**
 * The outcome SPEC §5 gives a scenario kind (under `policy`, for termination's
 * settlement mode). A kind the clause does not have does not compile.
 *
 * @example
 * expectedOutcome('top-up-refund', 'late') // => 'rejected'
 * expectedOutcome('top-up-refund', 'nothing-left') // => 'rejected' (the fee takes the whole gross)
 * expectedOutcome('termination', 'complete', { termination: { settlement: 'automatic' } }) // => 'approved'
 */
export function expectedOutcome<C extends ClauseId>(
  clause: C,
  kind: ScenarioKinds[C],
  policy?: PolicyOptions | Policy,
): Outcome {
  checkKind(clause, kind)
  if (REJECTED.includes(kind)) return 'rejected'
  if (kind === 'complete') return automatic(policy) ? 'approved' : 'manual-review'
  if (kind === 'needs-information' || kind === 'active' || kind === 'deactivated') return kind
  return 'approved'
}

/**
 * The reason code a scenario kind is built around (`WINDOW_EXPIRED` for
 * `late`, `INDIVIDUAL_TERMS` for a `complete` termination under manual
 * review, …), or `undefined` for the plain happy path and for
 * `needs-information` (whose codes are its `expected.requirements`).
 *
 * @example
 * expectedReason('order-cancellation', 'already-cancelled') // => 'ALREADY_CANCELLED'
 * expectedReason('termination', 'nothing-left') // => 'NOTHING_LEFT_AFTER_DEDUCTIONS'
 */
export function expectedReason<C extends ClauseId>(
  clause: C,
  kind: ScenarioKinds[C],
  policy?: PolicyOptions | Policy,
): ExpectedReason | undefined {
  checkKind(clause, kind)
  if (kind === 'complete') return automatic(policy) ? undefined : 'INDIVIDUAL_TERMS'
  return REASONS[kind]
}

/** What every builder needs from its overrides, checked when the arbitrary is built. */
interface Setup<C extends ClauseId> {
  readonly clause: C
  readonly kind: ScenarioKinds[C]
  readonly policy: Policy
  readonly from: EpochMs
  readonly to: EpochMs
  readonly max: string
  /** The requirements left unmet: a non-empty subset for `needs-information`, else none. */
  readonly missing: fc.Arbitrary<readonly RequirementCode[]>
  readonly expected: (missing: readonly RequirementCode[]) => ExpectedDecision
}

/** Checks the overrides and compiles the policy once; `span` is how far after the first event the bundle may reach. */
function setupOf<C extends ClauseId>(
  clause: C,
  kind: ScenarioKinds[C],
  o: ScenarioOverrides,
  span: (policy: Policy) => number,
): Setup<C> {
  checkKind(clause, kind)
  const policy = o.policy === undefined ? ctrGroupPolicy : createPolicy(o.policy as PolicyOptions)
  const [from, to] = rangeOf(o)
  const latest = Math.min(to, MAX_INSTANT - span(policy))
  let missing = fc.constant<readonly RequirementCode[]>([])
  if (kind === 'needs-information' && clause !== 'inactivity') {
    const known = MISSING_BY_CLAUSE[clause as Exclude<ClauseId, 'inactivity'>]
    if (o.missing === undefined) missing = fc.subarray([...known], { minLength: 1 })
    else if (o.missing.length === 0 || o.missing.some((m) => !known.includes(m))) {
      throw new Error(`${clause} needs-information: missing must be a non-empty subset of ${known.join(', ')}`)
    } else missing = fc.constant(o.missing)
  }
  const outcome = expectedOutcome(clause, kind, policy)
  const reason = expectedReason(clause, kind, policy)
  return {
    clause,
    kind,
    policy,
    from: Math.min(from, latest),
    to: latest,
    max: o.maxAmount ?? DEFAULT_MAX_AMOUNT,
    missing,
    expected: (requirements) => ({ outcome, ...(reason === undefined ? {} : { reason }), requirements }),
  }
}

function scenarioOf<C extends ClauseId, K extends ScenarioKinds[C]>(
  s: Setup<C>,
  bundle: ScenarioBundle<C>,
  missing: readonly RequirementCode[],
): Scenario<C, K> {
  return { clause: s.clause, kind: s.kind as K, bundle, policy: s.policy, expected: s.expected(missing) }
}

/** Channels the policy does not count as written (compared ignoring letter case, as the library does). */
function unwrittenChannels(written: readonly string[]): string[] {
  const lower = written.map((c) => c.toLowerCase())
  const pool = [...CHANNELS, 'in-person', 'sms'].filter((c) => !lower.includes(c))
  return pool.length > 0 ? pool : [`not-${written.join('-')}`]
}

/** The draws of a request's shape: which channel of the pool and whether asked-for information came. */
interface RequestShape {
  readonly channel: number
  readonly provided: boolean
  readonly draws: RequestDraws
}

const arbRequestShape = (o: ScenarioOverrides): fc.Arbitrary<RequestShape> =>
  fc.record({ channel: fc.nat({ max: 99 }), provided: fc.boolean(), draws: arbRequestDraws(o.instantForms) })

/** The channel and information state of a request, honouring what is missing. */
function requestShape(
  policy: Policy,
  missing: readonly RequirementCode[],
  shape: RequestShape,
): { channel: string; information: InformationState } {
  const pool = missing.includes('WRITTEN_REQUEST') ? unwrittenChannels(policy.writtenChannels) : policy.writtenChannels
  const channel = pool[shape.channel % pool.length] as string
  const information: InformationState = missing.includes('REQUESTED_INFORMATION')
    ? 'pending'
    : shape.provided
      ? 'provided'
      : 'none'
  return { channel, information }
}

/**
 * A request-receipt offset from a window start: in time, shrinking to the window's end
 * (biased to it and 1 ms before), or late, shrinking to 1 ms after it.
 */
function arbReceiptOffset(windowMs: number, late: boolean): fc.Arbitrary<number> {
  if (late) return arbGap().map((gap) => windowMs + 1 + gap)
  return fc
    .oneof(fc.constantFrom(0, 1), arbGap(windowMs), fc.integer({ min: 0, max: Math.max(0, windowMs) }))
    .map((back) => Math.max(0, windowMs - Math.min(back, windowMs)))
}

/** The longest gap between related events (a request and `now`, an order and its top-up). */
const MAX_GAP = 400 * MS_PER_DAY
const windowMsOf = (hours: number) => Math.round(hours * MS_PER_HOUR)
const minOf = (a: bigint, b: bigint) => (a < b ? a : b)
const maxOf = (a: bigint, b: bigint) => (a > b ? a : b)

/** Spelling styles of a bundle's amounts and instants, drawn with it so they shrink to the plainest. */
const arbStyles = <A extends string, I extends string>(o: ScenarioOverrides, amounts: A[], instants: I[]) =>
  fc.record({
    amounts: fc.record(Object.fromEntries(amounts.map((k) => [k, arbAmountStyle(o.amountForms)]))) as fc.Arbitrary<
      Record<A, AmountStyle>
    >,
    instants: fc.record(Object.fromEntries(instants.map((k) => [k, arbInstantStyle(o.instantForms)]))) as fc.Arbitrary<
      Record<I, InstantStyle>
    >,
  })

/** Kinds whose decision must keep something after the deductions (SPEC §5 rejects a zero net). */
const KEEPS_NET = ['in-time', 'partly-spent', 'needs-information', 'complete']

/** Writes minor units of `currency` in the style drawn for each field. */
const moneyIn =
  <K extends string>(currency: string, styles: Record<K, AmountStyle>) =>
  (key: K, units: bigint): MoneyInput => ({ amount: spellAmount(units, currency, styles[key]), currency })

/**
 * The processing fee a refund snapshot knows, from the drawn share (`null`: none known): all of the
 * amount when nothing is to be left; below the gross where the net must stay positive, where a
 * fee from the schedule that would take the whole gross is overridden by a known fee of 0; else any
 * share of the amount.
 */
function knownFee(
  kind: string,
  share: number | null,
  units: bigint,
  gross: bigint,
  scheduled: () => bigint,
): bigint | undefined {
  if (kind === 'nothing-left') return units
  if (!KEEPS_NET.includes(kind)) return share === null ? undefined : partOf(units, share)
  if (share !== null) return partOf(gross - 1n, share)
  return scheduled() >= gross ? 0n : undefined
}

/**
 * A top-up refund scenario:
 * - `in-time`: written request within the window (often exactly at its end), nothing spent → approved;
 * - `late`: the same request after the window (often 1 ms after) → rejected `WINDOW_EXPIRED`;
 * - `partly-spent`: in time, but the balance is below what is left of the top-up → approved, `PARTIALLY_SPENT`;
 * - `needs-information`: in time, but not written and/or requested information outstanding;
 * - `already-refunded`: nothing left of the top-up → rejected `ALREADY_REFUNDED`;
 * - `nothing-to-refund`: zero balance → rejected `NOTHING_TO_REFUND`;
 * - `nothing-left`: in time, but the known processing fee takes the whole gross → rejected
 *   `NOTHING_LEFT_AFTER_DEDUCTIONS`.
 *
 * The kinds that approve or ask for information always leave a positive net: a fee from the
 * policy's schedule that would take the whole gross is replaced by a known fee of 0 on the snapshot.
 *
 * @example
 * fc.assert(fc.property(arbTopUpScenario('late'), ({ bundle, policy, expected }) =>
 *   evaluate(bundle, policy).outcome === expected.outcome))
 * arbTopUpScenario('in-time', { currency: 'EUR', policy: { topUpRefundWindowHours: 24 } })
 */
export function arbTopUpScenario<K extends ScenarioKinds['top-up-refund']>(
  kind: K,
  overrides: ScenarioOverrides = {},
): fc.Arbitrary<Scenario<'top-up-refund', K>> {
  const s = setupOf('top-up-refund', kind, overrides, (p) => windowMsOf(p.topUpRefundWindowHours) + 4 * MAX_GAP)
  const { policy } = s
  const windowMs = windowMsOf(policy.topUpRefundWindowHours)
  const minUnits = kind === 'partly-spent' ? 2n : 1n
  const styles = arbStyles(overrides, ['amount', 'refunded', 'fee', 'balance'], ['credited', 'activity', 'now'])
  return lift(overrides.currency, arbCurrency()).chain((currency) =>
    fc
      .record({
        ids: fc.tuple(arbId('tu'), arbId('acc')),
        amount: arbMinorUnits({ currency, min: smallest(currency), max: s.max }),
        refunded: arbPermille(),
        showZeroRefunded: fc.boolean(),
        balance: arbPermille(),
        fee: fc.option(arbPermille(), { freq: 3 }),
        method: lift(overrides.method, arbMethod()),
        creditedAt: arbEpochMs({ from: s.from, to: s.to }),
        receivedAfter: arbReceiptOffset(windowMs, kind === 'late'),
        nowAfter: arbGap(3 * MS_PER_DAY),
        activity: arbPermille(),
        missing: s.missing,
        request: arbRequestShape(overrides),
        styles,
      })
      .map((d) => {
        const units = maxOf(d.amount, minUnits)
        const refunded = kind === 'already-refunded' ? units : partOf(units - minUnits, d.refunded)
        const left = units - refunded
        const balance =
          kind === 'nothing-to-refund'
            ? 0n
            : kind === 'partly-spent'
              ? left - 1n - partOf(left - 2n, d.balance)
              : kind === 'already-refunded'
                ? 1n + partOf(units - 1n, d.balance)
                : // Above what is left, but never past the largest amount the library accepts.
                  minOf(left + partOf(units, d.balance), largestUnits(s.max, currency))
        const gross = minOf(left, balance)
        const fee = knownFee(kind, d.fee, units, gross, () => scheduleFee(policy.fees, d.method, gross, currency))
        const creditedAt = d.creditedAt
        const receivedAt = creditedAt + d.receivedAfter
        const now = Math.min(MAX_INSTANT, receivedAt + d.nowAfter)
        const lastActivityAt = creditedAt + Math.floor(((now - creditedAt) * d.activity) / 1000)
        const money = moneyIn(currency, d.styles.amounts)
        const bundle = {
          clause: 'top-up-refund' as const,
          topUp: compact({
            id: d.ids[0],
            amount: money('amount', units),
            creditedAt: spellStyled(creditedAt, d.styles.instants.credited),
            method: d.method,
            processingFee: fee === undefined ? undefined : money('fee', fee),
            refunded: refunded === 0n && !d.showZeroRefunded ? undefined : money('refunded', refunded),
          }),
          account: compact<AccountSnapshot>({
            id: d.ids[1],
            balance: money('balance', balance),
            lastActivityAt: spellStyled(lastActivityAt, d.styles.instants.activity),
          }),
          request: requestOf(d.request.draws, {
            receivedAt,
            now,
            ...requestShape(policy, d.missing, d.request),
          }),
          now: spellStyled(now, d.styles.instants.now),
        }
        return scenarioOf<'top-up-refund', K>(s, bundle, d.missing)
      }),
  )
}

/**
 * An order-cancellation scenario; the window counts from the policy's anchor
 * (`fundedBy.creditedAt` by default, or `placedAt`):
 * - `in-time`: written, with the order's details, within the window (information may arrive later) → approved;
 * - `late`: after the window (often 1 ms after) → rejected `WINDOW_EXPIRED`;
 * - `needs-information`: in time, but details missing or naming another order, not written, and/or information outstanding;
 * - `already-cancelled`: the order's status is `cancelled` → rejected `ALREADY_CANCELLED`;
 * - `already-refunded`: nothing left of the order → rejected `ALREADY_REFUNDED`;
 * - `nothing-left`: in time, but the known processing fee takes the whole gross → rejected
 *   `NOTHING_LEFT_AFTER_DEDUCTIONS`.
 *
 * @example
 * arbOrderScenario('late', { policy: { orderCancellationAnchor: 'order' } })
 */
export function arbOrderScenario<K extends ScenarioKinds['order-cancellation']>(
  kind: K,
  overrides: ScenarioOverrides = {},
): fc.Arbitrary<Scenario<'order-cancellation', K>> {
  const s = setupOf(
    'order-cancellation',
    kind,
    overrides,
    (p) => windowMsOf(p.orderCancellationWindowHours) + 4 * MAX_GAP,
  )
  const { policy } = s
  const windowMs = windowMsOf(policy.orderCancellationWindowHours)
  const byOrder = policy.orderCancellationAnchor === 'order'
  const styles = arbStyles(overrides, ['amount', 'refunded', 'fee'], ['credited', 'placed', 'now'])
  return lift(overrides.currency, arbCurrency()).chain((currency) =>
    fc
      .record({
        ids: fc.tuple(arbId('ord'), arbId('tu')),
        amount: arbMinorUnits({ currency, min: smallest(currency), max: s.max }),
        refunded: arbPermille(),
        showZeroRefunded: fc.boolean(),
        fee: fc.option(arbPermille(), { freq: 3 }),
        method: lift(overrides.method, arbMethod()),
        creditedAt: arbEpochMs({ from: s.from, to: s.to }),
        placedAfter: arbGap(),
        receivedAfter: arbReceiptOffset(windowMs, kind === 'late'),
        nowAfter: arbGap(),
        otherOrder: fc.boolean(),
        missing: s.missing,
        request: arbRequestShape(overrides),
        styles,
      })
      .map((d) => {
        const units = d.amount
        const refunded = kind === 'already-refunded' ? units : partOf(units - 1n, d.refunded)
        const gross = units - refunded
        const fee = knownFee(kind, d.fee, units, gross, () => scheduleFee(policy.fees, d.method, gross, currency))
        const creditedAt = d.creditedAt
        let placedAt: EpochMs
        let receivedAt: EpochMs
        if (byOrder) {
          placedAt = creditedAt + d.placedAfter
          receivedAt = placedAt + d.receivedAfter
        } else {
          receivedAt = creditedAt + d.receivedAfter
          placedAt = creditedAt + Math.min(d.placedAfter, d.receivedAfter)
        }
        const now = Math.min(MAX_INSTANT, receivedAt + d.nowAfter)
        const [id, topUpId] = d.ids
        const orderId = d.missing.includes('ORDER_DETAILS') ? (d.otherOrder ? `${id}-other` : undefined) : id
        const money = moneyIn(currency, d.styles.amounts)
        const credited = spellStyled(creditedAt, d.styles.instants.credited)
        const bundle = {
          clause: 'order-cancellation' as const,
          order: compact<OrderSnapshot>({
            id,
            amount: money('amount', units),
            placedAt: spellStyled(placedAt, d.styles.instants.placed),
            status: kind === 'already-cancelled' ? 'cancelled' : 'active',
            fundedBy: { topUpId, creditedAt: credited, method: d.method },
            processingFee: fee === undefined ? undefined : money('fee', fee),
            refunded: refunded === 0n && !d.showZeroRefunded ? undefined : money('refunded', refunded),
          }),
          // The window is judged at the first letter: information may arrive after it closes.
          request: requestOf(d.request.draws, {
            receivedAt,
            now,
            orderId,
            ...requestShape(policy, d.missing, d.request),
          }),
          now: spellStyled(now, d.styles.instants.now),
        }
        return scenarioOf<'order-cancellation', K>(s, bundle, d.missing)
      }),
  )
}

/**
 * Whether a payout under the policy's fee schedule can leave something of a large balance: no
 * rule, a percentage below 100, or a maximum fee. (A rule of 100 % without a maximum takes it all.)
 */
function payoutCanLeaveSomething(policy: Policy, method: string | undefined): boolean {
  const { fees } = policy
  const rule = method !== undefined && Object.hasOwn(fees.methods, method) ? fees.methods[method] : fees.default
  return rule === undefined || rule.max !== undefined || Number(rule.percent ?? '0') < 100
}

/** The payout methods a termination scenario may name: each one the policy's fees leave something of. */
function payoutMethods(policy: Policy, override: Gen<string> | undefined, kind: string): fc.Arbitrary<string | null> {
  if (!KEEPS_NET.includes(kind)) return override === undefined ? fc.option(arbMethod()) : lift(override, arbMethod())
  if (override !== undefined && typeof override === 'string') {
    if (!payoutCanLeaveSomething(policy, override)) {
      throw new Error(`no termination is '${kind}' when the payout fee of ${override} takes every balance`)
    }
    return fc.constant(override)
  }
  const names = [null, ...METHOD_NAMES].filter((m) => payoutCanLeaveSomething(policy, m ?? undefined))
  if (names.length === 0)
    throw new Error(`no termination is '${kind}' under a policy whose payout fees take every balance`)
  return override === undefined
    ? fc.constantFrom(...names)
    : lift(override, arbMethod()).filter((m) => payoutCanLeaveSomething(policy, m))
}

/**
 * A termination scenario:
 * - `complete`: written, identity and ownership verified, a balance above any debt →
 *   `manual-review` with `INDIVIDUAL_TERMS` (`approved` under `settlement: 'automatic'`);
 * - `needs-information`: the same, but not written, unverified and/or information outstanding;
 * - `nothing-to-refund`: zero balance → rejected `NOTHING_TO_REFUND`;
 * - `nothing-left`: complete, but the debt takes the whole balance → rejected `NOTHING_LEFT_AFTER_DEDUCTIONS`.
 *
 * `complete` and `needs-information` always leave a positive net after the payout fee; they
 * throw when built for a policy whose payout fees take any balance (100 % without a maximum).
 *
 * @example
 * arbTerminationScenario('needs-information', { missing: ['IDENTITY_VERIFICATION'] })
 */
export function arbTerminationScenario<K extends ScenarioKinds['termination']>(
  kind: K,
  overrides: ScenarioOverrides = {},
): fc.Arbitrary<Scenario<'termination', K>> {
  const s = setupOf('termination', kind, overrides, () => 3 * MAX_GAP)
  const { policy } = s
  const method = payoutMethods(policy, overrides.method, kind)
  const styles = arbStyles(overrides, ['balance', 'debt'], ['activity', 'now'])
  return lift(overrides.currency, arbCurrency()).chain((currency) =>
    fc
      .record({
        id: arbId('acc'),
        balance: arbMinorUnits({ currency, min: smallest(currency), max: s.max }),
        debt: fc.option(arbPermille(), { freq: 2 }),
        method,
        lastActivityAt: arbEpochMs({ from: s.from, to: s.to }),
        receivedAfter: arbGap(),
        nowAfter: arbGap(),
        missing: s.missing,
        request: arbRequestShape(overrides),
        styles,
      })
      .map((d) => {
        const balance = kind === 'nothing-to-refund' ? 0n : d.balance
        const debt =
          kind === 'nothing-left'
            ? balance + partOf(balance, d.debt ?? 0)
            : d.debt === null
              ? undefined
              : KEEPS_NET.includes(kind)
                ? partOf(balance - 1n, d.debt)
                : partOf(largestUnits(s.max, currency), d.debt)
        const receivedAt = d.lastActivityAt + d.receivedAfter
        const now = Math.min(MAX_INSTANT, receivedAt + d.nowAfter)
        const money = moneyIn(currency, d.styles.amounts)
        const bundle = {
          clause: 'termination' as const,
          account: compact<AccountSnapshot>({
            id: d.id,
            balance: money('balance', balance),
            debt: debt === undefined ? undefined : money('debt', debt),
            lastActivityAt: spellStyled(d.lastActivityAt, d.styles.instants.activity),
            identityVerified: !d.missing.includes('IDENTITY_VERIFICATION'),
            ownershipVerified: !d.missing.includes('OWNERSHIP_VERIFICATION'),
            payoutMethod: d.method ?? undefined,
          }),
          request: requestOf(d.request.draws, { receivedAt, now, ...requestShape(policy, d.missing, d.request) }),
          now: spellStyled(now, d.styles.instants.now),
        }
        return {
          scenario: scenarioOf<'termination', K>(s, bundle, d.missing),
          net: { balance, debt, method: d.method },
        }
      })
      .filter(({ net }) => {
        if (!KEEPS_NET.includes(kind)) return true
        const rest = net.balance - (net.debt ?? 0n)
        return scheduleFee(policy.fees, net.method ?? undefined, rest, currency) < rest
      })
      .map(({ scenario }) => scenario),
  )
}

/**
 * An inactivity scenario in the policy's zone and month count:
 * - `active`: `now` at or before the deactivation instant (shrinking to exactly at it);
 * - `deactivated`: `now` after it (shrinking to 1 ms after) → `INACTIVE_OVER_THRESHOLD`.
 * The deactivation instant is {@link deactivationAt}: same local time `inactivityMonths` later,
 * clamped to the month's end, moved across a DST gap.
 *
 * @example
 * arbInactivityScenario('deactivated', { policy: { inactivityMonths: 6, calendar: { timeZone: 'Asia/Tokyo' } } })
 */
export function arbInactivityScenario<K extends ScenarioKinds['inactivity']>(
  kind: K,
  overrides: ScenarioOverrides = {},
): fc.Arbitrary<Scenario<'inactivity', K>> {
  const s = setupOf('inactivity', kind, overrides, (p) => (p.inactivityMonths + 2) * 31 * MS_PER_DAY + MAX_GAP)
  const { policy } = s
  const styles = arbStyles(overrides, ['balance', 'debt'], ['activity', 'now'])
  return lift(overrides.currency, arbCurrency()).chain((currency) =>
    fc
      .record({
        id: arbId('acc'),
        balance: arbMinorUnits({ currency, max: s.max }),
        debt: fc.option(arbPermille(), { freq: 3 }),
        lastActivityAt: arbEpochMs({ from: s.from, to: s.to }),
        fromEdge: arbGap(),
        identityVerified: fc.constantFrom<boolean | null>(null, true, false),
        ownershipVerified: fc.constantFrom<boolean | null>(null, true, false),
        styles,
      })
      .map((d) => {
        const last = d.lastActivityAt
        const threshold = deactivationAt(last, policy.inactivityMonths, policy.calendar.timeZone).at
        const now = kind === 'active' ? Math.max(last, threshold - d.fromEdge) : threshold + 1 + d.fromEdge
        const money = moneyIn(currency, d.styles.amounts)
        const maxUnits = largestUnits(s.max, currency)
        const bundle = {
          clause: 'inactivity' as const,
          account: compact<AccountSnapshot>({
            id: d.id,
            balance: money('balance', d.balance),
            debt: d.debt === null ? undefined : money('debt', partOf(maxUnits, d.debt)),
            lastActivityAt: spellStyled(last, d.styles.instants.activity),
            identityVerified: d.identityVerified ?? undefined,
            ownershipVerified: d.ownershipVerified ?? undefined,
          }),
          now: spellStyled(Math.min(MAX_INSTANT, now), d.styles.instants.now),
        }
        return scenarioOf<'inactivity', K>(s, bundle, [])
      }),
  )
}

/**
 * Any scenario of any clause (or of the listed clauses), each kind equally
 * likely: the input of suites that state SPEC §7's invariants over every
 * clause. Kinds the policy makes impossible (a termination that keeps
 * something, when its payout fees take every balance) are left out.
 *
 * @example
 * fc.assert(fc.property(arbScenario(), ({ bundle, policy, expected }) =>
 *   evaluate(bundle, policy).outcome === expected.outcome))
 */
export function arbScenario(
  overrides: Omit<ScenarioOverrides, 'missing'> & { readonly clauses?: readonly ClauseId[] } = {},
): fc.Arbitrary<AnyScenario> {
  const clauses = overrides.clauses ?? (Object.keys(SCENARIOS) as ClauseId[])
  // Compiled once here, so each builder below finds a policy and does not validate it again.
  const o = { ...overrides, policy: createPolicy(overrides.policy as PolicyOptions | undefined) }
  const arbs: fc.Arbitrary<AnyScenario>[] = []
  const add = (build: () => fc.Arbitrary<AnyScenario>) => {
    try {
      arbs.push(build())
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith('no termination is'))) throw error
    }
  }
  for (const clause of clauses) {
    if (clause === 'top-up-refund') for (const k of SCENARIOS[clause]) add(() => arbTopUpScenario(k, o))
    if (clause === 'order-cancellation') for (const k of SCENARIOS[clause]) add(() => arbOrderScenario(k, o))
    if (clause === 'termination') for (const k of SCENARIOS[clause]) add(() => arbTerminationScenario(k, o))
    if (clause === 'inactivity') for (const k of SCENARIOS[clause]) add(() => arbInactivityScenario(k, o))
  }
  if (arbs.length === 0) throw new Error('arbScenario: no clause chosen')
  return fc.oneof(...arbs)
}
