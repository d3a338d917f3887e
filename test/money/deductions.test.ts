import { describe, expect, it } from 'vitest'
import { RefundRulesError } from '../../src/errors.js'
import { parseAmount } from '../../src/money/amount.js'
import { debtClaim, feeClaim, formatSettlement, scheduleFeeClaim, settle } from '../../src/money/deductions.js'
import { createFeeSchedule, givenFee } from '../../src/money/fees.js'
import { errorOf } from '../support/errors.js'

const eur = (amount: string) => parseAmount(amount, 'EUR', 'x')
const card = createFeeSchedule({ methods: { card: { percent: '2.9', fixed: { EUR: '0.30' } } } })

describe('settle', () => {
  it('top-up refund: the fee alone, 2.9% + 0.30 on 10.05 leaves 9.46', () => {
    expect(formatSettlement(settle(eur('10.05'), [scheduleFeeClaim(card, 'card')]))).toEqual({
      currency: 'EUR',
      gross: '10.05',
      deductions: [{ kind: 'processing-fee', amount: '0.59', basis: 'card: 2.9% + 0.30 EUR' }],
      net: '9.46',
    })
  })

  it('termination: debt first, then the fee on what remains', () => {
    expect(formatSettlement(settle(eur('100'), [debtClaim(eur('40')), scheduleFeeClaim(card, 'card')]))).toEqual({
      currency: 'EUR',
      gross: '100.00',
      deductions: [
        { kind: 'debt', amount: '40.00', basis: 'debt owed to the provider' },
        // 2.9% of 60.00 = 1.74, + 0.30
        { kind: 'processing-fee', amount: '2.04', basis: 'card: 2.9% + 0.30 EUR' },
      ],
      net: '57.96',
      outstandingDebt: '0.00',
    })
  })

  it('termination: a debt larger than the balance leaves nothing and an outstanding debt', () => {
    expect(formatSettlement(settle(eur('30'), [debtClaim(eur('50')), scheduleFeeClaim(card, 'card')]))).toEqual({
      currency: 'EUR',
      gross: '30.00',
      deductions: [
        {
          kind: 'debt',
          amount: '30.00',
          basis: 'debt owed to the provider (50.00 EUR), capped at the 30.00 EUR available',
        },
        {
          kind: 'processing-fee',
          amount: '0.00',
          basis: 'card: 2.9% + 0.30 EUR, capped at the 0.00 EUR it is charged on',
        },
      ],
      net: '0.00',
      outstandingDebt: '20.00',
    })
  })

  it('caps a snapshot fee larger than the gross', () => {
    const s = formatSettlement(settle(eur('1'), [feeClaim(() => givenFee(eur('2.5')))]))
    expect(s.deductions).toEqual([
      {
        kind: 'processing-fee',
        amount: '1.00',
        basis: 'processing fee given on the snapshot, capped at the 1.00 EUR available',
      },
    ])
    expect(s.net).toBe('0.00')
  })

  it('works in JPY and BHD', () => {
    const fees = createFeeSchedule({ default: { percent: '2.9', fixed: { JPY: '30', BHD: '0.1' } } })
    expect(formatSettlement(settle(parseAmount('1234', 'JPY', 'g'), [scheduleFeeClaim(fees, 'x')])).net).toBe('1168')
    expect(formatSettlement(settle(parseAmount('12.345', 'BHD', 'g'), [scheduleFeeClaim(fees, 'x')])).net).toBe(
      '11.887',
    )
  })

  it('rejects negatives and mixed currencies', () => {
    const negative = parseAmount('-1', 'EUR', 'x', { allowNegative: true })
    expect(() => settle(negative, [])).toThrow(RefundRulesError)
    expect(() => settle(eur('1'), [debtClaim(negative)])).toThrow(/must not be negative/)
    expect(() => settle(eur('1'), [debtClaim(parseAmount('1', 'USD', 'x'))])).toThrow(
      expect.objectContaining({ code: 'CURRENCY_MISMATCH' }),
    )
  })

  it('formats to frozen, JSON-safe amounts', () => {
    const f = formatSettlement(settle(eur('10'), [debtClaim(eur('1'))]))
    expect(Object.isFrozen(f)).toBe(true)
    expect(Object.isFrozen(f.deductions)).toBe(true)
    for (const d of f.deductions) expect(Object.isFrozen(d)).toBe(true)
    expect(JSON.parse(JSON.stringify(f))).toEqual(f)
  })

  it('rejects a negative gross at "gross", naming the amount', () => {
    const negative = parseAmount('-1', 'EUR', 'x', { allowNegative: true })
    const error = errorOf(() => settle(negative, []))
    expect(error).toMatchObject({ code: 'NEGATIVE_AMOUNT', path: 'gross' })
    expect(error.message).toBe('gross: must not be negative, received -1.00 EUR')
  })

  it('rejects a negative or foreign claim at its index, debt or fee alike', () => {
    const negative = parseAmount('-0.5', 'EUR', 'x', { allowNegative: true })
    const debt = errorOf(() => settle(eur('10'), [debtClaim(eur('1')), debtClaim(negative)]))
    expect(debt).toMatchObject({ code: 'NEGATIVE_AMOUNT', path: 'claims[1]' })
    expect(debt.message).toBe('claims[1]: must not be negative, received -0.50 EUR')
    const fee = errorOf(() => settle(eur('10'), [debtClaim(eur('1')), feeClaim(() => givenFee(negative))]))
    expect(fee).toMatchObject({ code: 'NEGATIVE_AMOUNT', path: 'claims[1]' })
    const foreign = errorOf(() => settle(eur('10'), [debtClaim(parseAmount('1', 'USD', 'x'))]))
    expect(foreign).toMatchObject({ code: 'CURRENCY_MISMATCH', path: 'claims[0]' })
    expect(foreign.message).toBe('claims[0]: cannot combine USD and EUR in one evaluation')
  })

  it('sums what every debt claim could not take', () => {
    const s = formatSettlement(settle(eur('30'), [debtClaim(eur('50')), debtClaim(eur('20')), debtClaim(eur('5'))]))
    expect(s.deductions.map((d) => d.amount)).toEqual(['30.00', '0.00', '0.00'])
    expect(s.net).toBe('0.00')
    expect(s.outstandingDebt).toBe('45.00')
  })

  it('has no outstandingDebt at all without a debt claim', () => {
    const s = settle(eur('10'), [feeClaim(() => givenFee(eur('1')))])
    expect(Object.hasOwn(s, 'outstandingDebt')).toBe(false)
    expect(Object.hasOwn(formatSettlement(s), 'outstandingDebt')).toBe(false)
  })

  it('builds claims of the documented kinds', () => {
    expect(feeClaim(() => givenFee(eur('1'))).kind).toBe('processing-fee')
    expect(scheduleFeeClaim(card, 'card').kind).toBe('processing-fee')
    expect(debtClaim(eur('1'))).toMatchObject({ kind: 'debt', basis: 'debt owed to the provider' })
  })
})
