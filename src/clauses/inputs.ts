/**
 * Reading snapshots and requests (SPEC §1) from untrusted data.
 *
 * Every field is read exactly once (a getter may answer differently twice),
 * every problem is collected rather than the first thrown, and anything odd a
 * value can do — throw from a getter, be a revoked proxy, hold a 10 MB string
 * — ends as a `RefundRulesError` naming the field. Unknown extra fields are
 * ignored, so a database row can be passed as it is.
 */
import {
  type ErrorCode,
  expected,
  isRecord,
  joinKnownKey,
  joinPath,
  RefundRulesError,
  type RefundRulesIssue,
  throwIssues,
} from '../errors.js'
import { type Money, type MoneyInput, parseMoney } from '../money/amount.js'
import { type EpochMs, type InstantInput, parseInstant } from '../time/instant.js'

/** One replenishment of the balance. */
export interface TopUpSnapshot {
  readonly id: string
  readonly amount: MoneyInput
  /** When the balance was replenished. */
  readonly creditedAt: InstantInput
  /** Payment method: the key into the fee schedule. */
  readonly method: string
  /** The known cost of processing this refund; overrides the fee schedule. */
  readonly processingFee?: MoneyInput
  /** Already refunded from this top-up (default 0). */
  readonly refunded?: MoneyInput
}

/** The customer's account. */
export interface AccountSnapshot {
  readonly id: string
  /** Funds on the balance that have not been withdrawn (may be negative). */
  readonly balance: MoneyInput
  /** Owed to the provider (default 0). */
  readonly debt?: MoneyInput
  /** The last use of the account. */
  readonly lastActivityAt: InstantInput
  /** The holder confirmed their identity (default false). */
  readonly identityVerified?: boolean
  /** The right to use the account and the funds is confirmed (default false). */
  readonly ownershipVerified?: boolean
  /** Fee-schedule key for a termination payout (default: the schedule's default rule). */
  readonly payoutMethod?: string
}

/** An order paid from the balance. */
export interface OrderSnapshot {
  readonly id: string
  readonly amount: MoneyInput
  readonly placedAt: InstantInput
  readonly status: 'active' | 'cancelled'
  /** The top-up that funded the order. */
  readonly fundedBy: { readonly topUpId: string; readonly creditedAt: InstantInput; readonly method: string }
  readonly processingFee?: MoneyInput
  readonly refunded?: MoneyInput
}

/** The customer's message. */
export interface RefundRequest {
  /** When the message arrived. */
  readonly receivedAt: InstantInput
  /** How it arrived; the policy's `writtenChannels` say which count as written. */
  readonly channel: string
  /** The order information pasted into the letter. */
  readonly orderDetails?: { readonly orderId: string }
  /** Additional data the provider asked for, and when it arrived. */
  readonly informationRequested?: { readonly items: readonly string[]; readonly providedAt?: InstantInput }
}

/** A request as read: instants in epoch ms. */
export interface ReadRequest {
  readonly receivedAt: EpochMs
  readonly channel: string
  readonly orderId: string | undefined
  readonly informationItems: readonly string[]
  readonly providedAt: EpochMs | undefined
}

/**
 * The elements of an array of at most `max`, each read once, or `undefined`
 * for anything else: a proxy's traps (revoked, throwing, a `length` that is
 * not a number) make it "not such an array" rather than a crash.
 */
function readList(value: unknown, max: number): unknown[] | undefined {
  try {
    if (!Array.isArray(value)) return undefined
    const length: unknown = value.length
    if (typeof length !== 'number' || !(length <= max)) return undefined
    const list: unknown[] = []
    for (let i = 0; i < length; i++) list.push(value[i])
    return list
  } catch {
    return undefined
  }
}

const MAX_TEXT = 256
const MAX_ITEMS = 100

/**
 * A collecting reader: each method reads one field of a source object and
 * returns its value, or a placeholder after recording an issue; `finish()`
 * throws them all at once. Values read before `finish()` returns are only
 * trusted after it.
 *
 * A field is named by its source object, its key and the object's path
 * (`reader.text(topUp, 'id', 'topUp')` reads `topUp.id`). The field's path is
 * joined only where it is needed: for an issue, or for a parser that names
 * the field in its own. A source that is `undefined` (missing or invalid,
 * already reported) has no fields, so each required one is reported missing.
 *
 * A class rather than an object of closures: one reader is made per
 * evaluation, and twenty fresh closures each time were a measurable share of
 * a decision (issue #4). It holds no state beyond one evaluation.
 */
export class InputReader {
  private readonly issues: RefundRulesIssue[] = []
  /** The evaluation's currency: set by the first amount read. */
  private currency: string | undefined

  private record(error: unknown): void {
    if (!(error instanceof RefundRulesError)) throw error
    for (const issue of error.issues) this.issues.push(issue)
  }

  private issue(code: ErrorCode, path: string, message: string): void {
    this.issues.push({ code, path, message })
  }

  private invalid(path: string, what: string, value: unknown): never {
    this.issue('INVALID_INPUT', path, expected(what, value))
    return undefined as never
  }

  /** Reads `source[key]` once, turning a throwing getter into an issue. */
  private field(source: object | undefined, key: string, parent: string): unknown {
    if (source === undefined) return undefined
    try {
      return (source as Record<string, unknown>)[key]
    } catch {
      this.issue('INVALID_INPUT', joinPath(parent, key), 'could not be read (its getter threw)')
      return undefined
    }
  }

  /** A value that must be a plain object (not null, not an array): the input an evaluation starts from. */
  root(value: unknown, path: string): object | undefined {
    return isRecord(value) ? value : this.invalid(path, 'an object', value)
  }

  /** A plain object (not null, not an array); `undefined` when it is not one, or is `optional` and absent. */
  object(source: object | undefined, key: string, parent: string, optional = false): object | undefined {
    const value = this.field(source, key, parent)
    if (value === undefined && optional) return undefined
    return isRecord(value) ? value : this.invalid(joinPath(parent, key), 'an object', value)
  }

  text(source: object | undefined, key: string, parent: string): string {
    return this.asText(this.field(source, key, parent), parent, key)
  }

  optionalText(source: object | undefined, key: string, parent: string): string | undefined {
    const value = this.field(source, key, parent)
    return value === undefined ? undefined : this.asText(value, parent, key)
  }

  /** `true` or `false`, absent meaning `false`. */
  flag(source: object | undefined, key: string, parent: string): boolean {
    const value = this.field(source, key, parent)
    if (value === undefined) return false
    if (typeof value === 'boolean') return value
    return this.invalid(joinPath(parent, key), 'true or false', value)
  }

  instant(source: object | undefined, key: string, parent: string): EpochMs {
    return this.asInstant(this.field(source, key, parent), joinKnownKey(parent, key))
  }

  optionalInstant(source: object | undefined, key: string, parent: string): EpochMs | undefined {
    const value = this.field(source, key, parent)
    return value === undefined ? undefined : this.asInstant(value, joinKnownKey(parent, key))
  }

  /** Money in the evaluation's currency: the first amount read sets it, later ones must match. */
  money(source: object | undefined, key: string, parent: string): Money {
    return this.asMoney(this.field(source, key, parent), joinKnownKey(parent, key), false)
  }

  /** Money that may be negative (a balance), in the evaluation's currency. */
  signedMoney(source: object | undefined, key: string, parent: string): Money {
    return this.asMoney(this.field(source, key, parent), joinKnownKey(parent, key), true)
  }

  optionalMoney(source: object | undefined, key: string, parent: string): Money | undefined {
    const value = this.field(source, key, parent)
    return value === undefined ? undefined : this.asMoney(value, joinKnownKey(parent, key), false)
  }

  oneOf<T extends string>(source: object | undefined, key: string, parent: string, allowed: readonly T[]): T {
    const value = this.field(source, key, parent)
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T
    return this.invalid(joinPath(parent, key), allowed.map((a) => `'${a}'`).join(' or '), value)
  }

  /** The request at `input.request` (SPEC §1): its instants, channel, order details and requested information. */
  request(input: object | undefined): ReadRequest {
    const request = this.object(input, 'request', '')
    const receivedAt = this.instant(request, 'receivedAt', 'request')
    const channel = this.text(request, 'channel', 'request')
    const details = this.object(request, 'orderDetails', 'request', true)
    const orderId = details && this.text(details, 'orderId', 'request.orderDetails')
    const info = this.object(request, 'informationRequested', 'request', true)
    let informationItems: string[] = []
    let providedAt: EpochMs | undefined
    if (info !== undefined) {
      const items = this.field(info, 'items', 'request.informationRequested')
      const list = readList(items, MAX_ITEMS)
      if (list !== undefined) {
        informationItems = list.map((item, i) => this.asText(item, 'request.informationRequested.items', i))
      } else {
        this.invalid('request.informationRequested.items', `an array of at most ${MAX_ITEMS} strings`, items)
      }
      providedAt = this.optionalInstant(info, 'providedAt', 'request.informationRequested')
    }
    return { receivedAt, channel, orderId, informationItems, providedAt }
  }

  /** Records that two valid fields contradict each other. */
  inconsistent(path: string, message: string): void {
    this.issue('INCONSISTENT_INPUT', path, message)
  }

  /** Throws every issue recorded so far, if any. */
  finish(): void {
    throwIssues(this.issues)
  }

  hasIssues(): boolean {
    return this.issues.length > 0
  }

  /** `value` if it is a short non-empty string; the path (`parent.key` or `parent[key]`) is joined only for an issue. */
  private asText(value: unknown, parent: string, key: string | number): string {
    if (typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT) return value
    return this.invalid(joinPath(parent, key), `a non-empty string of at most ${MAX_TEXT} characters`, value)
  }

  private asInstant(value: unknown, path: string): EpochMs {
    try {
      return parseInstant(value, path)
    } catch (error) {
      this.record(error)
      return undefined as never
    }
  }

  private asMoney(value: unknown, path: string, allowNegative: boolean): Money {
    try {
      const money = parseMoney(value, path, { allowNegative, currency: this.currency })
      this.currency = money.currency
      return money
    } catch (error) {
      this.record(error)
      return undefined as never
    }
  }
}
