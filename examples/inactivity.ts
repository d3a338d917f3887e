// REFUND UPON INACTIVITY OF THE ACCOUNT
//
// "If you do not use your account for more than 12 months, it will be deactivated, and funds from your
//  account will be returned in accordance with the return rules provided for cases of termination of
//  use of the website."
//
// Shows: 12 calendar months from a leap day, 29 February 2024, end on 28 February 2025 (the month
// lacks the 29th: MONTH_END_CLAMPED); "more than" 12 months means the account is still active at
// that very millisecond and deactivated one millisecond later, when it carries the termination
// settlement its refund would follow (debt first, then the payout fee). Last, a month count that
// ends in the hour skipped when British Summer Time starts (NONEXISTENT_LOCAL_TIME).
import assert from 'node:assert/strict'
import { createPolicy, evaluateInactivity, explain } from 'refund-rules'

const policy = createPolicy({ fees: { default: { percent: '1' } } })

const account = {
  id: 'acc_GB_7731',
  balance: { amount: '37.20', currency: 'GBP' },
  debt: { amount: '4.50', currency: 'GBP' },
  lastActivityAt: '2024-02-29T14:00:00Z', // a Thursday afternoon in a leap year (GMT)
}

// 1. At the exact end of the 12 months: not yet "more than" 12 months.
const atThreshold = evaluateInactivity({ account, now: '2025-02-28T14:00:00.000Z' }, policy)
console.log('1. Exactly 12 months (clamped to 28 February)')
console.log(explain(atThreshold, { policy }))

assert.equal(atThreshold.outcome, 'active')
assert.deepEqual(
  atThreshold.reasons.map((r) => r.code),
  ['MONTH_END_CLAMPED'],
)
assert.equal(atThreshold.dates.deactivatesAt, '2025-02-28T14:00:00.000Z')
assert.equal(atThreshold.settlement, undefined)

// 2. One millisecond later.
const deactivated = evaluateInactivity({ account, now: '2025-02-28T14:00:00.001Z' }, policy)
console.log('\n2. One millisecond later')
console.log(JSON.stringify(deactivated, null, 2))
console.log(explain(deactivated, { policy }))

assert.equal(deactivated.outcome, 'deactivated')
assert.deepEqual(
  deactivated.reasons.map((r) => r.code),
  ['INACTIVE_OVER_THRESHOLD', 'MONTH_END_CLAMPED'],
)
assert.deepEqual(deactivated.dates, {
  lastActivityAt: '2024-02-29T14:00:00.000Z',
  deactivatesAt: '2025-02-28T14:00:00.000Z',
})
// 37.20 − debt 4.50 = 32.70; 1 % of 32.70 = 0.327 → 0.33 (half-up).
assert.deepEqual(
  deactivated.settlement?.deductions.map((d) => [d.kind, d.amount]),
  [
    ['debt', '4.50'],
    ['processing-fee', '0.33'],
  ],
)
assert.equal(deactivated.settlement?.net, '32.37')

// 3. Last used at 01:30 on Saturday 29 March 2025. Twelve months on, 01:30 on Sunday 29 March 2026 does
// not exist in London (the clocks jump from 01:00 GMT to 02:00 BST), so the count moves forward to
// 02:30 BST — still 01:30 UTC.
const dstGap = evaluateInactivity(
  {
    account: {
      id: 'acc_GB_1187',
      balance: { amount: '0.00', currency: 'GBP' },
      lastActivityAt: '2025-03-29T01:30:00Z',
    },
    now: '2026-11-30T09:00:00Z',
  },
  policy,
)
console.log('\n3. The month count lands in the hour skipped by BST')
console.log(explain(dstGap, { policy }))

assert.equal(dstGap.outcome, 'deactivated')
assert.deepEqual(
  dstGap.reasons.map((r) => r.code),
  ['INACTIVE_OVER_THRESHOLD', 'NONEXISTENT_LOCAL_TIME'],
)
assert.equal(dstGap.dates.deactivatesAt, '2026-03-29T01:30:00.000Z')
assert.equal(dstGap.settlement, undefined) // nothing on the balance to return
