/**
 * Snapshots and requests (SPEC §1): each generated value is valid on its own,
 * and the ones that refer to each other (an order and its funding top-up, a
 * request and its event and `now`) are consistent.
 *
 * Every generator is a `fc.record` of independent draws (a currency first, by
 * `chain`, because amounts depend on its minor unit), related by clamping in a
 * `map`: a counterexample shrinks field by field towards the plainest value —
 * the smallest amount, the earliest instant, nothing refunded, ISO with `Z`.
 */
import fc from 'fast-check'
import type { AccountSnapshot, OrderSnapshot, RefundRequest, TopUpSnapshot } from '../inputs.js'
import type { AmountInput, MoneyInput } from '../money/amount.js'
import { MAX_INSTANT } from '../time/instant.js'
import {
  arbEpochMs,
  arbInstantStyle,
  arbSafeInteger,
  type EpochMs,
  type InstantForm,
  type InstantInput,
  type InstantStyle,
  MS_PER_DAY,
  MS_PER_HOUR,
  rangeOf,
  spellStyled,
  toEpochMs,
} from './instants.js'
import { type Gen, lift } from './lift.js'
import {
  type AmountForm,
  type AmountStyle,
  amountToUnits,
  arbAmountStyle,
  arbCurrency,
  arbMinorUnits,
  DEFAULT_MAX_AMOUNT,
  largestUnits,
  minorUnitOf,
  spellAmount,
} from './money.js'
import { arbMethod, CHANNELS } from './policy.js'

/** Spellings used for generated instants and amounts. */
export interface SpellingOptions {
  /** Instant spellings. Default: ISO with `Z`, ISO with an offset, epoch ms and `Date`. */
  readonly instantForms?: readonly InstantForm[]
  /** Amount spellings. Default: decimal strings and numbers. */
  readonly amountForms?: readonly AmountForm[]
}

/** The longest gap generated between related events (e.g. a request and `now`): 400 days. */
const MAX_GAP_MS = 400 * MS_PER_DAY

/**
 * An identifier with a prefix: a small number or a UUID; shrinks to `prefix_0`.
 *
 * @example
 * arbId('tu') // 'tu_42', 'tu_0b6c…', …
 */
export function arbId(prefix: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.nat({ max: 999_999 }).map((n) => `${prefix}_${n}`),
    fc.uuid().map((u) => `${prefix}_${u}`),
  )
}

/**
 * Internal: a gap in milliseconds in [0, max], biased towards 0, 1 ms, and gaps of minutes to
 * days; shrinks to 0.
 *
 * @example
 * arbGap(MS_PER_DAY)
 */
export function arbGap(max = MAX_GAP_MS): fc.Arbitrary<number> {
  if (max <= 0) return fc.constant(0)
  return fc.oneof(
    fc.constantFrom(0, 1),
    { arbitrary: arbSafeInteger(0, Math.min(max, MS_PER_HOUR)), weight: 2 },
    { arbitrary: arbSafeInteger(0, Math.min(max, 3 * MS_PER_DAY)), weight: 2 },
    arbSafeInteger(0, max),
  )
}

/**
 * Internal: a share of something in thousandths (0 … 1000), biased towards none and all; shrinks to 0.
 *
 * @example
 * fc.tuple(arbPermille(), arbMinorUnits()).map(([p, cap]) => partOf(cap, p))
 */
export function arbPermille(): fc.Arbitrary<number> {
  return fc.oneof(fc.constantFrom(0, 1000), fc.integer({ min: 0, max: 1000 }))
}

/**
 * Internal: `permille` thousandths of `whole`, rounded down.
 *
 * @example
 * partOf(10_000n, 250) // => 2500n
 */
export function partOf(whole: bigint, permille: number): bigint {
  return (whole * BigInt(permille)) / 1000n
}

/**
 * Internal: drops the keys whose value is `undefined` (generated values stay JSON-safe).
 *
 * @example
 * compact({ a: 1, b: undefined }) // => { a: 1 }
 */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

/**
 * Internal: the smallest positive amount of a currency, as a decimal string.
 *
 * @example
 * smallest('EUR') // => '0.01'
 * smallest('JPY') // => '1'
 */
export function smallest(currency: string): string {
  const digits = minorUnitOf(currency)
  return digits === 0 ? '1' : `0.${'1'.padStart(digits, '0')}`
}

/** Overrides shared by the snapshot generators. */
export interface CommonOverrides extends SpellingOptions {
  /** The currency of every amount: fixed or an arbitrary. Default: any `Intl` currency. */
  readonly currency?: Gen<string>
  /** Largest generated amount, a decimal string. Default `'1000000000000'`. */
  readonly maxAmount?: string
  /** Earliest generated event instant. Default 2000-01-01. */
  readonly from?: InstantInput
  /** Latest generated event instant. Default 2040-12-31. */
  readonly to?: InstantInput
}

/** An amount as generated (minor units and how to spell them) or as given by an override. */
type Drawn<T> = { readonly given: T } | { readonly units: bigint; readonly style: AmountStyle }

/** A required amount: the override, or minor units in [min, max] with a spelling. */
function arbDrawnAmount(
  override: Gen<AmountInput> | undefined,
  currency: string,
  bounds: { min?: string; max: string },
  forms: readonly AmountForm[] | undefined,
): fc.Arbitrary<Drawn<AmountInput>> {
  if (override !== undefined) return lift(override, fc.constant<AmountInput>('0')).map((given) => ({ given }))
  return fc.record({ units: arbMinorUnits({ currency, ...bounds }), style: arbAmountStyle(forms) })
}

const unitsOf = (drawn: Drawn<AmountInput>, currency: string): bigint =>
  'given' in drawn ? amountToUnits(drawn.given, minorUnitOf(currency)) : drawn.units
const moneyOf = (drawn: Drawn<AmountInput>, currency: string): MoneyInput => ({
  amount: 'given' in drawn ? drawn.given : spellAmount(drawn.units, currency, drawn.style),
  currency,
})

/** An optional amount relative to a cap: the override (`null` leaves it out), or absent, or a share of the cap. */
type DrawnPart =
  | { readonly given: AmountInput | null }
  | { readonly permille: number; readonly style: AmountStyle }
  | null

function arbDrawnPart(
  override: Gen<AmountInput | null> | undefined,
  forms: readonly AmountForm[] | undefined,
  freq: number,
): fc.Arbitrary<DrawnPart> {
  if (override !== undefined) return lift(override, fc.constant(null)).map((given) => ({ given }))
  return fc.option(fc.record({ permille: arbPermille(), style: arbAmountStyle(forms) }), { freq })
}

function partMoney(part: DrawnPart, currency: string, cap: bigint): MoneyInput | undefined {
  if (part === null) return undefined
  if ('given' in part) return part.given === null ? undefined : { amount: part.given, currency }
  return { amount: spellAmount(partOf(cap, part.permille), currency, part.style), currency }
}

/** An instant as generated (epoch ms and a spelling) or as given by an override. */
type DrawnInstant = { readonly given: InstantInput } | { readonly ms: EpochMs; readonly style: InstantStyle }

function arbDrawnInstant(
  override: Gen<InstantInput> | undefined,
  ms: fc.Arbitrary<EpochMs>,
  forms: readonly InstantForm[] | undefined,
): fc.Arbitrary<DrawnInstant> {
  if (override !== undefined) return lift(override, fc.constant<InstantInput>(0)).map((given) => ({ given }))
  return fc.record({ ms, style: arbInstantStyle(forms) })
}

const instantOf = (drawn: DrawnInstant): InstantInput =>
  'given' in drawn ? drawn.given : spellStyled(drawn.ms, drawn.style)

/** Overrides of {@link arbTopUp}: any field fixed or an arbitrary (`null` leaves an optional field out). */
export interface TopUpOverrides extends CommonOverrides {
  readonly id?: Gen<string>
  readonly amount?: Gen<AmountInput>
  readonly creditedAt?: Gen<InstantInput>
  readonly method?: Gen<string>
  readonly processingFee?: Gen<AmountInput | null>
  readonly refunded?: Gen<AmountInput | null>
}

/**
 * A top-up: a positive amount, `creditedAt`, a payment method, and sometimes a
 * known processing fee and an already-refunded part (both ≤ the amount).
 * Shrinks to the smallest amount, the earliest instant, no fee, nothing refunded.
 *
 * @example
 * arbTopUp({ currency: 'EUR' })
 * arbTopUp({ method: 'card', refunded: null, from: '2026-01-01T00:00:00Z', to: '2026-12-31T23:59:59Z' })
 */
export function arbTopUp(overrides: TopUpOverrides = {}): fc.Arbitrary<TopUpSnapshot> {
  const [from, to] = rangeOf(overrides)
  const forms = overrides.amountForms
  return lift(overrides.currency, arbCurrency()).chain((currency) =>
    fc
      .record({
        id: lift(overrides.id, arbId('tu')),
        amount: arbDrawnAmount(
          overrides.amount,
          currency,
          { min: smallest(currency), max: overrides.maxAmount ?? DEFAULT_MAX_AMOUNT },
          forms,
        ),
        creditedAt: arbDrawnInstant(overrides.creditedAt, arbEpochMs({ from, to }), overrides.instantForms),
        method: lift(overrides.method, arbMethod()),
        processingFee: arbDrawnPart(overrides.processingFee, forms, 3),
        refunded: arbDrawnPart(overrides.refunded, forms, 2),
      })
      .map((d) => {
        const units = unitsOf(d.amount, currency)
        return compact({
          id: d.id,
          amount: moneyOf(d.amount, currency),
          creditedAt: instantOf(d.creditedAt),
          method: d.method,
          processingFee: partMoney(d.processingFee, currency, units),
          refunded: partMoney(d.refunded, currency, units),
        })
      }),
  )
}

/** Overrides of {@link arbAccount}. */
export interface AccountOverrides extends CommonOverrides {
  readonly id?: Gen<string>
  readonly balance?: Gen<AmountInput>
  readonly debt?: Gen<AmountInput | null>
  readonly lastActivityAt?: Gen<InstantInput>
  readonly identityVerified?: Gen<boolean | null>
  readonly ownershipVerified?: Gen<boolean | null>
  readonly payoutMethod?: Gen<string | null>
  /** The account's `now`: `lastActivityAt` is never after it. */
  readonly now?: InstantInput
}

const arbFlag = (override: Gen<boolean | null> | undefined) =>
  lift(override, fc.constantFrom<boolean | null>(null, true, false)).map((flag) => flag ?? undefined)

/**
 * An account: a non-negative balance, sometimes a debt, a last activity no
 * later than `now` (when given), verification flags and a payout method.
 *
 * @example
 * arbAccount({ currency: 'JPY', now: '2026-11-20T10:00:00Z' })
 * arbAccount({ balance: '0', identityVerified: true })
 */
export function arbAccount(overrides: AccountOverrides = {}): fc.Arbitrary<AccountSnapshot> {
  const [from, to] = rangeOf(overrides)
  const latest = overrides.now === undefined ? to : Math.min(to, toEpochMs(overrides.now))
  const max = overrides.maxAmount ?? DEFAULT_MAX_AMOUNT
  const forms = overrides.amountForms
  return lift(overrides.currency, arbCurrency()).chain((currency) =>
    fc
      .record({
        id: lift(overrides.id, arbId('acc')),
        balance: arbDrawnAmount(overrides.balance, currency, { max }, forms),
        debt: arbDrawnPart(overrides.debt, forms, 3),
        lastActivityAt: arbDrawnInstant(
          overrides.lastActivityAt,
          arbEpochMs({ from: Math.min(from, latest), to: latest }),
          overrides.instantForms,
        ),
        identityVerified: arbFlag(overrides.identityVerified),
        ownershipVerified: arbFlag(overrides.ownershipVerified),
        payoutMethod: lift(overrides.payoutMethod, fc.option(arbMethod(), { freq: 2 })),
      })
      .map((d) =>
        compact({
          id: d.id,
          balance: moneyOf(d.balance, currency),
          debt: partMoney(d.debt, currency, largestUnits(max, currency)),
          lastActivityAt: instantOf(d.lastActivityAt),
          identityVerified: d.identityVerified,
          ownershipVerified: d.ownershipVerified,
          payoutMethod: d.payoutMethod ?? undefined,
        }),
      ),
  )
}

/** Overrides of {@link arbOrder}. */
export interface OrderOverrides extends CommonOverrides {
  /** The funding top-up: fixed or an arbitrary. Default: one from {@link arbTopUp} with the same currency options. */
  readonly topUp?: Gen<TopUpSnapshot>
  readonly id?: Gen<string>
  readonly amount?: Gen<AmountInput>
  readonly placedAt?: Gen<InstantInput>
  readonly status?: Gen<'active' | 'cancelled'>
  readonly processingFee?: Gen<AmountInput | null>
  readonly refunded?: Gen<AmountInput | null>
}

/**
 * An order funded by a top-up: same currency, an amount no larger than the
 * top-up's, `placedAt` at or after the top-up was credited, and `fundedBy`
 * naming the top-up's id, `creditedAt` and method.
 *
 * @example
 * arbOrder({ topUp: arbTopUp({ currency: 'EUR' }) })
 * arbOrder({ status: 'active', currency: 'BHD' })
 */
export function arbOrder(overrides: OrderOverrides = {}): fc.Arbitrary<OrderSnapshot> {
  return arbFundedOrder(overrides).map(({ order }) => order)
}

/**
 * An order together with the top-up that funded it (see {@link arbOrder}).
 * Shrinks to the whole top-up spent on the order, placed as it was credited.
 *
 * @example
 * fc.assert(fc.property(arbFundedOrder(), ({ topUp, order }) => order.fundedBy.topUpId === topUp.id))
 */
export function arbFundedOrder(
  overrides: OrderOverrides = {},
): fc.Arbitrary<{ topUp: TopUpSnapshot; order: OrderSnapshot }> {
  const forms = overrides.amountForms
  return lift(overrides.topUp, arbTopUp(overrides)).chain((topUp) => {
    const { currency } = topUp.amount
    // arbTopUp writes its amount in decimal form, never as `minor`.
    const topUpUnits = amountToUnits(String(topUp.amount.amount), minorUnitOf(currency))
    const credited = toEpochMs(topUp.creditedAt)
    return fc
      .record({
        id: lift(overrides.id, arbId('ord')),
        // The share of the top-up left unspent by the order: 0 (the whole top-up) first.
        amount:
          overrides.amount === undefined
            ? fc.record({ permille: arbPermille(), style: arbAmountStyle(forms) })
            : lift(overrides.amount, fc.constant<AmountInput>('0')).map((given) => ({ given })),
        placedAt: arbDrawnInstant(
          overrides.placedAt,
          arbGap().map((gap) => Math.min(MAX_INSTANT, credited + gap)),
          overrides.instantForms,
        ),
        status: lift(overrides.status, fc.constantFrom<'active' | 'cancelled'>('active', 'cancelled')),
        processingFee: arbDrawnPart(overrides.processingFee, forms, 3),
        refunded: arbDrawnPart(overrides.refunded, forms, 2),
      })
      .map((d) => {
        const amount: Drawn<AmountInput> =
          'given' in d.amount
            ? d.amount
            : { units: maxOf(1n, topUpUnits - partOf(topUpUnits, d.amount.permille)), style: d.amount.style }
        const units = unitsOf(amount, currency)
        const order = compact({
          id: d.id,
          amount: moneyOf(amount, currency),
          placedAt: instantOf(d.placedAt),
          status: d.status,
          fundedBy: { topUpId: topUp.id, creditedAt: topUp.creditedAt, method: topUp.method },
          processingFee: partMoney(d.processingFee, currency, units),
          refunded: partMoney(d.refunded, currency, units),
        })
        return { topUp, order }
      })
  })
}

const maxOf = (a: bigint, b: bigint) => (a > b ? a : b)

/** Which request-information state to generate. */
export type InformationState = 'none' | 'pending' | 'provided'

/** Overrides of {@link arbRequest}. */
export interface RequestOverrides extends Omit<SpellingOptions, 'amountForms'> {
  /** The event the request is about (`creditedAt`, `placedAt`): `receivedAt` is not before it. Default 2000-01-01. */
  readonly after?: InstantInput
  /** The evaluation's `now`: `receivedAt` and `providedAt` are not after it. Default 2040-12-31. */
  readonly now?: InstantInput
  readonly channel?: Gen<string>
  /** `orderDetails.orderId`: fixed or an arbitrary; `null` leaves `orderDetails` out. Default: sometimes present. */
  readonly orderId?: Gen<string | null>
  /** Whether information was asked for, and if so, provided. Default: any. */
  readonly information?: Gen<InformationState>
}

/** Items the provider may ask for. */
export const INFORMATION_ITEMS: readonly string[] = Object.freeze([
  'bank-statement',
  'card-last-digits',
  'proof-of-identity',
  'transaction-id',
  'iban',
])

/** Internal: the draws a request is made of besides its channel, order id and information state. */
export interface RequestDraws {
  readonly items: readonly string[]
  /** `providedAt` − `receivedAt`, clamped to `now`. */
  readonly providedAfter: number
  readonly receivedStyle: InstantStyle
  readonly providedStyle: InstantStyle
}

/**
 * Internal: the draws of {@link requestOf}; shrinks to one item provided at once, ISO with `Z`.
 *
 * @example
 * fc.tuple(arbRequestDraws(), arbEpochMs()).map(([draws, at]) => requestOf(draws, { receivedAt: at, now: at, channel: 'email', information: 'none' }))
 */
export function arbRequestDraws(forms?: readonly InstantForm[]): fc.Arbitrary<RequestDraws> {
  return fc.record({
    items: fc.subarray([...INFORMATION_ITEMS], { minLength: 1, maxLength: 3 }),
    providedAfter: arbGap(),
    receivedStyle: arbInstantStyle(forms),
    providedStyle: arbInstantStyle(forms),
  })
}

/**
 * Internal: a request received at `receivedAt` on `channel`, with the order id and information
 * state given; `providedAt` falls in [receivedAt, now].
 *
 * @example
 * requestOf(draws, { receivedAt: 0, now: 1000, channel: 'email', information: 'provided' })
 */
export function requestOf(
  draws: RequestDraws,
  r: {
    readonly receivedAt: EpochMs
    readonly now: EpochMs
    readonly channel: string
    readonly orderId?: string | undefined
    readonly information: InformationState
  },
): RefundRequest {
  const providedAt = Math.min(r.now, r.receivedAt + draws.providedAfter)
  return compact({
    receivedAt: spellStyled(r.receivedAt, draws.receivedStyle),
    channel: r.channel,
    orderDetails: r.orderId === undefined ? undefined : { orderId: r.orderId },
    informationRequested:
      r.information === 'none'
        ? undefined
        : r.information === 'pending'
          ? { items: draws.items }
          : { items: draws.items, providedAt: spellStyled(providedAt, draws.providedStyle) },
  })
}

/**
 * A request received between `after` and `now` (inclusive), on any channel,
 * sometimes with order details, sometimes with information asked for (and
 * provided between `receivedAt` and `now`). Shrinks to an e-mail received at
 * `after`, without order details or information asked for.
 *
 * @example
 * arbRequest({ after: topUp.creditedAt, now: '2026-11-22T00:00:00Z', channel: 'email', information: 'none' })
 */
export function arbRequest(overrides: RequestOverrides = {}): fc.Arbitrary<RefundRequest> {
  const [after, now] = rangeOf({ from: overrides.after, to: overrides.now })
  return fc
    .record({
      receivedAt: fc.oneof(fc.constantFrom(after, now), arbSafeInteger(after, now)),
      channel: lift(overrides.channel, fc.constantFrom(...CHANNELS)),
      orderId: lift(overrides.orderId, fc.option(arbId('ord'))),
      information: lift(overrides.information, fc.constantFrom<InformationState>('none', 'pending', 'provided')),
      draws: arbRequestDraws(overrides.instantForms),
    })
    .map((d) =>
      requestOf(d.draws, {
        receivedAt: d.receivedAt,
        now,
        channel: d.channel,
        orderId: d.orderId ?? undefined,
        information: d.information,
      }),
    )
}
