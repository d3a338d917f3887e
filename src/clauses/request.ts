/**
 * The rules every request clause applies the same way (SPEC §1, §4, §5): the
 * order of the request's instants and the clock skew allowed, the written
 * channel, the additional data asked for, what is left to refund, and the
 * refund clock.
 */
import type { ClauseId, DecisionAmounts, RefundDueDates } from '../decision.js'
import type { InputReader, ReadRequest, SkewedInstant } from '../inputs.js'
import { compareMoney, describeMoney, isPositive, type Money, subtractMoney } from '../money/amount.js'
import { feeClaim, formatSettlement, type Settlement, scheduleFeeClaim, settle } from '../money/deductions.js'
import { givenFee } from '../money/fees.js'
import type { CompiledPolicy } from '../policy/settings.js'
import { type EpochMs, formatInstant } from '../time/instant.js'
import { formatPlainDate } from '../time/plain-date.js'
import { amountParam, describeAmount, type Reasons } from './run.js'

/** The event a request is about, which it cannot precede: `topUp.creditedAt`, `order.placedAt`. */
export interface RequestEvent {
  readonly at: EpochMs
  readonly path: string
}

/** SPEC §1: how far after `now` an input instant may be and still be read as `now`, in ms. */
export function clockSkewMs(policy: CompiledPolicy): number {
  return policy.settings.clockSkewSeconds * 1000
}

/**
 * SPEC §1: flags a request received after `now` or before the event it is
 * about (`after`), and information provided before the request or after `now`.
 * Returns the request as read: an instant after `now` by no more than the
 * policy's clock skew is read as `now` (and recorded on the reader).
 */
export function checkRequestOrder(
  reader: InputReader,
  request: ReadRequest,
  { now, after, skewMs }: { readonly now: EpochMs; readonly after?: RequestEvent; readonly skewMs: number },
): ReadRequest {
  const receivedAt = reader.notAfterNow('request.receivedAt', request.receivedAt, now, skewMs)
  if (after !== undefined && receivedAt < after.at) {
    reader.inconsistent('request.receivedAt', `is before ${after.path} (${formatInstant(after.at)})`)
  }
  let providedAt = request.providedAt
  if (providedAt !== undefined) {
    // Compared as given: information provided before the request stays inconsistent even when both were skewed.
    if (providedAt < request.receivedAt) {
      reader.inconsistent('request.informationRequested.providedAt', 'is before the request was received')
    }
    providedAt = reader.notAfterNow('request.informationRequested.providedAt', providedAt, now, skewMs)
  }
  if (receivedAt === request.receivedAt && providedAt === request.providedAt) return request
  return { ...request, receivedAt, providedAt }
}

/** SPEC §1: says, for each instant read as `now`, that it was after `now` within the clock skew allowed. */
export function noteClockSkew(reasons: Reasons<ClauseId>, skewed: readonly SkewedInstant[], now: EpochMs): void {
  const seconds = reasons.policy.settings.clockSkewSeconds
  for (const { path, at } of skewed) {
    const given = formatInstant(at)
    reasons.remark(
      'CLOCK_SKEW_TOLERATED',
      `${path} (${given}) is ${(at - now) / 1000} s after now (${formatInstant(now)}): it was read as now, within the ${seconds}-second clock skew the policy allows`,
      { field: path, at: given, skewSeconds: seconds },
    )
  }
}

/** A top-up or an order as the refund rules see it: what it was, and what was already refunded of it. */
export interface Refundable {
  readonly amount: Money
  readonly refunded: Money | undefined
}

/** How a message names the snapshot at each path. */
const SNAPSHOT_NAMES = { topUp: 'the top-up', order: 'the order' } as const

/** Flags a top-up or order (at `path`) said to be refunded beyond its amount. */
export function checkRefunded(reader: InputReader, path: keyof typeof SNAPSHOT_NAMES, item: Refundable): void {
  if (item.refunded !== undefined && compareMoney(item.refunded, item.amount) > 0) {
    reader.inconsistent(`${path}.refunded`, `is more than ${SNAPSHOT_NAMES[path]} (${describeMoney(item.amount)})`)
  }
}

/** What is left of a top-up or order to refund: its amount less what was already refunded. */
export function leftToRefund(item: Refundable): Money {
  return item.refunded === undefined ? item.amount : subtractMoney(item.amount, item.refunded)
}

/**
 * SPEC §5 windows are elapsed time with the edge included: in time when
 * `receivedAt − start ≤ window`.
 */
export function isWithinWindow(start: EpochMs, windowMs: number, receivedAt: EpochMs): boolean {
  return receivedAt - start <= windowMs
}

/**
 * SPEC §1: letter case ignored. Upper then lower case, each by Unicode's
 * default case mapping (`toLowerCase`, unlike `toLocaleLowerCase`, never
 * consults the host's locale): `'EMAIL'`, `'Email'` and `'email'` fold alike,
 * and so do `'STRASSE'` and `'straße'`.
 */
function foldCase(text: string): string {
  return text.toUpperCase().toLowerCase()
}

/** Whether `channel` is one of the policy's written channels, ignoring letter case (SPEC §1). */
function isWrittenChannel(policy: CompiledPolicy, channel: string): boolean {
  // Fast path: the channel spelt as the policy spells it, one lookup and no new strings.
  if (policy.writtenChannels.has(channel)) return true
  const folded = foldCase(channel)
  return policy.settings.writtenChannels.some((written) => foldCase(written) === folded)
}

/** SPEC §5: a request must come through a written channel. Requires `WRITTEN_REQUEST` when it did not. */
export function requireWrittenRequest(reasons: Reasons<ClauseId>, request: ReadRequest): void {
  const policy = reasons.policy
  if (!isWrittenChannel(policy, request.channel)) {
    const channel = request.channel.slice(0, 40)
    const { writtenChannels, contacts } = policy.settings
    reasons.require(
      'WRITTEN_REQUEST',
      `The request came by ${JSON.stringify(channel)}; it must be sent in writing (${writtenChannels.join(' or ')}) to ${contacts.refunds}`,
      { channel, writtenChannels, address: contacts.refunds },
    )
  }
}

/** SPEC §5: additional data asked of the customer must have arrived. Requires `REQUESTED_INFORMATION` while it has not. */
export function requireRequestedInformation(reasons: Reasons<ClauseId>, request: ReadRequest): void {
  const items = request.informationItems
  if (items.length > 0 && request.providedAt === undefined) {
    reasons.require('REQUESTED_INFORMATION', `The additional data requested is still missing: ${items.join(', ')}`, {
      // The reader's own list, made for this request: frozen in place, not copied.
      items: Object.freeze(items),
    })
  }
}

/** What a refund pays for processing: the snapshot's own `processingFee`, else the schedule's fee for `method`. */
export interface ProcessingCost {
  readonly method: string
  readonly processingFee: Money | undefined
}

/**
 * SPEC §5, "the amount necessary to process the payment": the gross less the
 * processing fee, as a decision's `amounts`. When the fee takes the whole
 * gross, the request is rejected with `NOTHING_LEFT_AFTER_DEDUCTIONS`.
 */
export function refundSettlement(reasons: Reasons<ClauseId>, gross: Money, cost: ProcessingCost): DecisionAmounts {
  const given = cost.processingFee
  const fee =
    given === undefined ? scheduleFeeClaim(reasons.policy.settings.fees, cost.method) : feeClaim(() => givenFee(given))
  const settlement = settle(gross, [fee])
  if (!isPositive(settlement.net)) nothingLeft(reasons, settlement, 'reject')
  return formatSettlement(settlement)
}

/**
 * SPEC §5: the deductions of `settlement` take its whole gross. Rejects with
 * `NOTHING_LEFT_AFTER_DEDUCTIONS`, or, on a decision that is not a request
 * (inactivity), notes it beside the settlement.
 */
export function nothingLeft(reasons: Reasons<ClauseId>, settlement: Settlement, how: 'reject' | 'note'): void {
  const gross = amountParam(settlement.gross)
  reasons[how](
    'NOTHING_LEFT_AFTER_DEDUCTIONS',
    `The deductions take the whole ${describeAmount(gross)}: nothing is left to pay out`,
    { gross },
  )
}

/** SPEC §4: the refund clock starts at the complete request, max(receivedAt, providedAt). */
export function clockStart(request: ReadRequest): EpochMs {
  return request.providedAt === undefined ? request.receivedAt : Math.max(request.receivedAt, request.providedAt)
}

/**
 * SPEC §4: the due date of a refund whose clock started at `start`, `businessDays`
 * business days on: `refundDueDate` and `refundDueBy`. The calendar's day-number
 * core, not its public `refundDueDate`, which parses and formats strings.
 */
export function refundDueDates(policy: CompiledPolicy, start: EpochMs, businessDays: number): RefundDueDates {
  const calendar = policy.calendar
  const due = calendar.addBusinessDays(calendar.clockStartDay(start), businessDays, 'request.receivedAt')
  return {
    refundDueDate: formatPlainDate(due),
    refundDueBy: formatInstant(calendar.endOfDay(due, 'request.receivedAt')),
  }
}
