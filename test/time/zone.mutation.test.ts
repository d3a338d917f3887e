/**
 * The zone tables against `Intl` itself, at the exact millisecond of every
 * offset change (issue #5, mutation testing): the daily scan, the bisection,
 * the per-year cache and its bounds, local days, the start of a day and
 * local readings in DST gaps and overlaps.
 */
import { tzOffset } from '@date-fns/tz'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { RefundRulesError } from '../../src/errors.js'
import { daysFromCivil } from '../../src/time/plain-date.js'
import { createZone, formatLocalDateTime, isKnownTimeZone, localToInstant } from '../../src/time/zone.js'

// No zone in tzdata changes its offset exactly at a UTC new year (1970–2037), but nothing forbids one: Etc/GMT-1
// (+1) is stubbed to become +2 at 2027-01-01T00:00Z, so the year boundary of the per-year tables can be tested.
const NEW_YEAR_CHANGE = Date.UTC(2027, 0, 1)
vi.mock('@date-fns/tz', async (importOriginal) => {
  const real = await importOriginal<typeof import('@date-fns/tz')>()
  return {
    ...real,
    tzOffset: (timeZone: string, date: Date) =>
      timeZone === 'Etc/GMT-1' ? (date.getTime() < NEW_YEAR_CHANGE ? 60 : 120) : real.tzOffset(timeZone, date),
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
      { numRuns: 500 },
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
    ['UTC', true],
    ['Europe/London', true],
    ['europe/london', true], // Intl is case-insensitive
    ['', false],
    ['Mars/Olympus', false],
    ['A'.repeat(65), false],
    [`America/Argentina/ComodRivadavia`, true],
    [42, false],
    [null, false],
  ])('isKnownTimeZone(%j) = %s', (name, known) => {
    expect(isKnownTimeZone(name)).toBe(known)
  })

  it('a 64-character name is looked up, a 65-character one is not', () => {
    // No real zone is that long: both are unknown, but only the first reaches Intl (which must not throw out).
    expect(isKnownTimeZone('A'.repeat(64))).toBe(false)
    // Whether Intl is asked at all is the next test's subject; a wall-clock bound here would flake on a busy machine.
    expect(isKnownTimeZone('Europe/London'.padEnd(10_000_000, 'x'))).toBe(false)
  })

  it('asks Intl about a 64-character name, but not about a 65-character one', () => {
    const intl = vi.spyOn(Intl, 'DateTimeFormat')
    try {
      const asked = (name: string) => {
        intl.mockClear()
        isKnownTimeZone(name)
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
})
