/**
 * Policy versions with effective dates (SPEC §8): a decision is made under
 * the version in force at the clause's event — the first letter's
 * `receivedAt` for a request, `now` for inactivity — so that a request sent
 * before a policy change is judged by the rules it was sent under.
 */
import {
  expected,
  isRecord,
  isRefundRulesError,
  joinPath,
  type RefundRulesIssue,
  refundRulesError,
  throwIssues,
  unreadable,
} from '../errors.js'
import { type EpochMs, formatInstant, type InstantInput, parseInstant } from '../time/instant.js'
import { type CompiledPolicy, compilePolicy, type Policy, type PolicyOptions } from './settings.js'

/** One version of a policy and the instant it takes effect, as {@link createPolicyHistory} takes it. */
export interface PolicyVersionInput {
  /** The first instant the version governs. */
  readonly effectiveFrom: InstantInput
  /** The version's settings: options or a policy made by `createPolicy`. */
  readonly policy: Policy | PolicyOptions
}

/** One version of a {@link PolicyHistory}: its first instant (UTC ISO) and its validated settings. */
export interface PolicyVersion {
  readonly effectiveFrom: string
  readonly policy: Policy
}

/** The versions of one policy, compiled: each version's first instant, and the policy its decisions name. */
interface CompiledHistory {
  readonly starts: readonly EpochMs[]
  readonly policies: readonly CompiledPolicy[]
}

/** Whatever an evaluation accepts as its policy: settings, a policy, or a history of versions. */
export type PolicySource = Policy | PolicyOptions | PolicyHistory

/** Set by {@link PolicyHistory}'s static block: its constructor stays private, with no public factory on the class. */
let makeHistory: (versions: readonly PolicyVersion[], compiled: CompiledHistory) => PolicyHistory

/**
 * The versions of one policy in the order they took effect, made by
 * {@link createPolicyHistory}. Accepted wherever a policy is. The class is
 * exported for `PolicyHistory.is` and as a type; it has no public constructor.
 *
 * @example
 * const history = createPolicyHistory([{ effectiveFrom: '2026-01-01T00:00:00Z', policy: {} }])
 * PolicyHistory.is(history) // => true
 * PolicyHistory.is({ versions: [] }) // => false
 */
export class PolicyHistory {
  /** The compiled versions: private, so a history is recognised by one brand check (`#compiled in value`). */
  readonly #compiled: CompiledHistory
  /** The policy id every version shares. */
  readonly id: string
  /** The versions, oldest first. */
  readonly versions: readonly PolicyVersion[]

  /** Made by {@link createPolicyHistory} only, which validates the versions. */
  private constructor(versions: readonly PolicyVersion[], compiled: CompiledHistory) {
    this.id = (versions[0] as PolicyVersion).policy.id
    this.versions = versions
    this.#compiled = compiled
    Object.freeze(this)
  }

  /**
   * Whether `value` is a history made by this copy of the library. A private
   * brand check: it calls no user code (not even a proxy's traps), and it is
   * the one test a decision under a plain policy pays for histories.
   */
  static is(value: unknown): value is PolicyHistory {
    return typeof value === 'object' && value !== null && #compiled in value
  }

  static {
    // The one way to make a history, kept in this module: only createPolicyHistory, which validates, calls it.
    makeHistory = (versions, compiled) => new PolicyHistory(versions, compiled)
  }

  /**
   * @internal
   * The version in force at `at` (the event read at `path`), compiled, its
   * reference naming `effectiveFrom`. An instant before the first version is
   * `INVALID_POLICY`: no rules were in force.
   */
  static versionAt(history: PolicyHistory, at: EpochMs, path: string): CompiledPolicy {
    const { starts, policies } = history.#compiled
    // Histories hold a handful of versions: a scan from the newest is as fast as a search.
    for (let i = starts.length - 1; i >= 0; i--) {
      if (at >= (starts[i] as EpochMs)) return policies[i] as CompiledPolicy
    }
    throw refundRulesError(
      'INVALID_POLICY',
      path,
      `is ${formatInstant(at)}, before the first version of policy ${JSON.stringify(history.id)} took effect (${history.versions[0]?.effectiveFrom})`,
    )
  }

  /** @internal Every version, compiled, with the instant it takes effect: for the window helpers and quotes. */
  static compiledVersions(history: PolicyHistory): CompiledHistory {
    return history.#compiled
  }
}

/**
 * Makes a history of one policy's versions, each with the instant it takes
 * effect, oldest first. Evaluations accept it wherever they accept a policy
 * and decide under the version in force at the clause's event: the first
 * letter's `receivedAt` for the three request clauses, `now` for inactivity;
 * the decision names `policy.version` and `policy.effectiveFrom`.
 *
 * Throws `INVALID_POLICY` for: no versions, an invalid `effectiveFrom` or
 * policy (every such problem at once, at paths like
 * `versions[1].policy.calendar.timeZone`), then for versions out of order or
 * at the same instant, of different policy ids, or one version string twice.
 * An event before the first version is `INVALID_POLICY` when evaluating.
 *
 * @example
 * const history = createPolicyHistory([
 *   { effectiveFrom: '2026-01-01T00:00:00Z', policy: { version: '2026-01' } },
 *   { effectiveFrom: '2026-12-01T00:00:00Z', policy: { version: '2026-12', topUpRefundWindowHours: 24 } },
 * ])
 * history.versions[1]?.policy.topUpRefundWindowHours // => 24
 */
export function createPolicyHistory(versions: readonly PolicyVersionInput[]): PolicyHistory {
  try {
    return historyOf(versions)
  } catch (error) {
    if (isRefundRulesError(error)) throw error
    // A proxy whose traps throw, as the list itself: a bad policy, not a crash (SPEC §7.6).
    throw refundRulesError('INVALID_POLICY', 'versions', unreadable(error))
  }
}

// A policy changes a few times a year; a list this long is not a history, and its checks would cost.
const MAX_VERSIONS = 1_000

function historyOf(versions: readonly PolicyVersionInput[]): PolicyHistory {
  if (!Array.isArray(versions) || versions.length === 0 || versions.length > MAX_VERSIONS) {
    throw refundRulesError(
      'INVALID_POLICY',
      'versions',
      expected(`an array of 1 to ${MAX_VERSIONS} { effectiveFrom, policy }`, versions),
    )
  }
  const issues: RefundRulesIssue[] = []
  const read: { start: EpochMs; compiled: CompiledPolicy }[] = []
  versions.forEach((entry: unknown, index) => {
    const path = joinPath('versions', index)
    if (!isRecord(entry)) {
      issues.push({ code: 'INVALID_POLICY', path, message: expected('an object { effectiveFrom, policy }', entry) })
      return
    }
    // A misspelt key must not be ignored, as in a policy's settings (SPEC §3).
    for (const key of Object.keys(entry)) {
      if (key !== 'effectiveFrom' && key !== 'policy') {
        issues.push({
          code: 'INVALID_POLICY',
          path: joinPath(path, key),
          message: 'is not a part of a version (effectiveFrom, policy)',
        })
      }
    }
    const start = readPart(issues, `${path}.effectiveFrom`, () =>
      parseInstant(own(entry, 'effectiveFrom'), `${path}.effectiveFrom`),
    )
    const compiled = readPart(issues, `${path}.policy`, () => compilePolicy(own(entry, 'policy') as Policy))
    if (start !== undefined && compiled !== undefined) read.push({ start, compiled })
  })
  throwIssues(issues)
  read.forEach(({ start, compiled }, index) => {
    const path = joinPath('versions', index)
    const previous = read[index - 1]
    if (previous !== undefined && start <= previous.start) {
      issues.push({
        code: 'INVALID_POLICY',
        path: `${path}.effectiveFrom`,
        message: `${start === previous.start ? 'is the same instant as' : 'is before'} versions[${index - 1}].effectiveFrom (${formatInstant(previous.start)}): versions take effect one after another, oldest first`,
      })
    }
    const first = (read[0] as (typeof read)[number]).compiled.settings
    if (compiled.settings.id !== first.id) {
      issues.push({
        code: 'INVALID_POLICY',
        path: `${path}.policy.id`,
        message: `is ${JSON.stringify(compiled.settings.id)}, not ${JSON.stringify(first.id)}: a history holds the versions of one policy`,
      })
    }
    const twin = read.findIndex((other) => other.compiled.settings.version === compiled.settings.version)
    if (twin < index) {
      issues.push({
        code: 'INVALID_POLICY',
        path: `${path}.policy.version`,
        message: `is ${JSON.stringify(compiled.settings.version)} again (as versions[${twin}]): each version needs its own name`,
      })
    }
  })
  throwIssues(issues)
  const policies = read.map(({ start, compiled }) => ({
    ...compiled,
    // The decision names the version and when it took effect (SPEC §8), beside whatever the policy's reference holds.
    reference: Object.freeze({ ...compiled.reference, effectiveFrom: formatInstant(start) }),
  }))
  return makeHistory(
    Object.freeze(
      read.map(({ start, compiled }) =>
        Object.freeze({ effectiveFrom: formatInstant(start), policy: compiled.settings }),
      ),
    ),
    Object.freeze({ starts: Object.freeze(read.map((v) => v.start)), policies: Object.freeze(policies) }),
  )
}

/** An own property of a version entry (a getter that throws is reported by {@link readPart}). */
const own = (entry: object, key: string): unknown =>
  Object.hasOwn(entry, key) ? (entry as Record<string, unknown>)[key] : undefined

/**
 * Reads one part of a version at `path`, collecting its issues as
 * `INVALID_POLICY`: a policy's own paths (`calendar.timeZone`) are put under
 * `path`; anything else thrown (a getter) is an issue at `path`.
 */
function readPart<T>(issues: RefundRulesIssue[], path: string, read: () => T): T | undefined {
  try {
    return read()
  } catch (error) {
    if (!isRefundRulesError(error)) {
      issues.push({ code: 'INVALID_POLICY', path, message: unreadable(error) })
      return undefined
    }
    const policyPaths = path.endsWith('.policy')
    for (const issue of error.issues) {
      const at = !policyPaths ? issue.path : issue.path === 'policy' ? path : `${path}.${issue.path}`
      issues.push({ code: 'INVALID_POLICY', path: at, message: issue.message })
    }
    return undefined
  }
}

/** A window of the rules: when it opens, how long it lasts, and the input path its end is computed from. */
export interface RuleWindow {
  readonly start: EpochMs
  readonly ms: number
  readonly path: string
}

/**
 * The last instant a request is in time (SPEC §4: `receivedAt − start ≤
 * window`), as a UTC ISO string. Under a plain policy, the window's end;
 * under a history, each version governs the requests received while it is in
 * force, so a version that shortens the window can close it earlier than the
 * version in force when it opened. When no instant at all is in time, the
 * end of the window of the version in force when it opened.
 *
 * @example
 * lastInstantInTime(compilePolicy(createPolicy()), (p) => ({ start: 0, ms: p.windowMs.topUp, path: 'topUp.creditedAt' }))
 */
export function lastInstantInTime(
  policy: CompiledPolicy | PolicyHistory,
  windowOf: (policy: CompiledPolicy) => RuleWindow,
): string {
  if (!PolicyHistory.is(policy)) {
    const window = windowOf(policy)
    return formatInstant(window.start + window.ms, window.path)
  }
  const { starts, policies } = PolicyHistory.compiledVersions(policy)
  let last: RuleWindow | undefined
  let lastEnd = -1
  let opened: RuleWindow | undefined
  for (let i = 0; i < policies.length; i++) {
    const window = windowOf(policies[i] as CompiledPolicy)
    const next = starts[i + 1]
    // Requests received while version i is in force and not before the window opens.
    const from = Math.max(starts[i] as EpochMs, window.start)
    const until = next === undefined ? window.start + window.ms : Math.min(window.start + window.ms, next - 1)
    if (opened === undefined && (next === undefined || window.start < next)) opened = window
    if (from <= until && until > lastEnd) {
      last = window
      lastEnd = until
    }
  }
  if (last !== undefined) return formatInstant(lastEnd, last.path)
  const closed = opened as RuleWindow
  return formatInstant(closed.start + closed.ms, closed.path)
}
