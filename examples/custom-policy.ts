// A provider's own reading of the policy, with `createPolicy`.
//
// Every reading the published text leaves open is a setting. This provider, in Berlin:
//   - counts business days in Europe/Berlin with Berlin's holidays (date-holidays DE/BE, public and
//     bank: Christmas Eve and New Year's Eve close from 14:00, which closes the whole date);
//   - treats a request arriving at or after 16:00 local time as arriving the next business day;
//   - reads "cancel the purchase ... within 48 hours" as 48 hours from the *order*
//     (`orderCancellationAnchor: 'order'`) rather than from the top-up;
//   - charges its own fees, rounding half-to-even;
//   - settles terminations automatically and pays them out within 10 business days.
// Policy sentences: "You have the right to cancel the purchase after replenishing your account within
// 48 hours." and "The terms of the refund and the amount of deduction are discussed individually".
import assert from 'node:assert/strict'
import { createPolicy, ctrGroupPolicy, evaluateOrderCancellation, evaluateTermination, explain } from 'refund-rules'

const policy = createPolicy({
  id: 'zahlwerk-de',
  version: '2026-11',
  orderCancellationAnchor: 'order',
  calendar: {
    timeZone: 'Europe/Berlin',
    holidays: { country: 'DE', state: 'BE', types: ['public', 'bank'] },
    cutoff: '16:00',
  },
  fees: {
    rounding: 'half-even',
    methods: {
      paypal: { percent: '2.49', fixed: { EUR: '0.35' } },
      'sepa-dd': { percent: '1.5', min: { EUR: '0.25' }, max: { EUR: '5.00' } },
    },
    default: { fixed: { EUR: '1.00' } },
  },
  termination: { settlement: 'automatic', payoutBusinessDays: 10 },
  contacts: { refunds: 'erstattung@zahlwerk.example', general: 'info@zahlwerk.example' },
})

// 1. Topped up Monday 21 December 08:00 CET, ordered for 249.00 EUR on Tuesday 15:00 CET, and the
// cancellation letter arrives Wednesday 23 December at 16:30 CET — after the cutoff.
const order = {
  id: 'B-2026-12-004417',
  amount: { amount: '249.00', currency: 'EUR' },
  placedAt: '2026-12-22T15:00:00+01:00',
  status: 'active',
  fundedBy: { topUpId: 'tu_DE_93KX2M', creditedAt: '2026-12-21T08:00:00+01:00', method: 'paypal' },
} as const
const request = {
  receivedAt: '2026-12-23T16:30:00+01:00',
  channel: 'email',
  orderDetails: { orderId: 'B-2026-12-004417' },
}
const cancellation = evaluateOrderCancellation({ order, request, now: '2026-12-23T17:00:00+01:00' }, policy)
console.log('1. Order cancellation under the Berlin policy')
console.log(JSON.stringify(cancellation, null, 2))
console.log(explain(cancellation, { policy }))

assert.equal(cancellation.outcome, 'approved')
assert.deepEqual(
  { id: cancellation.policy.id, version: cancellation.policy.version },
  { id: 'zahlwerk-de', version: '2026-11' },
)
assert.match(cancellation.policy.fingerprint, /^sha256:[0-9a-f]{64}$/) // a digest of every setting
// 249.00 × 2.49 % = 6.2001 → 6.20, + 0.35.
assert.deepEqual(
  cancellation.amounts?.deductions.map((d) => [d.kind, d.amount]),
  [['processing-fee', '6.55']],
)
assert.equal(cancellation.amounts?.net, '242.45')
// After 16:00 on Wed 23 Dec the clock starts on the next business day: 24 (from 14:00), 25, 26 Dec and
// Sunday 27 are closed, so Mon 28 Dec. Five business days after it: 29, 30, (31 Dec, 1 Jan, weekend),
// 4, 5, 6 January (Epiphany is no holiday in Berlin). Midnight in Berlin is 23:00 UTC in winter.
assert.deepEqual(cancellation.dates, {
  windowClosesAt: '2026-12-24T14:00:00.000Z', // 48 h after the order, not the top-up
  statusChangeDueBy: '2026-12-25T15:30:00.000Z', // 48 h after the letter: elapsed time, holidays or not
  refundDueDate: '2027-01-06',
  refundDueBy: '2027-01-06T22:59:59.999Z',
})

// The same letter under the published policy: 48 hours from the top-up closed at 08:00 CET that morning.
const published = evaluateOrderCancellation({ order, request, now: '2026-12-23T17:00:00+01:00' }, ctrGroupPolicy)
console.log('\n   ... and under the published policy (window from the top-up)')
console.log(explain(published))
assert.equal(published.outcome, 'rejected')
assert.equal(published.dates.windowClosesAt, '2026-12-23T07:00:00.000Z')

// 2. A customer leaves: 318.00 EUR on the balance, 275.00 EUR owed, payout by SEPA direct debit, letter
// received Tuesday 15 December at 15:59 CET — one minute before the cutoff.
const termination = evaluateTermination(
  {
    account: {
      id: 'kto_4410-88-2291',
      balance: { amount: '318.00', currency: 'EUR' },
      debt: { amount: '275.00', currency: 'EUR' },
      lastActivityAt: '2026-12-10T12:41:00+01:00',
      identityVerified: true,
      ownershipVerified: true,
      payoutMethod: 'sepa-dd',
    },
    request: { receivedAt: '2026-12-15T15:59:00+01:00', channel: 'letter' },
    now: '2026-12-15T16:10:00+01:00',
  },
  policy,
)
console.log('\n2. Termination, settled automatically')
console.log(JSON.stringify(termination, null, 2))
console.log(explain(termination, { policy }))

assert.equal(termination.outcome, 'approved') // settlement: 'automatic' — no INDIVIDUAL_TERMS
assert.deepEqual(termination.reasons, [])
// 318.00 − 275.00 = 43.00; 1.5 % of 43.00 = 0.645, a tie: half-even gives 0.64 (half-up would give 0.65).
assert.deepEqual(
  termination.amounts?.deductions.map((d) => [d.kind, d.amount]),
  [
    ['debt', '275.00'],
    ['processing-fee', '0.64'],
  ],
)
assert.equal(termination.amounts?.net, '42.36')
// 10 business days after Tue 15 Dec: 16, 17, 18, 21, 22, 23, 28, 29, 30 Dec, 4 Jan.
assert.deepEqual(termination.dates, { refundDueDate: '2027-01-04', refundDueBy: '2027-01-04T22:59:59.999Z' })
