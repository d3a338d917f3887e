/**
 * A policy read back from configuration or JSON, beside the policy
 * `createPolicy` made: the same decisions, where the revived policy is a new
 * object the library has never seen (and, in a `jsonb` column, has its keys in
 * another order), and one made by the other module format's copy of the
 * library. Each is recognised by content, so the target is within 2× of the
 * created policy. The ratio is printed by the harness beside the figures.
 * Run: npm run bench -- bench/policies.bench.ts (builds dist/ first)
 */
import { createRequire } from 'node:module'
import { bench, describe } from 'vitest'
import type * as RefundRules from '../src/index.js'
import type { TopUpRefundInput } from '../src/index.js'
import { sortedJson } from '../test/support/sorted-json.js'
import { seededRandom } from './support/random.js'
import { randomTopUpInputs } from './support/top-ups.js'

// The built package as Node loads it (see decisions.bench.ts for why not the sources).
const cjs = createRequire(import.meta.url)('../dist/index.js') as typeof RefundRules
const esm = (await import('../dist/index.mjs' as string)) as typeof RefundRules

const options = {
  fees: { methods: { card: { percent: '2.9', fixed: { EUR: '0.30' } } } },
  calendar: { cutoff: '16:00' },
} as const
const policy = cjs.createPolicy(options)
const revived = JSON.parse(JSON.stringify(policy))

// Keys sorted at every depth, as PostgreSQL's `jsonb` returns them in its own order.
const fromJsonb = JSON.parse(sortedJson(policy))
const fromOtherCopy = esm.createPolicy(options)

const topUps = randomTopUpInputs(seededRandom(11), 4096)

const BATCH = 64
let i = 0
const run = (p: unknown) => {
  for (let k = 0; k < BATCH; k++)
    cjs.evaluateTopUpRefund(topUps[i++ & 4095] as TopUpRefundInput, p as RefundRules.Policy)
}
describe(`top-up decisions by where the policy came from (${BATCH} per op; target: each within 2× of the created one)`, () => {
  bench('created by createPolicy', () => run(policy))
  bench('JSON.parse(JSON.stringify(policy))', () => run(revived))
  bench('read back from jsonb (keys sorted)', () => run(fromJsonb))
  bench('made by the ES module copy, used by the CommonJS copy', () => run(fromOtherCopy))
})
