/**
 * Plain-English accounts of decisions, for support staff and logs.
 */
import {
  CLAUSE_TITLES,
  type Decision,
  type DecisionAmounts,
  type OrderCancellationDates,
  type RequirementCode,
} from './decision.js'
import { ctrGroupPolicy } from './policy/presets.js'
import type { PolicyContacts } from './policy/settings.js'

const HEADLINES: Readonly<Record<Decision['outcome'], string>> = {
  approved: 'Approved',
  rejected: 'Rejected',
  'needs-information': 'Waiting for the customer',
  'manual-review': 'For manual review',
  active: 'Account active',
  deactivated: 'Account deactivated',
}

const AMOUNT_LABELS: Readonly<Partial<Record<Decision['outcome'], string>>> = {
  'manual-review': 'Proposed refund',
  'needs-information': 'Refund once the request is complete',
}

const TO_SEND: Readonly<Record<RequirementCode, string>> = {
  WRITTEN_REQUEST: 'a written request',
  REQUESTED_INFORMATION: 'the additional data requested',
  ORDER_DETAILS: 'the order details copied from the personal account',
  IDENTITY_VERIFICATION: 'proof of identity',
  OWNERSHIP_VERIFICATION: 'proof of the right to use the account and its funds',
}

function money(amounts: DecisionAmounts, label: string): string {
  const { gross, net, currency, outstandingDebt } = amounts
  const deductions = amounts.deductions
    .filter((d) => Number(d.amount) !== 0)
    .map((d) => `${d.kind === 'debt' ? 'debt' : 'processing fee'} ${d.amount} (${d.basis})`)
  const owed = outstandingDebt !== undefined && Number(outstandingDebt) !== 0
  return `${label}: ${net} ${currency}${
    deductions.length > 0 ? ` = ${gross} − ${deductions.join(' − ')}` : ` (nothing deducted from ${gross})`
  }${owed ? `; ${outstandingDebt} ${currency} of debt remains owed` : ''}.`
}

/**
 * A short plain-English account of a decision: the outcome, why, how much,
 * by when, and what the customer must still send and where. `contacts`
 * defaults to the published policy's addresses.
 *
 * @example
 * explain(decision)
 * // Approved (REFUND AFTER TOPPING UP YOUR BALANCE).
 * // Why: The request arrived at 2026-11-21T09:00:00.000Z, within the 48-hour window … .
 * // Refund: 97.10 EUR = 100.00 − processing fee 2.90 (card: 2.9%).
 * // Due: by 2026-11-27 (2026-11-27T23:59:59.999Z).
 */
export function explain(decision: Decision, contacts: PolicyContacts = ctrGroupPolicy.contacts): string {
  const lines = [`${HEADLINES[decision.outcome]} (${CLAUSE_TITLES[decision.clause]}).`]
  for (const reason of decision.reasons) lines.push(`Why: ${reason.message}.`)
  if (decision.clause === 'inactivity') {
    lines.push(
      `${decision.outcome === 'deactivated' ? 'Deactivated' : 'Deactivates'} after ${decision.dates.deactivatesAt} (last activity ${decision.dates.lastActivityAt}).`,
    )
    if (decision.settlement) {
      lines.push(
        money(decision.settlement, 'Balance to return under the termination rules'),
        `To receive it the holder must write to ${contacts.refunds} and confirm their identity and right to the funds.`,
      )
    }
  } else {
    if (decision.amounts) lines.push(money(decision.amounts, AMOUNT_LABELS[decision.outcome] ?? 'Refund'))
    // Only an order cancellation has a status change date; the other clauses' dates lack the field.
    const dates: Partial<OrderCancellationDates> | undefined = decision.dates
    if (dates?.statusChangeDueBy) lines.push(`Order status changes by ${dates.statusChangeDueBy}.`)
    if (dates?.refundDueDate) lines.push(`Due: by ${dates.refundDueDate} (${dates.refundDueBy}).`)
    if (decision.requirements.length > 0) {
      lines.push(`Still needed: ${decision.requirements.map((r) => TO_SEND[r]).join('; ')} — to ${contacts.refunds}.`)
    }
  }
  return lines.join('\n')
}
