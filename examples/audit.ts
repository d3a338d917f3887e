// An audit after a policy change, with `createPolicyHistory` and `replay`.
//
// The provider shortened the top-up refund window from 48 to 24 hours ("you can return the deposit
// within 48 hours") with effect from 1 December 2026, but the service only learnt of the new version
// on 3 December. Every decision was stored as JSON beside the input it was made from. The auditor
// replays the stored decisions under the history of both versions: requests that arrived in
// November keep the 48 hours they were sent under; those from 1 to 3 December come out differently,
// and the audit shows exactly which fields.
import assert from 'node:assert/strict'
import {
  createPolicyHistory,
  type Decision,
  evaluateTopUpRefund,
  quoteTopUpRefund,
  replay,
  type TopUpRefundInput,
} from 'refund-rules'

const calendar = { timeZone: 'Europe/London' }
const version1 = { effectiveFrom: '2026-01-01T00:00:00Z', policy: { version: '2026-01', calendar } }
const version2 = {
  effectiveFrom: '2026-12-01T00:00:00Z',
  policy: { version: '2026-12', calendar, topUpRefundWindowHours: 24 },
}
// What the service ran until 3 December: the first version only.
const deployed = createPolicyHistory([version1])

// A decision store: one JSON row per decision, with the input it was made from (as a database keeps it).
const store = new Map<string, string>()
function decideAndStore(key: string, input: TopUpRefundInput): Decision {
  const decision = evaluateTopUpRefund(input, deployed)
  store.set(key, JSON.stringify({ input, decision }))
  return decision
}

const topUp = (id: string, creditedAt: string) => ({
  topUp: { id, amount: { amount: '50.00', currency: 'GBP' }, creditedAt, method: 'card' },
  account: { id: `acc-${id}`, balance: { amount: '50.00', currency: 'GBP' }, lastActivityAt: creditedAt },
})
const request = (receivedAt: string) => ({ request: { receivedAt, channel: 'email' }, now: receivedAt })

// 30 hours after the top-up, in November and in December.
decideAndStore('T-1001', { ...topUp('T-1001', '2026-11-24T08:00:00Z'), ...request('2026-11-25T14:00:00Z') })
decideAndStore('T-1002', { ...topUp('T-1002', '2026-11-30T08:00:00Z'), ...request('2026-12-01T14:00:00Z') })
// 20 hours after the top-up: in time under either version.
decideAndStore('T-1003', { ...topUp('T-1003', '2026-12-01T18:00:00Z'), ...request('2026-12-02T14:00:00Z') })

// 3 December: the new version is deployed with the date it took effect, and the audit begins.
const current = createPolicyHistory([version1, version2])
const changed: string[] = []
for (const [key, row] of store) {
  const { input, decision } = JSON.parse(row) as { input: TopUpRefundInput; decision: Decision }
  const result = replay(input, decision, current)
  console.log(`${key}: ${result.same ? 'same' : `${result.differences.length} differences`}`)
  for (const difference of result.differences) {
    // A side is left out where the decision lacks the field (a rejection has no amounts).
    const side = (key: 'recorded' | 'replayed') => (key in difference ? JSON.stringify(difference[key]) : '(none)')
    console.log(`  ${difference.path}: ${side('recorded')} → ${side('replayed')}`)
  }
  if (!result.same) changed.push(key)
}

// The November request keeps its 48 hours; the December one at 30 hours is now late; the 20-hour one
// is still approved, but under the new version (its policy reference and window end differ).
assert.deepEqual(changed, ['T-1002', 'T-1003'])
const t1002 = JSON.parse(store.get('T-1002') as string) as { input: TopUpRefundInput; decision: Decision }
const audit = replay(t1002.input, t1002.decision, current)
assert.equal(audit.replayed.outcome, 'rejected')
assert.deepEqual(
  audit.differences.find((d) => d.path === 'outcome'),
  { path: 'outcome', recorded: 'approved', replayed: 'rejected' },
)
assert.deepEqual(
  audit.differences.find((d) => d.path === 'policy.version'),
  { path: 'policy.version', recorded: '2026-01', replayed: '2026-12' },
)
const t1003 = JSON.parse(store.get('T-1003') as string) as { input: TopUpRefundInput; decision: Decision }
assert.deepEqual(
  replay(t1003.input, t1003.decision, current).differences.map((d) => d.path),
  [
    'reasons[0].message',
    'reasons[0].params.windowHours',
    'reasons[0].params.windowClosesAt',
    'policy.version',
    'policy.fingerprint',
    'policy.effectiveFrom',
    'dates.windowClosesAt',
  ],
)

// What a customer UI shows now, before anyone writes in: a top-up credited on 3 December 10:00.
const quote = quoteTopUpRefund({ ...topUp('T-1004', '2026-12-03T10:00:00Z'), at: '2026-12-03T12:00:00Z' }, current)
console.log(
  `T-1004: refund ${quote.decision.amounts?.net} GBP, due ${quote.decision.dates.refundDueDate}, if you ask by ${quote.refundableUntil}`,
)
assert.equal(quote.refundableUntil, '2026-12-04T10:00:00.000Z')
assert.equal(quote.decision.dates.refundDueDate, '2026-12-10')
