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
export {
  evaluateOrderCancellation,
  type OrderCancellationInput,
  orderCancellationWindowClosesAt,
} from './clauses/order-cancellation.js'
export { evaluateTermination, type TerminationInput } from './clauses/termination.js'
export { evaluateTopUpRefund, type TopUpRefundInput, topUpRefundWindowClosesAt } from './clauses/top-up-refund.js'
export {
  type AmountParam,
  CLAUSE_TITLES,
  type ClauseId,
  ClauseIds,
  type Decision,
  type DecisionAmounts,
  type DecisionBase,
  type DecisionDeduction,
  type DecisionSubject,
  type DecisionSubjects,
  type InactivityActive,
  type InactivityDates,
  type InactivityDeactivated,
  type InactivityDecision,
  type NoParams,
  type OrderCancellationApproved,
  type OrderCancellationDates,
  type OrderCancellationDecision,
  type OrderCancellationNeedsInformation,
  type OrderCancellationRejected,
  type OrderCancellationWindowDates,
  type Outcome,
  Outcomes,
  type Reason,
  type ReasonCode,
  ReasonCodes,
  type ReasonOf,
  type ReasonParams,
  type RefundDueDates,
  type RequirementCode,
  RequirementCodes,
  type SkewableField,
  type TerminationDecision,
  type TerminationNeedsInformation,
  type TerminationRejected,
  type TerminationSettled,
  type TopUpRefundApproved,
  type TopUpRefundDates,
  type TopUpRefundDecision,
  type TopUpRefundNeedsInformation,
  type TopUpRefundRejected,
  type WindowDates,
  type WindowParams,
} from './decision.js'
export {
  type ErrorCode,
  ErrorCodes,
  isRefundRulesError,
  RefundRulesError,
  type RefundRulesIssue,
} from './errors.js'
export {
  type DueFacts,
  type ExplainedReason,
  type ExplainedReasonCode,
  type ExplainLabels,
  type ExplainLocale,
  type ExplainOptions,
  explain,
  type ReasonFormats,
  type ReasonSentence,
  type ReasonSentences,
} from './explain/index.js'
export type { AccountSnapshot, Id, OrderSnapshot, RefundRequest, TopUpSnapshot } from './inputs.js'
export type {
  AmountInput,
  DecimalLike,
  DecimalMoneyInput,
  MinorMoneyInput,
  MinorUnitsInput,
  MoneyInput,
} from './money/amount.js'
export type { CurrencyOverride, CurrencyOverrides } from './money/currency.js'
export type { FeeRounding, FeeRule, FeeRuleInput, FeeSchedule, FeeScheduleInput } from './money/fees.js'
export { fromMinorUnits, type MinorUnitsOptions, toMinorUnits } from './money/minor-units.js'
export {
  createPolicyHistory,
  PolicyHistory,
  type PolicySource,
  type PolicyVersion,
  type PolicyVersionInput,
} from './policy/history.js'
export { ctrGroupPolicy } from './policy/presets.js'
export {
  createPolicy,
  type Policy,
  type PolicyCalendarOptions,
  type PolicyContacts,
  type PolicyOptions,
  type PolicyReference,
  type TerminationSettings,
} from './policy/settings.js'
export {
  type OrderCancellationQuoteInput,
  type Quote,
  quoteOrderCancellation,
  quoteTopUpRefund,
  type TopUpRefundQuoteInput,
} from './quotes.js'
export { type ReplayDifference, type ReplayResult, replay } from './replay.js'
export {
  type BusinessCalendar,
  type BusinessCalendarOptions,
  createBusinessCalendar,
  type DueDate,
  type HolidayOptions,
  type HolidayType,
  type ResolvedCalendarOptions,
  type ResolvedHolidays,
} from './time/calendar.js'
export type { InstantInput } from './time/instant.js'
