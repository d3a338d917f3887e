/**
 * Accounts of decisions that people can read (SPEC §6, §8): the outcome,
 * why, how much, by when and what is still needed, in the reader's language,
 * with the addresses of the policy that made the decision and no other's.
 */
import type { Decision } from '../decision.js'
import {
  describeReceived,
  expected,
  isRecord,
  isRefundRulesError,
  joinPath,
  refundRulesError,
  unreadable,
} from '../errors.js'
import { ctrGroupPolicy } from '../policy/presets.js'
import { compilePolicy, type Policy, type PolicyOptions } from '../policy/settings.js'
import { type BusinessCalendar, createBusinessCalendar } from '../time/calendar.js'
import { parseInstant } from '../time/instant.js'
import { closedRuns, countingStart } from './closed-days.js'
import { type AmountsView, type DecisionView, readDecision } from './decision-shape.js'
import { createFormats, type Formats } from './format.js'
import {
  type ExplainedReason,
  type ExplainedReasonCode,
  type ExplainLabels,
  type ExplainLocale,
  en,
  type ReasonFormats,
} from './locale.js'

export type {
  DueFacts,
  ExplainedReason,
  ExplainedReasonCode,
  ExplainLabels,
  ExplainLocale,
  ReasonFormats,
  ReasonSentence,
  ReasonSentences,
} from './locale.js'

/** The options of {@link explain}. */
export interface ExplainOptions {
  /** The policy that made the decision (default: the published policy); its addresses and calendar are used. */
  readonly policy?: Policy | PolicyOptions
  /** The language, from `refund-rules/locales` (default: English). */
  readonly locale?: ExplainLocale
  /** The IANA zone instants are shown in (default: the policy calendar's zone). */
  readonly timeZone?: string
}

const OPTION_KEYS = { policy: true, locale: true, timeZone: true }
const LOCALE_PARTS = ['clauses', 'headlines', 'reasons', 'requirements', 'labels'] as const

/** Calendars built once per policy: each computes a year's holidays once. */
const calendars = new WeakMap<Policy, BusinessCalendar>()

function calendarOf(policy: Policy): BusinessCalendar {
  let calendar = calendars.get(policy)
  if (calendar === undefined) {
    calendar = createBusinessCalendar(policy.calendar)
    calendars.set(policy, calendar)
  }
  return calendar
}

interface ReadOptions {
  readonly policy: Policy
  /** Whether a policy was given (else the published one is assumed). */
  readonly given: boolean
  readonly locale: ExplainLocale
  readonly timeZone: string | undefined
}

function readOptions(value: unknown): ReadOptions {
  if (value === undefined) return { policy: ctrGroupPolicy, given: false, locale: en, timeZone: undefined }
  if (!isRecord(value))
    throw refundRulesError('INVALID_INPUT', 'options', expected('{ policy?, locale?, timeZone? }', value))
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(OPTION_KEYS, key)) {
      throw refundRulesError(
        'INVALID_INPUT',
        joinPath('options', key),
        'is not an option of explain (policy, locale, timeZone)',
      )
    }
  }
  const given = value as Record<string, unknown>
  const policyOption = Object.hasOwn(given, 'policy') ? given.policy : undefined
  const locale = Object.hasOwn(given, 'locale') ? given.locale : undefined
  const timeZone = Object.hasOwn(given, 'timeZone') ? given.timeZone : undefined
  if (locale !== undefined) readLocale(locale)
  if (timeZone !== undefined) readTimeZone(timeZone)
  return {
    policy: compilePolicy((policyOption ?? ctrGroupPolicy) as PolicyOptions).settings,
    given: policyOption !== undefined,
    locale: (locale ?? en) as ExplainLocale,
    timeZone: timeZone as string | undefined,
  }
}

/**
 * A locale must carry every entry the English one does, each of the same
 * kind (a string or a function): a locale written in JavaScript, or for an
 * older version, names the entry it lacks instead of failing mid-sentence.
 */
function readLocale(locale: unknown): void {
  const code = isRecord(locale) && Object.hasOwn(locale, 'code') ? (locale as { code: unknown }).code : undefined
  let valid = typeof code === 'string'
  try {
    if (valid) Intl.getCanonicalLocales(code as string)
  } catch {
    valid = false
  }
  if (!valid)
    throw refundRulesError('INVALID_INPUT', 'options.locale', expected('a locale from refund-rules/locales', locale))
  for (const part of LOCALE_PARTS) {
    const path = joinPath('options.locale', part)
    const entries: unknown = Object.hasOwn(locale as object, part)
      ? (locale as Record<string, unknown>)[part]
      : undefined
    if (!isRecord(entries)) throw refundRulesError('INVALID_INPUT', path, expected('an object', entries))
    for (const [key, english] of Object.entries(en[part])) {
      const entry: unknown = Object.hasOwn(entries, key) ? (entries as Record<string, unknown>)[key] : undefined
      if (typeof entry !== typeof english) {
        throw refundRulesError('INVALID_INPUT', joinPath(path, key), expected(`a ${typeof english}`, entry))
      }
    }
  }
}

/** A zone `Intl` knows: its formatter throws a `RangeError` for any other. */
function readTimeZone(timeZone: unknown): void {
  let known = typeof timeZone === 'string'
  try {
    if (known) new Intl.DateTimeFormat('en', { timeZone: timeZone as string })
  } catch {
    known = false
  }
  if (!known) throw refundRulesError('INVALID_INPUT', 'options.timeZone', expected('an IANA time zone', timeZone))
}

/**
 * SPEC §6: the explanation names the addresses of the policy that made the
 * decision, so that policy must be the one given (or the published one when
 * none is): same id and version, and the same fingerprint when both have one.
 */
function checkPolicy(view: DecisionView, policy: Policy, given: boolean): void {
  const reference: { readonly id: string; readonly fingerprint?: unknown } = compilePolicy(policy).reference
  const { id, version, fingerprint } = view.policy
  const differs =
    id !== policy.id ||
    version !== policy.version ||
    (fingerprint !== undefined && typeof reference.fingerprint === 'string' && fingerprint !== reference.fingerprint)
  if (!differs) return
  const made = `the decision was made under policy ${describeReceived(id)} version ${describeReceived(version)}`
  throw refundRulesError(
    'INCONSISTENT_INPUT',
    'options.policy',
    given
      ? `${made}, not under this one (${describeReceived(policy.id)} version ${describeReceived(policy.version)}): pass the policy that made it`
      : `is missing: ${made}, not under the published policy: pass the policy that made it, whose addresses it names`,
  )
}

/** Whether an amount string is not zero: decided on its digits, exactly. */
const isNonZero = (amount: string) => /[1-9]/.test(amount)

function moneyLine(amounts: AmountsView, label: string, labels: ExplainLabels, formats: Formats): string {
  const money = (amount: string) => formats.money(amount, amounts.currency)
  const deductions = amounts.deductions
    .filter((d) => isNonZero(d.amount))
    .map((d) => `${d.kind === 'debt' ? labels.debt : labels.processingFee} ${money(d.amount)} (${d.basis})`)
  const owed = amounts.outstandingDebt !== undefined && isNonZero(amounts.outstandingDebt)
  return `${label}: ${money(amounts.net)}${
    deductions.length > 0
      ? ` = ${money(amounts.gross)} − ${deductions.join(' − ')}`
      : ` (${labels.nothingDeducted(money(amounts.gross))})`
  }${owed ? `; ${labels.debtRemains(money(amounts.outstandingDebt as string))}` : ''}.`
}

function amountLabel(view: DecisionView, labels: ExplainLabels): string {
  switch (view.outcome) {
    case 'manual-review':
      return labels.proposedRefund
    case 'needs-information':
      return labels.refundOnceComplete
    case 'rejected':
      return labels.computedRefund
    default:
      return labels.refund
  }
}

/** The due-date line: the date, the day counting starts after, and the closed days it skipped and why. */
function dueLine(view: DecisionView, due: number, policy: Policy, locale: ExplainLocale, formats: Formats): string {
  const days = view.clause === 'termination' ? policy.termination.payoutBusinessDays : policy.refundBusinessDays
  const calendar = calendarOf(policy)
  const from = days === null || days === 0 ? undefined : countingStart(calendar, due, days)
  if (days === null || from === undefined) return locale.labels.due({ date: formats.date(due), days: days ?? 0 })
  const language = new Intl.Locale(locale.code).language
  const runs = closedRuns(calendar, from, due, language).map(
    (run) =>
      `${formats.days(run.first, run.last)} ${
        run.holiday === undefined ? locale.labels.weekend : run.holiday === null ? locale.labels.closed : run.holiday
      }`,
  )
  return locale.labels.due({
    date: formats.date(due),
    days,
    from: formats.weekday(from),
    ...(runs.length > 0 ? { skipped: runs.join(', ') } : {}),
  })
}

/**
 * SPEC §6: a written-request reason names the refund address of the policy
 * that made the decision; explained under a policy with another address, it
 * would name someone else's, so the two must agree.
 */
function checkReasonAddresses(view: DecisionView, policy: Policy): void {
  view.reasons.forEach((reason, i) => {
    if (reason.code === 'WRITTEN_REQUEST' && reason.params.address !== policy.contacts.refunds) {
      throw refundRulesError(
        'INCONSISTENT_INPUT',
        `decision.reasons[${i}].params.address`,
        `is ${describeReceived(reason.params.address)}, not the refund address of the policy given (${describeReceived(policy.contacts.refunds)}): pass the policy that made the decision`,
      )
    }
  })
}

/** The sentence of one reason in `locale`, from its code and params. */
function reasonSentence<C extends ExplainedReasonCode>(
  locale: ExplainLocale,
  reason: ExplainedReason<C>,
  format: ReasonFormats,
): string {
  return locale.reasons[reason.code](reason.params, format)
}

function lines(view: DecisionView, policy: Policy, locale: ExplainLocale, formats: Formats): string[] {
  const { labels } = locale
  const format: ReasonFormats = {
    instant: (iso) => formats.instant(parseInstant(iso, 'params')),
    money: (amount) => formats.money(amount.amount, amount.currency),
    list: formats.list,
  }
  const refunds = policy.contacts.refunds
  const lastActivityAt = view.lastActivityAt === undefined ? '' : formats.instant(view.lastActivityAt)
  const out = [`${locale.headlines[view.outcome]} — ${locale.clauses[view.clause]}.`]
  for (const reason of view.reasons) out.push(`${labels.why}: ${reasonSentence(locale, reason, format)}.`)
  if (view.clause === 'inactivity') {
    // readDecision makes sure an inactivity decision has both of its dates.
    const at = formats.instant(view.deactivatesAt as number)
    out.push((view.outcome === 'deactivated' ? labels.deactivated : labels.deactivates)(at, lastActivityAt))
    if (view.settlement !== undefined) {
      out.push(moneyLine(view.settlement, labels.settlement, labels, formats), labels.claimSettlement(refunds))
    }
    return out
  }
  if (view.amounts !== undefined) out.push(moneyLine(view.amounts, amountLabel(view, labels), labels, formats))
  if (view.statusChangeDueBy !== undefined) out.push(labels.statusChange(formats.instant(view.statusChangeDueBy)))
  if (view.refundDueDate !== undefined) out.push(dueLine(view, view.refundDueDate, policy, locale, formats))
  if (view.requirements.length > 0) {
    const items = formats.list(
      view.requirements.map((code) => locale.requirements[code]),
      'conjunction',
    )
    out.push(labels.stillNeeded(items, refunds))
  }
  return out
}

/**
 * An account of a decision that support staff and customers can read: the
 * outcome and the clause, why, how much, by when — the due date with the
 * closed days it skipped and why — and what the customer must still send and
 * where. Instants are shown in the policy calendar's zone (or `timeZone`) in
 * the locale's style; addresses are those of `policy`, which must be the
 * policy that made the decision (the published policy by default): a
 * decision of another policy, or anything that is not a decision, is a
 * `RefundRulesError`.
 *
 * @example
 * explain(decision, { policy })
 * // Approved — refund after topping up the balance.
 * // Why: The request arrived within the 48-hour window, open until 23 Dec 2026, 09:00 GMT.
 * // Refund: EUR 96.80 = EUR 100.00 − processing fee EUR 3.20 (card: 2.9% + 0.30 EUR).
 * // Refund due Thu 31 Dec 2026 — 5 business days after Tue 22 Dec; not counted: 25 Dec Christmas Day, …
 * explain(decision, { policy, locale: de }) // the same in German (`import { de } from 'refund-rules/locales'`)
 */
export function explain(decision: Decision, options?: ExplainOptions): string {
  try {
    const { policy, given, locale, timeZone } = readOptions(options)
    const view = readDecision(decision, 'decision')
    checkPolicy(view, policy, given)
    checkReasonAddresses(view, policy)
    return lines(view, policy, locale, createFormats(locale.code, timeZone ?? policy.calendar.timeZone)).join('\n')
  } catch (error) {
    if (isRefundRulesError(error)) throw error
    // A proxy or getter that throws while the decision or options are read: named, never echoed.
    throw refundRulesError('INVALID_INPUT', 'decision', unreadable(error))
  }
}
