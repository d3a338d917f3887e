// REFUND UPON ORDER CANCELLATION
//
// "You have the right to cancel the purchase after replenishing your account within 48 hours.
//  To cancel an order, you need to ... copy the order information that you wish to cancel, and insert
//  this information into the body of the letter requesting a refund. ... The deposit is refunded
//  within 5 (five) business days. The status of the canceled transaction will be changed within
//  48 hours."
//
// Shows: a customer writes in time but forgets to paste the order details (needs information);
// support asks for them and they arrive after the 48 hours have run out. Recorded as information
// requested for the *same* letter, the cancellation stays in time: only the refund clock (status
// change within 48 hours, refund within 5 business days) starts later — and the due date lands
// after Christmas. Filed as a new letter instead, the same reply would be refused as late.
import assert from 'node:assert/strict'
import { createPolicy, evaluateOrderCancellation, explain } from 'refund-rules'

const policy = createPolicy({
  fees: {
    methods: {
      card: { percent: '2.9', fixed: { EUR: '0.30', GBP: '0.25' }, min: { EUR: '0.50', GBP: '0.45' } },
    },
  },
})

// Topped up 150.00 GBP by card on Wednesday 16 December at 20:03, ordered for 89.99 GBP eight minutes later.
const order = {
  id: 'ORD-2026-118734',
  amount: { amount: '89.99', currency: 'GBP' },
  placedAt: '2026-12-16T20:11:45Z',
  status: 'active',
  fundedBy: { topUpId: 'tu_K2R8B6V1MS', creditedAt: '2026-12-16T20:03:00Z', method: 'card' },
} as const

// 1. Friday morning: "please cancel my order" — but no order details in the letter.
const firstLetter = evaluateOrderCancellation(
  { order, request: { receivedAt: '2026-12-18T09:47:00Z', channel: 'email' }, now: '2026-12-18T10:00:00Z' },
  policy,
)
console.log('1. The first letter, without the order details')
console.log(explain(firstLetter, { policy }))

assert.equal(firstLetter.outcome, 'needs-information')
assert.deepEqual(firstLetter.requirements, ['ORDER_DETAILS'])
assert.deepEqual(
  firstLetter.reasons.map((r) => r.code),
  ['WITHIN_WINDOW', 'ORDER_DETAILS'],
)
assert.deepEqual(firstLetter.dates, { windowClosesAt: '2026-12-18T20:03:00.000Z' }) // from the top-up, not the order

// 2. Support asks for the details; they arrive on Monday 21 December, after the window closed.
const complete = evaluateOrderCancellation(
  {
    order,
    request: {
      receivedAt: '2026-12-18T09:47:00Z', // the first letter decides whether the request was in time
      channel: 'email',
      orderDetails: { orderId: 'ORD-2026-118734' },
      informationRequested: { items: ['order details from the personal account'], providedAt: '2026-12-21T08:05:00Z' },
    },
    now: '2026-12-21T08:30:00Z',
  },
  policy,
)
console.log('\n2. The details supplied on Monday for the letter received on Friday')
console.log(JSON.stringify(complete, null, 2))
console.log(explain(complete, { policy }))

assert.equal(complete.outcome, 'approved')
assert.deepEqual(complete.requirements, [])
// Fee = round(89.99 × 2.9 %) + 0.25 = 2.61 + 0.25 GBP.
assert.equal(complete.amounts?.gross, '89.99')
assert.deepEqual(
  complete.amounts?.deductions.map((d) => [d.kind, d.amount]),
  [['processing-fee', '2.86']],
)
assert.equal(complete.amounts?.net, '87.13')
// The clock starts when the request became complete, Mon 21 Dec 08:05: status within 48 hours;
// refund on the 5th business day after: 22, 23, 24, 29, 30 (25, 26–27, 28 substitute skipped).
assert.deepEqual(complete.dates, {
  windowClosesAt: '2026-12-18T20:03:00.000Z',
  statusChangeDueBy: '2026-12-23T08:05:00.000Z',
  refundDueDate: '2026-12-30',
  refundDueBy: '2026-12-30T23:59:59.999Z',
})

// 3. The wrong way to record it: the reply as a new request is past the 48 hours.
const asNewLetter = evaluateOrderCancellation(
  {
    order,
    request: { receivedAt: '2026-12-21T08:05:00Z', channel: 'email', orderDetails: { orderId: 'ORD-2026-118734' } },
    now: '2026-12-21T08:30:00Z',
  },
  policy,
)
console.log('\n3. The same reply filed as a new request')
console.log(explain(asNewLetter, { policy }))

assert.equal(asNewLetter.outcome, 'rejected')
assert.deepEqual(
  asNewLetter.reasons.map((r) => r.code),
  ['WINDOW_EXPIRED'],
)
