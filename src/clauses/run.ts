/**
 * Running a clause: one evaluation of untrusted input on a compiled policy,
 * and the reasons a decision collects on the way (SPEC §5, §6).
 */
import {
  type AmountParam,
  CLAUSE_TITLES,
  type ClauseId,
  type Decision,
  type DecisionBase,
  type DecisionSubjects,
  freezeDecision,
  type NoParams,
  type Outcome,
  type Reason,
  type ReasonCode,
  type ReasonOf,
  type ReasonParams,
  type RequirementCode,
} from '../decision.js'
import { isRefundRulesError, type RefundRulesError, refundRulesError, unreadable } from '../errors.js'
import { type InputFields, InputReader } from '../inputs.js'
import { formatMoney, type Money } from '../money/amount.js'
import { lastInstantInTime, PolicyHistory, type PolicySource, type RuleWindow } from '../policy/history.js'
import { ctrGroupPolicy } from '../policy/presets.js'
import { type CompiledPolicy, compilePolicy } from '../policy/settings.js'
import { type EpochMs, formatInstant } from '../time/instant.js'

/** What one kind of evaluation reads and decides: `root` names its input in issues. */
export interface ClauseRun<T> {
  /** `'input'` for an evaluation (its fields are `topUp`, `now`…); a snapshot's name (`'topUp'`) for a helper. */
  readonly root: string
  readonly decide: (input: InputFields, policy: CompiledPolicy) => T
  /**
   * The clause's event, whose instant picks the version in force from a
   * policy history (SPEC §8): the first letter's `receivedAt`, or `now`.
   */
  readonly event?: 'request.receivedAt' | 'now'
}

/**
 * Runs one evaluation of untrusted `input`: compiles the policy
 * (`ctrGroupPolicy` by default; a cache hit for a created policy), makes a
 * fresh {@link InputReader} and hands `run.decide` the input's fields. Nothing but
 * a `RefundRulesError` escapes (SPEC §7.6): a proxy or getter that throws
 * something odd while being read, or a stack overflow on a pathological
 * input, becomes `INVALID_INPUT`.
 *
 * `run` is a module-level constant rather than a closure made per call: the
 * clauses' hot path makes no closures.
 *
 * @example
 * const CLOSES_AT: ClauseRun<number> = {
 *   root: 'topUp',
 *   decide: (topUp, policy) => {
 *     const creditedAt = topUp.instant('creditedAt')
 *     topUp.reader.finish()
 *     return creditedAt + policy.windowMs.topUp
 *   },
 * }
 * runClause(CLOSES_AT, { creditedAt: '2026-11-20T10:00:00Z' }, undefined) // => 1795341600000
 */
export function runClause<T>(run: ClauseRun<T>, input: unknown, policy: PolicySource | undefined): T {
  try {
    // One brand check on the hot path: a plain policy goes straight to its compiled form.
    const compiled = PolicyHistory.is(policy)
      ? versionInForce(run, input, policy)
      : compilePolicy(policy ?? ctrGroupPolicy)
    const root = run.root
    const reader = new InputReader('INVALID_INPUT', compiled.settings.currencies)
    return run.decide(reader.at(input, root, root === 'input' ? '' : root), compiled)
  } catch (error) {
    throw asRefundRulesError(error)
  }
}

/** SPEC §7.6: nothing but a `RefundRulesError` escapes; anything else thrown while reading is `INVALID_INPUT`. */
function asRefundRulesError(error: unknown): RefundRulesError {
  return isRefundRulesError(error) ? error : refundRulesError('INVALID_INPUT', 'input', unreadable(error))
}

/**
 * The version of `history` in force at the clause's event (SPEC §8). The
 * event is read on its own first; when it cannot be read, the first version
 * stands in, and the clause's reading reports the event with every other
 * problem of the input.
 */
function versionInForce(run: ClauseRun<unknown>, input: unknown, history: PolicyHistory): CompiledPolicy {
  const event = run.event ?? 'now'
  const reader = new InputReader('INVALID_INPUT')
  const fields = reader.at(input, 'input', '')
  const now = fields.instant('now')
  // A letter stamped after `now` is read as `now` (clock skew) or refused as inconsistent: either way, at `now`.
  const at = event === 'now' ? now : Math.min(fields.object('request').instant('receivedAt'), now)
  if (reader.hasIssues()) return PolicyHistory.compiledVersions(history).policies[0] as CompiledPolicy
  return PolicyHistory.versionAt(history, at, event)
}

/**
 * What a window helper reads of a snapshot (`root`) and the window each
 * policy gives it: the anchors are read once, the window per version.
 */
export interface WindowRun<A> {
  readonly root: string
  readonly read: (snapshot: InputFields) => A
  readonly window: (anchors: A, policy: CompiledPolicy) => RuleWindow
}

/**
 * Runs a window helper on untrusted `snapshot`: the last instant a request
 * is in time, under a policy or a history of versions (see
 * {@link lastInstantInTime}). Nothing but a `RefundRulesError` escapes.
 *
 * @example
 * const TOP_UP: WindowRun<number> = {
 *   root: 'topUp',
 *   read: (topUp) => topUp.instant('creditedAt'),
 *   window: (creditedAt, policy) => ({ start: creditedAt, ms: policy.windowMs.topUp, path: 'topUp.creditedAt' }),
 * }
 * runWindow(TOP_UP, { creditedAt: '2026-11-20T10:00:00Z' }, undefined) // => '2026-11-22T10:00:00.000Z'
 */
export function runWindow<A>(run: WindowRun<A>, snapshot: unknown, policy: PolicySource | undefined): string {
  try {
    const source = PolicyHistory.is(policy) ? policy : compilePolicy(policy ?? ctrGroupPolicy)
    const fields = new InputReader('INVALID_INPUT').at(snapshot, run.root)
    const anchors = run.read(fields)
    fields.reader.finish()
    return lastInstantInTime(source, (version) => run.window(anchors, version))
  } catch (error) {
    throw asRefundRulesError(error)
  }
}

/** The citation each reason's message ends with, e.g. ` (REFUND UPON TERMINATION OF USE)`: made once, not per reason. */
const CITATIONS = Object.fromEntries(
  Object.entries(CLAUSE_TITLES).map(([clause, title]) => [clause, ` (${title})`]),
) as Readonly<Record<ClauseId, string>>

/** `list` with `item` added; a new list for the first item. */
function append<T>(list: T[] | undefined, item: T): T[] {
  if (list === undefined) return [item]
  list.push(item)
  return list
}

/** Shared by every decision without requirements: frozen, so sharing it is safe, and one freeze fewer per decision. */
const NO_REQUIREMENTS: readonly RequirementCode[] = Object.freeze([])

/**
 * The reasons of one decision and what makes them a decision. A clause adds
 * them rule by rule in the order of the policy text; a decision lists them in
 * SPEC §5's order whatever that was: what rejects the request, then what
 * explains an outcome that is not a rejection, then what the customer must
 * still send. Each group keeps the order its reasons were added in.
 * A class for the same reason as the reader: one is made per decision.
 */
export class Reasons<C extends ClauseId> {
  // `declare`d and assigned in the constructor rather than defined as class fields (ES2022 define semantics),
  // which V8 makes measurably slower for an object made once per decision. Each list is made when its first
  // reason is added: most decisions fill one or two of the five.
  declare readonly clause: C
  /** The policy the decision is made under. */
  declare readonly policy: CompiledPolicy
  declare private readonly now: EpochMs
  /** The ids of the rows decided on, frozen. */
  declare private readonly subject: DecisionSubjects[C]
  /** What each reason's message ends with: the clause's title. */
  declare private readonly citation: string
  declare private rejections: Reason[] | undefined
  declare private notes: Reason[] | undefined
  declare private needs: Reason[] | undefined
  /** How the input was read (a clock skew tolerated): listed last, whatever the outcome. */
  declare private readings: Reason[] | undefined
  declare private requirements: RequirementCode[] | undefined

  constructor(clause: C, now: EpochMs, policy: CompiledPolicy, subject: DecisionSubjects[C]) {
    this.clause = clause
    this.now = now
    this.policy = policy
    this.subject = subject
    this.citation = CITATIONS[clause]
    this.rejections = undefined
    this.notes = undefined
    this.needs = undefined
    this.readings = undefined
    this.requirements = undefined
  }

  /**
   * A frozen reason: `message` (in English, without its citation) names the
   * values in `params`, which is frozen here (its amounts and lists are
   * frozen as they are made, so the reason is frozen all through).
   */
  private reason<R extends ReasonCode>(code: R, message: string, params: ReasonParams[R]): Reason {
    Object.freeze(params)
    const reason: ReasonOf<R> = { code, clause: this.clause, message: message + this.citation, params }
    // The member of the Reason union for R: the compiler does not pick a union member by a type parameter.
    return Object.freeze(reason) as Reason
  }

  /** Whether some rule rejected the request (SPEC §5: rejection comes first). */
  get rejected(): boolean {
    return this.rejections !== undefined
  }

  /** Rejects the request, saying why in `message` and naming the values it cites in `params`. */
  reject<R extends ReasonCode>(code: R, message: string, params: ReasonParams[R]): void {
    this.rejections = append(this.rejections, this.reason(code, message, params))
  }

  /** Explains an outcome that is not a rejection; left out of a rejected decision. */
  note<R extends ReasonCode>(code: R, message: string, params: ReasonParams[R]): void {
    this.notes = append(this.notes, this.reason(code, message, params))
  }

  /** Adds something the customer must still send (`needs-information` unless rejected). */
  require<R extends RequirementCode>(code: R, message: string, params: ReasonParams[R]): void {
    this.requirements = append(this.requirements, code)
    this.needs = append(this.needs, this.reason(code, message, params))
  }

  /** Says how the input was read; kept on every outcome, a rejection included. */
  remark<R extends ReasonCode>(code: R, message: string, params: ReasonParams[R]): void {
    this.readings = append(this.readings, this.reason(code, message, params))
  }

  /** SPEC §5 precedence: rejected, then needs-information, then the clause's positive outcome. */
  outcome<P extends Outcome>(positive: P): 'rejected' | 'needs-information' | P {
    return this.rejected ? 'rejected' : this.requirements !== undefined ? 'needs-information' : positive
  }

  /**
   * The decision of type `D` with `outcome`, of the common fields (subject, reasons,
   * requirements, `evaluatedAt`, the policy reference) and the clause's own
   * `parts` (`amounts`, `dates`, `settlement`), which the compiler checks
   * against `D`; frozen. Only `needs-information` has requirements: nothing
   * is still needed once the request is rejected (the reasons still say
   * what would have been).
   *
   * The fields are assigned one by one, not spread: a spread of the common
   * fields followed by `Object.freeze` made each decision some twenty times
   * slower in V8.
   */
  decide<D extends Decision & { readonly clause: C }>(outcome: D['outcome'], parts: DecisionParts<D>): D {
    const explained = (outcome === 'rejected' ? this.rejections : this.notes) ?? []
    const { needs, readings, requirements } = this
    const reasons =
      needs === undefined && readings === undefined ? explained : explained.concat(needs ?? [], readings ?? [])
    const decision: Record<string, unknown> = {
      clause: this.clause,
      outcome,
      subject: this.subject,
      reasons: Object.freeze(reasons),
      requirements:
        outcome === 'needs-information' && requirements !== undefined ? Object.freeze(requirements) : NO_REQUIREMENTS,
      evaluatedAt: formatInstant(this.now),
      policy: this.policy.reference,
    }
    // Absent parts are left out, not `undefined`: a decision is JSON-safe (SPEC §6).
    // Own parts only: a clause that has no settlement must not pick up someone's `Object.prototype.settlement`.
    const own = parts as { amounts?: unknown; dates?: unknown; settlement?: unknown }
    if (Object.hasOwn(own, 'amounts') && own.amounts !== undefined) decision.amounts = own.amounts
    if (Object.hasOwn(own, 'dates') && own.dates !== undefined) decision.dates = own.dates
    if (Object.hasOwn(own, 'settlement') && own.settlement !== undefined) decision.settlement = own.settlement
    // Built field by field above; its type is D by construction, and the parts were checked against D.
    return freezeDecision(decision as D)
  }
}

/** Shared by every reason whose sentence names no value: frozen, so sharing it is safe. */
export const NO_PARAMS: NoParams = Object.freeze({})

/**
 * A sum of money as a reason's params name it, frozen: its amount with
 * exactly the currency's minor digits and its currency code.
 *
 * @example
 * amountParam(parseAmount('96.8', 'EUR', 'x')) // => { amount: '96.80', currency: 'EUR' }
 */
export function amountParam(money: Money): AmountParam {
  return Object.freeze({ amount: formatMoney(money), currency: money.currency })
}

/**
 * How a message writes an {@link AmountParam}: `96.80 EUR`, as `describeMoney`
 * writes the money it came from.
 *
 * @example
 * describeAmount({ amount: '96.80', currency: 'EUR' }) // => '96.80 EUR'
 */
export function describeAmount(amount: AmountParam): string {
  return `${amount.amount} ${amount.currency}`
}

/** The fields of a decision type that its clause supplies: all but the common ones. */
export type DecisionParts<D extends Decision> = Omit<D, keyof DecisionBase<ClauseId, Outcome>>
