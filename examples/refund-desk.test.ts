// The refund desk's decisions, on PGlite, with rows in the shapes the two drivers return:
// PGlite's own (BIGINT as a number, TIMESTAMPTZ as a Date) and node-postgres' with timestamp
// parsing off (BIGINT as a string, TIMESTAMPTZ as PostgreSQL's text, '2026-12-22 16:30:00+00').
// NUMERIC is a decimal string and NULL is null in both.
import { type ParserOptions, PGlite, types } from '@electric-sql/pglite'
import type { Decision } from 'refund-rules'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type Database, fromPGlite } from './refund-desk/database'
import { decideRefundRequest, deskPolicy } from './refund-desk/desk'
import { schema, seed } from './refund-desk/schema'

const asText = (value: string) => value

const driverShapes: { name: string; parsers: ParserOptions }[] = [
  { name: 'PGlite rows (ids as numbers, timestamps as Dates)', parsers: {} },
  {
    name: 'node-postgres rows with timestamp parsing off (ids as strings, timestamps as text)',
    parsers: { [types.INT8]: asText, [types.TIMESTAMPTZ]: asText },
  },
]

const now = '2026-12-22T16:45:00Z'

function net(decision: Decision): string | undefined {
  return decision.clause === 'inactivity' ? decision.settlement?.net : decision.amounts?.net
}

describe.each(driverShapes)('refund desk on $name', ({ parsers }) => {
  let db: Database
  beforeAll(async () => {
    db = fromPGlite(await PGlite.create({ parsers }))
  }, 60_000)
  afterAll(() => db.close())
  // Each test starts from fresh tables (ids from 1) in a transaction, and leaves nothing behind.
  beforeEach(() => db.exec(`BEGIN; CREATE SCHEMA desk; SET LOCAL search_path TO desk; ${schema} ${seed}`))
  afterEach(() => db.exec('ROLLBACK'))

  const decide = (key: string, at = now) => decideRefundRequest(db, key, at, deskPolicy)

  it('approves a top-up refund in time, refunding what is left of it less the card fee', async () => {
    const decision = await decide('msg-1001')
    expect(decision.outcome).toBe('approved')
    expect(decision.reasons.map((r) => r.code)).toEqual(['WITHIN_WINDOW', 'PARTIALLY_SPENT'])
    // min(250.00 − nothing refunded (NULL), balance 180.40); card fee 2.9 % of 180.40 = 5.23, + 0.30.
    expect(decision.clause === 'top-up-refund' && decision.amounts).toEqual({
      currency: 'EUR',
      gross: '180.40',
      deductions: [{ kind: 'processing-fee', amount: '5.53', basis: 'card: 2.9% + 0.30 EUR' }],
      net: '174.87',
    })
    // Five business days of England after Tue 22 Dec: 23, 24, 29, 30, 31.
    expect(decision.clause === 'top-up-refund' && decision.dates.refundDueDate).toBe('2026-12-31')
  })

  it('reads the NUMERIC refunded column, the processor fee in minor units and an upper-case channel', async () => {
    const decision = await decide('msg-1002')
    expect(decision.outcome).toBe('approved')
    expect(decision.reasons.map((r) => r.code)).toContain('WITHIN_WINDOW')
    // 120.00 − 20.00 already refunded; the processor's 35 minor units are 0.35 EUR.
    expect(decision.clause === 'top-up-refund' && decision.amounts?.gross).toBe('100.00')
    expect(decision.clause === 'top-up-refund' && decision.amounts?.deductions.map((d) => d.amount)).toEqual(['0.35'])
    expect(net(decision)).toBe('99.65')
    // Fri 20 Nov: 23, 24, 25, 26, 27.
    expect(decision.clause === 'top-up-refund' && decision.dates.refundDueDate).toBe('2026-11-27')
  })

  it('rejects a top-up refund asked for 73 hours after the top-up', async () => {
    const decision = await decide('msg-1003')
    expect(decision.outcome).toBe('rejected')
    expect(decision.reasons.map((r) => r.code)).toEqual(['WINDOW_EXPIRED'])
    expect(net(decision)).toBeUndefined()
  })

  it('approves an order cancellation whose window runs from the top-up that funded it', async () => {
    const decision = await decide('msg-1004')
    expect(decision.outcome).toBe('approved')
    // 89.99 GBP less the card fee: 2.9 % = 2.61, + 0.25.
    expect(net(decision)).toBe('87.13')
    // The clock starts when the requested order details arrived, Mon 21 Dec: 22, 23, 24, 29, 30.
    expect(decision.clause === 'order-cancellation' && decision.dates.refundDueDate).toBe('2026-12-30')
  })

  it('rejects a leaving customer whose debt takes the whole balance, still naming the NULL verifications', async () => {
    const decision = await decide('msg-1005')
    // SPEC §5: a debt at least the balance leaves nothing to pay, and a rejection comes before what is missing.
    expect(decision.outcome).toBe('rejected')
    expect(decision.reasons.map((r) => r.code)).toEqual([
      'NOTHING_LEFT_AFTER_DEDUCTIONS',
      'IDENTITY_VERIFICATION',
      'OWNERSHIP_VERIFICATION',
    ])
    expect(decision.requirements).toEqual([])
    // 15.00 on the balance, 22.50 owed: all of it goes to the debt, 7.50 of which stays outstanding.
    expect(net(decision)).toBe('0.00')
    expect(decision.clause === 'termination' && decision.amounts?.outstandingDebt).toBe('7.50')
  })

  it('names the rows it decided on, so a stored decision joins back to them', async () => {
    const decision = await decide('msg-1004')
    expect(decision).toMatchObject({ subject: { orderId: '1' } })
  })

  it('decides a request once: a second call returns the stored decision and writes no second row', async () => {
    const first = await decide('msg-1001')
    const again = await decide('msg-1001', '2026-12-23T09:00:00Z')
    expect(again).toEqual(first)
    const { rows } = await db.query<{ key: string; decision: Decision }>(
      'SELECT request_key AS key, decision FROM refund_decisions',
    )
    expect(rows).toEqual([{ key: 'msg-1001', decision: first }])
  })

  it('stores one row when two workers decide the same request at once, and both return it', async () => {
    const [one, other] = await Promise.all([decide('msg-1004'), decide('msg-1004', '2026-12-21T09:00:00Z')])
    expect(other).toEqual(one)
    const { rows } = await db.query<{ decisions: number }>('SELECT count(*)::int AS decisions FROM refund_decisions')
    expect(rows).toEqual([{ decisions: 1 }])
  })
})
