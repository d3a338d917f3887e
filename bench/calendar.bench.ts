/**
 * Business-day arithmetic: `addBusinessDays(d, 5)` on random dates over
 * 2020–2035, beside the naive composition a user would write (date-fns
 * `addDays`/`isWeekend` + date-holidays `isHoliday`, day by day) in the same
 * run. Target: ≥ 1,000,000 calls/s on one core and ≥ 1000× the naive loop.
 * Run: npm run bench -- bench/calendar.bench.ts
 */
import { bench, describe } from 'vitest'
import { createBusinessCalendar } from '../src/time/calendar.js'
import { daysFromCivil, formatPlainDate } from '../src/time/plain-date.js'
import { createNaiveCalendar } from '../test/support/naive.js'
import { seededRandom } from './support/random.js'

const calendar = createBusinessCalendar({
  timeZone: 'Europe/London',
  holidays: { country: 'GB', state: 'ENG', types: ['public', 'bank'] },
})
const naive = createNaiveCalendar('GB', 'ENG')

function randomDates(count: number, seed: number): string[] {
  const next = seededRandom(seed)
  const first = daysFromCivil(2020, 1, 1)
  const span = daysFromCivil(2035, 12, 31) - first
  return Array.from({ length: count }, () => formatPlainDate(first + Math.floor(next() * span)))
}

const dates = randomDates(4096, 42)
let i = 0

describe('addBusinessDays(date, 5) on random dates 2020–2035', () => {
  bench('refund-rules createBusinessCalendar', () => {
    calendar.addBusinessDays(dates[i++ & 4095] as string, 5)
  })
  bench('naive: date-fns addDays/isWeekend + date-holidays isHoliday', () => {
    naive.addBusinessDays(dates[i++ & 4095] as string, 5)
  })
})
