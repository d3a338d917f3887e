import { tzOffset } from '@date-fns/tz'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  arbDstInstant,
  arbEpochMs,
  arbInactivityEdge,
  arbInstant,
  arbInstantSpelling,
  arbLeapDayInstant,
  arbMonthEndInstant,
  arbWindowEdge,
  deactivationAt,
  dstTransitions,
  INSTANT_FORMS,
  MS_PER_HOUR,
  spellInstant,
  windowEdges,
  zoneOf,
} from '../../src/testing/instants.js'
import { civilFromDays, daysInMonth } from '../../src/time/plain-date.js'
import { ms } from './support.js'

const ZONES = ['Europe/London', 'America/Santiago', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns']

describe('instants', () => {
  it('every generated instant parses with the library and stays in range', () => {
    const from = Date.UTC(2000, 0, 1)
    const to = Date.UTC(2041, 0, 1) - 1
    fc.assert(
      fc.property(arbInstant(), (at) => {
        const t = ms(at)
        expect(t >= from && t <= to).toBe(true)
      }),
      { seed: 1001, numRuns: 500 },
    )
  })

  it('every spelling reads back as the same instant, across the whole supported range', () => {
    fc.assert(
      fc.property(
        arbEpochMs({ from: '1970-01-01T00:00:00Z', to: '9999-12-31T23:59:59.999Z' }).chain((t) =>
          arbInstantSpelling(t).map((spelled) => [t, spelled] as const),
        ),
        ([t, spelled]) => ms(spelled) === t,
      ),
      { seed: 1002, numRuns: 500 },
    )
    for (const form of INSTANT_FORMS) expect(ms(spellInstant(0, form, 345))).toBe(0)
    expect(spellInstant(0, 'offset', 120)).toBe('1970-01-01T02:00:00.000+02:00')
    expect(spellInstant(0, 'iso', 0, true)).toBe('1970-01-01T00:00Z')
  })

  it('arbInstant honours forms and bounds', () => {
    const arb = arbInstant({ from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z', forms: ['epoch'] })
    fc.assert(
      fc.property(arb, (t) => typeof t === 'number' && t >= 1767225600000 && t <= 1767312000000),
      { seed: 1003 },
    )
  })

  it('window edges are exactly at, 1 ms before and 1 ms after start + hours', () => {
    expect(windowEdges('1970-01-01T00:00:00Z', 48)).toEqual([
      { instant: 172_799_999, position: 'before', edge: 172_800_000 },
      { instant: 172_800_000, position: 'at', edge: 172_800_000 },
      { instant: 172_800_001, position: 'after', edge: 172_800_000 },
    ])
    fc.assert(
      fc.property(
        arbEpochMs().chain((start) =>
          fc
            .integer({ min: 0, max: 2000 })
            .chain((hours) => arbWindowEdge(start, hours).map((edge) => ({ start, hours, ...edge }))),
        ),
        ({ start, hours, instant, position, edge }) => {
          expect(edge).toBe(start + hours * MS_PER_HOUR)
          expect(instant - edge).toBe({ before: -1, at: 0, after: 1 }[position])
        },
      ),
      { seed: 1004 },
    )
  })

  it('finds the exact DST changes (London 2026)', () => {
    expect(dstTransitions('Europe/London', { fromYear: 2026, toYear: 2026 })).toEqual([
      { at: Date.parse('2026-03-29T01:00:00Z'), offsetBefore: 0, offsetAfter: 60 },
      { at: Date.parse('2026-10-25T01:00:00Z'), offsetBefore: 60, offsetAfter: 0 },
    ])
    expect(() => arbDstInstant('Asia/Tokyo')).toThrow(/no offset change/)
  })

  it('DST instants are within 2 h of a real offset change (checked with @date-fns/tz)', () => {
    for (const zone of ZONES) {
      fc.assert(
        fc.property(arbDstInstant(zone, { fromYear: 2020, toYear: 2030 }), (t) => {
          const before = tzOffset(zone, new Date(t - 2 * MS_PER_HOUR - 1))
          const after = tzOffset(zone, new Date(t + 2 * MS_PER_HOUR))
          expect(before).not.toBe(after)
        }),
        { seed: 1005, numRuns: 50 },
      )
    }
  })

  it('month-end and leap-day instants fall on those local dates', () => {
    for (const timeZone of ['Europe/London', 'Pacific/Kiritimati', 'America/St_Johns']) {
      const zone = zoneOf(timeZone)
      fc.assert(
        fc.property(arbMonthEndInstant({ timeZone }), (t) => {
          const [y, m, d] = civilFromDays(zone.localDay(ms(t)))
          expect(d).toBe(daysInMonth(y, m))
        }),
        { seed: 1006, numRuns: 100 },
      )
      fc.assert(
        fc.property(arbLeapDayInstant({ timeZone }), (t) => {
          const [, m, d] = civilFromDays(zone.localDay(ms(t)))
          expect([m, d]).toEqual([2, 29])
        }),
        { seed: 1007, numRuns: 100 },
      )
    }
    expect(() => arbLeapDayInstant({ fromYear: 2025, toYear: 2027 })).toThrow()
  })

  it('deactivationAt follows SPEC §4: same local time, month-end clamp, DST gap moves forward', () => {
    expect(deactivationAt('2026-01-15T10:00:00Z', 12)).toEqual({
      at: Date.parse('2027-01-15T10:00:00Z'),
      clamped: false,
      moved: false,
    })
    // Summer to winter: same London wall-clock time, one hour later in UTC.
    expect(deactivationAt('2026-07-01T09:00:00Z', 6).at).toBe(Date.parse('2027-01-01T10:00:00Z'))
    expect(deactivationAt('2028-02-29T12:00:00Z', 12)).toEqual({
      at: Date.parse('2029-02-28T12:00:00Z'),
      clamped: true,
      moved: false,
    })
    // 01:30 on 29 March 2026 does not exist in London: it becomes 02:30 BST (01:30Z).
    expect(deactivationAt('2025-03-29T01:30:00Z', 12)).toEqual({
      at: Date.parse('2026-03-29T01:30:00Z'),
      clamped: false,
      moved: true,
    })
  })

  it('inactivity edges sit at, 1 ms before and 1 ms after the deactivation instant', () => {
    fc.assert(
      fc.property(arbInactivityEdge({ lastActivityAt: arbLeapDayInstant(), timeZone: 'Europe/Berlin' }), (e) => {
        expect(e.edge).toBe(deactivationAt(e.lastActivityAt, 12, 'Europe/Berlin').at)
        expect(e.instant - e.edge).toBe({ before: -1, at: 0, after: 1 }[e.position])
      }),
      { seed: 1008 },
    )
  })
})
