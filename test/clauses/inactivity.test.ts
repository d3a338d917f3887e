import { describe, expect, it } from 'vitest'
import { evaluateInactivity } from '../../src/clauses/inactivity.js'
import { createPolicy } from '../../src/policy/settings.js'
import { cardFees, codes, eur } from './fixtures.js'

const gbp = (amount: string) => ({ amount, currency: 'GBP' })
const account = (lastActivityAt: string, balance = gbp('0.00')) => ({ id: 'a1', balance, lastActivityAt })
const plusMs = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString()

describe('evaluateInactivity (SPEC §4 months, §5)', () => {
  it('is active at exactly 12 months and deactivated 1 ms later, with every field pinned', () => {
    const active = evaluateInactivity({ account: account('2025-11-20T10:00:00Z'), now: '2026-11-20T10:00:00Z' })
    expect(active).toEqual({
      clause: 'inactivity',
      outcome: 'active',
      subject: { accountId: 'a1' },
      reasons: [],
      requirements: [],
      evaluatedAt: '2026-11-20T10:00:00.000Z',
      policy: { id: 'ctr-group', version: '1', fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) },
      dates: { lastActivityAt: '2025-11-20T10:00:00.000Z', deactivatesAt: '2026-11-20T10:00:00.000Z' },
    })
    const gone = evaluateInactivity({
      account: account('2025-11-20T10:00:00Z', gbp('12.00')),
      now: '2026-11-20T10:00:00.001Z',
    })
    expect({ ...gone, reasons: codes(gone) }).toEqual({
      clause: 'inactivity',
      outcome: 'deactivated',
      subject: { accountId: 'a1' },
      reasons: ['INACTIVE_OVER_THRESHOLD'],
      requirements: [],
      evaluatedAt: '2026-11-20T10:00:00.001Z',
      policy: { id: 'ctr-group', version: '1', fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) },
      dates: { lastActivityAt: '2025-11-20T10:00:00.000Z', deactivatesAt: '2026-11-20T10:00:00.000Z' },
      settlement: {
        currency: 'GBP',
        gross: '12.00',
        deductions: [{ kind: 'processing-fee', amount: '0.00', basis: 'no processing fee configured' }],
        net: '12.00',
      },
    })
    expect(gone.reasons[0]?.message).toMatch(/termination rules \(REFUND UPON INACTIVITY OF THE ACCOUNT\)$/)
  })

  it('clamps from 29 Feb to 28 Feb (MONTH_END_CLAMPED), active at the edge, deactivated 1 ms later', () => {
    const last = '2024-02-29T12:00:00Z'
    const edge = '2025-02-28T12:00:00.000Z'
    const active = evaluateInactivity({ account: account(last), now: edge })
    const gone = evaluateInactivity({ account: account(last), now: plusMs(edge, 1) })
    expect([active.outcome, codes(active), active.dates.deactivatesAt]).toEqual(['active', ['MONTH_END_CLAMPED'], edge])
    expect([gone.outcome, codes(gone)]).toEqual(['deactivated', ['INACTIVE_OVER_THRESHOLD', 'MONTH_END_CLAMPED']])
    expect(gone.reasons[1]?.message).toContain("the month's last day, 2025-02-28T12:00:00.000Z")
  })

  it('counts 12 months from 31 Jan to 31 Jan, and clamps shorter counts from 31 Jan', () => {
    const last = '2025-01-31T12:00:00Z'
    const edge = '2026-01-31T12:00:00.000Z'
    const active = evaluateInactivity({ account: account(last), now: edge })
    const gone = evaluateInactivity({ account: account(last), now: plusMs(edge, 1) })
    expect([active.outcome, codes(active), active.dates.deactivatesAt]).toEqual(['active', [], edge])
    expect([gone.outcome, codes(gone)]).toEqual(['deactivated', ['INACTIVE_OVER_THRESHOLD']])

    const oneMonth = evaluateInactivity(
      { account: account('2026-01-31T12:00:00Z'), now: '2026-02-28T12:00:00Z' },
      { inactivityMonths: 1 },
    )
    expect([oneMonth.outcome, codes(oneMonth), oneMonth.dates.deactivatesAt]).toEqual([
      'active',
      ['MONTH_END_CLAMPED'],
      '2026-02-28T12:00:00.000Z',
    ])
    const leap = evaluateInactivity(
      { account: account('2023-01-31T12:00:00Z'), now: '2024-03-01T00:00:00Z' },
      { inactivityMonths: 13 },
    )
    expect([leap.outcome, codes(leap), leap.dates.deactivatesAt]).toEqual([
      'deactivated',
      ['INACTIVE_OVER_THRESHOLD', 'MONTH_END_CLAMPED'],
      '2024-02-29T12:00:00.000Z',
    ])
  })

  it('moves a last activity that lands in the DST gap forward (NONEXISTENT_LOCAL_TIME)', () => {
    // 01:30 GMT on Sat 29 Mar 2025; on Sun 29 Mar 2026 London skips 01:00–02:00, so 01:30 becomes 02:30 BST.
    const last = '2025-03-29T01:30:00Z'
    const edge = '2026-03-29T01:30:00.000Z'
    const active = evaluateInactivity({ account: account(last), now: edge })
    const gone = evaluateInactivity({ account: account(last), now: plusMs(edge, 1) })
    expect([active.outcome, codes(active), active.dates.deactivatesAt]).toEqual([
      'active',
      ['NONEXISTENT_LOCAL_TIME'],
      edge,
    ])
    expect([gone.outcome, codes(gone)]).toEqual(['deactivated', ['INACTIVE_OVER_THRESHOLD', 'NONEXISTENT_LOCAL_TIME']])
    expect(gone.reasons[1]?.message).toContain('Europe/London')
  })

  it('counts calendar months at the same local time, not elapsed time: 10:00 GMT in January → 10:00 BST in July', () => {
    const d = evaluateInactivity(
      { account: account('2025-01-15T10:00:00Z'), now: '2025-07-15T09:00:00Z' },
      { inactivityMonths: 6 },
    )
    expect([d.outcome, d.dates.deactivatesAt]).toEqual(['active', '2025-07-15T09:00:00.000Z'])
  })

  it("counts in the policy's zone: 29 Feb 23:30 in New York is already 1 March in London", () => {
    const last = '2024-02-29T23:30:00-05:00'
    const london = evaluateInactivity({ account: account(last), now: '2025-01-01T00:00:00Z' })
    const newYork = evaluateInactivity(
      { account: account(last), now: '2025-01-01T00:00:00Z' },
      { calendar: { timeZone: 'America/New_York' } },
    )
    expect([codes(london), london.dates.deactivatesAt]).toEqual([[], '2025-03-01T04:30:00.000Z'])
    // 28 Feb 2025 23:30 EST
    expect([codes(newYork), newYork.dates.deactivatesAt]).toEqual([['MONTH_END_CLAMPED'], '2025-03-01T04:30:00.000Z'])
  })

  it('attaches the termination settlement only to a deactivated account with a positive balance', () => {
    const last = '2024-01-10T10:00:00Z'
    const now = '2026-01-10T10:00:00Z'
    const withDebt = evaluateInactivity(
      { account: { ...account(last, eur('30.00')), debt: eur('50.00'), payoutMethod: 'bank' }, now },
      cardFees,
    )
    expect(withDebt.settlement).toMatchObject({ gross: '30.00', net: '0.00', outstandingDebt: '20.00' })
    // SPEC §5: still deactivated, with the reason beside the settlement when nothing is left.
    expect([withDebt.outcome, codes(withDebt)]).toEqual([
      'deactivated',
      ['INACTIVE_OVER_THRESHOLD', 'NOTHING_LEFT_AFTER_DEDUCTIONS'],
    ])
    expect(withDebt.reasons[1]?.message).toContain('30.00 EUR')
    const withFee = evaluateInactivity(
      { account: { ...account(last, eur('30.00')), payoutMethod: 'card' }, now },
      cardFees,
    )
    expect(withFee.settlement).toMatchObject({ gross: '30.00', net: '28.83' })
    expect(codes(withFee)).toEqual(['INACTIVE_OVER_THRESHOLD'])
    for (const balance of ['0.00', '-3.00']) {
      const empty = evaluateInactivity({ account: account(last, eur(balance)), now })
      expect([empty.outcome, 'settlement' in empty]).toEqual(['deactivated', false])
    }
    const active = evaluateInactivity({ account: account('2025-06-01T10:00:00Z', eur('30.00')), now })
    expect([active.outcome, 'settlement' in active]).toEqual(['active', false])
  })

  it('needs no request: an activity at now itself is active', () => {
    const d = evaluateInactivity({ account: account('2026-01-10T10:00:00Z'), now: '2026-01-10T10:00:00Z' })
    expect(d.outcome).toBe('active')
  })

  it('rejects inactivityMonths below 1', () => {
    expect(() =>
      evaluateInactivity(
        { account: account('2026-01-10T10:00:00Z'), now: '2026-01-10T10:00:00Z' },
        createPolicy({ inactivityMonths: 0 }),
      ),
    ).toThrow(/inactivityMonths/)
  })
})
