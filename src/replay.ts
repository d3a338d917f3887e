/**
 * Replay (SPEC §8): would the library decide a stored input the same way
 * today? After an upgrade of the library, of the holiday data or of the
 * policy, an auditor re-evaluates what was stored beside each decision and
 * sees exactly which fields would now come out differently.
 */
import { EVALUATORS } from './clauses/evaluate.js'
import type { ClauseId, Decision } from './decision.js'
import {
  describeReceived,
  expected,
  isRecord,
  isRefundRulesError,
  joinPath,
  refundRulesError,
  unreadable,
} from './errors.js'
import type { PolicySource } from './policy/history.js'

/** One field whose recorded and replayed values differ; a side is left out where the decision lacks the field. */
export interface ReplayDifference {
  /** Where in the decision: `outcome`, `amounts.net`, `reasons[1].code`. */
  readonly path: string
  /** The stored decision's value (a non-JSON value is described in words). */
  readonly recorded?: unknown
  /** The value the library decides now. */
  readonly replayed?: unknown
}

/** The result of {@link replay}: `same` when no field differs. */
export interface ReplayResult {
  readonly same: boolean
  readonly differences: readonly ReplayDifference[]
  /** The decision the library makes now. */
  readonly replayed: Decision
}

// A decision the library makes is a few levels deep with a few dozen fields; a forged one is refused before it costs.
const MAX_DEPTH = 8
const MAX_FIELDS = 2_000

/**
 * Re-evaluates `input` (what was stored beside `decision`: the evaluation's
 * input, `now` included) under the clause `decision` names and compares the
 * result with `decision` field by field. `same` is `true` exactly when every
 * field agrees; otherwise `differences` lists each one by path
 * (`amounts.net`, `reasons[1].code`). Pass the policy or history the
 * decision was made under (default: the published policy): a different one
 * shows up as differences too, `policy.version` first.
 *
 * `decision` is untrusted data (read back from a database): own properties
 * only; a value that is not a decision of a known clause, or too large or
 * deep to be one, is a `RefundRulesError`. An input the library now refuses
 * throws its `RefundRulesError`, as `evaluate` would.
 *
 * @example
 * const input = {
 *   account: { id: 'a1', balance: { amount: '0', currency: 'EUR' }, lastActivityAt: '2026-01-31T12:00:00Z' },
 *   now: '2026-11-26T12:00:00Z',
 * }
 * const stored = JSON.parse(JSON.stringify(evaluateInactivity(input)))
 * replay(input, stored).same // => true
 * replay(input, { ...stored, outcome: 'deactivated' }).differences
 * // => [{ path: 'outcome', recorded: 'deactivated', replayed: 'active' }]
 */
export function replay(input: unknown, decision: unknown, policy?: PolicySource): ReplayResult {
  const replayed = EVALUATORS[clauseOf(decision)](input as never, policy)
  let recorded: Map<string, unknown>
  try {
    recorded = leaves(decision, { limit: MAX_FIELDS })
  } catch (error) {
    if (isRefundRulesError(error)) throw error
    throw refundRulesError('INVALID_INPUT', 'decision', unreadable(error))
  }
  const now = leaves(replayed, { limit: Number.POSITIVE_INFINITY })
  const differences: ReplayDifference[] = []
  for (const [path, value] of now) {
    if (!recorded.has(path)) differences.push({ path, replayed: value })
    else if (!Object.is(recorded.get(path), value))
      differences.push({ path, recorded: recorded.get(path), replayed: value })
  }
  for (const [path, value] of recorded) if (!now.has(path)) differences.push({ path, recorded: value })
  return Object.freeze({ same: differences.length === 0, differences: Object.freeze(differences), replayed })
}

/** The clause a stored decision names: the one field replay must trust to know what to re-evaluate. */
function clauseOf(decision: unknown): ClauseId {
  let clause: unknown
  try {
    if (!isRecord(decision)) throw refundRulesError('INVALID_INPUT', 'decision', expected('a decision', decision))
    clause = Object.hasOwn(decision, 'clause') ? (decision as { clause?: unknown }).clause : undefined
  } catch (error) {
    if (isRefundRulesError(error)) throw error
    throw refundRulesError('INVALID_INPUT', 'decision', unreadable(error))
  }
  if (typeof clause === 'string' && Object.hasOwn(EVALUATORS, clause)) return clause as ClauseId
  throw refundRulesError(
    'INVALID_INPUT',
    'decision.clause',
    expected(`one of ${Object.keys(EVALUATORS).join(', ')}`, clause),
  )
}

/**
 * The leaves of a decision by path (`amounts.net`, `reasons[1].code`), in
 * the order of its fields. An empty array or object is a leaf of its own;
 * a recorded value that is not JSON data is described in words. Own
 * enumerable properties only; more than `limit` fields, or deeper than any
 * decision, is refused.
 */
function leaves(value: unknown, budget: { limit: number }): Map<string, unknown> {
  const found = new Map<string, unknown>()
  const walk = (node: unknown, path: string, depth: number): void => {
    if (--budget.limit < 0 || depth > MAX_DEPTH) tooLarge(path)
    if (Array.isArray(node)) {
      // Checked before the loop: a forged `length` of 2^32 − 1 is refused, not walked.
      if (node.length > budget.limit) tooLarge(path)
      if (node.length === 0) found.set(path, EMPTY_ARRAY)
      for (let i = 0; i < node.length; i++) walk(node[i], joinPath(path, i), depth + 1)
    } else if (isRecord(node)) {
      const keys = Object.keys(node)
      if (keys.length > budget.limit) tooLarge(path)
      if (keys.length === 0) found.set(path, EMPTY_OBJECT)
      for (const key of keys) walk((node as Record<string, unknown>)[key], joinPath(path, key), depth + 1)
    } else {
      found.set(path, shown(node))
    }
  }
  walk(value, '', 0)
  return found
}

function tooLarge(path: string): never {
  throw refundRulesError('INVALID_INPUT', path === '' ? 'decision' : `decision.${path}`, 'is larger than any decision')
}

// One value for every empty array and one for every empty object: two empty leaves of a kind are the same leaf.
const EMPTY_ARRAY: readonly never[] = Object.freeze([])
const EMPTY_OBJECT: Readonly<Record<string, never>> = Object.freeze({})

// A message is a sentence or two; a longer recorded string is described, not echoed whole.
const MAX_SHOWN_CHARS = 2_000

/** A recorded leaf as a difference shows it: JSON data as it is, anything else (a function, a huge string) in words. */
function shown(value: unknown): unknown {
  if (typeof value === 'string') return value.length > MAX_SHOWN_CHARS ? describeReceived(value) : value
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value
  return describeReceived(value)
}
