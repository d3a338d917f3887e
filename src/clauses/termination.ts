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
import type { DecisionAmounts, TerminationDecision } from '../decision.js'
import { describeMoney, isPositive, type Money } from '../money/amount.js'
import { debtClaim, formatSettlement, scheduleFeeClaim, settle } from '../money/deductions.js'
import type { Policy, PolicyOptions, PolicyRuntime } from '../policy/settings.js'
import type { EpochMs, InstantInput } from '../time/instant.js'
import {
  checkNotAfterNow,
  checkRequestOrder,
  clockStart,
  decision,
  evaluateInput,
  outcomeOf,
  Reasons,
  refundDue,
  requireRequestedInformation,
  requireWrittenRequest,
} from './common.js'
import type { AccountSnapshot, InputReader, RefundRequest } from './inputs.js'

/** The input of {@link evaluateTermination}. */
export interface TerminationInput {
  readonly account: AccountSnapshot
  readonly request: RefundRequest
  /** The current instant. */
  readonly now: InstantInput
}

/** An account as the termination and inactivity clauses read it. */
export interface ReadAccount {
  readonly balance: Money
  readonly debt: Money | undefined
  readonly lastActivityAt: EpochMs
  readonly identityVerified: boolean
  readonly ownershipVerified: boolean
  readonly payoutMethod: string | undefined
}

/** Reads the account snapshot at `input.account` (SPEC §1); the balance may be negative, the debt may not. */
export function readAccount(reader: InputReader, input: object | undefined): ReadAccount {
  const account = reader.object(input, 'account', '')
  reader.text(account, 'id', 'account')
  return {
    balance: reader.signedMoney(account, 'balance', 'account'),
    debt: reader.optionalMoney(account, 'debt', 'account'),
    lastActivityAt: reader.instant(account, 'lastActivityAt', 'account'),
    identityVerified: reader.flag(account, 'identityVerified', 'account'),
    ownershipVerified: reader.flag(account, 'ownershipVerified', 'account'),
    payoutMethod: reader.optionalText(account, 'payoutMethod', 'account'),
  }
}

/**
 * The termination settlement of a positive balance: the debt first (capped),
 * then the processing fee of the payout method on what remains (capped);
 * `outstandingDebt` is the debt the balance did not cover.
 */
export function terminationSettlement(policy: Policy, account: ReadAccount): DecisionAmounts {
  const fee = scheduleFeeClaim(policy.fees, account.payoutMethod)
  return formatSettlement(settle(account.balance, account.debt === undefined ? [fee] : [debtClaim(account.debt), fee]))
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
export function evaluateTermination(input: TerminationInput, policy?: Policy | PolicyOptions): TerminationDecision {
  return evaluateInput(input, 'input', policy, decide) as TerminationDecision
}

/** Reads and checks a termination request's input (SPEC §1), then decides it (SPEC §5). */
function decide(reader: InputReader, input: object | undefined, p: Policy, runtime: PolicyRuntime) {
  const account = readAccount(reader, input)
  const request = reader.request(input)
  const now = reader.instant(input, 'now', '')
  if (!reader.hasIssues()) {
    checkRequestOrder(reader, request, now)
    checkNotAfterNow(reader, 'account.lastActivityAt', account.lastActivityAt, now)
  }
  reader.finish()

  const reasons = new Reasons('termination')
  const rejected = !isPositive(account.balance)
  if (rejected) {
    reasons.add('NOTHING_TO_REFUND', `The balance is ${describeMoney(account.balance)}: there is nothing to return`)
  }
  requireWrittenRequest(reasons, request, p, runtime)
  if (!account.identityVerified) {
    reasons.require('IDENTITY_VERIFICATION', 'The account holder must confirm their identity')
  }
  if (!account.ownershipVerified) {
    reasons.require('OWNERSHIP_VERIFICATION', 'The holder must confirm their right to the account and its funds')
  }
  requireRequestedInformation(reasons, request)
  const automatic = p.termination.settlement === 'automatic'
  if (!rejected && !automatic) {
    reasons.add(
      'INDIVIDUAL_TERMS',
      'Refund terms and deductions are discussed individually: the amounts are a proposal',
    )
  }
  const outcome = outcomeOf(rejected, reasons, automatic ? 'approved' : 'manual-review')
  if (outcome === 'rejected') return decision(reasons, outcome, now, runtime)
  const amounts = terminationSettlement(p, account)
  const payoutDays = p.termination.payoutBusinessDays
  const dates =
    payoutDays !== null && outcome !== 'needs-information'
      ? refundDue(runtime, clockStart(request), payoutDays)
      : undefined
  return decision(reasons, outcome, now, runtime, amounts, dates)
}
