/**
 * Snapshots and requests (SPEC §1): each generated value is valid on its own,
 * and the ones that refer to each other (an order and its funding top-up, a
 * request and its event and `now`) are consistent.
 */
import fc from 'fast-check'
import type { AccountSnapshot, OrderSnapshot, RefundRequest, TopUpSnapshot } from '../inputs.js'
import { MAX_INSTANT } from '../time/instant.js'
import {
  arbEpochMs,
  arbInstantSpelling,
  arbSafeInteger,
  type EpochMs,
  type InstantForm,
  type InstantInput,
  MS_PER_DAY,
  MS_PER_HOUR,
  rangeOf,
  toEpochMs,
} from './instants.js'
import { type Draw, drawing, type Gen, lift } from './lift.js'
import {
  type AmountForm,
  type AmountInput,
  arbAmountSpelling,
  arbCurrency,
  arbMinorUnits,
  DEFAULT_MAX_AMOUNT,
  type MoneyInput,
  minorUnitOf,
  toMinorUnits,
} from './money.js'
import { arbMethod, CHANNELS } from './policy.js'

// The snapshot types are the library's own: a generated value is exactly what evaluations take.
export type { AccountSnapshot, OrderSnapshot, RefundRequest, TopUpSnapshot }

/** Spellings used for generated instants and amounts. */
export interface SpellingOptions {
  /** Instant spellings. Default: ISO with `Z`, ISO with an offset, epoch ms and `Date`. */
  readonly instantForms?: readonly InstantForm[]
  /** Amount spellings. Default: decimal strings and numbers. */
  readonly amountForms?: readonly AmountForm[]
}

/** The longest gap generated between related events (e.g. a request and `now`) unless bounded: 400 days. */
export const MAX_GAP_MS = 400 * MS_PER_DAY

/**
 * An identifier with a prefix: a small number or a UUID.
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
 * A gap in milliseconds in [0, max], biased towards 0, 1 ms, and gaps of
 * minutes to days.
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

/** Internal: spells values with the chosen forms. */
export interface Speller {
  at(ms: EpochMs): InstantInput
  money(units: bigint): MoneyInput
}

/**
 * Internal: spells instants and amounts of one currency with the chosen forms, drawing each choice.
 *
 * @example
 * drawing((draw) => spellerOf(draw, 'EUR', {}).money(10050n)) // { amount: '100.50' | '100.5' | 100.5, currency: 'EUR' }
 */
export function spellerOf(draw: Draw, currency: string, spelling: SpellingOptions): Speller {
  return {
    at: (ms) => draw(arbInstantSpelling(ms, spelling.instantForms)),
    money: (units) => ({ amount: draw(arbAmountSpelling(units, currency, spelling.amountForms)), currency }),
  }
}

/**
 * Drops the keys whose value is `undefined` (generated values stay JSON-safe).
 *
 * @example
 * compact({ a: 1, b: undefined }) // => { a: 1 }
 */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

/** Draws an optional amount in [0, max]: absent, 0, max or anything between. */
function optionalUnits(draw: Draw, max: bigint, presence = 0.5): bigint | undefined {
  if (!draw(fc.integer({ min: 0, max: 99 }).map((n) => n < presence * 100))) return undefined
  return draw(fc.oneof(fc.constantFrom(0n, max), fc.bigInt({ min: 0n, max: max < 0n ? 0n : max })))
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

/** Overrides of {@link arbTopUp}: any field fixed or an arbitrary (`null` leaves an optional field out). */
export interface TopUpOverrides extends CommonOverrides {
  readonly id?: Gen<string>
  readonly amount?: Gen<AmountInput>
  readonly creditedAt?: Gen<InstantInput>
  readonly method?: Gen<string>
  readonly processingFee?: Gen<AmountInput | null>
  readonly refunded?: Gen<AmountInput | null>
}

function fieldAmount(
  draw: Draw,
  override: Gen<AmountInput> | undefined,
  currency: string,
  fallback: () => bigint,
  spell: Speller,
): { units: bigint; money: MoneyInput } {
  if (override === undefined) {
    const units = fallback()
    return { units, money: spell.money(units) }
  }
  const amount = draw(lift(override, fc.constant<AmountInput>('0')))
  return { units: toMinorUnits(amount, minorUnitOf(currency)), money: { amount, currency } }
}

function fieldInstant(
  draw: Draw,
  override: Gen<InstantInput> | undefined,
  fallback: () => EpochMs,
  spell: Speller,
): { ms: EpochMs; value: InstantInput } {
  if (override === undefined) {
    const ms = fallback()
    return { ms, value: spell.at(ms) }
  }
  const value = draw(lift(override, fc.constant<InstantInput>(0)))
  return { ms: toEpochMs(value), value }
}

function optionalAmount(
  draw: Draw,
  override: Gen<AmountInput | null> | undefined,
  currency: string,
  max: bigint,
  spell: Speller,
  presence?: number,
): MoneyInput | undefined {
  if (override !== undefined) {
    const amount = draw(lift(override, fc.constant(null)))
    return amount === null ? undefined : { amount, currency }
  }
  const units = optionalUnits(draw, max, presence)
  return units === undefined ? undefined : spell.money(units)
}

/** Draws a top-up and returns it with its numbers. */
function drawTopUp(
  draw: Draw,
  o: TopUpOverrides,
): { topUp: TopUpSnapshot; currency: string; units: bigint; creditedAt: EpochMs; spell: Speller } {
  const currency = draw(lift(o.currency, arbCurrency()))
  const spell = spellerOf(draw, currency, o)
  const [from, to] = rangeOf(o)
  const amount = fieldAmount(
    draw,
    o.amount,
    currency,
    () => draw(arbMinorUnits({ currency, min: smallest(currency), max: o.maxAmount ?? DEFAULT_MAX_AMOUNT })),
    spell,
  )
  const creditedAt = fieldInstant(draw, o.creditedAt, () => draw(arbEpochMs({ from, to })), spell)
  const topUp = compact({
    id: draw(lift(o.id, arbId('tu'))),
    amount: amount.money,
    creditedAt: creditedAt.value,
    method: draw(lift(o.method, arbMethod())),
    processingFee: optionalAmount(draw, o.processingFee, currency, amount.units, spell, 0.3),
    refunded: optionalAmount(draw, o.refunded, currency, amount.units, spell),
  })
  return { topUp, currency, units: amount.units, creditedAt: creditedAt.ms, spell }
}

/**
 * The smallest positive amount of a currency, as a decimal string.
 *
 * @example
 * smallest('EUR') // => '0.01'
 * smallest('JPY') // => '1'
 */
export function smallest(currency: string): string {
  const digits = minorUnitOf(currency)
  return digits === 0 ? '1' : `0.${'1'.padStart(digits, '0')}`
}

/**
 * A top-up: a positive amount, `creditedAt`, a payment method, and sometimes a
 * known processing fee and an already-refunded part (both ≤ the amount).
 *
 * @example
 * arbTopUp({ currency: 'EUR' })
 * arbTopUp({ method: 'card', refunded: null, from: '2026-01-01T00:00:00Z', to: '2026-12-31T23:59:59Z' })
 */
export function arbTopUp(overrides: TopUpOverrides = {}): fc.Arbitrary<TopUpSnapshot> {
  return drawing((draw) => drawTopUp(draw, overrides).topUp)
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

const optionalFlag = (draw: Draw, override: Gen<boolean | null> | undefined) =>
  draw(lift(override, fc.constantFrom<boolean | null>(true, false, null))) ?? undefined

/**
 * An account: a non-negative balance, sometimes a debt, a last activity no
 * later than `now` (when given), verification flags and a payout method.
 *
 * @example
 * arbAccount({ currency: 'JPY', now: '2026-11-20T10:00:00Z' })
 * arbAccount({ balance: '0', identityVerified: true })
 */
export function arbAccount(overrides: AccountOverrides = {}): fc.Arbitrary<AccountSnapshot> {
  return drawing((draw) => {
    const currency = draw(lift(overrides.currency, arbCurrency()))
    const spell = spellerOf(draw, currency, overrides)
    const [from, to] = rangeOf(overrides)
    const latest = overrides.now === undefined ? to : Math.min(to, toEpochMs(overrides.now))
    const max = overrides.maxAmount ?? DEFAULT_MAX_AMOUNT
    const balance = fieldAmount(draw, overrides.balance, currency, () => draw(arbMinorUnits({ currency, max })), spell)
    const debtMax = toMinorUnits(max, minorUnitOf(currency))
    return compact({
      id: draw(lift(overrides.id, arbId('acc'))),
      balance: balance.money,
      debt: optionalAmount(draw, overrides.debt, currency, debtMax, spell, 0.3),
      lastActivityAt: fieldInstant(
        draw,
        overrides.lastActivityAt,
        () => draw(arbEpochMs({ from: Math.min(from, latest), to: latest })),
        spell,
      ).value,
      identityVerified: optionalFlag(draw, overrides.identityVerified),
      ownershipVerified: optionalFlag(draw, overrides.ownershipVerified),
      payoutMethod:
        draw(lift(overrides.payoutMethod, fc.option(arbMethod(), { freq: 2 }) as fc.Arbitrary<string | null>)) ??
        undefined,
    })
  })
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
 *
 * @example
 * fc.assert(fc.property(arbFundedOrder(), ({ topUp, order }) => order.fundedBy.topUpId === topUp.id))
 */
export function arbFundedOrder(
  overrides: OrderOverrides = {},
): fc.Arbitrary<{ topUp: TopUpSnapshot; order: OrderSnapshot }> {
  return drawing((draw) => {
    const topUp = draw(lift(overrides.topUp, arbTopUp(overrides)))
    const { currency } = topUp.amount
    const digits = minorUnitOf(currency)
    const spell = spellerOf(draw, currency, overrides)
    const topUpUnits = toMinorUnits(topUp.amount.amount, digits)
    const credited = toEpochMs(topUp.creditedAt)
    const amount = fieldAmount(
      draw,
      overrides.amount,
      currency,
      () => draw(fc.oneof(fc.constant(topUpUnits), fc.bigInt({ min: 1n, max: topUpUnits > 1n ? topUpUnits : 1n }))),
      spell,
    )
    const placedAt = fieldInstant(
      draw,
      overrides.placedAt,
      () => Math.min(MAX_INSTANT, credited + draw(arbGap())),
      spell,
    )
    const order = compact({
      id: draw(lift(overrides.id, arbId('ord'))),
      amount: amount.money,
      placedAt: placedAt.value,
      status: draw(lift(overrides.status, fc.constantFrom<'active' | 'cancelled'>('active', 'cancelled'))),
      fundedBy: { topUpId: topUp.id, creditedAt: topUp.creditedAt, method: topUp.method },
      processingFee: optionalAmount(draw, overrides.processingFee, currency, amount.units, spell, 0.3),
      refunded: optionalAmount(draw, overrides.refunded, currency, amount.units, spell),
    })
    return { topUp, order }
  })
}

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

/**
 * Internal: draws a request received at `receivedAt` with the given channel,
 * order id and information state; `providedAt` falls in [receivedAt, now].
 *
 * @example
 * drawing((draw) => drawRequest(draw, spellerOf(draw, 'EUR', {}), { receivedAt: 0, now: 1000, channel: 'email', information: 'provided' }))
 */
export function drawRequest(
  draw: Draw,
  spell: Speller,
  r: {
    receivedAt: EpochMs
    now: EpochMs
    channel: string
    orderId?: string | undefined
    information: InformationState
    /** Earliest `providedAt` (default `receivedAt`). */
    providedFrom?: EpochMs
  },
): RefundRequest {
  let informationRequested: RefundRequest['informationRequested']
  if (r.information !== 'none') {
    const items = draw(fc.subarray([...INFORMATION_ITEMS], { minLength: 1, maxLength: 3 }))
    if (r.information === 'pending') informationRequested = { items }
    else {
      const first = Math.max(r.receivedAt, r.providedFrom ?? r.receivedAt)
      const providedAt = draw(fc.oneof(fc.constantFrom(first, r.now), arbSafeInteger(first, r.now)))
      informationRequested = { items, providedAt: spell.at(providedAt) }
    }
  }
  return compact({
    receivedAt: spell.at(r.receivedAt),
    channel: r.channel,
    orderDetails: r.orderId === undefined ? undefined : { orderId: r.orderId },
    informationRequested,
  })
}

/**
 * A request received between `after` and `now` (inclusive), on any channel,
 * sometimes with order details, sometimes with information asked for (and
 * provided between `receivedAt` and `now`).
 *
 * @example
 * arbRequest({ after: topUp.creditedAt, now: '2026-11-22T00:00:00Z', channel: 'email', information: 'none' })
 */
export function arbRequest(overrides: RequestOverrides = {}): fc.Arbitrary<RefundRequest> {
  return drawing((draw) => {
    const [after, now] = rangeOf({ from: overrides.after, to: overrides.now })
    const spell = spellerOf(draw, 'EUR', overrides)
    const receivedAt = draw(fc.oneof(fc.constantFrom(after, now), arbSafeInteger(after, now)))
    const orderId = draw(lift(overrides.orderId, fc.option(arbId('ord')))) ?? undefined
    return drawRequest(draw, spell, {
      receivedAt,
      now,
      channel: draw(lift(overrides.channel, fc.constantFrom(...CHANNELS))),
      orderId,
      information: draw(lift(overrides.information, fc.constantFrom<InformationState>('none', 'pending', 'provided'))),
    })
  })
}
