import { describe, expect, it } from 'vitest'
import {
  createFeeSchedule,
  type FeeRounding,
  type FeeScheduleInput,
  formatMoney,
  givenFee,
  parseAmount,
  processingFee,
} from '../../src/money/index.js'
import { errorOf } from '../support/errors.js'

const card = { percent: '2.9', fixed: { EUR: '0.30', JPY: '30', BHD: '0.1' } }

function fee(input: FeeScheduleInput, method: string, amount: string, currency = 'EUR') {
  const result = processingFee(createFeeSchedule(input), method, parseAmount(amount, currency, 'gross'))
  return { amount: formatMoney(result.amount), basis: result.basis }
}

describe('processingFee', () => {
  it('charges 2.9% + 0.30 EUR on 10.05 EUR: 0.59', () => {
    expect(fee({ methods: { card } }, 'card', '10.05')).toEqual({ amount: '0.59', basis: 'card: 2.9% + 0.30 EUR' })
  })

  it('rounds to yen: 2.9% of 1234 JPY is 35.786 → 36, + 30', () => {
    expect(fee({ methods: { card } }, 'card', '1234', 'JPY')).toEqual({ amount: '66', basis: 'card: 2.9% + 30 JPY' })
  })

  it('rounds to three places in BHD: 2.9% of 12.345 is 0.358005 → 0.358, + 0.100', () => {
    expect(fee({ methods: { card } }, 'card', '12.345', 'BHD')).toEqual({
      amount: '0.458',
      basis: 'card: 2.9% + 0.100 BHD',
    })
  })

  it('caps the fee at a tiny gross', () => {
    expect(fee({ methods: { card } }, 'card', '0.20')).toEqual({
      amount: '0.20',
      basis: 'card: 2.9% + 0.30 EUR, capped at the 0.20 EUR it is charged on',
    })
    expect(fee({ methods: { card } }, 'card', '0')).toEqual({
      amount: '0.00',
      basis: 'card: 2.9% + 0.30 EUR, capped at the 0.00 EUR it is charged on',
    })
  })

  it('clamps to min and max', () => {
    const schedule = { default: { percent: '1', min: { EUR: '0.50' }, max: { EUR: '5' } } }
    expect(fee(schedule, 'sepa', '10')).toEqual({
      amount: '0.50',
      basis: 'sepa (default rule): 1%, raised to the minimum 0.50 EUR',
    })
    expect(fee(schedule, 'sepa', '100')).toEqual({ amount: '1.00', basis: 'sepa (default rule): 1%' })
    expect(fee(schedule, 'sepa', '1000')).toEqual({
      amount: '5.00',
      basis: 'sepa (default rule): 1%, lowered to the maximum 5.00 EUR',
    })
    expect(fee(schedule, 'sepa', '0.30')).toEqual({
      amount: '0.30',
      basis: 'sepa (default rule): 1%, raised to the minimum 0.50 EUR, capped at the 0.30 EUR it is charged on',
    })
  })

  // 10% of 0.25 is 0.025, of 0.35 is 0.035: exactly half a cent.
  it.each<[FeeRounding, string, string]>([
    ['half-up', '0.03', '0.04'],
    ['half-even', '0.02', '0.04'],
    ['up', '0.03', '0.04'],
    ['down', '0.02', '0.03'],
  ])('rounds .5 with %s', (rounding, on025, on035) => {
    const schedule = { rounding, default: { percent: 10 } }
    expect(fee(schedule, 'x', '0.25').amount).toBe(on025)
    expect(fee(schedule, 'x', '0.35').amount).toBe(on035)
  })

  it("rounds 'up' and 'down' away from and toward zero on a non-half case", () => {
    expect(fee({ rounding: 'up', default: { percent: '1' } }, 'x', '0.01').amount).toBe('0.01')
    expect(fee({ rounding: 'down', default: { percent: '99' } }, 'x', '0.01').amount).toBe('0.00')
  })

  it('charges nothing without a rule or a default', () => {
    expect(fee({}, 'card', '10')).toEqual({ amount: '0.00', basis: 'card: no processing fee configured' })
    expect(fee({ methods: { card } }, 'sepa', '10')).toEqual({
      amount: '0.00',
      basis: 'sepa: no processing fee configured',
    })
    expect(fee({ methods: { card: {} } }, 'card', '10')).toEqual({ amount: '0.00', basis: 'card: no fee' })
    expect(fee({ methods: { card: { percent: '0' } } }, 'card', '10')).toEqual({ amount: '0.00', basis: 'card: 0%' })
    expect(formatMoney(processingFee(createFeeSchedule(undefined), 'card', parseAmount('5', 'EUR', 'g')).amount)).toBe(
      '0.00',
    )
  })

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    'treats %j as an ordinary method name',
    (name) => {
      const defaultRule = { fixed: { EUR: '1' } }
      // Absent: the default applies, not something from Object.prototype.
      expect(fee({ default: defaultRule, methods: { card } }, name, '10').amount).toBe('1.00')
      expect(fee({ methods: { card } }, name, '10').amount).toBe('0.00')
      // Present as an own key (as JSON.parse creates it): its own rule applies.
      const methods = JSON.parse(`{${JSON.stringify(name)}: {"fixed": {"EUR": "2"}}}`)
      const schedule = createFeeSchedule({ default: defaultRule, methods })
      expect(Object.getPrototypeOf(schedule.methods)).toBe(null)
      expect(Object.keys(schedule.methods)).toEqual([name])
      const result = processingFee(schedule, name, parseAmount('10', 'EUR', 'g'))
      expect(formatMoney(result.amount)).toBe('2.00')
      expect(result.basis).toBe(`${name}: 2.00 EUR`)
    },
  )

  it('reports a rule without the evaluation currency when it is used', () => {
    const schedule = createFeeSchedule({
      default: { percent: '1' },
      methods: { card: { percent: '2.9', fixed: { EUR: '0.30' }, max: { EUR: '5', GBP: '4' } } },
    })
    const usd = parseAmount('10', 'USD', 'g')
    const error = errorOf(() => processingFee(schedule, 'card', usd))
    expect(error.code).toBe('INVALID_POLICY')
    expect(error.path).toBe('fees.methods.card.fixed')
    expect(error.issues.map((i) => i.path)).toEqual(['fees.methods.card.fixed', 'fees.methods.card.max'])
    expect(error.message).toContain('USD')
    expect(formatMoney(processingFee(schedule, 'sepa', usd).amount)).toBe('0.10')
    const onDefault = createFeeSchedule({ default: { min: { EUR: '1' } } })
    expect(errorOf(() => processingFee(onDefault, 'sepa', usd)).path).toBe('fees.default.min')
  })

  it('uses the default rule when no method is given', () => {
    const gross = parseAmount('100', 'EUR', 'g')
    const withDefault = processingFee(createFeeSchedule({ default: { percent: '1' } }), undefined, gross)
    expect([formatMoney(withDefault.amount), withDefault.basis]).toEqual(['1.00', 'default rule: 1%'])
    const none = processingFee(createFeeSchedule({ methods: { card } }), undefined, gross)
    expect([formatMoney(none.amount), none.basis]).toEqual(['0.00', 'no processing fee configured'])
  })

  it('gives a snapshot fee its own basis', () => {
    expect(givenFee(parseAmount('1.2', 'EUR', 'x')).basis).toBe('processing fee given on the snapshot')
  })

  it('rejects a negative gross', () => {
    const schedule = createFeeSchedule({ default: { percent: '1' } })
    const negative = parseAmount('-1', 'EUR', 'g', { allowNegative: true })
    expect(errorOf(() => processingFee(schedule, 'x', negative)).code).toBe('NEGATIVE_AMOUNT')
  })
})

describe('createFeeSchedule', () => {
  it('normalizes, deep-freezes and stays JSON-safe', () => {
    const schedule = createFeeSchedule({
      default: { percent: 1.5 },
      methods: { card: { percent: '02.90', fixed: { EUR: 0.3, JPY: '30' }, min: { EUR: '0.5' }, max: { EUR: '10' } } },
    })
    expect(JSON.parse(JSON.stringify(schedule))).toEqual({
      rounding: 'half-up',
      default: { percent: '1.5' },
      methods: {
        card: { percent: '2.9', fixed: { EUR: '0.30', JPY: '30' }, min: { EUR: '0.50' }, max: { EUR: '10.00' } },
      },
    })
    expect(Object.isFrozen(schedule)).toBe(true)
    expect(Object.isFrozen(schedule.methods)).toBe(true)
    expect(Object.isFrozen(schedule.methods.card)).toBe(true)
    expect(Object.isFrozen(schedule.methods.card?.fixed)).toBe(true)
    expect(createFeeSchedule(schedule)).toBe(schedule)
    // A JSON copy is valid input, and a plain unfrozen copy still works with processingFee.
    const copy = JSON.parse(JSON.stringify(schedule))
    expect(createFeeSchedule(copy)).toEqual(schedule)
    expect(formatMoney(processingFee(copy, 'card', parseAmount('10.05', 'EUR', 'g')).amount)).toBe('0.59')
  })

  it('collects every problem with its path', () => {
    const error = errorOf(() =>
      createFeeSchedule(
        {
          rounding: 'bankers',
          method: {},
          default: { percent: '101', fixed: { eur: '1' } },
          methods: {
            card: { percent: '-1', fixed: { EUR: '0.001' }, min: { EUR: '5' }, max: { EUR: '1' } },
            sepa: { percent: '1e3', fixed: { EUR: '-1' }, cap: 1 },
            wire: 'free',
            cash: { fixed: {} },
          },
        },
        'policy.fees',
      ),
    )
    expect(error.code).toBe('INVALID_POLICY')
    expect(error.issues.every((i) => i.code === 'INVALID_POLICY')).toBe(true)
    expect(error.issues.map((i) => i.path)).toEqual([
      'policy.fees.method',
      'policy.fees.rounding',
      'policy.fees.default.percent',
      'policy.fees.default.fixed.eur',
      'policy.fees.methods.card.percent',
      'policy.fees.methods.card.fixed.EUR',
      'policy.fees.methods.card.min.EUR',
      'policy.fees.methods.sepa.cap',
      'policy.fees.methods.sepa.percent',
      'policy.fees.methods.sepa.fixed.EUR',
      'policy.fees.methods.wire',
      'policy.fees.methods.cash.fixed',
    ])
  })

  it.each([null, 'none', [], 3])('rejects the schedule %j', (input) => {
    expect(errorOf(() => createFeeSchedule(input)).path).toBe('fees')
  })

  it('quotes odd method names in paths', () => {
    const error = errorOf(() => createFeeSchedule({ methods: { 'apple pay': { percent: 'x' } } }))
    expect(error.path).toBe('fees.methods["apple pay"].percent')
  })
})
