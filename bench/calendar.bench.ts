/**
 * Business-day arithmetic: `addBusinessDays(d, 5)` on random dates over
 * 2020–2035, beside the naive composition a user would write (date-fns
 * `addDays`/`isWeekend` + date-holidays `isHoliday`, day by day) in the same
 * run. Target: ≥ 1,000,000 calls/s on one core and ≥ 1000× the naive loop.
 *
 * Bounded work: the longest count allowed (10 years) beside the same count
 * day by day; counts that cannot be met refused as cheaply as an ordinary due
 * date; and the worst case allowed, 10 years of Hong Kong's holidays on a
 * fresh calendar, beside one year of them.
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

// Every date of the 10 years once, so that both rows below read cached years.
const from = daysFromCivil(2026, 1, 1)
const to = from + 3_653
for (let day = from; day <= to; day++) calendar.isBusinessDay(formatPlainDate(day))

describe('businessDaysBetween over 10 years (the longest span), cached years', () => {
  bench('refund-rules: whole years from their counts', () => {
    calendar.businessDaysBetween('2026-01-01', '2036-01-01')
  })
  bench('the same calendar day by day (isBusinessDay per date)', () => {
    let count = 0
    for (let day = from + 1; day <= to; day++) if (calendar.isBusinessDay(formatPlainDate(day))) count++
    if (count === 0) throw new Error('no business days counted')
  })
})

describe('a count that cannot be met, on a fresh calendar each time', () => {
  const vietnam = { timeZone: 'Asia/Ho_Chi_Minh', holidays: { country: 'VN' } } as const
  bench('refused: refundDueDate(start, 2000) with six weekend days and VN holidays', () => {
    const sparse = createBusinessCalendar({ ...vietnam, weekend: [0, 1, 2, 3, 4, 5] })
    try {
      sparse.refundDueDate('2026-01-05T10:00:00Z', 2_000)
    } catch {
      // OUT_OF_RANGE, as intended
    }
  })
  bench('baseline: refundDueDate(start, 5) with VN holidays', () => {
    createBusinessCalendar(vietnam).refundDueDate('2026-01-05T10:00:00Z', 5)
  })
})

describe('the worst case allowed: Hong Kong holidays on a fresh calendar', () => {
  const hongKong = { timeZone: 'Asia/Hong_Kong', holidays: { country: 'HK' } } as const
  bench(
    'businessDaysBetween over 10 years',
    () => {
      createBusinessCalendar(hongKong).businessDaysBetween('2026-01-01', '2036-01-01')
    },
    { iterations: 5, time: 0 },
  )
  bench(
    'baseline: one year (isBusinessDay)',
    () => {
      createBusinessCalendar(hongKong).isBusinessDay('2026-06-01')
    },
    { iterations: 10, time: 0 },
  )
})
