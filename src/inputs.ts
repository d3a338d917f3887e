/**
 * Reading an evaluation's snapshots and request (SPEC §1), on the reader of
 * `reader.ts`, which adds here what only snapshots hold: amounts in one
 * currency, instants, ids and the clock skew.
 *
 * Every field is read exactly once (a getter may answer differently twice)
 * and only if it is the object's **own** property: a field inherited through
 * a prototype (someone else's `Object.prototype.identityVerified = true`) is
 * absent.
 * Every problem is collected rather than the first thrown, and anything odd a
 * value can do — throw from a getter, be a revoked proxy, hold a 10 MB string
 * — ends as a `RefundRulesError` naming the field. Unknown extra fields of a
 * snapshot are ignored, an optional field that is `null` is absent, and an id
 * may be a string or an integer, so a database row can be passed as it is.
 */

import type { SkewableField } from './decision.js'
import { joinPath } from './errors.js'
import { type Money, type MoneyInput, parseMoney } from './money/amount.js'
import type { CurrencyOverrides } from './money/currency.js'
import { Fields, MAX_TEXT, Reader } from './reader.js'
import { type EpochMs, formatInstant, type InstantInput, parseInstant, readUtcIsoString } from './time/instant.js'

/**
 * An id as a database holds it: a non-empty string, or an integer (`SERIAL`
 * as a safe-integer `number`, `BIGSERIAL` as a `bigint` or a digit string).
 * `'42'`, `42` and `42n` name the same row; a decision names it as the
 * string `'42'` in its `subject`.
 */
export type Id = string | number | bigint

/**
 * One replenishment of the balance. Optional fields may be `null`, which
 * means absent (a database row's `NULL`).
 */
export interface TopUpSnapshot {
  readonly id: Id
  readonly amount: MoneyInput
  /** When the balance was replenished. */
  readonly creditedAt: InstantInput
  /** Payment method: the key into the fee schedule. */
  readonly method: string
  /** The known cost of processing this refund; overrides the fee schedule. */
  readonly processingFee?: MoneyInput | null
  /** Already refunded from this top-up (default 0). */
  readonly refunded?: MoneyInput | null
}

/** The customer's account. Optional fields may be `null`, which means absent. */
export interface AccountSnapshot {
  readonly id: Id
  /** Funds on the balance that have not been withdrawn (may be negative). */
  readonly balance: MoneyInput
  /** Owed to the provider (default 0). */
  readonly debt?: MoneyInput | null
  /** The last use of the account. */
  readonly lastActivityAt: InstantInput
  /** The holder confirmed their identity (default false). */
  readonly identityVerified?: boolean | null
  /** The right to use the account and the funds is confirmed (default false). */
  readonly ownershipVerified?: boolean | null
  /** Fee-schedule key for a termination payout (default: the schedule's default rule). */
  readonly payoutMethod?: string | null
}

/** An order paid from the balance. Optional fields may be `null`, which means absent. */
export interface OrderSnapshot {
  readonly id: Id
  readonly amount: MoneyInput
  readonly placedAt: InstantInput
  readonly status: 'active' | 'cancelled'
  /** The top-up that funded the order. */
  readonly fundedBy: { readonly topUpId: Id; readonly creditedAt: InstantInput; readonly method: string }
  readonly processingFee?: MoneyInput | null
  readonly refunded?: MoneyInput | null
}

/** The customer's message. Optional fields may be `null`, which means absent. */
export interface RefundRequest {
  /** When the message arrived. */
  readonly receivedAt: InstantInput
  /** How it arrived; the policy's `writtenChannels` say which count as written (compared ignoring letter case). */
  readonly channel: string
  /** The order information pasted into the letter. */
  readonly orderDetails?: { readonly orderId: Id } | null
  /** Additional data the provider asked for, and when it arrived. */
  readonly informationRequested?: {
    readonly items: readonly string[]
    readonly providedAt?: InstantInput | null
  } | null
}

/** A request as read: instants in epoch ms. */
export interface ReadRequest {
  readonly receivedAt: EpochMs
  readonly channel: string
  /** The order the letter names, as a string (`42` and `'42'` are the same order). */
  readonly orderId: string | undefined
  readonly informationItems: readonly string[]
  readonly providedAt: EpochMs | undefined
}

/** A top-up as read. */
export interface ReadTopUp {
  readonly id: string
  readonly amount: Money
  readonly creditedAt: EpochMs
  readonly method: string
  readonly processingFee: Money | undefined
  readonly refunded: Money | undefined
}

/** An account as read; the balance may be negative, the debt may not. */
export interface ReadAccount {
  readonly id: string
  readonly balance: Money
  readonly debt: Money | undefined
  readonly lastActivityAt: EpochMs
  readonly identityVerified: boolean
  readonly ownershipVerified: boolean
  readonly payoutMethod: string | undefined
}

/** An order as read, with the funding top-up's fields it needs. */
export interface ReadOrder {
  readonly id: string
  readonly amount: Money
  readonly status: 'active' | 'cancelled'
  readonly placedAt: EpochMs
  readonly fundedAt: EpochMs
  /** The id of the top-up that funded it. */
  readonly topUpId: string
  readonly method: string
  readonly processingFee: Money | undefined
  readonly refunded: Money | undefined
}

/** An instant after `now` by no more than the policy's `clockSkewSeconds`, read as `now` (SPEC §1). */
export interface SkewedInstant {
  /** The field, e.g. `request.receivedAt`. */
  readonly path: SkewableField
  /** The instant as given. */
  readonly at: EpochMs
}

/** An integer id is at most as long as a text one: a bigint under 10^256 (checked before it is turned into digits). */
const ID_LIMIT = 10n ** BigInt(MAX_TEXT)
const ID_EXPECTED = `an id: a non-empty string of at most ${MAX_TEXT} characters, or an integer (a safe-integer number or a bigint)`

/**
 * The reader of one evaluation's input: a {@link Reader} whose fields are
 * {@link InputFields}, which reads every amount in one currency (the first
 * amount read sets it, with the policy's minor-unit overrides) and records
 * the instants read as `now` within the policy's clock skew.
 *
 * @example
 * const reader = new InputReader('INVALID_INPUT')
 * const topUp = reader.at({ topUp: { id: 't1' } }, 'input', '').object('topUp')
 * topUp.id('id') // => 't1'
 * topUp.text('method') // records `topUp.method: expected a non-empty string…`
 * reader.finish() // throws INVALID_INPUT at topUp.method
 */
export class InputReader extends Reader<InputFields> {
  /** The instants read as `now` because they were within the clock skew the policy allows. */
  declare readonly skewed: SkewedInstant[]
  /** The evaluation's currency: set by the first amount read. */
  declare private currency: string | undefined
  /** The policy's minor-unit overrides (`policy.currencies`), which every amount read is parsed with. */
  declare readonly currencies: CurrencyOverrides | undefined

  // Fields assigned here, not defined as class fields: see `Reader`.
  constructor(code: 'INVALID_INPUT' | 'INVALID_POLICY', currencies?: CurrencyOverrides) {
    super(code)
    this.currencies = currencies
    this.skewed = []
    this.currency = undefined
  }

  fields(source: object | undefined, path: string): InputFields {
    return new InputFields(this, source, path)
  }

  /**
   * SPEC §1: an instant (at `path`) may not be after `now`, except by the
   * clock skew the policy allows (`skewMs`): such an instant is read as
   * `now` and recorded in {@link skewed}; a later one is inconsistent.
   * Returns the instant as read.
   */
  notAfterNow(path: SkewableField, at: EpochMs, now: EpochMs, skewMs: number): EpochMs {
    if (!(at > now)) return at
    if (at - now <= skewMs) {
      this.skewed.push({ path, at })
      return now
    }
    this.inconsistent(path, `is after now (${formatInstant(now)})`)
    return at
  }

  /**
   * Money in the reading's currency: the first amount read sets it, later ones must match.
   * (The parsers are called in a `try` here rather than through {@link attempt}: no closure per field.)
   */
  money(value: unknown, path: string, allowNegative: boolean): Money {
    try {
      const money = parseMoney(value, path, { allowNegative, currency: this.currency, currencies: this.currencies })
      this.currency = money.currency
      return money
    } catch (error) {
      this.record(error)
      return undefined as never
    }
  }

  instant(value: unknown, path: string): EpochMs {
    try {
      return parseInstant(value, path)
    } catch (error) {
      this.record(error)
      return undefined as never
    }
  }

  /**
   * An {@link Id} as the string a decision names it by: a string as it is,
   * an integer in its decimal digits (`42`, `42n` → `'42'`); else an issue
   * at `parent.key`.
   */
  id(value: unknown, parent: string, key: string): string {
    switch (typeof value) {
      case 'string':
        if (value.length > 0 && value.length <= MAX_TEXT) return value
        break
      case 'number':
        // String(-0) is '0': the same row as 0.
        if (Number.isSafeInteger(value)) return String(value)
        break
      case 'bigint':
        if (value < ID_LIMIT && value > -ID_LIMIT) return String(value)
        break
    }
    return this.invalid(joinPath(parent, key), ID_EXPECTED, value)
  }
}

/**
 * The fields of one snapshot, the request or the input itself: {@link Fields}
 * with ids, instants and amounts (`input.object('topUp').money('amount')`
 * reads `topUp.amount`).
 *
 * @example
 * const input = new InputReader('INVALID_INPUT').at({ now: '2026-11-20T10:00:00Z' }, 'input', '')
 * input.instant('now') // => 1795168800000
 */
export class InputFields extends Fields<InputFields> {
  declare readonly reader: InputReader

  /** An {@link Id}, as a string. */
  id(key: string): string {
    return this.reader.id(this.raw(key), this.path, key)
  }

  instant(key: string): EpochMs {
    const value = this.raw(key)
    // Most instants are in the toISOString form, read without the field's path, which is joined only for the rest.
    return readUtcIsoString(value) ?? this.reader.instant(value, this.pathOf(key))
  }

  optionalInstant(key: string): EpochMs | undefined {
    const value = this.optional(key)
    if (value === undefined) return undefined
    return readUtcIsoString(value) ?? this.reader.instant(value, this.pathOf(key))
  }

  /** Money in the reading's currency, not negative. */
  money(key: string): Money {
    return this.reader.money(this.raw(key), this.pathOf(key), false)
  }

  /** Money that may be negative (a balance), in the reading's currency. */
  signedMoney(key: string): Money {
    return this.reader.money(this.raw(key), this.pathOf(key), true)
  }

  optionalMoney(key: string): Money | undefined {
    const value = this.optional(key)
    return value === undefined ? undefined : this.reader.money(value, this.pathOf(key), false)
  }
}

/**
 * Reads a top-up snapshot (SPEC §1).
 *
 * @example
 * const reader = new InputReader('INVALID_INPUT')
 * const topUp = readTopUp(reader.at({ topUp: { id: 7, amount: { amount: '20.00', currency: 'EUR' }, creditedAt: '2026-11-20T10:00:00Z', method: 'card' } }, 'input', '').object('topUp'))
 * reader.finish() // no problem: returns
 * topUp.id // => '7'
 */
export function readTopUp(topUp: InputFields): ReadTopUp {
  return {
    id: topUp.id('id'),
    amount: topUp.money('amount'),
    creditedAt: topUp.instant('creditedAt'),
    method: topUp.text('method'),
    processingFee: topUp.optionalMoney('processingFee'),
    refunded: topUp.optionalMoney('refunded'),
  }
}

/**
 * Reads what every clause needs of an account snapshot (SPEC §1): its id,
 * balance and last activity. The top-up clause reads no more of it.
 *
 * @example
 * const reader = new InputReader('INVALID_INPUT')
 * readBalance(reader.at({ id: 'a1', balance: { minor: -500, currency: 'EUR' } }, 'account'))
 * reader.finish() // throws INVALID_INSTANT at account.lastActivityAt (missing)
 */
export function readBalance(account: InputFields): Pick<ReadAccount, 'id' | 'balance' | 'lastActivityAt'> {
  return {
    id: account.id('id'),
    balance: account.signedMoney('balance'),
    lastActivityAt: account.instant('lastActivityAt'),
  }
}

/**
 * Reads a whole account snapshot (SPEC §1).
 *
 * @example
 * const reader = new InputReader('INVALID_INPUT')
 * const account = readAccount(reader.at({ id: 'a1', balance: { amount: '5.00', currency: 'EUR' }, lastActivityAt: '2026-01-01T00:00:00Z', debt: null }, 'account'))
 * account.debt // => undefined (null is absent)
 * account.identityVerified // => false
 */
export function readAccount(account: InputFields): ReadAccount {
  return {
    id: account.id('id'),
    balance: account.signedMoney('balance'),
    debt: account.optionalMoney('debt'),
    lastActivityAt: account.instant('lastActivityAt'),
    identityVerified: account.flag('identityVerified'),
    ownershipVerified: account.flag('ownershipVerified'),
    payoutMethod: account.optionalText('payoutMethod'),
  }
}

/** An order's statuses: one array for every evaluation rather than one each. */
const STATUSES = ['active', 'cancelled'] as const

/**
 * Reads an order snapshot and its funding top-up's fields (SPEC §1).
 *
 * @example
 * const reader = new InputReader('INVALID_INPUT')
 * readOrder(reader.at({ id: 'o1', status: 'refunded' }, 'order')).status
 * reader.issues.map((i) => i.path) // includes 'order.status' and 'order.fundedBy'
 */
export function readOrder(order: InputFields): ReadOrder {
  const id = order.id('id')
  const amount = order.money('amount')
  const status = order.oneOf('status', STATUSES)
  const fundedBy = order.object('fundedBy')
  const placedAt = order.instant('placedAt')
  const fundedAt = fundedBy.instant('creditedAt')
  const topUpId = fundedBy.id('topUpId')
  return {
    id,
    amount,
    status,
    placedAt,
    fundedAt,
    topUpId,
    method: fundedBy.text('method'),
    processingFee: order.optionalMoney('processingFee'),
    refunded: order.optionalMoney('refunded'),
  }
}

const NO_ITEMS: readonly string[] = Object.freeze([])

/**
 * Reads a request (SPEC §1): its instants, channel, order details and requested information.
 *
 * @example
 * const reader = new InputReader('INVALID_INPUT')
 * const request = readRequest(reader.at({ receivedAt: '2026-11-20T10:00:00Z', channel: 'email', orderDetails: { orderId: 42 } }, 'request'))
 * request.orderId // => '42'
 * request.informationItems // => []
 */
export function readRequest(request: InputFields): ReadRequest {
  const receivedAt = request.instant('receivedAt')
  const channel = request.text('channel')
  const orderId = request.optionalObject('orderDetails')?.id('orderId')
  const info = request.optionalObject('informationRequested')
  return {
    receivedAt,
    channel,
    orderId,
    informationItems: info === undefined ? NO_ITEMS : info.texts('items'),
    providedAt: info?.optionalInstant('providedAt'),
  }
}
