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
  expected,
  isRecord,
  joinKnownKey,
  joinPath,
  RefundRulesError,
  type RefundRulesIssue,
  refundRulesError,
  throwIssues,
  unreadable,
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
 * A collecting reader: each method returns the value read, or a placeholder
 * after recording an issue; `finish()` throws them all at once. Values read
 * before `finish()` returns are only trusted after it.
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

  private invalid(path: string, what: string, value: unknown): never {
    this.issues.push({ code: 'INVALID_INPUT', path, message: expected(what, value) })
    return undefined as never
  }

  /** A plain object (not null, not an array); `undefined` when it is not one. */
  object(value: unknown, path: string, optional = false): object | undefined {
    if (value === undefined && optional) return undefined
    if (isRecord(value)) return value
    this.invalid(path, 'an object', value)
    return undefined
  }

  /** Reads `source[key]` once, turning a throwing getter into an issue. */
  field(source: unknown, key: string, path: string): unknown {
    if (source === undefined) return undefined
    try {
      return (source as Record<string, unknown>)[key]
    } catch {
      this.issues.push({
        code: 'INVALID_INPUT',
        path: joinPath(path, key),
        message: 'could not be read (its getter threw)',
      })
      return undefined
    }
  }

  text(value: unknown, path: string): string {
    if (typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT) return value
    return this.invalid(path, `a non-empty string of at most ${MAX_TEXT} characters`, value)
  }

  optionalText(value: unknown, path: string): string | undefined {
    return value === undefined ? undefined : this.text(value, path)
  }

  flag(value: unknown, path: string): boolean {
    if (value === undefined) return false
    if (typeof value === 'boolean') return value
    return this.invalid(path, 'true or false', value)
  }

  instant(value: unknown, path: string): EpochMs {
    try {
      return parseInstant(value, path)
    } catch (error) {
      this.record(error)
      return undefined as never
    }
  }

  /** Money in the evaluation's currency: the first amount read sets it, later ones must match. */
  money(value: unknown, path: string, options?: { allowNegative?: boolean }): Money {
    try {
      const money = parseMoney(value, path, { allowNegative: options?.allowNegative === true, currency: this.currency })
      this.currency = money.currency
      return money
    } catch (error) {
      this.record(error)
      return undefined as never
    }
  }

  optionalMoney(value: unknown, path: string): Money | undefined {
    return value === undefined ? undefined : this.money(value, path)
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T
    return this.invalid(path, allowed.map((a) => `'${a}'`).join(' or '), value)
  }

  request(value: unknown, path: string): ReadRequest {
    const source = this.object(value, path)
    const receivedAt = this.instant(this.field(source, 'receivedAt', path), joinKnownKey(path, 'receivedAt'))
    const channel = this.text(this.field(source, 'channel', path), joinKnownKey(path, 'channel'))
    const details = this.object(this.field(source, 'orderDetails', path), joinKnownKey(path, 'orderDetails'), true)
    const orderId =
      details &&
      this.text(
        this.field(details, 'orderId', joinKnownKey(path, 'orderDetails')),
        joinKnownKey(path, 'orderDetails.orderId'),
      )
    const infoPath = joinKnownKey(path, 'informationRequested')
    const info = this.object(this.field(source, 'informationRequested', path), infoPath, true)
    let informationItems: string[] = []
    let providedAt: EpochMs | undefined
    if (info !== undefined) {
      const items = this.field(info, 'items', infoPath)
      const list = readList(items, MAX_ITEMS)
      if (list !== undefined) {
        informationItems = list.map((item, i) => this.text(item, `${infoPath}.items[${i}]`))
      } else {
        this.invalid(`${infoPath}.items`, `an array of at most ${MAX_ITEMS} strings`, items)
      }
      const provided = this.field(info, 'providedAt', infoPath)
      if (provided !== undefined) providedAt = this.instant(provided, `${infoPath}.providedAt`)
    }
    return { receivedAt, channel, orderId, informationItems, providedAt }
  }

  /** Records that two valid fields contradict each other. */
  inconsistent(path: string, message: string): void {
    this.issues.push({ code: 'INCONSISTENT_INPUT', path, message })
  }

  /** Throws every issue recorded so far, if any. */
  finish(): void {
    throwIssues(this.issues)
  }

  hasIssues(): boolean {
    return this.issues.length > 0
  }
}

/**
 * A fresh {@link InputReader} for one evaluation.
 *
 * @example
 * const reader = createInputReader()
 * const at = reader.instant('2026-11-20T10:00:00Z', 'now')
 * reader.finish() // throws every issue recorded, if any
 */
export function createInputReader(): InputReader {
  return new InputReader()
}

/**
 * Runs an evaluation so that nothing but a `RefundRulesError` escapes it
 * (SPEC §7.6): a proxy or getter that throws something odd while being read,
 * or a stack overflow on a pathological input, becomes `INVALID_INPUT`.
 *
 * @example
 * totally(() => evaluateTopUpRefund(untrusted))
 */
export function totally<T>(evaluate: () => T): T {
  try {
    return evaluate()
  } catch (error) {
    if (error instanceof RefundRulesError) throw error
    throw refundRulesError('INVALID_INPUT', 'input', unreadable(error))
  }
}
