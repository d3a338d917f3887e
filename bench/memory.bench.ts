/**
 * Memory of the business calendar's caches: bytes retained per (calendar,
 * year) once a year has been used, beside the cache a user would write (a
 * Set of the year's holiday date strings from date-holidays). Target: a few
 * hundred bytes per year per calendar. Memory kept by 3,000 spellings of one
 * zone name (`europe/london`, `EUROPE/london`, …): the library keeps one zone
 * whatever the spelling, beside `@date-fns/tz` given each spelling, which
 * keeps an `Intl` formatter per name. And what stays after 1,000,000
 * decisions and after 20,000 distinct policies, each used once and dropped:
 * the caches are bounded (by calendar years, and by the policies still
 * referenced), so nothing grows with the count.
 *
 * Heap sizes are read after forced garbage collections, so the figures are
 * printed, not timed; each bounded case also checks its bound (the bench
 * fails past it) — a bound far below what one retained object per call
 * would cost, and far above the noise of V8's own compiled code.
 * Run: npm run bench -- bench/memory.bench.ts
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { tzOffset } from '@date-fns/tz'
import Holidays from 'date-holidays'
import { bench, describe } from 'vitest'
import { evaluateTopUpRefund, type TopUpRefundInput } from '../src/clauses/top-up-refund.js'
import { createPolicy, type Policy } from '../src/policy/settings.js'
import { createBusinessCalendar } from '../src/time/calendar.js'
import { seededRandom } from './support/random.js'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/** Each case runs once: its figure is a heap size, not a time. */
const ONCE = { iterations: 1, warmupIterations: 0, warmupTime: 0, time: 0 }

const YEARS = 400
const FIRST_YEAR = 2000

function retainedBytesPerYear(fill: () => unknown): number {
  gc()
  const before = process.memoryUsage().heapUsed
  const kept = fill()
  gc()
  const after = process.memoryUsage().heapUsed
  if (kept === undefined) throw new Error('nothing was kept')
  return (after - before) / YEARS
}

const options = {
  timeZone: 'Europe/London',
  holidays: { country: 'GB', state: 'ENG', types: ['public', 'bank'] as ('public' | 'bank')[] },
}

describe(`cache memory over ${YEARS} years (bytes per year, printed)`, () => {
  bench(
    'refund-rules calendar: one bit set + offset table per year',
    () => {
      const bytes = retainedBytesPerYear(() => {
        const calendar = createBusinessCalendar(options)
        for (let year = FIRST_YEAR; year < FIRST_YEAR + YEARS; year++) {
          calendar.refundDueDate(`${year}-06-15T12:00:00Z`, 1)
        }
        return calendar
      })
      console.log(`refund-rules: ${bytes.toFixed(0)} B per (calendar, year)`)
    },
    ONCE,
  )
  bench(
    'baseline: a Set of date-holidays date strings per year',
    () => {
      const bytes = retainedBytesPerYear(() => {
        const holidays = new Holidays('GB', 'ENG', { types: ['public', 'bank'] })
        const cache = new Map<number, Set<string>>()
        for (let year = FIRST_YEAR; year < FIRST_YEAR + YEARS; year++) {
          cache.set(year, new Set(holidays.getHolidays(year).map((h) => h.date.slice(0, 10))))
        }
        return cache
      })
      console.log(`baseline: ${bytes.toFixed(0)} B per year`)
    },
    ONCE,
  )
})

const SPELLINGS = 3_000

/** `count` distinct spellings of `name`, differing only in letter case. */
function spellings(name: string, count: number): string[] {
  const letters = [...name].flatMap((char, at) => (char.toLowerCase() !== char.toUpperCase() ? [at] : []))
  return Array.from({ length: count }, (_, n) =>
    [...name].map((char, at) => ((n >> letters.indexOf(at)) & 1 ? char.toUpperCase() : char.toLowerCase())).join(''),
  )
}

/** Heap (after garbage collection) and resident set grown by `fill`, in MB; what `fill` returns is dropped. */
function grownMegabytes(fill: () => void): { heap: number; rss: number } {
  gc()
  const before = process.memoryUsage()
  fill()
  gc()
  const after = process.memoryUsage()
  return { heap: (after.heapUsed - before.heapUsed) / 2 ** 20, rss: (after.rss - before.rss) / 2 ** 20 }
}

/** Prints the heap growth and fails the bench if it is past `boundMegabytes`. */
function checkBound(label: string, grownHeap: number, boundMegabytes: number): void {
  console.log(`${label}: heap ${grownHeap.toFixed(2)} MB (bound ${boundMegabytes} MB)`)
  if (grownHeap > boundMegabytes)
    throw new Error(`${label}: heap grew ${grownHeap.toFixed(2)} MB, past ${boundMegabytes} MB`)
}

describe(`memory kept by ${SPELLINGS.toLocaleString('en')} spellings of one zone (MB after GC, printed)`, () => {
  const names = spellings('europe/london', SPELLINGS)
  const at = new Date(Date.UTC(2026, 6, 1))
  bench(
    'refund-rules: a calendar per spelling, each used once',
    () => {
      const grown = grownMegabytes(() => {
        for (const timeZone of names) createBusinessCalendar({ timeZone }).localDate(at)
      })
      console.log(`refund-rules: heap ${grown.heap.toFixed(1)} MB, rss ${grown.rss.toFixed(1)} MB`)
      checkBound('refund-rules, a calendar per spelling', grown.heap, 1)
    },
    ONCE,
  )
  bench(
    'refund-rules: a policy per spelling keeps the canonical name, and costs what one spelling costs',
    () => {
      let policies: Policy[] = []
      let sameSpelling: Policy[] = []
      const oneSpelling = grownMegabytes(() => {
        sameSpelling = names.map(() => createPolicy({ calendar: { timeZone: 'Europe/London' } }))
      })
      const spelt = grownMegabytes(() => {
        policies = names.map((timeZone) => createPolicy({ calendar: { timeZone } }))
      })
      const kept = new Set(policies.map((policy) => policy.calendar.timeZone))
      if (kept.size !== 1 || !kept.has('Europe/London')) throw new Error(`policies kept spellings: ${[...kept]}`)
      console.log(
        `${sameSpelling.length} policies kept: ${oneSpelling.heap.toFixed(1)} MB with one spelling, ` +
          `${spelt.heap.toFixed(1)} MB with ${SPELLINGS} spellings (every policy names Europe/London)`,
      )
      // Both hold 3,000 policies; the spellings may add no formatter or zone of their own.
      checkBound('refund-rules, policies by spelling beyond one spelling', spelt.heap - oneSpelling.heap, 1)
    },
    ONCE,
  )
  bench(
    'baseline: @date-fns/tz tzOffset given each spelling',
    () => {
      const grown = grownMegabytes(() => {
        for (const timeZone of names) tzOffset(timeZone, at)
      })
      console.log(`baseline: heap ${grown.heap.toFixed(1)} MB, rss ${grown.rss.toFixed(1)} MB`)
    },
    ONCE,
  )
})

const EVALUATIONS = 1_000_000
const HOUR = 3_600_000

/** A top-up refund of `amount` EUR credited at `creditedAt` (epoch ms), asked by email `hoursLater`, decided a minute after. */
function topUpRefund(creditedAt: number, hoursLater: number, amount: string): TopUpRefundInput {
  const iso = (ms: number) => new Date(ms).toISOString()
  const money = { amount, currency: 'EUR' }
  const receivedAt = creditedAt + hoursLater * HOUR
  return {
    topUp: { id: 't1', amount: money, creditedAt: iso(creditedAt), method: 'card' },
    account: { id: 'a1', balance: money, lastActivityAt: iso(creditedAt) },
    request: { receivedAt: iso(receivedAt), channel: 'email' },
    now: iso(receivedAt + 60_000),
  }
}

describe(`memory kept after ${EVALUATIONS.toLocaleString('en')} top-up refund decisions (MB after GC, printed)`, () => {
  const policy = createPolicy({ fees: { methods: { card: { percent: '2.9', fixed: { EUR: '0.30' } } } } })
  const random = seededRandom(11)
  const from = Date.UTC(2020, 0, 1)
  const span = Date.UTC(2036, 0, 1) - from
  // 4,096 inputs over 16 years, some past their 48-hour window: every calendar year the caches can hold is
  // filled during the warm-up.
  const inputs = Array.from({ length: 4096 }, () =>
    topUpRefund(from + Math.floor(random() * span), random() * 60, (Math.floor(random() * 50_000) / 100).toFixed(2)),
  )
  bench(
    'refund-rules: one policy, decisions dropped as made',
    () => {
      for (const input of inputs) evaluateTopUpRefund(input, policy)
      let outcomes = 0
      const grown = grownMegabytes(() => {
        for (let i = 0; i < EVALUATIONS; i++) {
          if (evaluateTopUpRefund(inputs[i & 4095] as TopUpRefundInput, policy).outcome === 'approved') outcomes++
        }
      })
      console.log(`refund-rules: ${outcomes.toLocaleString('en')} of ${EVALUATIONS.toLocaleString('en')} approved`)
      // One retained object of 16 bytes per decision would be 15 MB.
      checkBound(`refund-rules, ${EVALUATIONS.toLocaleString('en')} decisions`, grown.heap, 1)
    },
    ONCE,
  )
})

const POLICIES = 20_000

describe(`memory kept after ${POLICIES.toLocaleString('en')} distinct policies, each used once (MB after GC, printed)`, () => {
  const input = topUpRefund(Date.UTC(2026, 10, 20, 10), 23, '100.00')
  /** The n-th of 20,000 distinct policies: own id, due days, cutoff and card fee, so each compiles its own calendar and fees. */
  const options = (n: number) => ({
    id: `policy-${n}`,
    refundBusinessDays: 1 + (n % 20),
    calendar: {
      timeZone: 'Europe/London',
      cutoff: `${String(n % 24).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`,
    },
    fees: {
      methods: { card: { percent: `${n % 10}.${n % 7}`, fixed: { EUR: `0.${String(n % 100).padStart(2, '0')}` } } },
    },
  })
  bench(
    'refund-rules: policies dropped after one decision each',
    () => {
      const grown = grownMegabytes(() => {
        for (let n = 0; n < POLICIES; n++) evaluateTopUpRefund(input, createPolicy(options(n)))
      })
      // One compiled policy (calendar, fee tables) left per policy would be well over 20 MB.
      checkBound(`refund-rules, ${POLICIES.toLocaleString('en')} policies dropped`, grown.heap, 2)
    },
    ONCE,
  )
  bench(
    'baseline: the same policies kept referenced (what a leak would cost)',
    () => {
      const kept: Policy[] = []
      const grown = grownMegabytes(() => {
        for (let n = 0; n < POLICIES; n++) {
          const policy = createPolicy(options(n))
          evaluateTopUpRefund(input, policy)
          kept.push(policy)
        }
      })
      console.log(`baseline: heap ${grown.heap.toFixed(1)} MB for ${kept.length.toLocaleString('en')} policies kept`)
    },
    ONCE,
  )
})
