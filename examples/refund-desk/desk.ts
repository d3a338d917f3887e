// The desk: read a refund request and the rows it is about with plain SQL, hand the rows to
// refund-rules as the driver returned them (decimal strings, number or string ids, Dates or
// PostgreSQL timestamp text, NULLs), and store the decision once, under the request's key.
import {
  type AccountSnapshot,
  createPolicy,
  type Decision,
  type EvaluateInput,
  evaluate,
  type InstantInput,
  type OrderSnapshot,
  type Policy,
  type RefundRequest,
  type TopUpSnapshot,
} from 'refund-rules'
import type { Database } from './database'

/** The published policy with the fees this provider's processors charge for a refund. */
export const deskPolicy: Policy = createPolicy({
  fees: {
    methods: {
      card: { percent: '2.9', fixed: { EUR: '0.30', GBP: '0.25' }, min: { EUR: '0.50', GBP: '0.45' } },
      sepa: { fixed: { EUR: '0.35' } },
    },
    default: { percent: '1' },
  },
})

/** A BIGINT or BIGSERIAL value: a number from PGlite, a string from node-postgres (a bigint if you ask for one). */
type Int8 = number | string | bigint
/** A TIMESTAMPTZ value: a Date, or PostgreSQL's text ('2026-12-22 16:30:00+00') when type parsing is off. */
type Timestamp = Date | string

type AccountRow = {
  id: Int8
  currency: string
  balance: string
  debt: string | null
  last_activity_at: Timestamp
  identity_verified: boolean | null
  ownership_verified: boolean | null
  payout_method: string | null
}
type TopUpRow = {
  id: Int8
  amount: string
  currency: string
  credited_at: Timestamp
  method: string
  processing_fee_minor: Int8 | null
  refunded: string | null
}
type OrderRow = {
  id: Int8
  top_up_id: Int8
  amount: string
  currency: string
  placed_at: Timestamp
  status: 'active' | 'cancelled'
}
type RequestRow = {
  clause: 'top-up-refund' | 'order-cancellation' | 'termination'
  account_id: Int8
  top_up_id: Int8 | null
  order_id: Int8 | null
  channel: string
  received_at: Timestamp
  quoted_order_id: Int8 | null
  information_requested: string[] | null
  information_provided_at: Timestamp | null
}

/**
 * Decides the refund request stored under `requestKey`, once. The first call evaluates it and stores
 * the decision; every later call (a retried job, a second worker) returns the stored decision and
 * writes nothing, whatever `now` it is given. Rows the library refuses, or that contradict each
 * other, throw its `RefundRulesError` and nothing is stored.
 *
 * @example
 * const decision = await decideRefundRequest(db, 'msg-1001', new Date(), deskPolicy)
 */
export async function decideRefundRequest(
  db: Database,
  requestKey: string,
  now: InstantInput,
  policy: Policy,
): Promise<Decision> {
  const stored = await storedDecision(db, requestKey)
  if (stored !== undefined) return stored
  const decision = evaluate(await readRequest(db, requestKey, now), policy)
  // Two workers may get here for the same request: the first INSERT wins, the other writes nothing,
  // and both return the row that won.
  await db.query(
    `INSERT INTO refund_decisions (request_key, decision) VALUES ($1, $2::jsonb)
     ON CONFLICT (request_key) DO NOTHING`,
    [requestKey, JSON.stringify(decision)],
  )
  const winner = await storedDecision(db, requestKey)
  if (winner === undefined) throw new Error(`the decision on ${requestKey} was not stored`)
  return winner
}

async function storedDecision(db: Database, requestKey: string): Promise<Decision | undefined> {
  const { rows } = await db.query<{ decision: Decision }>(
    'SELECT decision FROM refund_decisions WHERE request_key = $1',
    [requestKey],
  )
  return rows[0]?.decision
}

/** Reads the request and the rows it is about: the evaluation's input, every value as the driver returned it. */
async function readRequest(db: Database, requestKey: string, now: InstantInput): Promise<EvaluateInput> {
  const request = await one<RequestRow>(db, 'SELECT * FROM refund_requests WHERE request_key = $1', requestKey)
  const account = await one<AccountRow>(db, 'SELECT * FROM accounts WHERE id = $1', request.account_id)
  switch (request.clause) {
    case 'top-up-refund': {
      const topUp = await one<TopUpRow>(db, 'SELECT * FROM top_ups WHERE id = $1', request.top_up_id)
      return {
        clause: 'top-up-refund',
        topUp: topUpSnapshot(topUp),
        account: accountSnapshot(account),
        request: refundRequest(request),
        now,
      }
    }
    case 'order-cancellation': {
      const order = await one<OrderRow>(db, 'SELECT * FROM orders WHERE id = $1', request.order_id)
      const topUp = await one<TopUpRow>(db, 'SELECT * FROM top_ups WHERE id = $1', order.top_up_id)
      return { clause: 'order-cancellation', order: orderSnapshot(order, topUp), request: refundRequest(request), now }
    }
    case 'termination':
      return { clause: 'termination', account: accountSnapshot(account), request: refundRequest(request), now }
  }
}

async function one<Row extends Record<string, unknown>>(db: Database, sql: string, param: unknown): Promise<Row> {
  const [row] = (await db.query<Row>(sql, [param])).rows
  if (row === undefined) throw new Error(`no row for ${sql} with $1 = ${String(param)}`)
  return row
}

// Rows to snapshots: only the shape changes (snake_case columns to the library's fields, an amount
// column and its currency to one money value); every value is passed on as the driver returned it.

function accountSnapshot(row: AccountRow): AccountSnapshot {
  return {
    id: row.id,
    balance: { amount: row.balance, currency: row.currency },
    debt: row.debt === null ? null : { amount: row.debt, currency: row.currency },
    lastActivityAt: row.last_activity_at,
    identityVerified: row.identity_verified,
    ownershipVerified: row.ownership_verified,
    payoutMethod: row.payout_method,
  }
}

function topUpSnapshot(row: TopUpRow): TopUpSnapshot {
  return {
    id: row.id,
    amount: { amount: row.amount, currency: row.currency },
    creditedAt: row.credited_at,
    method: row.method,
    // Processors quote fees in minor units (cents): the library takes them as such.
    processingFee:
      row.processing_fee_minor === null ? null : { minor: row.processing_fee_minor, currency: row.currency },
    refunded: row.refunded === null ? null : { amount: row.refunded, currency: row.currency },
  }
}

function orderSnapshot(row: OrderRow, fundedBy: TopUpRow): OrderSnapshot {
  return {
    id: row.id,
    amount: { amount: row.amount, currency: row.currency },
    placedAt: row.placed_at,
    status: row.status,
    fundedBy: { topUpId: fundedBy.id, creditedAt: fundedBy.credited_at, method: fundedBy.method },
  }
}

function refundRequest(row: RequestRow): RefundRequest {
  return {
    receivedAt: row.received_at,
    channel: row.channel,
    orderDetails: row.quoted_order_id === null ? null : { orderId: row.quoted_order_id },
    informationRequested:
      row.information_requested === null
        ? null
        : { items: row.information_requested, providedAt: row.information_provided_at },
  }
}
