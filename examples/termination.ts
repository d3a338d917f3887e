// REFUND UPON TERMINATION OF USE
//
// "... cash on the balance of your account that has not been withdrawn will be returned only after you
//  have contacted the Service Provider in writing, confirm your identity, the right to use the account
//  and funds on the account. From the positive balance on your account, the amount necessary to process
//  the transaction will be deducted, as well as the amount of your possible debt to the Service
//  Provider. The terms of the refund and the amount of deduction are discussed individually ..."
//
// Shows: a customer leaving with 48,500 JPY on the balance and a 3,200 JPY debt. Until identity and
// the right to the funds are confirmed the request waits; then the debt comes off first, the payout
// fee is taken from what remains, and — terms being "discussed individually" — the result is a
// proposal for manual review, with no payout date (the text sets none). Last, a debt larger than the
// balance: nothing is paid out and the uncovered part stays owed.
import assert from 'node:assert/strict'
import { createPolicy, evaluateTermination, explain } from 'refund-rules'

const policy = createPolicy({
  fees: {
    methods: { card: { percent: '2.9', fixed: { EUR: '0.30' }, min: { EUR: '0.50' } } },
    default: { percent: '1' }, // bank transfers and anything else: 1 %
  },
})

const account = {
  id: 'acc_JP_00417',
  balance: { amount: '48500', currency: 'JPY' },
  debt: { amount: '3200', currency: 'JPY' },
  lastActivityAt: '2026-11-02T03:15:00Z',
  payoutMethod: 'bank-transfer',
}
const request = { receivedAt: '2026-11-24T01:30:00Z', channel: 'letter' }

// 1. The letter has arrived; nothing is verified yet.
const unverified = evaluateTermination({ account, request, now: '2026-11-24T02:00:00Z' }, policy)
console.log('1. Written request, holder not yet verified')
console.log(explain(unverified, { policy }))

assert.equal(unverified.outcome, 'needs-information')
assert.deepEqual(unverified.requirements, ['IDENTITY_VERIFICATION', 'OWNERSHIP_VERIFICATION'])

// 2. Identity and the right to the account and its funds confirmed.
const verified = evaluateTermination(
  { account: { ...account, identityVerified: true, ownershipVerified: true }, request, now: '2026-11-26T09:00:00Z' },
  policy,
)
console.log('\n2. Verified: the computed settlement goes to manual review')
console.log(JSON.stringify(verified, null, 2))
console.log(explain(verified, { policy }))

assert.equal(verified.outcome, 'manual-review')
assert.deepEqual(
  verified.reasons.map((r) => r.code),
  ['INDIVIDUAL_TERMS'],
)
// 48,500 − debt 3,200 = 45,300; 1 % of 45,300 = 453 (JPY has no minor unit).
assert.equal(verified.amounts?.gross, '48500')
assert.deepEqual(
  verified.amounts?.deductions.map((d) => [d.kind, d.amount]),
  [
    ['debt', '3200'],
    ['processing-fee', '453'],
  ],
)
assert.equal(verified.amounts?.net, '44847')
assert.equal(verified.amounts?.outstandingDebt, '0')
assert.equal(verified.dates, undefined) // the policy text sets no payout deadline

// 3. A debt larger than the balance: the debt takes everything, the fee has nothing left to come from.
const underwater = evaluateTermination(
  {
    account: {
      id: 'acc_51F0C9D2',
      balance: { amount: '15.00', currency: 'EUR' },
      debt: { amount: '22.50', currency: 'EUR' },
      lastActivityAt: '2026-10-30T17:40:00Z',
      identityVerified: true,
      ownershipVerified: true,
      payoutMethod: 'card',
    },
    request: { receivedAt: '2026-12-01T11:00:00Z', channel: 'email' },
    now: '2026-12-01T11:05:00Z',
  },
  policy,
)
console.log('\n3. Debt larger than the balance: nothing left, rejected')
console.log(explain(underwater, { policy }))

// Nothing is left after the debt: rejected, never a payout of 0, with the amounts kept (SPEC §5).
assert.equal(underwater.outcome, 'rejected')
assert.deepEqual(
  underwater.reasons.map((r) => r.code),
  ['NOTHING_LEFT_AFTER_DEDUCTIONS'],
)
assert.deepEqual(
  underwater.amounts?.deductions.map((d) => [d.kind, d.amount]),
  [
    ['debt', '15.00'],
    ['processing-fee', '0.00'], // the 0.50 EUR minimum is capped at what remains
  ],
)
assert.equal(underwater.amounts?.net, '0.00')
assert.equal(underwater.amounts?.outstandingDebt, '7.50')
