/**
 * refund-rules: a prepaid-balance service's refund policy as exact, pure,
 * typed functions. See the README for the policy each function encodes.
 *
 * @packageDocumentation
 */
export { type ErrorCode, ErrorCode as ErrorCodes, RefundRulesError, type RefundRulesIssue } from './errors.js'
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
