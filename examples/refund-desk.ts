// A refund desk on PostgreSQL.
//
// Accounts, top-ups, orders and refund requests live in PostgreSQL tables (NUMERIC amounts,
// TIMESTAMPTZ instants, BIGSERIAL ids, NULL for what is not known). The desk reads a request's
// rows with plain SQL, passes them to refund-rules exactly as the driver returned them, and stores
// the decision as JSONB under the request's key: deciding the same request again returns the stored
// decision and writes no second row.
//
//   examples/refund-desk/schema.ts    the tables and a morning's requests
//   examples/refund-desk/desk.ts      read rows → evaluate → store once
//   examples/refund-desk/database.ts  PGlite or node-postgres behind one small interface
//
// Runs on PGlite (PostgreSQL compiled to WebAssembly, in this process: no server to start). On your
// own server, through node-postgres (everything happens in a schema of its own, in one transaction
// that is rolled back, so the database is left as it was):
//
//   DATABASE_URL=postgres://user:password@localhost:5432/postgres npx ts-node examples/refund-desk.ts
import assert from 'node:assert/strict'
import type { Decision } from 'refund-rules'
import { openDatabase } from './refund-desk/database'
import { decideRefundRequest, deskPolicy } from './refund-desk/desk'
import { schema, seed } from './refund-desk/schema'

// The desk works through the queue at 16:45 UTC on Tuesday 22 December 2026.
const now = '2026-12-22T16:45:00Z'

function summary(decision: Decision): string {
  const amounts = decision.clause === 'inactivity' ? decision.settlement : decision.amounts
  const money = amounts ? `net ${amounts.net} ${amounts.currency}` : 'nothing to refund'
  const due = decision.dates && 'refundDueDate' in decision.dates ? `, due ${decision.dates.refundDueDate}` : ''
  return `${decision.outcome}: ${money}${due} (${decision.reasons.map((r) => r.code).join(', ')})`
}

async function main() {
  const db = await openDatabase(process.env.DATABASE_URL)
  try {
    await db.exec('BEGIN; CREATE SCHEMA refund_desk_example; SET LOCAL search_path TO refund_desk_example;')
    await db.exec(schema)
    await db.exec(seed)

    const decisions = new Map<string, Decision>()
    for (const key of ['msg-1001', 'msg-1002', 'msg-1003', 'msg-1004', 'msg-1005']) {
      const decision = await decideRefundRequest(db, key, now, deskPolicy)
      decisions.set(key, decision)
      console.log(`${key}  ${decision.clause.padEnd(18)}  ${summary(decision)}`)
    }

    // A retried job decides msg-1001 again, an hour later: it gets the stored decision, and the
    // table still holds one row per request.
    const again = await decideRefundRequest(db, 'msg-1001', '2026-12-22T17:45:00Z', deskPolicy)
    const { rows } = await db.query<{ decisions: number }>('SELECT count(*)::int AS decisions FROM refund_decisions')
    console.log(`msg-1001 again: ${summary(again)}; ${rows[0]?.decisions} decisions stored`)

    assert.deepEqual(again, decisions.get('msg-1001'))
    assert.equal(rows[0]?.decisions, 5)
    assert.deepEqual(
      [...decisions.values()].map((d) => d.outcome),
      ['approved', 'approved', 'rejected', 'approved', 'rejected'],
    )
  } finally {
    await db.exec('ROLLBACK')
    await db.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
