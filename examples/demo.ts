// `npm run demo`: a morning in the refunds queue.
//
// Nine realistic requests across all four clauses of the published CTR Group policy (48-hour windows,
// refunds within 5 business days of England, 12 months of inactivity), with a sample fee schedule —
// card 2.9 % + 0.30 EUR / 0.25 GBP (at least 0.50 EUR / 0.45 GBP), SEPA 0.35 EUR, anything else 1 % —
// evaluated through the single entry point `evaluate({ clause, ... })`. Prints one line per case
// (outcome, gross, deductions, net, the date that matters, the reason codes), then the full
// `explain()` text of two of them. Every `now` is fixed, so the output never changes; the key answers
// are asserted, so `npm run test:examples` checks the demo too.
import assert from 'node:assert/strict'
import { createPolicy, type Decision, type DecisionAmounts, type EvaluateInput, evaluate, explain } from 'refund-rules'

const policy = createPolicy({
  fees: {
    methods: {
      card: { percent: '2.9', fixed: { EUR: '0.30', GBP: '0.25' }, min: { EUR: '0.50', GBP: '0.45' } },
      sepa: { fixed: { EUR: '0.35' } },
    },
    default: { percent: '1' },
  },
})

const eur = (amount: string) => ({ amount, currency: 'EUR' })
const gbp = (amount: string) => ({ amount, currency: 'GBP' })
const jpy = (amount: string) => ({ amount, currency: 'JPY' })

const cases: { name: string; note: string; input: EvaluateInput }[] = [
  {
    name: 'TU-1',
    note: 'top-up refund asked for in time, part already spent, card fee; due after Christmas',
    input: {
      clause: 'top-up-refund',
      topUp: { id: 'tu_8YQ2M4K7RZ', amount: eur('250.00'), creditedAt: '2026-12-21T19:05:00Z', method: 'card' },
      account: { id: 'acc_51F0C9D2', balance: eur('180.40'), lastActivityAt: '2026-12-22T08:12:00Z' },
      request: { receivedAt: '2026-12-22T16:30:00Z', channel: 'email' },
      now: '2026-12-22T16:45:00Z',
    },
  },
  {
    name: 'TU-2',
    note: 'top-up refund 1 ms after the 48 hours, over the weekend BST ends',
    input: {
      clause: 'top-up-refund',
      topUp: { id: 'tu_3HV9P0W1LC', amount: eur('120.00'), creditedAt: '2026-10-23T10:00:00+01:00', method: 'sepa' },
      account: { id: 'acc_0B77E3A4', balance: eur('120.00'), lastActivityAt: '2026-10-23T09:00:00Z' },
      request: { receivedAt: '2026-10-25T09:00:00.001Z', channel: 'email' },
      now: '2026-10-25T09:30:00Z',
    },
  },
  {
    name: 'TU-3',
    note: 'top-up refund asked for by phone: it must be in writing',
    input: {
      clause: 'top-up-refund',
      topUp: { id: 'tu_Q7C2D8N5XA', amount: gbp('60.00'), creditedAt: '2026-11-26T13:20:00Z', method: 'card' },
      account: { id: 'acc_GB_3306', balance: gbp('60.00'), lastActivityAt: '2026-11-26T13:20:00Z' },
      request: { receivedAt: '2026-11-27T10:02:00Z', channel: 'phone' },
      now: '2026-11-27T10:10:00Z',
    },
  },
  {
    name: 'OC-1',
    note: 'cancellation in time, order details supplied after the window closed',
    input: {
      clause: 'order-cancellation',
      order: {
        id: 'ORD-2026-118734',
        amount: gbp('89.99'),
        placedAt: '2026-12-16T20:11:45Z',
        status: 'active',
        fundedBy: { topUpId: 'tu_K2R8B6V1MS', creditedAt: '2026-12-16T20:03:00Z', method: 'card' },
      },
      request: {
        receivedAt: '2026-12-18T09:47:00Z',
        channel: 'email',
        orderDetails: { orderId: 'ORD-2026-118734' },
        informationRequested: {
          items: ['order details from the personal account'],
          providedAt: '2026-12-21T08:05:00Z',
        },
      },
      now: '2026-12-21T08:30:00Z',
    },
  },
  {
    name: 'OC-2',
    note: 'cancellation 18 h after the order but 51 h after the top-up that funded it',
    input: {
      clause: 'order-cancellation',
      order: {
        id: 'ORD-2026-120551',
        amount: eur('35.00'),
        placedAt: '2026-12-05T18:00:00Z',
        status: 'active',
        fundedBy: { topUpId: 'tu_W4J6T9E2HF', creditedAt: '2026-12-04T09:00:00Z', method: 'sepa' },
      },
      request: { receivedAt: '2026-12-06T12:00:00Z', channel: 'email', orderDetails: { orderId: 'ORD-2026-120551' } },
      now: '2026-12-06T12:15:00Z',
    },
  },
  {
    name: 'TM-1',
    note: 'leaving with a balance and a debt, verified: a proposal for manual review',
    input: {
      clause: 'termination',
      account: {
        id: 'acc_JP_00417',
        balance: jpy('48500'),
        debt: jpy('3200'),
        lastActivityAt: '2026-11-02T03:15:00Z',
        identityVerified: true,
        ownershipVerified: true,
        payoutMethod: 'bank-transfer',
      },
      request: { receivedAt: '2026-11-24T01:30:00Z', channel: 'letter' },
      now: '2026-11-26T09:00:00Z',
    },
  },
  {
    name: 'TM-2',
    note: 'leaving owing more than the balance, not yet verified',
    input: {
      clause: 'termination',
      account: {
        id: 'acc_51F0C9D2',
        balance: eur('15.00'),
        debt: eur('22.50'),
        lastActivityAt: '2026-10-30T17:40:00Z',
        payoutMethod: 'card',
      },
      request: { receivedAt: '2026-12-01T11:00:00Z', channel: 'email' },
      now: '2026-12-01T11:05:00Z',
    },
  },
  {
    name: 'IN-1',
    note: 'last used on 29 February 2024: 12 months end on 28 February 2025',
    input: {
      clause: 'inactivity',
      account: { id: 'acc_GB_7731', balance: gbp('37.20'), debt: gbp('4.50'), lastActivityAt: '2024-02-29T14:00:00Z' },
      now: '2026-11-30T09:00:00Z',
    },
  },
  {
    name: 'IN-2',
    note: 'last used on 1 December 2025: still active on 30 November 2026',
    input: {
      clause: 'inactivity',
      account: { id: 'acc_EU_2290', balance: eur('12.00'), lastActivityAt: '2025-12-01T10:30:00Z' },
      now: '2026-11-30T09:00:00Z',
    },
  },
]

// 2026-12-22T16:30:00.000Z → 2026-12-22 16:30Z
const instant = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}Z`

function amountsOf(decision: Decision): DecisionAmounts | undefined {
  return decision.clause === 'inactivity' ? decision.settlement : decision.amounts
}

function deductionsText(amounts: DecisionAmounts | undefined): string {
  if (amounts === undefined) return '—'
  const parts = amounts.deductions
    .filter((d) => Number(d.amount) !== 0)
    .map((d) => `${d.kind === 'debt' ? 'debt' : 'fee'} ${d.amount}`)
  const owed = amounts.outstandingDebt !== undefined && Number(amounts.outstandingDebt) !== 0
  return (parts.join(' + ') || 'none') + (owed ? ` (${amounts.outstandingDebt} still owed)` : '')
}

function keyDate(decision: Decision): string {
  switch (decision.clause) {
    case 'inactivity':
      return decision.outcome === 'deactivated'
        ? `deactivated ${instant(decision.dates.deactivatesAt)}`
        : `deactivates ${instant(decision.dates.deactivatesAt)}`
    case 'termination':
      if (decision.dates) return `due ${decision.dates.refundDueDate}`
      return decision.outcome === 'manual-review' ? 'terms set individually' : '—'
    default:
      if (decision.dates.refundDueDate) return `due ${decision.dates.refundDueDate}`
      return decision.outcome === 'rejected'
        ? `window closed ${instant(decision.dates.windowClosesAt)}`
        : `window closes ${instant(decision.dates.windowClosesAt)}`
  }
}

const decisions = new Map<string, Decision>()
const rows = [['case', 'clause', 'outcome', 'gross', 'deductions', 'net', 'due / key date', 'reasons']]
for (const { name, input } of cases) {
  const decision = evaluate(input, policy)
  decisions.set(name, decision)
  const amounts = amountsOf(decision)
  rows.push([
    name,
    decision.clause,
    decision.outcome,
    amounts ? `${amounts.gross} ${amounts.currency}` : '—',
    deductionsText(amounts),
    amounts ? `${amounts.net} ${amounts.currency}` : '—',
    keyDate(decision),
    decision.reasons.map((r) => r.code).join(', '),
  ])
}

// Amounts right-aligned, text left-aligned; the last column is not padded.
const numeric = new Set([3, 5])
const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? []
const line = (row: string[]) =>
  row
    .map((cell, i) =>
      i === row.length - 1 ? cell : numeric.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
    )
    .join('  ')
    .trimEnd()

console.log('refund-rules demo — CTR Group published policy, sample fee schedule\n')
const [header, ...body] = rows
console.log(line(header ?? []))
console.log(widths.map((w, i) => '─'.repeat(i === widths.length - 1 ? 'reasons'.length : w)).join('  '))
for (const row of body) console.log(line(row))
console.log()
for (const { name, note } of cases) console.log(`${name}  ${note}`)

for (const name of ['OC-1', 'TM-1']) {
  const decision = decisions.get(name)
  if (decision === undefined) continue
  console.log(`\n── ${name}: explain(decision, { policy }) ${'─'.repeat(60)}`)
  console.log(explain(decision, { policy }))
}

// The demo's answers, checked (worked out by hand from SPEC §4 and §5).
const get = (name: string) => decisions.get(name) as Decision
const summary = (name: string) => {
  const d = get(name)
  return [d.outcome, amountsOf(d)?.net ?? null, keyDate(d)]
}
assert.deepEqual(summary('TU-1'), ['approved', '174.87', 'due 2026-12-31']) // 23, 24, 29, 30, 31 Dec
assert.deepEqual(summary('TU-2'), ['rejected', null, 'window closed 2026-10-25 09:00Z'])
assert.deepEqual(summary('TU-3'), ['needs-information', '58.01', 'window closes 2026-11-28 13:20Z'])
assert.deepEqual(get('TU-3').requirements, ['WRITTEN_REQUEST'])
assert.deepEqual(summary('OC-1'), ['approved', '87.13', 'due 2026-12-30']) // 22, 23, 24, 29, 30 Dec
assert.deepEqual(summary('OC-2'), ['rejected', null, 'window closed 2026-12-06 09:00Z'])
assert.deepEqual(summary('TM-1'), ['manual-review', '44847', 'terms set individually'])
assert.deepEqual(summary('TM-2'), ['rejected', '0.00', '—']) // nothing left after the debt (SPEC §5)
assert.equal(amountsOf(get('TM-2'))?.outstandingDebt, '7.50')
assert.deepEqual(summary('IN-1'), ['deactivated', '32.37', 'deactivated 2025-02-28 14:00Z'])
assert.deepEqual(
  get('IN-1').reasons.map((r) => r.code),
  ['INACTIVE_OVER_THRESHOLD', 'MONTH_END_CLAMPED'],
)
assert.deepEqual(summary('IN-2'), ['active', null, 'deactivates 2026-12-01 10:30Z'])
