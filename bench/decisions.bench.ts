/**
 * Whole decisions. A top-up refund decision (validation, window, gross, fee,
 * due date, reasons) on random inputs, beside the naive composition a user
 * would hand-write with date-fns + date-holidays + decimal.js and no caching;
 * and an inactivity sweep over account snapshots.
 * Targets: ≥ 300,000 top-up decisions/s on one core, ≥ 500× the naive
 * composition; 1,000,000 inactivity decisions in under 2 s (≥ 500,000/s).
 * Run: npm run bench -- bench/decisions.bench.ts (builds dist/ first)
 * Against an older build in the same process: build it in a git worktree and
 * point BASELINE_DIST at its dist/ folder, e.g.
 *   git worktree add /tmp/base <commit> && (cd /tmp/base && npm ci && npx tsup)
 *   BASELINE_DIST=/tmp/base/dist npm run bench -- bench/decisions.bench.ts
 * Each group then also runs the older build's functions on the same inputs.
 */
import { createRequire } from 'node:module'
import { addDays, addHours, format, isAfter, isWeekend } from 'date-fns'
import Holidays from 'date-holidays'
import { Decimal } from 'decimal.js'
import { bench, describe } from 'vitest'
import type * as RefundRules from '../src/index.js'
import type { TopUpRefundInput } from '../src/index.js'
import { seededRandom } from './support/random.js'
import { randomTopUpInputs } from './support/top-ups.js'

// The built package, loaded by Node itself as users load it (`npm run bench` builds first), typed by the sources.
// Through vitest's module transform (the sources, or even the built file imported) the same code measured 20–25%
// slower — every call between modules and into the dependencies goes through the transform's module objects — a
// cost of the test harness that users do not pay.
const { createPolicy, evaluateInactivity, evaluateTopUpRefund } = createRequire(import.meta.url)(
  '../dist/index.js',
) as typeof RefundRules

// An older build to compare with, in the same process and on the same inputs (see the header).
const baselineDist = process.env.BASELINE_DIST
const baseline =
  baselineDist === undefined
    ? undefined
    : (createRequire(import.meta.url)(`${baselineDist}/index.js`) as typeof RefundRules)

const OPTIONS = { fees: { methods: { card: { percent: '2.9', fixed: { EUR: '0.30' } } } } }
const policy = createPolicy(OPTIONS)
const random = seededRandom(7)
const FROM = Date.UTC(2020, 0, 1)
const SPAN = Date.UTC(2035, 11, 1) - FROM
const topUps = randomTopUpInputs(random, 4096)
const cents = (max: number) => (Math.floor(random() * max * 100) / 100).toFixed(2)

/** What a user would write without the library: correct for these inputs, nothing cached or validated. */
function naiveTopUpRefund(input: TopUpRefundInput) {
  const holidays = new Holidays('GB', 'ENG', { types: ['public', 'bank'] })
  const creditedAt = new Date(input.topUp.creditedAt as string)
  const receivedAt = new Date(input.request.receivedAt as string)
  const windowClosesAt = addHours(creditedAt, 48)
  if (isAfter(receivedAt, windowClosesAt)) return { outcome: 'rejected', windowClosesAt: windowClosesAt.toISOString() }
  const gross = Decimal.min(
    new Decimal(input.topUp.amount.amount as string),
    new Decimal(input.account.balance.amount as string),
  )
  const fee = Decimal.min(gross, gross.times('2.9').div(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).plus('0.30'))
  let day = receivedAt
  for (let remaining = 5; remaining > 0; ) {
    day = addDays(day, 1)
    if (!isWeekend(day) && !holidays.isHoliday(day)) remaining--
  }
  return {
    outcome: 'approved',
    gross: gross.toFixed(2),
    net: gross.minus(fee).toFixed(2),
    due: format(day, 'yyyy-MM-dd'),
  }
}

const accounts = Array.from({ length: 4096 }, (_, i) => {
  const lastActivityAt = FROM + Math.floor(random() * SPAN)
  return {
    account: {
      id: `a${i}`,
      balance: { amount: cents(100), currency: 'EUR' },
      lastActivityAt: new Date(lastActivityAt).toISOString(),
    },
    now: new Date(lastActivityAt + Math.floor(random() * 800) * 86_400_000).toISOString(),
  }
})

// Each benchmark operation makes BATCH decisions, so that the harness's own per-operation timing (a few
// hundred nanoseconds) is not counted as decision time: decisions per second = ops/s × BATCH. Both sides
// run the same batches, so the printed ratio is the ratio of decisions.
const BATCH = 64
// Seconds of sampling each, after a second of warm-up: with tinybench's half-second default the first task
// was still being compiled while it was measured, and the printed ratio moved by a quarter from run to run.
const STEADY = { time: 3000, warmupTime: 1000 }
let i = 0
describe(`top-up refund decisions on random inputs (${BATCH} per op: decisions/s = hz × ${BATCH})`, () => {
  bench(
    'refund-rules evaluateTopUpRefund',
    () => {
      for (let k = 0; k < BATCH; k++) evaluateTopUpRefund(topUps[i++ & 4095] as TopUpRefundInput, policy)
    },
    STEADY,
  )
  if (baseline !== undefined) {
    const baselinePolicy = baseline.createPolicy(OPTIONS)
    bench(
      `baseline build (${baselineDist}) evaluateTopUpRefund`,
      () => {
        for (let k = 0; k < BATCH; k++)
          baseline.evaluateTopUpRefund(topUps[i++ & 4095] as TopUpRefundInput, baselinePolicy)
      },
      STEADY,
    )
  }
  bench(
    'naive: date-fns + date-holidays + decimal.js, no caching',
    () => {
      for (let k = 0; k < BATCH; k++) naiveTopUpRefund(topUps[i++ & 4095] as TopUpRefundInput)
    },
    STEADY,
  )
})

// Three measured sweeps after one unmeasured one: the mean of three is steadier than a single sweep.
const SWEEP = { iterations: 3, warmupIterations: 1, time: 0, warmupTime: 0 }
describe('inactivity sweep', () => {
  bench(
    '1,000,000 evaluateInactivity calls (target: under 2 s)',
    () => {
      for (let k = 0; k < 1_000_000; k++) evaluateInactivity(accounts[k & 4095] as (typeof accounts)[number], policy)
    },
    // One unmeasured sweep first: the measured ones are the steady state, after compilation and the zone tables.
    SWEEP,
  )
  if (baseline !== undefined) {
    const baselinePolicy = baseline.createPolicy(OPTIONS)
    bench(
      `baseline build (${baselineDist}): 1,000,000 evaluateInactivity calls`,
      () => {
        for (let k = 0; k < 1_000_000; k++)
          baseline.evaluateInactivity(accounts[k & 4095] as (typeof accounts)[number], baselinePolicy)
      },
      SWEEP,
    )
  }
})
