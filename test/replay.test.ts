/**
 * Replay (SPEC §7.8, §8): a stored decision re-evaluated from its stored
 * input comes out the same, and any field changed since is reported at its path.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluate } from '../src/clauses/evaluate.js'
import { evaluateTopUpRefund } from '../src/clauses/top-up-refund.js'
import { createPolicyHistory } from '../src/policy/history.js'
import { ctrGroupPolicy } from '../src/policy/presets.js'
import { replay } from '../src/replay.js'
import { arbScenario } from '../src/testing/index.js'
import { errorOf } from './support/errors.js'

/** Scenarios of every clause under the published policy and under a random one (without holidays, for speed). */
const arbCase = fc.oneof(
  arbScenario({ policy: ctrGroupPolicy, currency: 'EUR' }),
  arbScenario({
    policy: { calendar: { timeZone: 'Europe/Berlin', holidays: false }, refundBusinessDays: 3 },
    currency: 'JPY',
  }),
)

/** Every leaf of a JSON value with its path, written as replay writes paths (the oracle walks JSON on its own). */
function leavesOf(value: unknown, path = ''): [string, string | number | boolean | null][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leavesOf(item, `${path}[${i}]`))
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => leavesOf(item, path === '' ? key : `${path}.${key}`))
  }
  return [[path, value as string | number | boolean | null]]
}

/** Sets the leaf at `path` of a JSON copy (paths as {@link leavesOf} writes them). */
function withLeaf<T>(value: T, path: string, leaf: unknown): T {
  const copy = JSON.parse(JSON.stringify(value))
  const keys = path.match(/[^.[\]]+/g) as string[]
  let node = copy
  for (const key of keys.slice(0, -1)) node = node[key]
  node[keys[keys.length - 1] as string] = leaf
  return copy
}

/** The code and path of what `run` throws. */
const paths = (run: () => unknown) => {
  const error = errorOf(run)
  return [error.code, error.path]
}

const changed = (leaf: string | number | boolean | null) =>
  typeof leaf === 'string' ? `${leaf}!` : typeof leaf === 'number' ? leaf + 1 : typeof leaf === 'boolean' ? !leaf : 0

describe('replay', () => {
  it('of any decision the library made, stored as JSON, is the same', () => {
    fc.assert(
      fc.property(arbCase, ({ bundle, policy }) => {
        const stored = JSON.parse(JSON.stringify(evaluate(bundle, policy)))
        const result = replay(bundle, stored, policy)
        expect(result.differences).toEqual([])
        expect(result.same).toBe(true)
      }),
      { numRuns: 60 },
    )
  })

  it('reports a changed leaf of a stored decision at its path, and nothing else', () => {
    fc.assert(
      fc.property(arbCase, fc.nat(), ({ bundle, policy }, pick) => {
        const decision = evaluate(bundle, policy)
        const leaves = leavesOf(decision)
        const [path, leaf] = leaves[pick % leaves.length] as (typeof leaves)[number]
        const forged = withLeaf(decision, path, changed(leaf))
        // The clause says what to re-evaluate: one that is no clause is refused at its path.
        if (path === 'clause') {
          expect(errorOf(() => replay(bundle, forged, policy)).path).toBe('decision.clause')
          return
        }
        const result = replay(bundle, forged, policy)
        expect(result.same).toBe(false)
        expect(result.differences).toEqual([{ path, recorded: changed(leaf), replayed: leaf }])
      }),
      { numRuns: 60 },
    )
  })

  const input = {
    topUp: {
      id: 't1',
      amount: { amount: '100.00', currency: 'EUR' },
      creditedAt: '2026-11-30T09:00:00Z',
      method: 'card',
    },
    account: { id: 'a1', balance: { amount: '100.00', currency: 'EUR' }, lastActivityAt: '2026-11-30T09:00:00Z' },
    request: { receivedAt: '2026-12-01T20:00:00Z', channel: 'email' },
    now: '2026-12-01T20:00:00Z',
  }

  it('reports fields one side lacks with that side left out', () => {
    const decision = JSON.parse(JSON.stringify(evaluateTopUpRefund(input)))
    delete decision.dates.refundDueBy
    decision.extra = { note: 'x' }
    expect(replay(input, decision).differences).toStrictEqual([
      { path: 'dates.refundDueBy', replayed: '2026-12-08T23:59:59.999Z' },
      { path: 'extra.note', recorded: 'x' },
    ])
  })

  it('after a policy upgrade, shows what a stored decision would now be', () => {
    const stored = JSON.parse(JSON.stringify(evaluateTopUpRefund(input)))
    const upgraded = createPolicyHistory([
      { effectiveFrom: '2026-01-01T00:00:00Z', policy: { version: '1' } },
      { effectiveFrom: '2026-12-01T00:00:00Z', policy: { version: '2', topUpRefundWindowHours: 24 } },
    ])
    const result = replay(input, stored, upgraded)
    expect(result.replayed.outcome).toBe('rejected')
    expect(result.differences.map((d) => d.path)).toEqual(
      expect.arrayContaining(['outcome', 'reasons[0].code', 'policy.version', 'policy.effectiveFrom', 'amounts.net']),
    )
    expect(result.differences.find((d) => d.path === 'policy.version')).toEqual({
      path: 'policy.version',
      recorded: '1',
      replayed: '2',
    })
  })

  it('refuses what is not a decision with a RefundRulesError naming the decision', () => {
    const stored = JSON.parse(JSON.stringify(evaluateTopUpRefund(input)))
    const paths = (decision: unknown) => {
      const error = errorOf(() => replay(input, decision))
      return [error.code, error.path]
    }
    expect(paths(null)).toEqual(['INVALID_INPUT', 'decision'])
    expect(paths({})).toEqual(['INVALID_INPUT', 'decision.clause'])
    expect(paths({ clause: 'toString' })).toEqual(['INVALID_INPUT', 'decision.clause'])
    expect(paths(Object.create({ clause: 'top-up-refund' }))).toEqual(['INVALID_INPUT', 'decision.clause'])
    expect(
      paths(
        new Proxy(
          {},
          {
            getOwnPropertyDescriptor: () => {
              throw new Error('trap')
            },
          },
        ),
      ),
    ).toEqual(['INVALID_INPUT', 'decision'])
    expect(
      paths({
        ...stored,
        reasons: new Proxy([], {
          get: () => {
            throw new Error('trap')
          },
        }),
      }),
    ).toEqual(['INVALID_INPUT', 'decision'])
    let deep: unknown = 'x'
    for (let i = 0; i < 10_000; i++) deep = { deep }
    expect(paths({ ...stored, dates: deep })[0]).toBe('INVALID_INPUT')
    const huge = { ...stored, reasons: { length: 2 ** 32 - 1 } }
    expect(paths({ ...huge, reasons: Object.assign([], { length: 2 ** 31 }) })[0]).toBe('INVALID_INPUT')
    const cyclic: Record<string, unknown> = { ...stored }
    cyclic.self = cyclic
    expect(paths(cyclic)[0]).toBe('INVALID_INPUT')
  })

  /** Every value in a JSON tree, the root and each array and object included: what replay budgets. */
  const nodesOf = (value: unknown): number =>
    Array.isArray(value)
      ? 1 + value.reduce((sum: number, item) => sum + nodesOf(item), 0)
      : typeof value === 'object' && value !== null
        ? 1 + Object.values(value).reduce((sum: number, item) => sum + nodesOf(item), 0)
        : 1

  it('reads a stored decision of up to 2,000 values, and refuses one more at the value past the budget', () => {
    const stored = JSON.parse(JSON.stringify(evaluateTopUpRefund(input)))
    // `extra` is one value, each of its items another: the stored decision then holds exactly 2,000.
    const room = 2_000 - nodesOf(stored) - 1
    const full = { ...stored, extra: Array(room).fill(1) }
    expect(nodesOf(full)).toBe(2_000)
    const read = replay(input, full)
    expect(read.differences).toHaveLength(room)
    expect(read.differences[0]).toStrictEqual({ path: 'extra[0]', recorded: 1 })
    // One more item: an array longer than the budget left is refused before it is walked.
    expect(paths(() => replay(input, { ...stored, extra: Array(room + 1).fill(1) }))).toEqual([
      'INVALID_INPUT',
      'decision.extra',
    ])
    // An object's keys are checked against the budget the same way.
    const keyed = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, 1]))
    expect(replay(input, { ...stored, extra: keyed(room) }).differences).toHaveLength(room)
    expect(paths(() => replay(input, { ...stored, extra: keyed(room + 1) }))).toEqual([
      'INVALID_INPUT',
      'decision.extra',
    ])
    // Pairs fit the array check; the value past the budget is refused where it is.
    const pairs: unknown[] = Array.from({ length: Math.floor((room - 1) / 2) }, () => [1])
    const filled = [...pairs, ...Array(room - 2 * pairs.length).fill(1)]
    expect(nodesOf({ ...stored, extra: filled })).toBe(2_000)
    expect(replay(input, { ...stored, extra: filled }).same).toBe(false)
    expect(paths(() => replay(input, { ...stored, extra: [...filled, 1] }))).toEqual([
      'INVALID_INPUT',
      `decision.extra[${filled.length}]`,
    ])
    // The whole decision too large: the decision itself is named.
    const wide = Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`k${i}`, i]))
    expect(paths(() => replay(input, { ...wide, clause: 'top-up-refund' }))).toEqual(['INVALID_INPUT', 'decision'])
  })

  it('reads values 8 levels down, and refuses the 9th level at its path, in objects and in arrays', () => {
    const stored = JSON.parse(JSON.stringify(evaluateTopUpRefund(input)))
    const levels: [(inner: unknown) => unknown, string][] = [
      [(inner) => ({ a: inner }), '.a'],
      [(inner) => [inner], '[0]'],
    ]
    for (const [wrap, step] of levels) {
      const nested = (count: number) => Array.from({ length: count }).reduce<unknown>((inner) => wrap(inner), 'x')
      // `extra` is level 1; seven levels below it put the string on level 8.
      expect(replay(input, { ...stored, extra: nested(7) }).differences).toStrictEqual([
        { path: `extra${step.repeat(7)}`, recorded: 'x' },
      ])
      expect(paths(() => replay(input, { ...stored, extra: nested(8) }))).toEqual([
        'INVALID_INPUT',
        `decision.extra${step.repeat(8)}`,
      ])
    }
  })

  it('counts an empty array or object as a value of its own, on either side', () => {
    const stored = JSON.parse(JSON.stringify(evaluateTopUpRefund(input)))
    expect(replay(input, { ...stored, extra: [], more: {} }).differences).toStrictEqual([
      { path: 'extra', recorded: [] },
      { path: 'more', recorded: {} },
    ])
    const emptied = replay(input, { ...stored, reasons: [] }).differences
    expect(emptied[0]).toStrictEqual({ path: 'reasons[0].code', replayed: stored.reasons[0].code })
    expect(emptied.at(-1)).toStrictEqual({ path: 'reasons', recorded: [] })
  })

  it('shows recorded JSON values as they are: null, numbers, booleans and strings up to 2,000 characters', () => {
    const stored = JSON.parse(JSON.stringify(evaluateTopUpRefund(input)))
    const recorded = (outcome: unknown) => replay(input, { ...stored, outcome }).differences[0]?.recorded
    expect(recorded(null)).toBeNull()
    expect(recorded(7)).toBe(7)
    expect(recorded(false)).toBe(false)
    expect(recorded('y'.repeat(2_000))).toBe('y'.repeat(2_000))
    expect(recorded('y'.repeat(2_001))).not.toBe('y'.repeat(2_001))
    expect(String(recorded('y'.repeat(2_001))).length).toBeLessThan(2_000)
  })

  it('trusts only a clause that is a string: one that would be read as its name is refused', () => {
    const stored = JSON.parse(JSON.stringify(evaluateTopUpRefund(input)))
    for (const clause of [{ toString: () => 'top-up-refund' }, ['top-up-refund']]) {
      expect(paths(() => replay(input, { ...stored, clause }))).toEqual(['INVALID_INPUT', 'decision.clause'])
    }
    expect(errorOf(() => replay(input, null)).message).toContain('expected a decision')
  })

  it('describes recorded values that are not JSON, and cuts huge strings short', () => {
    const stored = JSON.parse(JSON.stringify(evaluateTopUpRefund(input)))
    const result = replay(input, {
      ...stored,
      outcome: () => 'approved',
      clause: 'top-up-refund',
      evaluatedAt: 'x'.repeat(100_000),
    })
    expect(result.differences[0]).toEqual({ path: 'outcome', recorded: 'a function', replayed: 'approved' })
    expect(String(result.differences[1]?.recorded).length).toBeLessThan(200)
  })
})
