// REFUND AFTER TOPPING UP YOUR BALANCE
//
// "After replenishing the balance ... you can return the deposit within 48 hours by ... sending a
//  message to refund@ctr.group. ... the amount of the refund will be less than the amount of the
//  deposit for the amount necessary to process the payment. ... The deposit is refunded within
//  5 (five) business days."
//
// Shows: (1) a refund asked for in time after part of the top-up was spent: only what is left on
// the balance comes back, less the card fee, due five English business days later — across
// Christmas; (2) the 48 hours are elapsed time: across the end of British Summer Time a request at
// the very last millisecond is in time and one a millisecond later is refused, although the local
// clock then reads 09:00, an hour *before* the 10:00 the top-up was credited at.
import assert from 'node:assert/strict'
import { createPolicy, evaluateTopUpRefund, explain } from 'refund-rules'

// The published policy (48 hours, 5 business days of England), plus the fees this provider charges.
const policy = createPolicy({
  fees: {
    methods: {
      card: { percent: '2.9', fixed: { EUR: '0.30', GBP: '0.25' }, min: { EUR: '0.50', GBP: '0.45' } },
      sepa: { fixed: { EUR: '0.35' } },
    },
    default: { percent: '1' },
  },
})

// 1. Topped up 250.00 EUR by card on Monday evening, spent 69.60 EUR, asked for the rest back on Tuesday.
const partlySpent = evaluateTopUpRefund(
  {
    topUp: {
      id: 'tu_8YQ2M4K7RZ',
      amount: { amount: '250.00', currency: 'EUR' },
      creditedAt: '2026-12-21T19:05:00Z',
      method: 'card',
    },
    account: {
      id: 'acc_51F0C9D2',
      balance: { amount: '180.40', currency: 'EUR' },
      lastActivityAt: '2026-12-22T08:12:00Z',
    },
    request: { receivedAt: '2026-12-22T16:30:00Z', channel: 'email' },
    now: '2026-12-22T16:45:00Z',
  },
  policy,
)
console.log('1. In time, partly spent, card fee')
console.log(JSON.stringify(partlySpent, null, 2))
console.log(explain(partlySpent, { policy }))

assert.equal(partlySpent.outcome, 'approved')
assert.deepEqual(
  partlySpent.reasons.map((r) => r.code),
  ['WITHIN_WINDOW', 'PARTIALLY_SPENT'],
)
// Gross = min(250.00 − 0, 180.40); fee = round(180.40 × 2.9 %) + 0.30 = 5.23 + 0.30.
assert.deepEqual(partlySpent.amounts, {
  currency: 'EUR',
  gross: '180.40',
  deductions: [{ kind: 'processing-fee', amount: '5.53', basis: 'card: 2.9% + 0.30 EUR' }],
  net: '174.87',
})
// Five business days strictly after Tue 22 Dec: 23, 24, 29, 30, 31 — Christmas Day (Fri 25),
// the weekend and the Boxing Day substitute (Mon 28) are skipped.
assert.deepEqual(partlySpent.dates, {
  windowClosesAt: '2026-12-23T19:05:00.000Z',
  refundDueDate: '2026-12-31',
  refundDueBy: '2026-12-31T23:59:59.999Z',
})

// 2. Topped up 120.00 EUR by SEPA transfer on Friday 23 October at 10:00 BST (09:00 UTC). The clocks go
// back on Sunday 25 October, so the 48 hours end at 09:00 GMT on Sunday, not at 10:00.
const topUp = {
  id: 'tu_3HV9P0W1LC',
  amount: { amount: '120.00', currency: 'EUR' },
  creditedAt: '2026-10-23T10:00:00+01:00',
  method: 'sepa',
}
const account = {
  id: 'acc_0B77E3A4',
  balance: { amount: '120.00', currency: 'EUR' },
  lastActivityAt: '2026-10-23T09:00:00Z',
}
const atTheEdge = evaluateTopUpRefund(
  {
    topUp,
    account,
    request: { receivedAt: '2026-10-25T09:00:00.000Z', channel: 'email' },
    now: '2026-10-25T09:30:00Z',
  },
  policy,
)
const oneMsLate = evaluateTopUpRefund(
  {
    topUp,
    account,
    request: { receivedAt: '2026-10-25T09:00:00.001Z', channel: 'email' },
    now: '2026-10-25T09:30:00Z',
  },
  policy,
)
console.log('\n2a. Exactly 48 hours after the top-up (across the end of BST)')
console.log(explain(atTheEdge, { policy }))
console.log('\n2b. One millisecond later')
console.log(JSON.stringify(oneMsLate, null, 2))
console.log(explain(oneMsLate, { policy }))

assert.equal(atTheEdge.outcome, 'approved')
assert.equal(atTheEdge.amounts?.net, '119.65') // 120.00 − the fixed 0.35 SEPA fee
// Clock starts Sunday 25 October: Mon 26 … Fri 30.
assert.equal(atTheEdge.dates.refundDueDate, '2026-10-30')
assert.equal(atTheEdge.dates.refundDueBy, '2026-10-30T23:59:59.999Z') // GMT again: local midnight is UTC midnight

assert.equal(oneMsLate.outcome, 'rejected')
assert.deepEqual(
  oneMsLate.reasons.map((r) => r.code),
  ['WINDOW_EXPIRED'],
)
assert.equal(oneMsLate.amounts, undefined)
assert.deepEqual(oneMsLate.dates, { windowClosesAt: '2026-10-25T09:00:00.000Z' })
