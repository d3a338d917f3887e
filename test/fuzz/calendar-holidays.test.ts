/**
 * SPEC §4's business days against date-holidays' own periods, for every
 * country it knows and every date of 2020–2040: `isBusinessDay` must be
 * false exactly on the dates a public or bank holiday overlaps in the
 * country's zone (read by `Intl`) and on dates the zone skipped. `npm run
 * fuzz` runs every country (about a minute and a half on an idle machine);
 * `npm test` runs every fifteenth here and another slice in
 * test/time/calendar.test.ts, and so does the mutation run, which sets a
 * small FUZZ_RUNS (every country for every calendar mutant takes hours).
 */
import { describe, expect, it } from 'vitest'
import { allCountries, disagreements } from '../support/holiday-oracle.js'
import { numRuns } from './support.js'

// Every country only when the fuzz runs more cases than `npm test` does.
const COUNTRIES = numRuns > 200 ? allCountries() : allCountries().filter((_, i) => i % 15 === 7)

describe('every country date-holidays knows, every date of 2020–2040', () => {
  // Hong Kong's, Taiwan's and China's lunar rules take 20–50 ms a year in date-holidays, asked twice here.
  it.each(COUNTRIES)(
    '%s',
    (country) => {
      expect(disagreements(country, 2020, 2040)).toEqual([])
    },
    120_000,
  )
})
