/**
 * Reading untrusted data: the snapshots and request of an evaluation (SPEC §1)
 * and the settings of a policy (SPEC §3), with one reader.
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
import {
  describeReceived,
  type ErrorCode,
  expected,
  isRecord,
  isRefundRulesError,
  joinKnownKey,
  joinPath,
  MAX_ISSUES,
  RefundRulesError,
  type RefundRulesIssue,
  unreadable,
} from './errors.js'
import { type Money, type MoneyInput, parseMoney } from './money/amount.js'
import type { CurrencyOverrides } from './money/currency.js'
import { type EpochMs, formatInstant, type InstantInput, parseInstant } from './time/instant.js'

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

/** What a setting must pass (a type guard for its type `T`), and what its message says was expected. */
export type Check<T> = readonly [test: (value: unknown) => value is T, expected: string]

const MAX_TEXT = 256
const MAX_ITEMS = 100
/** An integer id is at most as long as a text one: a bigint under 10^256 (checked before it is turned into digits). */
const ID_LIMIT = 10n ** BigInt(MAX_TEXT)
const ID_EXPECTED = `an id: a non-empty string of at most ${MAX_TEXT} characters, or an integer (a safe-integer number or a bigint)`

/**
 * The elements of an array of at most `max`, each read once, or `undefined`
 * for anything else: a proxy's traps (revoked, throwing, a `length` that is
 * not a whole number) make it "not such an array" rather than a crash.
 *
 * The length is checked before any element is touched: a sparse array of
 * length 2^32 − 1, or a proxy claiming that length, is refused at once
 * rather than walked. A hole reads as `undefined` (own elements only: an
 * `Array.prototype[0]` set by someone else is not an element), which the
 * element's own check then refuses.
 */
function readList(value: unknown, max: number): unknown[] | undefined {
  try {
    if (!Array.isArray(value)) return undefined
    const length: unknown = value.length
    if (typeof length !== 'number' || !Number.isInteger(length) || length < 0 || length > max) return undefined
    const list: unknown[] = []
    for (let i = 0; i < length; i++) list.push(Object.hasOwn(value, i) ? value[i] : undefined)
    return list
  } catch {
    return undefined
  }
}

/**
 * One reading of untrusted data: collects the issues of every field read
 * through its {@link Fields}, and throws them all at once from `finish()`.
 * Values read before `finish()` returns are only trusted after it.
 *
 * `code` is the code of a field of the wrong type or missing: `INVALID_INPUT`
 * for snapshots, `INVALID_POLICY` for settings. A policy is reported under
 * one code, so under `INVALID_POLICY` the issues a parser raises (a bad
 * instant, a bad amount) take that code too; a snapshot keeps the parser's.
 *
 * A class rather than an object of closures: one reader is made per
 * evaluation, and fresh closures each time were a measurable share of a
 * decision. It holds no state beyond one reading.
 *
 * @example
 * const reader = new Reader('INVALID_INPUT')
 * const topUp = reader.at({ topUp: { id: 't1' } }, 'input', '').object('topUp')
 * topUp.text('id') // => 't1'
 * topUp.text('method') // records `topUp.method: expected a non-empty string…`
 * reader.finish() // throws INVALID_INPUT at topUp.method
 */
export class Reader {
  readonly issues: RefundRulesIssue[] = []
  /** The instants read as `now` because they were within the clock skew the policy allows. */
  readonly skewed: SkewedInstant[] = []
  /** Issues found past {@link MAX_ISSUES}: counted, not kept, so a million bad settings cost a count. */
  private omitted = 0
  /** The evaluation's currency: set by the first amount read. */
  private currency: string | undefined

  constructor(
    readonly code: 'INVALID_INPUT' | 'INVALID_POLICY',
    /** The policy's minor-unit overrides (`policy.currencies`), which every amount read is parsed with. */
    readonly currencies?: CurrencyOverrides,
  ) {}

  /**
   * The fields of `value`, an issue at `path` when it is not a plain object.
   * Its fields are named from `fieldsPath`: an evaluation's input is `'input'`
   * but its fields are `topUp`, `now` (`fieldsPath` `''`); a top-up read on its
   * own is `'topUp'` and so are its fields' parents (`topUp.creditedAt`).
   * Settings pass their `defaults`: the value of each absent setting, and the
   * keys that are known.
   */
  at(value: unknown, path: string, fieldsPath = path, defaults?: object): Fields {
    return new Fields(this, isRecord(value) ? value : this.invalid(path, 'an object', value), fieldsPath, defaults)
  }

  /** Records an issue of the reader's own code at `path`. */
  issue(path: string, message: string, code: ErrorCode = this.code): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push({ code, path, message })
    else this.omitted++
  }

  /** Whether further issues are only counted: a caller can then skip composing their messages. */
  isFull(): boolean {
    return this.issues.length >= MAX_ISSUES
  }

  /** Records that a field at `path` is not `what`; returns a placeholder, trusted only after `finish()`. */
  invalid(path: string, what: string, value: unknown): never {
    this.issue(path, expected(what, value))
    return undefined as never
  }

  /** Records that two valid fields contradict each other. */
  inconsistent(path: string, message: string): void {
    this.issue(path, message, 'INCONSISTENT_INPUT')
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
   * Runs a parser that throws `RefundRulesError`, recording its issues;
   * `undefined` when it threw. Anything else it throws is rethrown.
   */
  attempt<T>(parse: () => T): T | undefined {
    try {
      return parse()
    } catch (error) {
      this.record(error)
      return undefined
    }
  }

  /**
   * Records the issues of a `RefundRulesError` a parser threw (under the
   * reader's code when reading a policy); rethrows anything else.
   */
  private record(error: unknown): void {
    if (!isRefundRulesError(error)) throw error
    const recode = this.code === 'INVALID_POLICY'
    this.omitted += error.omittedIssues
    for (const issue of error.issues) {
      if (this.issues.length < MAX_ISSUES) this.issues.push(recode ? { ...issue, code: this.code } : issue)
      else this.omitted++
    }
  }

  hasIssues(): boolean {
    return this.issues.length > 0
  }

  /** Throws every issue recorded so far, if any. */
  finish(): void {
    const issues = this.issues
    if (issues.length > 0) {
      throw new RefundRulesError(issues as [RefundRulesIssue, ...RefundRulesIssue[]], this.omitted)
    }
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
   * `value` if it is a short non-empty string, else an issue at `parent.key`
   * (`parent[key]` for an index): the path is joined only for an issue.
   */
  text(value: unknown, parent: string, key: string | number): string {
    if (typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT) return value
    return this.invalid(joinPath(parent, key), `a non-empty string of at most ${MAX_TEXT} characters`, value)
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
 * The fields of one object, read at its path (`reader.at(input, 'input').object('topUp').text('id')`
 * reads `topUp.id`). A path is joined only where it is needed: for an issue,
 * or for a parser that names the field in its own. The fields of a value that
 * is missing or invalid (already reported) are all absent, so each required
 * one is reported missing and each setting keeps its default.
 */
export class Fields {
  constructor(
    readonly reader: Reader,
    /** The object read, or `undefined` when it is missing or not an object. */
    readonly source: object | undefined,
    /** Its path: `''` for the root. */
    readonly path: string,
    /** For settings: each setting's default, which also says which keys are known. */
    private readonly defaults: object = {},
  ) {}

  /** The path of `key` in this object. */
  pathOf(key: string): string {
    return joinKnownKey(this.path, key)
  }

  /** `source[key]` read once if it is an own property, else `undefined`; a throwing getter becomes an issue. */
  raw(key: string): unknown {
    const source = this.source
    if (source === undefined) return undefined
    try {
      return Object.hasOwn(source, key) ? (source as Record<string, unknown>)[key] : undefined
    } catch {
      this.reader.issue(joinPath(this.path, key), 'could not be read (its getter threw)')
      return undefined
    }
  }

  /**
   * An optional field: {@link raw}, with `null` read as absent (SPEC §1: a
   * database row's `NULL`).
   */
  optional(key: string): unknown {
    const value = this.raw(key)
    return value === null ? undefined : value
  }

  /** The fields of a required plain object at `key`. */
  object(key: string): Fields {
    const value = this.raw(key)
    const path = this.pathOf(key)
    return new Fields(this.reader, isRecord(value) ? value : this.reader.invalid(path, 'an object', value), path)
  }

  /** The fields of an optional plain object at `key`, or `undefined` when it is absent or `null`. */
  optionalObject(key: string): Fields | undefined {
    const value = this.optional(key)
    if (value === undefined) return undefined
    const path = this.pathOf(key)
    return new Fields(this.reader, isRecord(value) ? value : this.reader.invalid(path, 'an object', value), path)
  }

  /** A short non-empty string. */
  text(key: string): string {
    return this.reader.text(this.raw(key), this.path, key)
  }

  /** An {@link Id}, as a string. */
  id(key: string): string {
    return this.reader.id(this.raw(key), this.path, key)
  }

  optionalText(key: string): string | undefined {
    const value = this.optional(key)
    return value === undefined ? undefined : this.reader.text(value, this.path, key)
  }

  /** `true` or `false`, absent (or `null`) meaning `false`. */
  flag(key: string): boolean {
    const value = this.optional(key)
    if (value === undefined) return false
    if (typeof value === 'boolean') return value
    return this.reader.invalid(joinPath(this.path, key), 'true or false', value)
  }

  instant(key: string): EpochMs {
    return this.reader.instant(this.raw(key), this.pathOf(key))
  }

  optionalInstant(key: string): EpochMs | undefined {
    const value = this.optional(key)
    return value === undefined ? undefined : this.reader.instant(value, this.pathOf(key))
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

  /** One of `allowed` (compared exactly). */
  oneOf<T extends string>(key: string, allowed: readonly T[]): T {
    const value = this.raw(key)
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T
    return this.reader.invalid(joinPath(this.path, key), allowed.map((a) => `'${a}'`).join(' or '), value)
  }

  /** An array of at most {@link MAX_ITEMS} short strings. */
  texts(key: string): readonly string[] {
    const value = this.raw(key)
    const path = joinPath(this.path, key)
    const list = readList(value, MAX_ITEMS)
    if (list === undefined) return this.reader.invalid(path, `an array of at most ${MAX_ITEMS} strings`, value) ?? []
    return list.map((item, i) => this.reader.text(item, path, i))
  }

  /**
   * A setting: absent (`undefined`) is its default; a value that passes
   * `check` is itself; anything else is an issue and the default.
   */
  setting<T>(key: string, [test, what]: Check<T>): T {
    const value = this.raw(key)
    // The defaults are the published policy's, each of which passes its own check.
    const fallback = (this.defaults as Record<string, T>)[key] as T
    if (value === undefined) return fallback
    if (test(value)) return value
    this.reader.invalid(joinPath(this.path, key), what, value)
    return fallback
  }

  /**
   * The settings section at `key`, with the defaults of that section:
   * absent or not an object, it reads as empty (all its defaults).
   */
  section(key: string): Fields {
    const value = this.raw(key)
    const path = this.pathOf(key)
    if (value !== undefined && !isRecord(value)) this.reader.invalid(path, 'an object', value)
    const defaults = (this.defaults as Record<string, object>)[key]
    return new Fields(this.reader, isRecord(value) ? value : undefined, path, defaults)
  }

  /**
   * A setting that is a list: absent, its default; otherwise an array of at
   * most `max` elements, each passing `check`, copied once. The length is
   * checked before any element is read (an array claiming 2^32 − 1 elements
   * is refused at once), a hole is refused rather than read through the
   * prototype, and each element is read once, so a getter that changes its
   * answer cannot leave an unchecked value in the copy.
   */
  settingList<T>(key: string, max: number, [test, what]: Check<T>): readonly T[] {
    const value = this.raw(key)
    const fallback = (this.defaults as Record<string, readonly T[]>)[key] as readonly T[]
    if (value === undefined) return fallback
    const path = joinPath(this.path, key)
    const expectedList = `an array of at most ${max} ${what}`
    try {
      const length: unknown = Array.isArray(value) ? value.length : undefined
      if (typeof length !== 'number' || !(length <= max))
        return this.reader.invalid(path, expectedList, value) ?? fallback
      const list: T[] = []
      for (let i = 0; i < length; i++) {
        const item: unknown = Object.hasOwn(value as unknown[], i) ? (value as unknown[])[i] : undefined
        if (!test(item)) return this.reader.invalid(joinPath(path, i), what, item) ?? fallback
        list.push(item)
      }
      return list
    } catch (error) {
      this.reader.issue(path, unreadable(error))
      return fallback
    }
  }

  /** Reports each own key that the defaults lack, as `is not a <what>`. */
  rejectUnknownKeys(what: string): void {
    const source = this.source
    if (source === undefined) return
    for (const key of Object.keys(source)) {
      if (Object.hasOwn(this.defaults, key)) continue
      // Past the cap the issue is only counted: no message is composed for a millionth unknown key.
      if (this.reader.isFull()) this.reader.issue(key, '')
      else {
        this.reader.issue(
          joinPath(this.path, key),
          `is not a ${what}, received ${describeReceived((source as Record<string, unknown>)[key])}`,
        )
      }
    }
  }
}

/** Reads a top-up snapshot (SPEC §1), e.g. `readTopUp(input.object('topUp'))`. */
export function readTopUp(topUp: Fields): ReadTopUp {
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
 */
export function readBalance(account: Fields): Pick<ReadAccount, 'id' | 'balance' | 'lastActivityAt'> {
  return {
    id: account.id('id'),
    balance: account.signedMoney('balance'),
    lastActivityAt: account.instant('lastActivityAt'),
  }
}

/** Reads a whole account snapshot (SPEC §1), e.g. `readAccount(input.object('account'))`. */
export function readAccount(account: Fields): ReadAccount {
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

/** Reads an order snapshot and its funding top-up's fields (SPEC §1), e.g. `readOrder(input.object('order'))`. */
export function readOrder(order: Fields): ReadOrder {
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

/** Reads a request (SPEC §1), e.g. `readRequest(input.object('request'))`: its instants, channel, order details and requested information. */
export function readRequest(request: Fields): ReadRequest {
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
