/**
 * addMonthsInZone (SPEC §4, Months) at its edges: year rollover, clamping
 * only when the day is missing, DST gaps, offsets with seconds, the supported range.
 */
import { describe, expect, it } from 'vitest'
import { RefundRulesError } from '../../src/errors.js'
import { addMonthsInZone } from '../../src/time/months.js'
import { createZone } from '../../src/time/zone.js'
import { errorOf } from '../support/errors.js'

const london = createZone('Europe/London', 'tz')
const utc = createZone('UTC', 'tz')
const later = (zone: typeof utc, from: string, months: number) => {
  const r = addMonthsInZone(zone, Date.parse(from), months, 'at')
  return [new Date(r.ms).toISOString(), r.clamped, r.movedForward]
}

describe('addMonthsInZone', () => {
  it.each<[string, number, string, boolean]>([
    ['2026-01-15T12:00:00Z', 1, '2026-02-15T12:00:00.000Z', false],
    ['2026-01-15T12:00:00Z', 11, '2026-12-15T12:00:00.000Z', false],
    ['2026-01-15T12:00:00Z', 12, '2027-01-15T12:00:00.000Z', false],
    ['2026-11-15T12:00:00Z', 2, '2027-01-15T12:00:00.000Z', false],
    ['2026-12-15T12:00:00Z', 1, '2027-01-15T12:00:00.000Z', false],
    ['2026-12-15T12:00:00Z', 13, '2028-01-15T12:00:00.000Z', false],
    ['2026-06-15T12:00:00Z', 30, '2028-12-15T12:00:00.000Z', false],
    ['2026-01-31T12:00:00Z', 1, '2026-02-28T12:00:00.000Z', true],
    ['2026-01-28T12:00:00Z', 1, '2026-02-28T12:00:00.000Z', false], // the last day exactly: not clamped
    ['2026-01-29T12:00:00Z', 1, '2026-02-28T12:00:00.000Z', true],
    ['2026-03-31T12:00:00Z', 1, '2026-04-30T12:00:00.000Z', true],
    ['2026-03-30T12:00:00Z', 1, '2026-04-30T12:00:00.000Z', false],
    ['2028-02-29T12:00:00Z', 12, '2029-02-28T12:00:00.000Z', true],
    ['2028-02-29T12:00:00Z', 48, '2032-02-29T12:00:00.000Z', false],
    ['2027-01-31T00:00:00Z', 13, '2028-02-29T00:00:00.000Z', true],
  ])('%s + %i months = %s (clamped %s)', (from, months, to, clamped) => {
    expect(later(utc, from, months)).toEqual([to, clamped, false])
  })

  it('keeps the local time across a DST change (London: 12:00 GMT in January, 12:00 BST in July)', () => {
    expect(later(london, '2026-01-15T12:00:00Z', 6)).toEqual(['2026-07-15T11:00:00.000Z', false, false])
    expect(later(london, '2026-07-15T11:00:00Z', 6)).toEqual(['2027-01-15T12:00:00.000Z', false, false])
  })

  it('a local time that does not exist moves forward by the gap', () => {
    // 01:30 GMT on 29 March 2025; 29 March 2026 01:30 London is skipped: 02:30 BST.
    expect(later(london, '2025-03-29T01:30:00Z', 12)).toEqual(['2026-03-29T01:30:00.000Z', false, true])
    expect(later(london, '2025-03-29T00:59:00Z', 12)).toEqual(['2026-03-29T00:59:00.000Z', false, false])
  })

  it('a result after 9999 is OUT_OF_RANGE at the path', () => {
    expect(() => addMonthsInZone(utc, Date.parse('9999-06-01T00:00:00Z'), 7, 'account.lastActivityAt')).toThrow(
      RefundRulesError,
    )
    try {
      addMonthsInZone(utc, Date.parse('9999-06-01T00:00:00Z'), 7, 'account.lastActivityAt')
    } catch (error) {
      expect([(error as RefundRulesError).code, (error as RefundRulesError).path]).toEqual([
        'OUT_OF_RANGE',
        'account.lastActivityAt',
      ])
    }
    expect(later(utc, '9999-06-01T00:00:00Z', 6)).toEqual(['9999-12-01T00:00:00.000Z', false, false])
  })

  it('a local date in 9999 whose instant falls in 10000 (west of UTC) is OUT_OF_RANGE at the path', () => {
    const newYork = createZone('America/New_York', 'tz')
    const error = errorOf(() =>
      addMonthsInZone(newYork, Date.parse('9998-12-31T23:00:00-05:00'), 12, 'account.lastActivityAt'),
    )
    expect([error.code, error.path]).toEqual(['OUT_OF_RANGE', 'account.lastActivityAt'])
    // 18:59:59.999 local on 31 December 9999 is the last instant of 9999 in UTC.
    expect(later(newYork, '9998-12-31T18:59:59.999-05:00', 12)).toEqual(['9999-12-31T23:59:59.999Z', false, false])
    expect(() => later(newYork, '9998-12-31T19:00:00-05:00', 12)).toThrow(RefundRulesError)
  })

  it('keeps the local time in a zone whose offset has seconds (Monrovia, −00:44:30 until 1972)', () => {
    const monrovia = createZone('Africa/Monrovia', 'tz')
    expect(later(monrovia, '1970-06-15T12:44:30Z', 12)).toEqual(['1971-06-15T12:44:30.000Z', false, false])
    // Across the change to GMT on 7 January 1972: 12:00 local was 12:44:30Z, and is now 12:00Z.
    expect(later(monrovia, '1971-06-15T12:44:30Z', 12)).toEqual(['1972-06-15T12:00:00.000Z', false, false])
  })
})
