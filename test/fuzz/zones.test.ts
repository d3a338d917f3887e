/**
 * SPEC §4: local dates and offsets agree with `Intl` for every zone and
 * instant in range. A denser sweep than test/time/zone.test.ts: random
 * (zone, year) pairs over 1970–9999, biased to 1970–2040 where the rules
 * change, each year also read from `Intl` every six hours to find a change the
 * zone's daily scan missed altogether.
 *
 * `npm test` checks FUZZ_RUNS / 50 pairs (4) with a fixed seed; `npm run fuzz`
 * checks 2,000 with a random seed, printed so that a failure can be replayed
 * (ZONE_SEED=… npm run fuzz).
 */
import { expect, it } from 'vitest'
import { checkZoneYear, seeded } from '../support/intl-zones.js'
import { numRuns } from './support.js'

const ZONES = Intl.supportedValuesOf('timeZone')
const PAIRS = Math.max(1, Math.floor(numRuns / 50))
const SEED = Number(process.env.ZONE_SEED ?? (process.env.FUZZ_RUNS === undefined ? 20261129 : Date.now() % 2 ** 31))

it(`${PAIRS} random (zone, year) pairs agree with Intl (seed ${SEED})`, () => {
  const random = seeded(SEED)
  const started = performance.now()
  const failures: string[] = []
  let checked = 0
  for (let i = 0; i < PAIRS; i++) {
    const timeZone = ZONES[random(ZONES.length)] as string
    const year = random(4) === 0 ? 2041 + random(9999 - 2041) : 1970 + random(71)
    const result = checkZoneYear(timeZone, year, random, {
      samples: 50,
      days: 20,
      calendarDays: true,
      intlStepMs: 6 * 3_600_000,
    })
    failures.push(...result.failures)
    checked += result.checked
  }
  console.log(
    `fuzz: zones: ${PAIRS} zone-years, ${checked} checks in ${((performance.now() - started) / 1000).toFixed(1)} s, seed ${SEED}`,
  )
  expect(failures.slice(0, 20)).toEqual([])
}, 3_600_000)
