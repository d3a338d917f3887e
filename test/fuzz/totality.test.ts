/**
 * SPEC §7.6: any input — random values, JSON bodies, valid snapshots with
 * one field replaced by junk or by a hostile object (test/fuzz/hostile.ts),
 * junk policies — yields a
 * decision or a RefundRulesError, never another exception; every decision
 * still satisfies §6 and §7.1–7.2; and no input changes the next call.
 *
 * `npm test` runs each property 200 times with the run's fixed seed;
 * `npm run fuzz` runs 100,000 with a random seed and prints the seed, the
 * counts tried and the time of each property.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Decision, type EvaluateInput, evaluate, type RefundRulesError, safeEvaluate } from '../../src/index.js'
import { arbPolicyOptions, arbScenario } from '../../src/testing/index.js'
import { HOSTILE_KIND_NAMES, HOSTILE_KINDS, isGetterKind, TOO_LONG_FOR_POLICIES, withHostileField } from './hostile.js'
import {
  arbJunk,
  assertConservation,
  assertDecisionInvariants,
  assertWellFormedError,
  attempt,
  counted,
  DELETE,
  materialize,
  numRuns,
  pathsOf,
  withField,
} from './support.js'

const CLAUSES = ['top-up-refund', 'order-cancellation', 'termination', 'inactivity'] as const

/** A fixed, valid input: evaluated before and after the fuzzing, it must give the same decision. */
const REFERENCE: EvaluateInput = {
  clause: 'top-up-refund',
  topUp: {
    id: 't1',
    amount: { amount: '100.00', currency: 'EUR' },
    creditedAt: '2026-11-20T10:00:00Z',
    method: 'card',
  },
  account: { id: 'a1', balance: { amount: '80.00', currency: 'EUR' }, lastActivityAt: '2026-11-20T10:00:00Z' },
  request: { receivedAt: '2026-11-21T09:00:00Z', channel: 'email' },
  now: '2026-11-21T09:05:00Z',
}
const REFERENCE_POLICY = { fees: { methods: { card: { percent: '2.9', fixed: { EUR: '0.30' } } } } }

/** Generous: `npm run fuzz` runs 100,000 cases per property, some of them building a new policy each. */
const timeout = Math.max(30_000, numRuns * 20)

let referenceBefore: Decision
let prototypeBefore: string[]

beforeAll(() => {
  referenceBefore = evaluate(REFERENCE, REFERENCE_POLICY)
  prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort()
})

afterAll(() => {
  // No input changed the library's behaviour for the next call, nor the global prototype.
  expect(evaluate(REFERENCE, REFERENCE_POLICY)).toEqual(referenceBefore)
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
})

/** The outcome of one evaluation, checked: a well-formed error or a decision satisfying the invariants. */
function check(generated: unknown, generatedPolicy?: unknown): { decision?: Decision; error?: RefundRulesError } {
  const input = materialize(generated)
  const policy = materialize(generatedPolicy)
  const outcome = attempt(() => evaluate(input as EvaluateInput, policy as never))
  if (outcome.error) assertWellFormedError(outcome.error)
  else assertDecisionInvariants(outcome.decision, input)
  const safe = safeEvaluate(input, policy)
  expect(safe.ok).toBe(outcome.error === undefined)
  return outcome
}

/** Whether an issue at `issuePath` can be blamed on a change at `changed`. */
function related(issuePath: string, changed: string): boolean {
  const under = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[`)
  // A new currency can make the same money's amount have too many decimals.
  const money = changed.endsWith('.currency') ? changed.slice(0, -'.currency'.length) : changed
  return under(issuePath, changed) || under(issuePath, money) || under(changed, issuePath)
}

describe('totality (SPEC §7.6)', () => {
  it('any value at all as the input', { timeout }, () => {
    const run = counted('fc.anything() as input', (input: unknown) => {
      const { error } = check(input)
      expect(error).toBeDefined()
    })
    fc.assert(fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true }), run.predicate), {
      numRuns,
    })
    run.report()
  })

  it('any value under a valid clause id, and any JSON body', { timeout }, () => {
    const arbBody = fc.oneof(
      fc.record({ clause: fc.constantFrom(...CLAUSES) }).chain(({ clause }) =>
        fc
          .dictionary(fc.constantFrom('topUp', 'account', 'order', 'request', 'now', 'clause'), fc.anything(), {
            maxKeys: 6,
          })
          .map((rest) => ({ ...rest, clause })),
      ),
      fc.json().map((text) => JSON.parse(text) as unknown),
    )
    const run = counted('JSON bodies and random fields under a clause id', (input: unknown) => {
      check(input)
    })
    fc.assert(fc.property(arbBody, run.predicate), { numRuns })
    run.report()
  })

  it('JSON-shaped snapshots with junk leaves', { timeout }, () => {
    const junk = arbJunk()
    const money = fc.oneof(fc.record({ amount: junk, currency: junk }, { requiredKeys: [] }), junk)
    const leaf = fc.oneof(junk, fc.constantFrom('2026-11-20T10:00:00Z', 'email', 'card', 'active'))
    const shaped = fc.record(
      {
        clause: fc.oneof(fc.constantFrom(...CLAUSES), junk),
        topUp: fc.record(
          { id: leaf, amount: money, creditedAt: leaf, method: leaf, processingFee: money, refunded: money },
          { requiredKeys: [] },
        ),
        account: fc.record(
          {
            id: leaf,
            balance: money,
            debt: money,
            lastActivityAt: leaf,
            identityVerified: leaf,
            ownershipVerified: leaf,
            payoutMethod: leaf,
          },
          { requiredKeys: [] },
        ),
        order: fc.record(
          {
            id: leaf,
            amount: money,
            placedAt: leaf,
            status: leaf,
            fundedBy: fc.oneof(
              fc.record({ topUpId: leaf, creditedAt: leaf, method: leaf }, { requiredKeys: [] }),
              junk,
            ),
            processingFee: money,
            refunded: money,
          },
          { requiredKeys: [] },
        ),
        request: fc.record(
          {
            receivedAt: leaf,
            channel: leaf,
            orderDetails: fc.oneof(fc.record({ orderId: leaf }), junk),
            informationRequested: fc.oneof(
              fc.record({ items: fc.oneof(fc.array(leaf), junk), providedAt: leaf }),
              junk,
            ),
          },
          { requiredKeys: [] },
        ),
        now: leaf,
      },
      { requiredKeys: ['clause'] },
    )
    const run = counted('JSON-shaped snapshots with junk leaves', (input: unknown) => {
      check(input)
    })
    fc.assert(fc.property(shaped, run.predicate), { numRuns })
    run.report()
  })

  it('a valid scenario with one field replaced by junk or removed', { timeout }, () => {
    const arbMutated = arbScenario().chain(({ bundle }) => {
      const paths = pathsOf(bundle)
      return fc.record({
        bundle: fc.constant(bundle),
        target: fc.constantFrom(...paths),
        junk: fc.oneof({ arbitrary: arbJunk(), weight: 9 }, { arbitrary: fc.constant<unknown>(DELETE), weight: 1 }),
      })
    })
    const run = counted('valid scenarios with one field mutated', ({ bundle, target, junk }) => {
      const input = withField(bundle, target.keys, junk)
      const { error } = check(input)
      if (error === undefined || target.path === 'clause') return
      for (const issue of error.issues) {
        if (issue.code === 'INCONSISTENT_INPUT' || issue.code === 'CURRENCY_MISMATCH') continue
        expect(related(issue.path, target.path), `${issue.code} at ${issue.path} after changing ${target.path}`).toBe(
          true,
        )
      }
    })
    fc.assert(fc.property(arbMutated, run.predicate), { numRuns })
    run.report()
  })

  it('a valid scenario under a junk or mutated policy', { timeout }, () => {
    const arbPolicy = fc.oneof(
      arbJunk(),
      arbPolicyOptions().chain((options) => {
        const paths = pathsOf(options)
        if (paths.length === 0) return fc.constant<unknown>(options)
        return fc
          .tuple(fc.constantFrom(...paths), arbJunk())
          .map(([target, junk]) => withField(options, target.keys, junk))
      }),
    )
    const run = counted('valid scenarios under junk policies', ({ bundle }: { bundle: unknown }, policy: unknown) => {
      const { error } = check(bundle, policy)
      if (error === undefined) return
      for (const issue of error.issues) expect(['INVALID_POLICY', 'OUT_OF_RANGE']).toContain(issue.code)
    })
    fc.assert(fc.property(arbScenario(), arbPolicy, run.predicate), { numRuns })
    run.report()
  })

  it('a valid scenario or policy with one field, or the whole, made a hostile object', { timeout }, () => {
    const arbHostile = fc.record({
      scenario: arbScenario(),
      policy: arbPolicyOptions(),
      inPolicy: fc.boolean(),
      pick: fc.nat(),
      kind: fc.constantFrom(...HOSTILE_KIND_NAMES),
      variant: fc.nat(40),
    })
    type HostileCase = typeof arbHostile extends fc.Arbitrary<infer T> ? T : never
    const run = counted('hostile objects in valid scenarios and policies', (generated: HostileCase) => {
      const { scenario, policy, pick, kind, variant } = generated
      const inPolicy = generated.inPolicy && !TOO_LONG_FOR_POLICIES.has(kind)
      const target = inPolicy ? policy : scenario.bundle
      const root = { path: '', keys: [] as (string | number)[] }
      const below = pathsOf(target)
      // A getter needs a holder: under the root, or an `id` getter on an empty policy.
      const getterPaths = below.length > 0 ? below : [{ path: 'id', keys: ['id'] }]
      const paths = isGetterKind(kind) ? getterPaths : [root, ...below]
      const at = paths[pick % paths.length] as (typeof paths)[number]
      const make = (original: unknown) => HOSTILE_KINDS[kind]?.(original, variant) ?? { value: original }
      const hostile = withHostileField(target, at.keys, make)
      const [input, options] = inPolicy ? [scenario.bundle, hostile] : [hostile, policy]
      const outcome = attempt(() => evaluate(input as EvaluateInput, options as never))
      if (outcome.error) assertWellFormedError(outcome.error)
      else {
        // The over-refund checks read the input, which is hostile here: conservation and shape only.
        const decision = outcome.decision
        expect(JSON.parse(JSON.stringify(decision))).toEqual(decision)
        expect(Object.isFrozen(decision)).toBe(true)
        if ('amounts' in decision && decision.amounts) assertConservation(decision.amounts)
        if ('settlement' in decision && decision.settlement) assertConservation(decision.settlement)
      }
      // Never throws; a getter that changes value may change the outcome of a second evaluation.
      const safe = safeEvaluate(input, options)
      if (!safe.ok) assertWellFormedError(safe.error)
    })
    fc.assert(fc.property(arbHostile, run.predicate), { numRuns })
    run.report()
  })

  it('valid scenarios, untouched, always decide and satisfy §7.1–7.2', { timeout }, () => {
    const run = counted('valid scenarios', ({ bundle }: { bundle: unknown }) => {
      const { decision } = check(bundle)
      expect(decision).toBeDefined()
    })
    fc.assert(fc.property(arbScenario(), run.predicate), { numRuns })
    run.report()
  })
})
