/**
 * refund-rules: a prepaid-balance service's refund policy as exact, pure,
 * typed functions. See the README for the policy each function encodes.
 *
 * @packageDocumentation
 */

export {
  type DecisionFor,
  type EvaluateInput,
  evaluate,
  type SafeEvaluateResult,
  safeEvaluate,
} from './clauses/evaluate.js'
export { evaluateInactivity, type InactivityInput } from './clauses/inactivity.js'
export type {
  AccountSnapshot,
  OrderSnapshot,
  RefundRequest,
  TopUpSnapshot,
} from './clauses/inputs.js'
export {
  evaluateOrderCancellation,
  type OrderCancellationInput,
  orderCancellationWindowClosesAt,
} from './clauses/order-cancellation.js'
export { evaluateTermination, type TerminationInput } from './clauses/termination.js'
export { evaluateTopUpRefund, type TopUpRefundInput, topUpRefundWindowClosesAt } from './clauses/top-up-refund.js'
export {
  CLAUSE_TITLES,
  type ClauseId,
  ClauseIds,
  type Decision,
  type DecisionAmounts,
  type DecisionBase,
  type DecisionDeduction,
  type InactivityDecision,
  type OrderCancellationDates,
  type OrderCancellationDecision,
  type Outcome,
  Outcomes,
  type Reason,
  type ReasonCode,
  ReasonCodes,
  type RequirementCode,
  RequirementCodes,
  type TerminationDecision,
  type TopUpRefundDates,
  type TopUpRefundDecision,
} from './decision.js'
export {
  type ErrorCode,
  ErrorCodes,
  isRefundRulesError,
  RefundRulesError,
  type RefundRulesIssue,
} from './errors.js'
export { explain } from './explain.js'
export type { AmountInput, DecimalLike, MoneyInput } from './money/amount.js'
export type { FeeRounding, FeeRule, FeeRuleInput, FeeSchedule, FeeScheduleInput } from './money/fees.js'
export { ctrGroupPolicy } from './policy/presets.js'
export {
  CTR_GROUP_DEFAULTS,
  createPolicy,
  type Policy,
  type PolicyContacts,
  type PolicyOptions,
  type TerminationSettings,
} from './policy/settings.js'
export {
  type BusinessCalendar,
  type BusinessCalendarOptions,
  createBusinessCalendar,
  type DueDate,
  type HolidayOptions,
  type HolidayType,
  type ResolvedCalendarOptions,
} from './time/calendar.js'
export type { InstantInput } from './time/instant.js'
