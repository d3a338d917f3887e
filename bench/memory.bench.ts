/**
 * Memory of the business calendar's caches: bytes retained per (calendar,
 * year) once a year has been used, beside the cache a user would write (a
 * Set of the year's holiday date strings from date-holidays). Target: a few
 * hundred bytes per year per calendar. And memory kept by 3,000 spellings of
 * one zone name (`europe/london`, `EUROPE/london`, …): the library keeps one
 * zone whatever the spelling, beside `@date-fns/tz` given each spelling, which
 * keeps an `Intl` formatter per name. Heap sizes are read after forced
 * garbage collections, so the figures are printed, not timed.
 * Run: npm run bench -- bench/memory.bench.ts
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { tzOffset } from '@date-fns/tz'
import Holidays from 'date-holidays'
import { bench, describe } from 'vitest'
import { createBusinessCalendar } from '../src/time/calendar.js'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

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
    { iterations: 1, warmupIterations: 0, time: 0 },
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
    { iterations: 1, warmupIterations: 0, time: 0 },
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
    },
    { iterations: 1, warmupIterations: 0, time: 0 },
  )
  bench(
    'baseline: @date-fns/tz tzOffset given each spelling',
    () => {
      const grown = grownMegabytes(() => {
        for (const timeZone of names) tzOffset(timeZone, at)
      })
      console.log(`baseline: heap ${grown.heap.toFixed(1)} MB, rss ${grown.rss.toFixed(1)} MB`)
    },
    { iterations: 1, warmupIterations: 0, time: 0 },
  )
})
