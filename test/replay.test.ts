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
    expect(replay(input, decision).differences).toEqual([
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
