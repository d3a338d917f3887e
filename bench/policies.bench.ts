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
import { seededRandom } from './support/random.js'

// The built package as Node loads it (see decisions.bench.ts for why not the sources).
const cjs = createRequire(import.meta.url)('../dist/index.js') as typeof RefundRules
const esm = (await import('../dist/index.mjs' as string)) as typeof RefundRules

const options = {
  fees: { methods: { card: { percent: '2.9', fixed: { EUR: '0.30' } } } },
  calendar: { cutoff: '16:00' },
} as const
const policy = cjs.createPolicy(options)
const revived = JSON.parse(JSON.stringify(policy))

/** JSON with keys sorted at every depth, as PostgreSQL's `jsonb` would return it in its own order. */
function sortedJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${sortedJson((value as Record<string, unknown>)[k])}`)
    .join(',')}}`
}
const fromJsonb = JSON.parse(sortedJson(policy))
const fromOtherCopy = esm.createPolicy(options)

const random = seededRandom(11)
const FROM = Date.UTC(2020, 0, 1)
const SPAN = Date.UTC(2035, 11, 1) - FROM
const topUps: TopUpRefundInput[] = Array.from({ length: 4096 }, (_, i) => {
  const creditedAt = FROM + Math.floor(random() * SPAN)
  const receivedAt = creditedAt + Math.floor(random() * 60 * 3_600_000)
  const amount = (Math.floor(random() * 50_000) / 100).toFixed(2)
  return {
    topUp: {
      id: `t${i}`,
      amount: { amount, currency: 'EUR' },
      creditedAt: new Date(creditedAt).toISOString(),
      method: 'card',
    },
    account: { id: `a${i}`, balance: { amount, currency: 'EUR' }, lastActivityAt: new Date(receivedAt).toISOString() },
    request: { receivedAt: new Date(receivedAt).toISOString(), channel: 'email' },
    now: new Date(receivedAt + 60_000).toISOString(),
  }
})

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
