/**
 * REFUND UPON TERMINATION OF USE
 *
 * > Regardless of the reasons for the termination of the use of the Website,
 * > cash on the balance of your account that has not been withdrawn will be
 * > returned only after you have contacted the Service Provider in writing,
 * > confirm your identity, the right to use the account and funds on the
 * > account. From the positive balance on your account, the amount necessary
 * > to process the transaction will be deducted, as well as the amount of
 * > your possible debt to the Service Provider. The terms of the refund and
 * > the amount of deduction are discussed individually in each specific case
 * > and depend on the situation.
 *
 * Readings (SPEC §3, §5): the debt is deducted first (capped at the balance),
 * then the processing fee of `payoutMethod` on what remains; "discussed
 * individually" makes the computed settlement a proposal for manual review
 * unless the policy says `settlement: 'automatic'`; the text sets no payout
 * deadline, so there is none unless `termination.payoutBusinessDays` is set.
 */
import type {
  TerminationDecision,
  TerminationNeedsInformation,
  TerminationRejected,
  TerminationSettled,
} from '../decision.js'
import {
  type AccountSnapshot,
  type InputFields,
  type ReadAccount,
  type RefundRequest,
  readAccount,
  readRequest,
} from '../inputs.js'
import { isPositive } from '../money/amount.js'
import { debtClaim, formatSettlement, type Settlement, scheduleFeeClaim, settle } from '../money/deductions.js'
import type { PolicySource } from '../policy/history.js'
import type { CompiledPolicy } from '../policy/settings.js'
import type { InstantInput } from '../time/instant.js'
import {
  checkRequestOrder,
  clockSkewMs,
  clockStart,
  noteClockSkew,
  nothingLeft,
  refundDueDates,
  requireRequestedInformation,
  requireWrittenRequest,
} from './request.js'
import { amountParam, type ClauseRun, describeAmount, NO_PARAMS, Reasons, runClause } from './run.js'

/** The input of {@link evaluateTermination}. */
export interface TerminationInput {
  readonly account: AccountSnapshot
  readonly request: RefundRequest
  /** The current instant. */
  readonly now: InstantInput
}

/**
 * > From the positive balance on your account, the amount necessary to
 * > process the transaction will be deducted, as well as the amount of your
 * > possible debt to the Service Provider.
 *
 * The settlement of a positive balance: the debt first (capped), then the
 * processing fee of the payout method on what remains (capped);
 * `outstandingDebt` is the debt the balance did not cover. The inactivity
 * clause settles a deactivated account the same way.
 */
export function terminationSettlement(policy: CompiledPolicy, account: ReadAccount): Settlement {
  const fee = scheduleFeeClaim(policy.settings.fees, account.payoutMethod)
  return settle(account.balance, account.debt === undefined ? [fee] : [debtClaim(account.debt), fee])
}

/**
 * Decides a request to pay out the balance when the customer stops using the
 * service (SPEC §5, termination): rejected when the balance is not positive;
 * needs information until the request is written and the holder's identity
 * and right to the account and funds are confirmed; otherwise the computed
 * settlement (debt, then processing fee) as a proposal for `manual-review`,
 * or `approved` under `termination.settlement: 'automatic'`.
 *
 * @example
 * const decision = evaluateTermination({
 *   account: {
 *     id: 'a1', balance: { amount: '250.00', currency: 'EUR' }, debt: { amount: '20.00', currency: 'EUR' },
 *     lastActivityAt: '2026-10-01T08:00:00Z', identityVerified: true, ownershipVerified: true,
 *   },
 *   request: { receivedAt: '2026-11-20T10:00:00Z', channel: 'letter' },
 *   now: '2026-11-20T10:05:00Z',
 * })
 * decision.outcome // => 'manual-review'
 * decision.amounts?.net // => '230.00'
 */
export function evaluateTermination(input: TerminationInput, policy?: PolicySource): TerminationDecision {
  return runClause(EVALUATION, input, policy)
}

/** An evaluation of this clause: its input is `input`, its fields `now` and the snapshots. */
const EVALUATION: ClauseRun<TerminationDecision> = { root: 'input', decide, event: 'request.receivedAt' }

/** Reads and checks a termination request's input (SPEC §1), then applies the clause's rules in the text's order (SPEC §5). */
function decide(input: InputFields, policy: CompiledPolicy): TerminationDecision {
  const reader = input.reader
  const account = readAccount(input.object('account'))
  let request = readRequest(input.object('request'))
  const now = input.instant('now')
  if (!reader.hasIssues()) {
    const skewMs = clockSkewMs(policy)
    request = checkRequestOrder(reader, request, { now, skewMs })
    reader.notAfterNow('account.lastActivityAt', account.lastActivityAt, now, skewMs)
  }
  reader.finish()
  const reasons = new Reasons('termination', now, policy, Object.freeze({ accountId: account.id }))
  noteClockSkew(reasons, reader.skewed, now)

  // > Regardless of the reasons for the termination of the use of the Website, cash on the balance of your
  // > account that has not been withdrawn will be returned
  if (!isPositive(account.balance)) {
    const balance = amountParam(account.balance)
    reasons.reject('NOTHING_TO_REFUND', `The balance is ${describeAmount(balance)}: there is nothing to return`, {
      balance,
    })
  }
  // > only after you have contacted the Service Provider in writing,
  requireWrittenRequest(reasons, request)
  // > confirm your identity,
  if (!account.identityVerified) {
    reasons.require('IDENTITY_VERIFICATION', 'The account holder must confirm their identity', NO_PARAMS)
  }
  // > the right to use the account and funds on the account.
  if (!account.ownershipVerified) {
    reasons.require(
      'OWNERSHIP_VERIFICATION',
      'The holder must confirm their right to the account and its funds',
      NO_PARAMS,
    )
  }
  // (additional data asked of the holder, as in the other clauses: SPEC §5)
  requireRequestedInformation(reasons, request)
  if (reasons.rejected) return reasons.decide<TerminationRejected>('rejected', {})
  // > From the positive balance on your account, the amount necessary to process the transaction will be
  // > deducted, as well as the amount of your possible debt to the Service Provider.
  const settlement = terminationSettlement(policy, account)
  if (!isPositive(settlement.net)) nothingLeft(reasons, settlement, 'reject')
  const amounts = formatSettlement(settlement)
  // > The terms of the refund and the amount of deduction are discussed individually in each specific case and
  // > depend on the situation.
  const outcome = reasons.outcome(policy.settings.termination.settlement === 'automatic' ? 'approved' : 'manual-review')
  if (outcome === 'rejected') return reasons.decide<TerminationRejected>(outcome, { amounts })
  if (outcome === 'needs-information') {
    return reasons.decide<TerminationNeedsInformation>(outcome, { amounts })
  }
  if (outcome === 'manual-review') {
    reasons.note(
      'INDIVIDUAL_TERMS',
      'Refund terms and deductions are discussed individually: the amounts are a proposal',
      NO_PARAMS,
    )
  }
  // The text sets no payout deadline: a due date only when the policy sets one.
  const payoutDays = policy.settings.termination.payoutBusinessDays
  if (payoutDays === null) return reasons.decide<TerminationSettled>(outcome, { amounts })
  const dates = refundDueDates(policy, clockStart(request), payoutDays)
  return reasons.decide<TerminationSettled>(outcome, { amounts, dates })
}
