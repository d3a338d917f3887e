/**
 * Money: exact amounts, currencies and minor units from `Intl`, the fee schedule and settlements (SPEC §1, §3,
 * §5, §6).
 */
export {
  type AmountInput,
  addMoney,
  compareMoney,
  describeMoney,
  formatMoney,
  isNegative,
  isPositive,
  isZero,
  MAX_AMOUNT_LENGTH,
  MAX_MINOR_UNITS,
  type Money,
  type MoneyInput,
  maxMoney,
  minMoney,
  type PlainDecimal,
  parseAmount,
  parseMoney,
  readPlainDecimal,
  subtractMoney,
  zeroMoney,
} from './amount.js'
export { currencyMinorUnit, isCurrencyCode, supportedCurrencyCodes } from './currency.js'
export type { DecimalValue } from './decimal.js'
export {
  type Claim,
  type Deduction,
  type DeductionKind,
  debtClaim,
  type FormattedSettlement,
  feeClaim,
  formatSettlement,
  type Settlement,
  scheduleFeeClaim,
  settle,
} from './deductions.js'
export {
  createFeeSchedule,
  FEE_ROUNDINGS,
  type FeeResult,
  type FeeRounding,
  type FeeRule,
  type FeeRuleInput,
  type FeeSchedule,
  type FeeScheduleInput,
  givenFee,
  processingFee,
} from './fees.js'
