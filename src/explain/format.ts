/**
 * Dates, instants, amounts and lists in a locale's style, by `Intl`: the
 * explanation never shows an ISO string.
 */

import { civilFromDays, type DayNumber } from '../time/plain-date.js'
import { intlOptions } from '../time/zone.js'

/** Formatters for one locale and one zone, made once per explanation. */
export interface Formats {
  /** A local date with weekday and year: `Thu 31 Dec 2026`. */
  date(day: DayNumber): string
  /** A local date with weekday, without year: `Tue 22 Dec`. */
  weekday(day: DayNumber): string
  /** A date or a run of dates, without weekday or year: `25 Dec`, `26–27 Dec`. */
  days(first: DayNumber, last: DayNumber): string
  /** An instant in the zone, to the minute (to the second when it has seconds): `22 Dec 2026, 10:00 GMT`. */
  instant(ms: number): string
  /** An exact decimal amount with its currency code, its digits kept: `EUR 96.80`. */
  money(amount: string, currency: string): string
  /** Items joined in the locale's words: `a, b and c` (or `a or b`). */
  list(items: readonly string[], type: 'conjunction' | 'disjunction'): string
}

/** Midnight UTC of a day number: with `timeZone: 'UTC'`, `Intl` formats it as that very date. */
const utcDate = (day: DayNumber) => {
  const [year, month, date] = civilFromDays(day)
  return new Date(Date.UTC(year, month - 1, date))
}

/**
 * `Intl` writes `Thu, 31 Dec 2026` in British English: the separator after
 * the weekday becomes one space, in every locale, so a day reads as one phrase.
 */
function withoutWeekdayComma(format: Intl.DateTimeFormat, date: Date): string {
  const parts = format.formatToParts(date)
  return plainSpaces(
    parts.map((part, i) => (part.type === 'literal' && parts[i - 1]?.type === 'weekday' ? ' ' : part.value)).join(''),
  )
}

/**
 * `Intl` puts no-break, narrow and thin spaces between a currency and its
 * amount or round a range's dash, which ICU versions choose differently: one
 * plain space keeps the text the same on every Node and easy to search in logs.
 */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u2009\u202f]/gu, ' ')

/** A range of numbers is written without spaces round its dash (`26–27 Dec`), as typesetters do. */
const tightNumberRange = (text: string) => text.replace(/(\d)\s*–\s*(\d)/u, '$1–$2')

/**
 * The formatters of `locale` (a BCP 47 tag) for instants in `timeZone`.
 *
 * @example
 * createFormats('en-GB', 'Europe/London').date(daysFromCivil(2026, 12, 31)) // => 'Thu 31 Dec 2026'
 */
export function createFormats(locale: string, timeZone: string): Formats {
  const dated = new Intl.DateTimeFormat(
    locale,
    intlOptions({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
  )
  const weekday = new Intl.DateTimeFormat(
    locale,
    intlOptions({ weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }),
  )
  const days = new Intl.DateTimeFormat(locale, intlOptions({ day: 'numeric', month: 'short', timeZone: 'UTC' }))
  const clock = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' } as const
  const minutes = new Intl.DateTimeFormat(
    locale,
    intlOptions({ ...clock, hourCycle: 'h23', timeZoneName: 'short', timeZone }),
  )
  const seconds = new Intl.DateTimeFormat(
    locale,
    intlOptions({ ...clock, second: '2-digit', hourCycle: 'h23', timeZoneName: 'short', timeZone }),
  )
  return {
    date: (day) => withoutWeekdayComma(dated, utcDate(day)),
    weekday: (day) => withoutWeekdayComma(weekday, utcDate(day)),
    days: (first, last) =>
      plainSpaces(
        first === last
          ? days.format(utcDate(first))
          : tightNumberRange(days.formatRange(utcDate(first), utcDate(last))),
      ),
    instant: (ms) => plainSpaces((ms % 60_000 === 0 ? minutes : seconds).format(ms)),
    money: (amount, currency) => {
      const digits = amount.length - 1 - amount.indexOf('.')
      const fraction = amount.includes('.') ? digits : 0
      const format = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        currencyDisplay: 'code',
        minimumFractionDigits: fraction,
        maximumFractionDigits: fraction,
      })
      // A string keeps every digit: `Intl` formats it as an exact decimal, not as a float (ES2023's
      // `StringNumericLiteral`, which the ES2022 library types do not know yet).
      return plainSpaces(format.format(amount as unknown as number))
    },
    list: (items, type) => plainSpaces(new Intl.ListFormat(locale, { type }).format(items)),
  }
}
