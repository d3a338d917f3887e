/**
 * One entry point for all four clauses, and its non-throwing twin.
 */
import type {
  ClauseId,
  Decision,
  InactivityDecision,
  OrderCancellationDecision,
  TerminationDecision,
  TopUpRefundDecision,
} from '../decision.js'
import { expected, isRefundRulesError, type RefundRulesError, refundRulesError, unreadable } from '../errors.js'
import type { PolicySource } from '../policy/history.js'
import { evaluateInactivity, type InactivityInput } from './inactivity.js'
import { evaluateOrderCancellation, type OrderCancellationInput } from './order-cancellation.js'
import { evaluateTermination, type TerminationInput } from './termination.js'
import { evaluateTopUpRefund, type TopUpRefundInput } from './top-up-refund.js'

/** The input of {@link evaluate}: a clause id and that clause's input. */
export type EvaluateInput =
  | ({ readonly clause: 'top-up-refund' } & TopUpRefundInput)
  | ({ readonly clause: 'order-cancellation' } & OrderCancellationInput)
  | ({ readonly clause: 'termination' } & TerminationInput)
  | ({ readonly clause: 'inactivity' } & InactivityInput)

/** The decision type for a clause id. */
export type DecisionFor<C extends ClauseId> = C extends 'top-up-refund'
  ? TopUpRefundDecision
  : C extends 'order-cancellation'
    ? OrderCancellationDecision
    : C extends 'termination'
      ? TerminationDecision
      : InactivityDecision

/** Each clause's evaluation, by clause id: the one dispatch table (`evaluate` and `replay` use it). */
export const EVALUATORS: Readonly<Record<ClauseId, (input: never, policy?: PolicySource) => Decision>> = {
  'top-up-refund': evaluateTopUpRefund,
  'order-cancellation': evaluateOrderCancellation,
  termination: evaluateTermination,
  inactivity: evaluateInactivity,
}

function clauseOf(input: unknown): ClauseId {
  let clause: unknown
  try {
    clause = typeof input === 'object' && input !== null ? (input as { clause?: unknown }).clause : undefined
  } catch {
    throw refundRulesError('INVALID_INPUT', 'clause', 'could not be read (its getter threw)')
  }
  if (typeof clause === 'string' && Object.hasOwn(EVALUATORS, clause)) return clause as ClauseId
  throw refundRulesError('INVALID_INPUT', 'clause', expected(`one of ${Object.keys(EVALUATORS).join(', ')}`, clause))
}

/**
 * Evaluates any clause, dispatching on `input.clause` (`'top-up-refund'`,
 * `'order-cancellation'`, `'termination'`, `'inactivity'`). Throws only
 * `RefundRulesError`.
 *
 * @example
 * const decision = evaluate({
 *   clause: 'inactivity',
 *   account: { id: 'a1', balance: { amount: '0', currency: 'EUR' }, lastActivityAt: '2026-01-31T12:00:00Z' },
 *   now: '2026-11-26T12:00:00Z',
 * })
 * decision.outcome // => 'active'
 */
export function evaluate<I extends EvaluateInput>(input: I, policy?: PolicySource): DecisionFor<I['clause']> {
  return EVALUATORS[clauseOf(input)](input as never, policy) as DecisionFor<I['clause']>
}

/** The result of {@link safeEvaluate}: a decision, or the error that explains why there is none. */
export type SafeEvaluateResult<D = Decision> =
  | { readonly ok: true; readonly decision: D }
  | { readonly ok: false; readonly error: RefundRulesError }

/**
 * Like {@link evaluate}, but never throws, for any input at all: returns
 * `{ ok: true, decision }` or `{ ok: false, error }` (like zod's `safeParse`).
 *
 * @example
 * const result = safeEvaluate({ clause: 'inactivity', account: null, now: 'yesterday' })
 * if (!result.ok) console.log(result.error.issues.map((i) => i.path))
 * // ['account', 'account.id', 'account.balance', 'account.lastActivityAt', 'now']
 */
export function safeEvaluate<I extends EvaluateInput>(
  input: I,
  policy?: PolicySource,
): SafeEvaluateResult<DecisionFor<I['clause']>>
export function safeEvaluate(input: unknown, policy?: unknown): SafeEvaluateResult
export function safeEvaluate(input: unknown, policy?: unknown): SafeEvaluateResult {
  try {
    return { ok: true, decision: evaluate(input as EvaluateInput, policy as PolicySource) }
  } catch (error) {
    if (isRefundRulesError(error)) return { ok: false, error }
    return {
      ok: false,
      error: refundRulesError('INVALID_INPUT', 'input', unreadable(error, 'evaluated')),
    }
  }
}
