/**
 * SPEC §1: with `clockSkewSeconds` (default 0), an instant at most that far
 * after `now` (receivedAt, providedAt, lastActivityAt) is read as `now` and the
 * decision says so with `CLOCK_SKEW_TOLERATED`, naming the field; beyond it,
 * the input is inconsistent.
 */
import { describe, expect, it } from 'vitest'
import { evaluateInactivity } from '../../src/clauses/inactivity.js'
import { evaluateOrderCancellation } from '../../src/clauses/order-cancellation.js'
import { evaluateTermination } from '../../src/clauses/termination.js'
import { evaluateTopUpRefund } from '../../src/clauses/top-up-refund.js'
import { explain } from '../../src/explain/index.js'
import { createPolicy } from '../../src/policy/settings.js'
import { account, codes, issuesOf, order, topUp, verifiedAccount, WINDOW_CLOSES_AT } from './fixtures.js'

const NOW = '2026-11-21T09:00:00Z'
const ONE_SECOND_LATER = '2026-11-21T09:00:01Z'
const skew5 = createPolicy({ clockSkewSeconds: 5 })

describe('clockSkewSeconds', () => {
  it('by default, a receivedAt 1 s after now is still INCONSISTENT_INPUT', () => {
    const run = () =>
      evaluateTopUpRefund({ topUp, account, request: { receivedAt: ONE_SECOND_LATER, channel: 'email' }, now: NOW })
    expect(issuesOf(run)).toEqual(['INCONSISTENT_INPUT request.receivedAt'])
  })

  it('with 5 s allowed, a receivedAt 1 s after now is read as now and the decision names the field', () => {
    const d = evaluateTopUpRefund(
      { topUp, account, request: { receivedAt: ONE_SECOND_LATER, channel: 'email' }, now: NOW },
      skew5,
    )
    expect(d.outcome).toBe('approved')
    expect(codes(d)).toEqual(['WITHIN_WINDOW', 'CLOCK_SKEW_TOLERATED'])
    expect(d.reasons[1]?.message).toBe(
      'request.receivedAt (2026-11-21T09:00:01.000Z) is 1 s after now (2026-11-21T09:00:00.000Z): it was read as now, within the 5-second clock skew the policy allows (REFUND AFTER TOPPING UP YOUR BALANCE)',
    )
    // Read as now: the message about the window and the refund clock see 09:00:00.
    expect(d.reasons[0]?.message).toContain('arrived at 2026-11-21T09:00:00.000Z')
    expect(d).toEqual({
      ...evaluateTopUpRefund({ topUp, account, request: { receivedAt: NOW, channel: 'email' }, now: NOW }, skew5),
      reasons: d.reasons,
    })
  })

  it('the allowance is inclusive: exactly 5 s after now is read as now, 5.001 s is inconsistent', () => {
    const at = (receivedAt: string) => () =>
      evaluateTopUpRefund({ topUp, account, request: { receivedAt, channel: 'email' }, now: NOW }, skew5)
    expect(codes(at('2026-11-21T09:00:05.000Z')())).toContain('CLOCK_SKEW_TOLERATED')
    expect(issuesOf(at('2026-11-21T09:00:05.001Z'))).toEqual(['INCONSISTENT_INPUT request.receivedAt'])
  })

  it('an instant at or before now is read as given, with no reason added', () => {
    const d = evaluateTopUpRefund({ topUp, account, request: { receivedAt: NOW, channel: 'email' }, now: NOW }, skew5)
    expect(codes(d)).toEqual(['WITHIN_WINDOW'])
  })

  it('providedAt and lastActivityAt are tolerated too, each named', () => {
    const d = evaluateTermination(
      {
        account: { ...verifiedAccount, lastActivityAt: '2026-11-21T09:00:02Z' },
        request: {
          receivedAt: '2026-11-21T08:00:00Z',
          channel: 'letter',
          informationRequested: { items: ['iban'], providedAt: ONE_SECOND_LATER },
        },
        now: NOW,
      },
      skew5,
    )
    expect(d.outcome).toBe('manual-review')
    const skewed = d.reasons.filter((r) => r.code === 'CLOCK_SKEW_TOLERATED').map((r) => r.message)
    expect(skewed).toHaveLength(2)
    expect(skewed[0]).toMatch(
      /^request\.informationRequested\.providedAt \(2026-11-21T09:00:01\.000Z\) is 1 s after now/,
    )
    expect(skewed[1]).toMatch(/^account\.lastActivityAt \(2026-11-21T09:00:02\.000Z\) is 2 s after now/)
  })

  it('a rejected decision still says the clock skew was tolerated', () => {
    const late = '2026-11-22T10:00:01Z'
    const d = evaluateTopUpRefund(
      { topUp, account, request: { receivedAt: late, channel: 'email' }, now: '2026-11-22T10:00:00.500Z' },
      skew5,
    )
    expect(d.outcome).toBe('rejected')
    expect(codes(d)).toEqual(['WINDOW_EXPIRED', 'CLOCK_SKEW_TOLERATED'])
    expect(explain(d, { policy: skew5 })).toContain('clock skew')
  })

  it('read as now, a request 1 s past the window but within the skew of a now at the window end is in time', () => {
    const d = evaluateTopUpRefund(
      { topUp, account, request: { receivedAt: '2026-11-22T10:00:01Z', channel: 'email' }, now: WINDOW_CLOSES_AT },
      skew5,
    )
    expect(d.outcome).toBe('approved')
  })

  it('an order cancellation reads a skewed receivedAt as now', () => {
    const d = evaluateOrderCancellation(
      {
        order,
        request: { receivedAt: ONE_SECOND_LATER, channel: 'email', orderDetails: { orderId: 'o1' } },
        now: NOW,
      },
      skew5,
    )
    expect(d.outcome).toBe('approved')
    expect(codes(d)).toEqual(['WITHIN_WINDOW', 'CLOCK_SKEW_TOLERATED'])
    if (d.outcome === 'approved') expect(d.dates.statusChangeDueBy).toBe('2026-11-23T09:00:00.000Z')
  })

  it('inactivity counts from a skewed lastActivityAt read as now', () => {
    const d = evaluateInactivity({ account: { ...account, lastActivityAt: ONE_SECOND_LATER }, now: NOW }, skew5)
    expect(d.outcome).toBe('active')
    expect(d.dates).toEqual({ lastActivityAt: '2026-11-21T09:00:00.000Z', deactivatesAt: '2027-11-21T09:00:00.000Z' })
    expect(codes(d)).toEqual(['CLOCK_SKEW_TOLERATED'])
  })

  it('information provided before the request stays inconsistent even when both are within the skew', () => {
    const run = () =>
      evaluateTopUpRefund(
        {
          topUp,
          account,
          request: {
            receivedAt: '2026-11-21T09:00:03Z',
            channel: 'email',
            informationRequested: { items: ['iban'], providedAt: '2026-11-21T09:00:02Z' },
          },
          now: NOW,
        },
        skew5,
      )
    expect(issuesOf(run)).toEqual(['INCONSISTENT_INPUT request.informationRequested.providedAt'])
  })

  it.each([
    [-1, false],
    [0, true],
    [1.5, false],
    [3600, true],
    [3601, false],
    ['5', false],
    [Number.NaN, false],
  ])('clockSkewSeconds %j valid: %s', (seconds, valid) => {
    const make = () => createPolicy({ clockSkewSeconds: seconds as number })
    if (valid) expect(make().clockSkewSeconds).toBe(seconds)
    else expect(issuesOf(make)).toEqual(['INVALID_POLICY clockSkewSeconds'])
  })

  it('the published policy allows no skew', () => {
    expect(createPolicy().clockSkewSeconds).toBe(0)
  })
})
