/**
 * Turning a gross amount and ordered claims on it (debt, then the processing fee) into a settlement whose parts
 * add up exactly (SPEC §5, §7.1).
 */
import {
  addMoney,
  assertNotNegative,
  compareMoney,
  describeMoney,
  formatMoney,
  type Money,
  minMoney,
  subtractMoney,
  zeroLike,
} from './amount.js'
import { type FeeResult, type FeeSchedule, processingFee } from './fees.js'

/** The kinds of deduction a settlement lists. */
export type DeductionKind = 'processing-fee' | 'debt'

/**
 * A claim on the gross, in the order they are served. A debt is a known amount; a processing fee is computed on
 * what remains when its turn comes (termination: the fee is charged on the balance left after the debt).
 */
export type Claim =
  | { readonly kind: 'debt'; readonly amount: Money; readonly basis: string }
  | { readonly kind: 'processing-fee'; readonly fee: (remaining: Money) => FeeResult }

/** One amount taken from the gross. */
export interface Deduction {
  readonly kind: DeductionKind
  readonly amount: Money
  readonly basis: string
}

/** The outcome of {@link settle}: `net + Σ deductions.amount = gross`, exactly, and nothing is negative. */
export interface Settlement {
  readonly gross: Money
  readonly deductions: readonly Deduction[]
  readonly net: Money
  /** The part of the debt the gross did not cover; present only when there was a debt claim. */
  readonly outstandingDebt?: Money
}

/**
 * A settlement as JSON-safe strings: the shape of a decision's `amounts` (SPEC §6), whose public name is
 * `DecisionAmounts` in `decision.ts`. Kept here, unexported, so that money never imports from the decisions.
 */
interface FormattedSettlement {
  readonly currency: string
  readonly gross: string
  readonly deductions: readonly { readonly kind: DeductionKind; readonly amount: string; readonly basis: string }[]
  readonly net: string
  readonly outstandingDebt?: string
}

/** A claim's amount must be in the gross's currency and not negative; the path is only built for the error. */
function checkClaim(amount: Money, gross: Money, index: number): void {
  if (amount.currency === gross.currency && amount.minor >= 0) return
  const what = `claims[${index}]`
  compareMoney(amount, gross, what) // throws CURRENCY_MISMATCH
  assertNotNegative(amount, what) // the currency matches, so the amount is negative: throws
}

/**
 * Serves `claims` in order from `gross`, each capped by what is left, and returns the settlement. Every claim
 * yields one deduction (possibly zero), in order; a capped one says so in its basis. `outstandingDebt` is the sum
 * of what the debt claims could not take.
 *
 * @throws RefundRulesError `NEGATIVE_AMOUNT` for a negative gross or claim, `CURRENCY_MISMATCH` for a claim in
 * another currency.
 * @example
 * const gross = parseAmount('50', 'EUR', 'account.balance')
 * const fees = createFeeSchedule({ default: { percent: '1' } })
 * const s = settle(gross, [
 *   { kind: 'debt', amount: parseAmount('20', 'EUR', 'account.debt'), basis: 'debt owed to the provider' },
 *   scheduleFeeClaim(fees, 'card'),
 * ])
 * formatSettlement(s).net // => '29.70' (50 − 20 debt − 0.30 fee on the 30 left)
 */
export function settle(gross: Money, claims: readonly Claim[]): Settlement {
  assertNotNegative(gross, 'gross')
  let remaining = gross
  let outstanding: Money | undefined
  const deductions: Deduction[] = []
  for (let index = 0; index < claims.length; index++) {
    const claim = claims[index] as Claim
    const isDebt = claim.kind === 'debt'
    const { amount, basis } = isDebt ? claim : claim.fee(remaining)
    checkClaim(amount, gross, index)
    // minMoney returns its first argument when it is not larger: identity tells "not capped" without arithmetic.
    const taken = minMoney(amount, remaining)
    if (isDebt) {
      const uncovered = taken === amount ? zeroLike(gross) : subtractMoney(amount, taken)
      outstanding = outstanding === undefined ? uncovered : addMoney(outstanding, uncovered)
    }
    deductions.push({
      kind: claim.kind,
      amount: taken,
      // A capped debt also names the amount owed: its basis does not say it, unlike a fee's.
      basis:
        taken === amount
          ? basis
          : `${isDebt ? `${basis} (${describeMoney(amount)})` : basis}, capped at the ${describeMoney(remaining)} available`,
    })
    remaining = subtractMoney(remaining, taken)
  }
  const settlement: { -readonly [K in keyof Settlement]: Settlement[K] } = { gross, deductions, net: remaining }
  if (outstanding !== undefined) settlement.outstandingDebt = outstanding
  return settlement
}

/**
 * A debt claim for {@link settle}.
 *
 * @example
 * debtClaim(parseAmount('20', 'EUR', 'account.debt')).basis // => 'debt owed to the provider'
 */
export function debtClaim(amount: Money, basis = 'debt owed to the provider'): Claim {
  return { kind: 'debt', amount, basis }
}

/**
 * A processing-fee claim for {@link settle} whose fee is computed on what remains, e.g.
 * `feeClaim((remaining) => processingFee(schedule, method, remaining))`, or a known fee with `givenFee`.
 *
 * @example
 * feeClaim(() => givenFee(parseAmount('1', 'EUR', 'topUp.processingFee.amount')))
 */
export function feeClaim(fee: (remaining: Money) => FeeResult): Claim {
  return { kind: 'processing-fee', fee }
}

/**
 * A processing-fee claim for {@link settle} computed by the schedule on what remains when its turn comes
 * (`method` undefined: the schedule's default rule).
 *
 * @example
 * const fees = createFeeSchedule({ methods: { card: { percent: '2.9', fixed: { EUR: '0.30' } } } })
 * formatSettlement(settle(parseAmount('10.05', 'EUR', 'gross'), [scheduleFeeClaim(fees, 'card')])).net // => '9.46'
 */
export function scheduleFeeClaim(schedule: FeeSchedule, method: string | undefined): Claim {
  return feeClaim((remaining) => processingFee(schedule, method, remaining))
}

/**
 * The settlement as JSON-safe strings with the currency's exact minor digits: SPEC §6 `amounts`.
 *
 * @example
 * formatSettlement(settle(parseAmount('10', 'JPY', 'gross'), []))
 * // => { currency: 'JPY', gross: '10', deductions: [], net: '10' }
 */
export function formatSettlement(s: Settlement): FormattedSettlement {
  const deductions: FormattedSettlement['deductions'][number][] = []
  for (const d of s.deductions)
    deductions.push(Object.freeze({ kind: d.kind, amount: formatMoney(d.amount), basis: d.basis }))
  const formatted: { -readonly [K in keyof FormattedSettlement]: FormattedSettlement[K] } = {
    currency: s.gross.currency,
    gross: formatMoney(s.gross),
    deductions: Object.freeze(deductions),
    net: formatMoney(s.net),
  }
  if (s.outstandingDebt !== undefined) formatted.outstandingDebt = formatMoney(s.outstandingDebt)
  return Object.freeze(formatted)
}
