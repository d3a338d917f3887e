/**
 * Running a clause: one evaluation of untrusted input on a compiled policy,
 * and the reasons a decision collects on the way (SPEC §5, §6).
 */
import {
  CLAUSE_TITLES,
  type ClauseId,
  type Decision,
  type DecisionBase,
  freezeDecision,
  type Outcome,
  type Reason,
  type ReasonCode,
  type RequirementCode,
} from '../decision.js'
import { isRefundRulesError, refundRulesError, unreadable } from '../errors.js'
import { type Fields, Reader } from '../inputs.js'
import { ctrGroupPolicy } from '../policy/presets.js'
import { type CompiledPolicy, compilePolicy, type Policy, type PolicyOptions } from '../policy/settings.js'
import { type EpochMs, formatInstant } from '../time/instant.js'

/** What one kind of evaluation reads and decides: `root` names its input in issues. */
export interface ClauseRun<T> {
  /** `'input'` for an evaluation (its fields are `topUp`, `now`…); a snapshot's name (`'topUp'`) for a helper. */
  readonly root: string
  readonly decide: (input: Fields, policy: CompiledPolicy) => T
}

/**
 * Runs one evaluation of untrusted `input`: compiles the policy
 * (`ctrGroupPolicy` by default; a cache hit for a created policy), makes a
 * fresh {@link Reader} and hands `run.decide` the input's fields. Nothing but
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
export function runClause<T>(run: ClauseRun<T>, input: unknown, policy: Policy | PolicyOptions | undefined): T {
  try {
    const compiled = compilePolicy(policy ?? ctrGroupPolicy)
    const root = run.root
    const reader = new Reader('INVALID_INPUT', compiled.settings.currencies)
    return run.decide(reader.at(input, root, root === 'input' ? '' : root), compiled)
  } catch (error) {
    if (isRefundRulesError(error)) throw error
    throw refundRulesError('INVALID_INPUT', 'input', unreadable(error))
  }
}

/** The citation each reason's message ends with, e.g. ` (REFUND UPON TERMINATION OF USE)`: made once, not per reason. */
const CITATIONS = Object.fromEntries(
  Object.entries(CLAUSE_TITLES).map(([clause, title]) => [clause, ` (${title})`]),
) as Readonly<Record<ClauseId, string>>

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
  private readonly rejections: Reason[] = []
  private readonly notes: Reason[] = []
  private readonly needs: Reason[] = []
  private readonly requirements: RequirementCode[] = []

  constructor(
    readonly clause: C,
    private readonly now: EpochMs,
    /** The policy the decision is made under. */
    readonly policy: CompiledPolicy,
  ) {}

  private reason(code: ReasonCode, message: string): Reason {
    return Object.freeze({ code, clause: this.clause, message: message + CITATIONS[this.clause] })
  }

  /** Whether some rule rejected the request (SPEC §5: rejection comes first). */
  get rejected(): boolean {
    return this.rejections.length > 0
  }

  /** Rejects the request, saying why. */
  reject(code: ReasonCode, message: string): void {
    this.rejections.push(this.reason(code, message))
  }

  /** Explains an outcome that is not a rejection; left out of a rejected decision. */
  note(code: ReasonCode, message: string): void {
    this.notes.push(this.reason(code, message))
  }

  /** Adds something the customer must still send (`needs-information` unless rejected). */
  require(code: RequirementCode, message: string): void {
    this.requirements.push(code)
    this.needs.push(this.reason(code, message))
  }

  /** SPEC §5 precedence: rejected, then needs-information, then the clause's positive outcome. */
  outcome<P extends Outcome>(positive: P): 'rejected' | 'needs-information' | P {
    return this.rejected ? 'rejected' : this.requirements.length > 0 ? 'needs-information' : positive
  }

  /**
   * The decision of type `D` with `outcome`, of the common fields (reasons,
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
    const rejected = outcome === 'rejected'
    const explained = rejected ? this.rejections : this.notes
    const decision: Record<string, unknown> = {
      clause: this.clause,
      outcome,
      reasons: Object.freeze(this.needs.length === 0 ? explained : explained.concat(this.needs)),
      requirements: outcome === 'needs-information' ? Object.freeze(this.requirements) : NO_REQUIREMENTS,
      evaluatedAt: formatInstant(this.now),
      policy: this.policy.reference,
    }
    // Absent parts are left out, not `undefined`: a decision is JSON-safe (SPEC §6).
    const { amounts, dates, settlement } = parts as { amounts?: unknown; dates?: unknown; settlement?: unknown }
    if (amounts !== undefined) decision.amounts = amounts
    if (dates !== undefined) decision.dates = dates
    if (settlement !== undefined) decision.settlement = settlement
    // Built field by field above; its type is D by construction, and the parts were checked against D.
    return freezeDecision(decision as D)
  }
}

/** The fields of a decision type that its clause supplies: all but the common ones. */
export type DecisionParts<D extends Decision> = Omit<D, keyof DecisionBase<ClauseId, Outcome>>
