/**
 * REFUND UPON INACTIVITY OF THE ACCOUNT
 *
 * > If you do not use your account for more than 12 months, it will be
 * > deactivated, and funds from your account will be returned in accordance
 * > with the return rules provided for cases of termination of use of the
 * > website.
 *
 * Readings (SPEC §4, §5): months are calendar months in the policy's zone at
 * the same local time, clamped to the month's last day and moved past a DST
 * gap; "more than" means the account is deactivated only once `now` is
 * strictly after `deactivatesAt`. The refund follows the termination clause,
 * so a deactivated account with a positive balance carries the termination
 * settlement, but paying it still needs the holder's written, verified request.
 */
import type { InactivityDecision } from '../decision.js'
import { isPositive } from '../money/amount.js'
import type { Policy, PolicyOptions, PolicyRuntime } from '../policy/settings.js'
import { formatInstant, type InstantInput } from '../time/instant.js'
import { addMonthsInZone } from '../time/months.js'
import { formatLocalDateTime } from '../time/zone.js'
import { checkNotAfterNow, decision, evaluateInput, Reasons } from './common.js'
import type { AccountSnapshot, InputReader } from './inputs.js'
import { readAccount, terminationSettlement } from './termination.js'

/** The input of {@link evaluateInactivity}. */
export interface InactivityInput {
  readonly account: AccountSnapshot
  /** The current instant. */
  readonly now: InstantInput
}

/**
 * Decides whether an account is deactivated for inactivity (SPEC §5,
 * inactivity): `deactivated` exactly when `now` is after `lastActivityAt` +
 * `inactivityMonths` calendar months, else `active`. A deactivated account
 * with a positive balance carries the termination `settlement`.
 *
 * @example
 * const decision = evaluateInactivity({
 *   account: { id: 'a1', balance: { amount: '12.00', currency: 'GBP' }, lastActivityAt: '2025-11-20T10:00:00Z' },
 *   now: '2026-11-20T10:00:00.001Z',
 * })
 * decision.outcome // => 'deactivated'
 * decision.dates.deactivatesAt // => '2026-11-20T10:00:00.000Z'
 */
export function evaluateInactivity(input: InactivityInput, policy?: Policy | PolicyOptions): InactivityDecision {
  return evaluateInput(input, 'input', policy, decide) as InactivityDecision
}

/** Reads and checks an inactivity check's input (SPEC §1), then decides it (SPEC §5). */
function decide(reader: InputReader, input: object | undefined, p: Policy, runtime: PolicyRuntime) {
  const account = readAccount(reader, input)
  const now = reader.instant(input, 'now', '')
  if (!reader.hasIssues()) checkNotAfterNow(reader, 'account.lastActivityAt', account.lastActivityAt, now)
  reader.finish()

  const months = p.inactivityMonths
  const threshold = addMonthsInZone(runtime.calendar.zone, account.lastActivityAt, months, 'account.lastActivityAt')
  const deactivatesAt = formatInstant(threshold.ms)
  const lastActivityAt = formatInstant(account.lastActivityAt)
  const reasons = new Reasons('inactivity')
  const deactivated = now > threshold.ms
  if (deactivated) {
    reasons.add(
      'INACTIVE_OVER_THRESHOLD',
      `The account has not been used since ${lastActivityAt}, more than ${months} months: it is deactivated and its funds are returned under the termination rules`,
    )
  }
  if (threshold.clamped) {
    reasons.add(
      'MONTH_END_CLAMPED',
      `The month count ended on a day the month lacks, so it stops at the month's last day, ${deactivatesAt}`,
    )
  }
  if (threshold.movedForward) {
    reasons.add(
      'NONEXISTENT_LOCAL_TIME',
      `The month count ended in a daylight-saving gap in ${p.calendar.timeZone}, so it moved forward to ${formatLocalDateTime(runtime.calendar.zone, threshold.ms)} local time (${deactivatesAt})`,
    )
  }
  const dates = { lastActivityAt, deactivatesAt }
  const settlement = deactivated && isPositive(account.balance) ? terminationSettlement(p, account) : undefined
  return decision(reasons, deactivated ? 'deactivated' : 'active', now, runtime, undefined, dates, settlement)
}
