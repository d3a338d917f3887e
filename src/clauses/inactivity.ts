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
import type { InactivityActive, InactivityDeactivated, InactivityDecision } from '../decision.js'
import { type AccountSnapshot, type InputFields, readAccount } from '../inputs.js'
import { isPositive } from '../money/amount.js'
import { formatSettlement } from '../money/deductions.js'
import type { PolicySource } from '../policy/history.js'
import type { CompiledPolicy } from '../policy/settings.js'
import { formatInstant, type InstantInput } from '../time/instant.js'
import { addMonthsInZone } from '../time/months.js'
import { formatLocalDateTime } from '../time/zone.js'
import { clockSkewMs, noteClockSkew, nothingLeft } from './request.js'
import { type ClauseRun, Reasons, runClause } from './run.js'
import { terminationSettlement } from './termination.js'

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
export function evaluateInactivity(input: InactivityInput, policy?: PolicySource): InactivityDecision {
  return runClause(EVALUATION, input, policy)
}

/** An evaluation of this clause: its input is `input`, its fields `now` and the snapshots. */
const EVALUATION: ClauseRun<InactivityDecision> = { root: 'input', decide, event: 'now' }

/** Reads and checks an inactivity check's input (SPEC §1), then applies the clause's rules in the text's order (SPEC §5). */
function decide(input: InputFields, policy: CompiledPolicy): InactivityDecision {
  const reader = input.reader
  const account = readAccount(input.object('account'))
  const now = input.instant('now')
  // Read as `now` when it is after it within the clock skew allowed (SPEC §1).
  const lastUse = reader.hasIssues()
    ? account.lastActivityAt
    : reader.notAfterNow('account.lastActivityAt', account.lastActivityAt, now, clockSkewMs(policy))
  reader.finish()
  const reasons = new Reasons('inactivity', now, policy, Object.freeze({ accountId: account.id }))
  noteClockSkew(reasons, reader.skewed, now)

  // > If you do not use your account for more than 12 months, it will be deactivated,
  const months = policy.settings.inactivityMonths
  const zone = policy.calendar.zone
  const threshold = addMonthsInZone(zone, lastUse, months, 'account.lastActivityAt')
  const deactivatesAt = formatInstant(threshold.ms)
  const lastActivityAt = formatInstant(lastUse)
  const deactivated = now > threshold.ms
  if (deactivated) {
    reasons.note(
      'INACTIVE_OVER_THRESHOLD',
      `The account has not been used since ${lastActivityAt}, more than ${months} months: it is deactivated and its funds are returned under the termination rules`,
      { lastActivityAt, months },
    )
  }
  if (threshold.clamped) {
    reasons.note(
      'MONTH_END_CLAMPED',
      `The month count ended on a day the month lacks, so it stops at the month's last day, ${deactivatesAt}`,
      { months, deactivatesAt },
    )
  }
  if (threshold.movedForward) {
    const timeZone = policy.settings.calendar.timeZone
    const localTime = formatLocalDateTime(zone, threshold.ms)
    reasons.note(
      'NONEXISTENT_LOCAL_TIME',
      `The month count ended in a daylight-saving gap in ${timeZone}, so it moved forward to ${localTime} local time (${deactivatesAt})`,
      { months, timeZone, localTime, deactivatesAt },
    )
  }
  const dates = { lastActivityAt, deactivatesAt }
  if (!deactivated) return reasons.decide<InactivityActive>('active', { dates })
  // > and funds from your account will be returned in accordance with the return rules provided for cases of
  // > termination of use of the website.
  if (!isPositive(account.balance)) return reasons.decide<InactivityDeactivated>('deactivated', { dates })
  const settlement = terminationSettlement(policy, account)
  if (!isPositive(settlement.net)) nothingLeft(reasons, settlement, 'note')
  return reasons.decide<InactivityDeactivated>('deactivated', { dates, settlement: formatSettlement(settlement) })
}
