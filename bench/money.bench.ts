/**
 * Fee + deduction throughput: the library (validated strings in, formatted strings and bases out) beside the same
 * arithmetic written the way an application would, with `new Decimal` at every step and no validation.
 * Run: npx vitest bench --run bench/money.bench.ts
 */
import { Decimal } from 'decimal.js'
import { bench, describe } from 'vitest'
import { parseMoney } from '../src/money/amount.js'
import { debtClaim, formatSettlement, scheduleFeeClaim, settle } from '../src/money/deductions.js'
import { createFeeSchedule, processingFee } from '../src/money/fees.js'

const grosses = ['10.05', '250.00', '99.99', '1234.56', '0.20', '73.1', '5000', '18.75']
const debts = ['3.00', '0', '120.5', '0.01', '0.50', '80', '0', '18.75']

const fees = createFeeSchedule({
  rounding: 'half-up',
  methods: { card: { percent: '2.9', fixed: { EUR: '0.30' }, min: { EUR: '0.50' }, max: { EUR: '25.00' } } },
})

/** The baseline: correct for these inputs, but no validation, no basis text, a new Decimal per step. */
function handWritten(grossText: string, debtText: string) {
  const gross = new Decimal(grossText)
  const debt = new Decimal(debtText)
  const takenDebt = Decimal.min(debt, gross)
  const remaining = gross.minus(takenDebt)
  let fee = remaining
    .times(new Decimal('2.9'))
    .div(new Decimal(100))
    .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
    .plus(new Decimal('0.30'))
  fee = Decimal.max(fee, new Decimal('0.50'))
  fee = Decimal.min(fee, new Decimal('25.00'))
  fee = Decimal.min(fee, remaining)
  return {
    currency: 'EUR',
    gross: gross.toFixed(2),
    deductions: [
      { kind: 'debt', amount: takenDebt.toFixed(2) },
      { kind: 'processing-fee', amount: fee.toFixed(2) },
    ],
    net: remaining.minus(fee).toFixed(2),
    outstandingDebt: debt.minus(takenDebt).toFixed(2),
  }
}

function library(grossText: string, debtText: string) {
  const gross = parseMoney({ amount: grossText, currency: 'EUR' }, 'account.balance')
  const debt = parseMoney({ amount: debtText, currency: 'EUR' }, 'account.debt', { currency: 'EUR' })
  return formatSettlement(settle(gross, [debtClaim(debt), scheduleFeeClaim(fees, 'card')]))
}

let sink: unknown

describe('termination settlement (strings in, strings out): debt, then 2.9% + 0.30 clamped to 0.50–25.00', () => {
  bench('refund-rules: parseMoney ×2 + settle + formatSettlement', () => {
    for (let i = 0; i < grosses.length; i++) sink = library(grosses[i] as string, debts[i] as string)
  })
  bench('baseline: new Decimal per step', () => {
    for (let i = 0; i < grosses.length; i++) sink = handWritten(grosses[i] as string, debts[i] as string)
  })
})

const parsedGrosses = grosses.map((g) => parseMoney({ amount: g, currency: 'EUR' }, 'gross'))

describe('processing fee alone, on an already-parsed gross', () => {
  bench('refund-rules: processingFee', () => {
    for (const gross of parsedGrosses) sink = processingFee(fees, 'card', gross)
  })
  bench('baseline: new Decimal per step', () => {
    for (const gross of grosses) {
      const g = new Decimal(gross)
      let fee = g
        .times(new Decimal('2.9'))
        .div(new Decimal(100))
        .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
        .plus(new Decimal('0.30'))
      fee = Decimal.min(Decimal.min(Decimal.max(fee, new Decimal('0.50')), new Decimal('25.00')), g)
      sink = fee
    }
  })
})

const everyday = ['10.05', '250.00', '99.99', '1234.56', '0.20', '73.1', '5000', '18.75']

describe('reading everyday amounts: the fast path of every money field', () => {
  bench('refund-rules: parseMoney (validated, own properties, exact minor units)', () => {
    for (const amount of everyday) sink = parseMoney({ amount, currency: 'EUR' }, 'topUp.amount')
  })
  bench('baseline: new Decimal, no validation', () => {
    for (const amount of everyday) sink = new Decimal(amount)
  })
})

void sink
