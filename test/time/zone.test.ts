/**
 * The zone tables against `Intl` itself: at the exact millisecond of every
 * offset change in sampled years of every zone `Intl` knows, offsets with
 * seconds included; the daily scan, the bisection, the per-year cache and its
 * bounds, local days, the start and end of a day, local readings in DST gaps
 * and overlaps, and zone names read once under their canonical spelling.
 * Every oracle here is `Intl` (or `@date-fns/tz`, where it is right), never `src/time`.
 */
import { tzOffset } from '@date-fns/tz'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { RefundRulesError } from '../../src/errors.js'
import { createBusinessCalendar } from '../../src/time/calendar.js'
import { daysFromCivil } from '../../src/time/plain-date.js'
import { canonicalTimeZone, createZone, formatLocalDateTime, localToInstant } from '../../src/time/zone.js'
import { checkZoneYear, seeded } from '../support/intl-zones.js'

// No zone in tzdata changes its offset exactly at a UTC new year (1970–2037), but nothing forbids one: Etc/GMT-1
// (+1) is stubbed to become +2 at 2027-01-01T00:00Z, so the year boundary of the per-year tables can be tested.
// Every name the library hands @date-fns/tz is recorded: its formatter cache keeps one per name, forever.
const NEW_YEAR_CHANGE = Date.UTC(2027, 0, 1)
const namesAsked = vi.hoisted(() => new Set<string>())
vi.mock('@date-fns/tz', async (importOriginal) => {
  const real = await importOriginal<typeof import('@date-fns/tz')>()
  return {
    ...real,
    tzOffset: (timeZone: string, date: Date) => {
      namesAsked.add(timeZone)
      return timeZone === 'Etc/GMT-1' ? (date.getTime() < NEW_YEAR_CHANGE ? 60 : 120) : real.tzOffset(timeZone, date)
    },
  }
})

const ZONES = [
  'UTC',
  'Europe/London',
  'America/St_Johns', // −3:30 / −2:30
  'Australia/Lord_Howe', // a 30-minute DST
  'Asia/Kathmandu', // +5:45
  'Pacific/Kiritimati', // +14
  'Pacific/Apia', // skipped 30 Dec 2011 entirely
  'America/Santiago', // DST changes at midnight
  'America/Havana', // DST changes at midnight
  'Asia/Tehran',
]
const MS_PER_DAY = 86_400_000
const utc = (text: string) => Date.parse(text)
const reference = (timeZone: string, ms: number) => tzOffset(timeZone, new Date(ms))

/** Every offset change in a year, found by a plain minute-by-minute reading of Intl around each daily change. */
function changesIn(timeZone: string, year: number): number[] {
  const out: number[] = []
  const end = Date.UTC(year + 1, 0, 1)
  for (let t = Date.UTC(year, 0, 1); t < end; t += MS_PER_DAY / 4) {
    const next = Math.min(t + MS_PER_DAY / 4, end)
    if (reference(timeZone, t) === reference(timeZone, next - 1)) continue
    let lo = t
    let hi = next - 1
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2)
      if (reference(timeZone, mid) === reference(timeZone, t)) lo = mid
      else hi = mid
    }
    out.push(hi)
  }
  return out
}

describe('offsetAt agrees with Intl', () => {
  it.each(ZONES)('%s, at the exact millisecond of each change in 2011, 2026 and 2037', (timeZone) => {
    const zone = createZone(timeZone, 'tz')
    for (const year of [2011, 2026, 2037]) {
      for (const change of changesIn(timeZone, year)) {
        for (const ms of [change - 1, change, change + 1])
          expect(zone.offsetAt(ms), `${timeZone} ${ms}`).toBe(reference(timeZone, ms))
      }
    }
  })

  it.each(ZONES)('%s, at the first and last millisecond of UTC years, in any order', (timeZone) => {
    const zone = createZone(timeZone, 'tz')
    for (const year of [2026, 1970, 2025, 9999, 2027, 2026]) {
      const start = Date.UTC(year, 0, 1)
      for (const ms of [start, start + 1, start - 1, start + MS_PER_DAY - 1])
        if (ms >= 0) expect(zone.offsetAt(ms)).toBe(reference(timeZone, ms))
    }
  })

  it.each([
    ['Asia/Kathmandu', 1985], // +5:30 → +5:45 on 31 December (UTC)
    ['Pacific/Kiritimati', 1994], // −10 → +14: the Line Islands skipped 31 December
    ['Asia/Dhaka', 2009], // the end of Bangladesh's only DST, on 31 December
  ])('%s %i: a change on the last UTC day of a year is found', (timeZone, year) => {
    const zone = createZone(timeZone, 'tz')
    const changes = changesIn(timeZone, year)
    const last = changes[changes.length - 1] as number
    expect(last).toBeGreaterThanOrEqual(Date.UTC(year, 11, 31))
    for (const ms of [last - 1, last, Date.UTC(year + 1, 0, 1) - 1])
      expect(zone.offsetAt(ms), `${timeZone} ${ms}`).toBe(reference(timeZone, ms))
  })

  it('a change exactly at a UTC new year applies from its first millisecond, whichever year was read before', () => {
    for (const before of [Date.UTC(2026, 6, 1), NEW_YEAR_CHANGE - 1, Date.UTC(2027, 6, 1), NEW_YEAR_CHANGE + 1]) {
      const zone = createZone('Etc/GMT-1', 'tz')
      zone.offsetAt(before)
      expect(zone.offsetAt(NEW_YEAR_CHANGE), `after reading ${before}`).toBe(120)
      expect(zone.offsetAt(NEW_YEAR_CHANGE - 1), `after reading ${before}`).toBe(60)
      expect(zone.offsetAt(NEW_YEAR_CHANGE), `after reading ${before}`).toBe(120)
    }
  })

  it('random instants in random zones (the cache never answers for the wrong year)', () => {
    const zones = new Map(ZONES.map((z) => [z, createZone(z, 'tz')]))
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: 0, max: utc('2100-01-01T00:00:00Z') }), (tz, ms) => {
        expect(zones.get(tz)?.offsetAt(ms)).toBe(reference(tz, ms))
      }),
      { numRuns: 500, seed: 20261129 },
    )
  })
})

describe('local days and their starts', () => {
  it.each(ZONES)('%s: localDay, localTimeOfDay and startOfDay agree with Intl', (timeZone) => {
    const zone = createZone(timeZone, 'tz')
    for (const year of [2011, 2026]) {
      for (const change of changesIn(timeZone, year)) {
        for (const ms of [change - 1, change]) {
          const wall = ms + reference(timeZone, ms) * 60_000
          expect(zone.localDay(ms)).toBe(Math.floor(wall / MS_PER_DAY))
          expect(zone.localTimeOfDay(ms)).toBe(wall - Math.floor(wall / MS_PER_DAY) * MS_PER_DAY)
        }
        const day = zone.localDay(change)
        for (const d of [day - 1, day, day + 1]) {
          const start = zone.startOfDay(d)
          // The first instant whose local date is d (or later, for a day the zone skipped: Apia 2011-12-30).
          expect(zone.localDay(start)).toBe(
            timeZone === 'Pacific/Apia' && d === daysFromCivil(2011, 12, 30) ? d + 1 : d,
          )
          expect(zone.localDay(start - 1)).toBeLessThan(d)
        }
      }
    }
  })

  it('a day that begins in a DST gap begins at the gap end (Santiago, 2026-09-06 00:00 does not exist)', () => {
    const zone = createZone('America/Santiago', 'tz')
    expect(new Date(zone.startOfDay(daysFromCivil(2026, 9, 6))).toISOString()).toBe('2026-09-06T04:00:00.000Z')
    expect(new Date(zone.startOfDay(daysFromCivil(2026, 9, 5))).toISOString()).toBe('2026-09-05T04:00:00.000Z')
    expect(new Date(zone.startOfDay(daysFromCivil(2026, 9, 7))).toISOString()).toBe('2026-09-07T03:00:00.000Z')
  })

  it('a date that begins, ends and begins again starts at its first instant (clocks set back just after midnight)', () => {
    // St. John's fell back at 00:01 NDT on 30 Oct 1994: 30 Oct began at 02:30Z, 29 Oct 23:01 NST came back at 02:31Z.
    const stJohns = createZone('America/St_Johns', 'tz')
    expect(new Date(stJohns.startOfDay(daysFromCivil(1994, 10, 30))).toISOString()).toBe('1994-10-30T02:30:00.000Z')
    // Amman fell back at 01:00 on 28 Oct 2011: 00:00–00:59 came twice; the date began at the first 00:00 (+03:00).
    const amman = createZone('Asia/Amman', 'tz')
    expect(new Date(amman.startOfDay(daysFromCivil(2011, 10, 28))).toISOString()).toBe('2011-10-27T21:00:00.000Z')
    expect(new Date(amman.startOfDay(daysFromCivil(2011, 10, 29))).toISOString()).toBe('2011-10-28T22:00:00.000Z')
  })

  it('Apia skipped 30 December 2011: 29 December is followed by 31 December', () => {
    const zone = createZone('Pacific/Apia', 'tz')
    const d29 = daysFromCivil(2011, 12, 29)
    const d31 = daysFromCivil(2011, 12, 31)
    expect(zone.localDay(zone.startOfDay(d31) - 1)).toBe(d29)
    expect(zone.startOfDay(d31)).toBe(utc('2011-12-30T10:00:00Z'))
  })
})

describe('offsets with seconds (@date-fns/tz 1.5 reads GMT-00:44:30 as +44.5 minutes)', () => {
  const monrovia = createZone('Africa/Monrovia', 'tz')
  const MIDYEAR_1971 = utc('1971-06-15T12:00:00Z')

  it('Intl says −00:44:30 in Monrovia in 1971, and @date-fns/tz alone says +44.5 minutes', () => {
    const longOffset = new Intl.DateTimeFormat('en-US', { timeZone: 'Africa/Monrovia', timeZoneName: 'longOffset' })
    expect(longOffset.format(MIDYEAR_1971)).toMatch(/GMT-00:44:30$/)
    expect(reference('Africa/Monrovia', MIDYEAR_1971)).toBe(44.5) // the dependency's reading, kept to show the gap
  })

  it('offsetAt is −44.5 minutes, and local dates, times and day starts follow it', () => {
    expect(monrovia.offsetAt(MIDYEAR_1971)).toBe(-44.5)
    // 00:30Z on 15 June 1971 is 23:45:30 on the 14th in Monrovia.
    const justAfterMidnightUtc = utc('1971-06-15T00:30:00Z')
    expect(monrovia.localDay(justAfterMidnightUtc)).toBe(daysFromCivil(1971, 6, 14))
    expect(monrovia.localTimeOfDay(justAfterMidnightUtc)).toBe(((23 * 60 + 45) * 60 + 30) * 1000)
    expect(formatLocalDateTime(monrovia, justAfterMidnightUtc)).toBe('1971-06-14 23:45')
    expect(monrovia.startOfDay(daysFromCivil(1971, 6, 15))).toBe(utc('1971-06-15T00:44:30Z'))
  })

  it('the calendar ends a Monrovia day at 00:44:29.999Z the next day', () => {
    const calendar = createBusinessCalendar({ timeZone: 'Africa/Monrovia' })
    expect(calendar.endOfDay('1971-06-15')).toBe('1971-06-16T00:44:29.999Z')
    expect(calendar.localDate('1971-06-16T00:44:29.999Z')).toBe('1971-06-15')
    expect(calendar.localDate('1971-06-16T00:44:30Z')).toBe('1971-06-16')
  })

  it('the change to GMT on 7 January 1972 is found to the millisecond', () => {
    // Monrovia's clocks went from 00:00 −00:44:30 to 00:44:30 GMT: the change is at 1972-01-07T00:44:30Z.
    const change = utc('1972-01-07T00:44:30Z')
    expect([monrovia.offsetAt(change - 1), monrovia.offsetAt(change)]).toEqual([-44.5, 0])
    expect(localToInstant(monrovia, daysFromCivil(1971, 12, 31), 12 * 3_600_000)).toEqual({
      ms: utc('1971-12-31T12:44:30Z'),
      moved: false,
    })
    // 00:00–00:44:29 on 7 January 1972 never happened: a reading in it moves forward by the gap.
    expect(localToInstant(monrovia, daysFromCivil(1972, 1, 7), 20 * 60_000)).toEqual({
      ms: utc('1972-01-07T00:44:30Z') + 20 * 60_000,
      moved: true,
    })
  })
})

describe('every zone Intl knows, against Intl (one sampled year each, fixed seed)', () => {
  const ALL = Intl.supportedValuesOf('timeZone')

  // A year costs a zone about 370 readings of Intl: one year per zone keeps this within a few seconds. Years rotate
  // between today's rules (2026), the changeable past (1970–2037) and the far future (2038–9998); test/fuzz sweeps.
  it(`${ALL.length} zones: offsets, local dates and times at and around every change, day starts and ends`, () => {
    const random = seeded(20261129)
    const failures: string[] = []
    let checked = 0
    ALL.forEach((timeZone, index) => {
      const year = [2026, 1970 + random(68), 2038 + random(9999 - 2038)][index % 3] as number
      const result = checkZoneYear(timeZone, year, random, { samples: 6, days: 2, calendarDays: index % 8 === 0 })
      failures.push(...result.failures)
      checked += result.checked
    })
    expect(failures.slice(0, 20)).toEqual([])
    expect(checked).toBeGreaterThan(ALL.length * 8)
  }, 60_000)
})

describe('localToInstant', () => {
  const london = createZone('Europe/London', 'tz')
  const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d)
  const at = (h: number, min = 0) => (h * 60 + min) * 60_000
  it('an ordinary reading, in winter and in summer', () => {
    expect(localToInstant(london, day(2026, 1, 15), at(12))).toEqual({ ms: utc('2026-01-15T12:00:00Z'), moved: false })
    expect(localToInstant(london, day(2026, 7, 15), at(12))).toEqual({ ms: utc('2026-07-15T11:00:00Z'), moved: false })
  })
  it('a reading in the spring gap moves forward by the gap', () => {
    expect(localToInstant(london, day(2026, 3, 29), at(1, 30))).toEqual({
      ms: utc('2026-03-29T01:30:00Z'),
      moved: true,
    })
    expect(localToInstant(london, day(2026, 3, 29), at(1))).toEqual({ ms: utc('2026-03-29T01:00:00Z'), moved: true })
    expect(localToInstant(london, day(2026, 3, 29), at(2))).toEqual({ ms: utc('2026-03-29T01:00:00Z'), moved: false })
    expect(localToInstant(london, day(2026, 3, 29), at(0, 59))).toEqual({
      ms: utc('2026-03-29T00:59:00Z'),
      moved: false,
    })
  })
  it('a repeated autumn reading takes the earlier instant', () => {
    expect(localToInstant(london, day(2026, 10, 25), at(1, 30))).toEqual({
      ms: utc('2026-10-25T00:30:00Z'),
      moved: false,
    })
    expect(localToInstant(london, day(2026, 10, 25), at(2))).toEqual({ ms: utc('2026-10-25T02:00:00Z'), moved: false })
  })
  it('in a zone east of UTC (Berlin)', () => {
    const berlin = createZone('Europe/Berlin', 'tz')
    expect(localToInstant(berlin, day(2026, 3, 29), at(2, 30))).toEqual({
      ms: utc('2026-03-29T01:30:00Z'),
      moved: true,
    })
    expect(localToInstant(berlin, day(2026, 10, 25), at(2, 30))).toEqual({
      ms: utc('2026-10-25T00:30:00Z'),
      moved: false,
    })
  })
})

describe('formatLocalDateTime', () => {
  it.each([
    ['Europe/London', '2026-03-29T01:30:00Z', '2026-03-29 02:30'], // just after the spring gap
    ['Europe/London', '2026-01-05T09:07:59.999Z', '2026-01-05 09:07'], // padded, seconds dropped
    ['Asia/Kathmandu', '2026-07-01T18:14:00Z', '2026-07-01 23:59'], // +5:45
    ['America/St_Johns', '2026-01-01T03:29:00Z', '2025-12-31 23:59'], // −3:30, the day before in UTC terms
    ['UTC', '2026-11-20T00:00:00Z', '2026-11-20 00:00'],
  ])('%s at %s reads %s', (timeZone, instant, reading) => {
    expect(formatLocalDateTime(createZone(timeZone, 'tz'), utc(instant))).toBe(reading)
  })
})

describe('zone names', () => {
  it.each([
    ['UTC', 'UTC'],
    ['Europe/London', 'Europe/London'],
    ['europe/london', 'Europe/London'], // Intl is case-insensitive
    ['EUROPE/LONDON', 'Europe/London'],
    ['Etc/GMT', 'UTC'],
    ['US/Eastern', 'America/New_York'],
    ['', undefined],
    ['Mars/Olympus', undefined],
    ['A'.repeat(65), undefined],
    ['America/Argentina/ComodRivadavia', 'America/Catamarca'],
    [42, undefined],
    [null, undefined],
  ])('canonicalTimeZone(%j) = %s', (name, canonical) => {
    expect(canonicalTimeZone(name)).toBe(canonical)
  })

  it('a 64-character name is looked up, a 65-character one is not', () => {
    // No real zone is that long: both are unknown, but only the first reaches Intl (which must not throw out).
    expect(canonicalTimeZone('A'.repeat(64))).toBeUndefined()
    // Whether Intl is asked at all is the next test's subject; a wall-clock bound here would flake on a busy machine.
    expect(canonicalTimeZone('Europe/London'.padEnd(10_000_000, 'x'))).toBeUndefined()
  })

  it('asks Intl about a 64-character name, but not about a 65-character one', () => {
    const intl = vi.spyOn(Intl, 'DateTimeFormat')
    try {
      const asked = (name: string) => {
        intl.mockClear()
        canonicalTimeZone(name)
        return intl.mock.calls.some(([, options]) => options?.timeZone === name)
      }
      expect([asked('B'.repeat(64)), asked('B'.repeat(65))]).toEqual([true, false])
    } finally {
      intl.mockRestore()
    }
  })

  it('createZone names the field and what it received', () => {
    expect(() => createZone('Mars/Olympus', 'calendar.timeZone')).toThrow(
      new RefundRulesError([
        {
          code: 'INVALID_POLICY',
          path: 'calendar.timeZone',
          message: 'expected an IANA time zone, received "Mars/Olympus"',
        },
      ]),
    )
    expect(createZone('Asia/Tokyo', 'tz').timeZone).toBe('Asia/Tokyo')
    expect(Object.isFrozen(createZone('UTC', 'tz'))).toBe(true)
  })

  it('a zone is known by its canonical name, and only that name reaches @date-fns/tz and its cache', () => {
    const spellings = ['europe/berlin', 'EUROPE/BERLIN', 'Europe/BERLIN', 'eUrOpE/bErLiN']
    for (const spelling of spellings) {
      const zone = createZone(spelling, 'calendar.timeZone')
      expect(zone.timeZone).toBe('Europe/Berlin')
      expect(zone.offsetAt(Date.UTC(2026, 6, 1))).toBe(120)
    }
    expect(spellings.filter((spelling) => namesAsked.has(spelling))).toEqual([])
    expect(namesAsked.has('Europe/Berlin')).toBe(true)
  })

  it('a calendar, and so a policy, keeps the canonical name', () => {
    expect(createBusinessCalendar({ timeZone: 'europe/LONDON' }).options.timeZone).toBe('Europe/London')
  })
})
