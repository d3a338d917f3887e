/**
 * SPEC §4's business days against date-holidays' own periods, for every
 * country it knows and every date of 2020–2040: `isBusinessDay` must be
 * false exactly on the dates a public or bank holiday overlaps in the
 * country's zone (read by `Intl`) and on dates the zone skipped. `npm test`
 * runs a slice of the countries (test/time/calendar.test.ts); this is the
 * whole of it, about a minute and a half on an idle machine.
 */
import { describe, expect, it } from 'vitest'
import { allCountries, disagreements } from '../support/holiday-oracle.js'

describe('every country date-holidays knows, every date of 2020–2040', () => {
  // Hong Kong's, Taiwan's and China's lunar rules take 20–50 ms a year in date-holidays, asked twice here.
  it.each(allCountries())(
    '%s',
    (country) => {
      expect(disagreements(country, 2020, 2040)).toEqual([])
    },
    120_000,
  )
})
