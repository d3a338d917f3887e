import { describe, expect, it } from 'vitest'
import { formatMoney, parseAmount } from '../../src/money/amount.js'
import {
  createFeeSchedule,
  type FeeRounding,
  type FeeSchedule,
  type FeeScheduleInput,
  givenFee,
  processingFee,
} from '../../src/money/fees.js'
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

/** The issues of the RefundRulesError `fn` throws, as plain `{ code, path, message }` objects. */
function issuesOf(fn: () => unknown) {
  return errorOf(fn).issues.map(({ code, path, message }) => ({ code, path, message }))
}

/** An `INVALID_POLICY` issue at `path` whose message holds `fragment`: a copy edit of the message is not a test edit. */
const policyIssue = (path: string, fragment: string) => ({
  code: 'INVALID_POLICY',
  path,
  message: expect.stringContaining(fragment),
})

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key])
    Object.freeze(value)
  }
  return value
}

/** A record with no prototype, as `Object.create(null)` makes it (or a parser that guards against pollution). */
function bare<T extends object>(entries: T): T {
  return Object.assign(Object.create(null), entries)
}

class RuleClass {
  percent = '1'
}

describe('createFeeSchedule messages', () => {
  it('names every problem with its path and message', () => {
    expect(
      issuesOf(() =>
        createFeeSchedule({
          rounding: 'bankers',
          method: {},
          default: { percent: '101', cap: 1 },
          methods: {
            card: { percent: '-1', fixed: '0.30', min: { EUR: '5' }, max: { EUR: '1' } },
            wire: 'free',
            cash: { fixed: {} },
          },
        }),
      ),
    ).toEqual([
      policyIssue('fees.method', 'is not a fee schedule setting (rounding, default, methods)'),
      policyIssue('fees.rounding', `'half-even' or 'up' or 'down', received "bankers"`),
      policyIssue('fees.default.cap', 'is not a fee rule setting (percent, fixed, min, max)'),
      policyIssue('fees.default.percent', 'must be between 0 and 100 (a percentage), received 101'),
      policyIssue('fees.methods.card.percent', 'must be between 0 and 100 (a percentage), received -1'),
      policyIssue('fees.methods.card.fixed', `amounts by currency, like { EUR: '0.30' }, received "0.30"`),
      policyIssue('fees.methods.card.min.EUR', 'must not exceed max.EUR (1.00 EUR), received 5.00 EUR'),
      policyIssue('fees.methods.wire', 'a fee rule { percent?, fixed?, min?, max? }, received "free"'),
      policyIssue('fees.methods.cash.fixed', 'must name at least one currency (omit it for none)'),
    ])
  })

  it('reports a single problem as the error itself', () => {
    const error = errorOf(() => createFeeSchedule({ methods: { card: { percent: '100.5' } } }, 'policy.fees'))
    expect(error.code).toBe('INVALID_POLICY')
    expect(error.path).toBe('policy.fees.methods.card.percent')
    expect(error.message).toBe(
      'policy.fees.methods.card.percent: must be between 0 and 100 (a percentage), received 100.5',
    )
  })

  it('accepts a percent of exactly 0 and exactly 100', () => {
    expect(createFeeSchedule({ methods: { a: { percent: '0' }, b: { percent: '100.00' } } }).methods).toEqual({
      a: { percent: '0' },
      b: { percent: '100' },
    })
  })

  it.each<[unknown, string]>([
    [null, 'null'],
    ['none', '"none"'],
    [3, '3'],
    [[], 'an array of 0'],
    [new Map(), 'an object'],
    [new RuleClass(), 'an object'],
  ])('rejects the schedule %o with its message', (input, received) => {
    expect(issuesOf(() => createFeeSchedule(input))).toEqual([
      policyIssue('fees', `a fee schedule { rounding?, default?, methods? }, received ${received}`),
    ])
  })

  it.each<[unknown, string]>([
    ['card', '"card"'],
    [[{ percent: '1' }], 'an array of 1'],
    [[], 'an array of 0'],
    [new Map([['card', { percent: '1' }]]), 'an object'],
  ])('rejects methods %o that are not rules by method', (methods, received) => {
    expect(issuesOf(() => createFeeSchedule({ methods }))).toEqual([
      policyIssue('fees.methods', `fee rules by method, received ${received}`),
    ])
  })

  it.each<[unknown, string]>([
    [undefined, 'undefined'],
    [null, 'null'],
    [2.9, '2.9'],
    [[], 'an array of 0'],
    [Object.setPrototypeOf([], null), 'an array of 0'],
    [new RuleClass(), 'an object'],
  ])('rejects the rule %o', (rule, received) => {
    expect(issuesOf(() => createFeeSchedule({ methods: { card: rule } }))).toEqual([
      policyIssue('fees.methods.card', `a fee rule { percent?, fixed?, min?, max? }, received ${received}`),
    ])
    if (rule !== undefined) {
      expect(issuesOf(() => createFeeSchedule({ default: rule }))).toEqual([
        policyIssue('fees.default', `a fee rule { percent?, fixed?, min?, max? }, received ${received}`),
      ])
    }
  })

  it.each<[unknown, string]>([
    ['0.30', '"0.30"'],
    [0.3, '0.3'],
    [null, 'null'],
    [['0.30'], 'an array of 1'],
    [Object.setPrototypeOf([], null), 'an array of 0'],
    [new Date(0), 'an object'],
    [new Map([['EUR', '0.30']]), 'an object'],
  ])('rejects the amounts %o', (amounts, received) => {
    for (const key of ['fixed', 'min', 'max']) {
      expect(issuesOf(() => createFeeSchedule({ default: { [key]: amounts } }))).toEqual([
        policyIssue(`fees.default.${key}`, `amounts by currency, like { EUR: '0.30' }, received ${received}`),
      ])
    }
  })

  it('compares min with max only in the currencies both name', () => {
    const schedule = createFeeSchedule({
      default: { min: { EUR: '1', GBP: '9' }, max: { EUR: '1', JPY: '1' } },
    })
    expect(schedule.default).toEqual({ min: { EUR: '1.00', GBP: '9.00' }, max: { EUR: '1.00', JPY: '1' } })
    expect(
      issuesOf(() => createFeeSchedule({ default: { min: { EUR: '1', JPY: '200' }, max: { JPY: '100' } } })),
    ).toEqual([policyIssue('fees.default.min.JPY', 'must not exceed max.JPY (100 JPY), received 200 JPY')])
  })

  it('accepts records without a prototype everywhere', () => {
    const schedule = createFeeSchedule(
      bare({
        rounding: 'down',
        default: bare({ percent: '1', min: bare({ EUR: '0.50' }) }),
        methods: bare({ card: bare({ percent: '2.9', fixed: bare({ EUR: '0.30' }), max: bare({ EUR: '5' }) }) }),
      }),
    )
    expect(JSON.parse(JSON.stringify(schedule))).toEqual({
      rounding: 'down',
      default: { percent: '1', min: { EUR: '0.50' } },
      methods: { card: { percent: '2.9', fixed: { EUR: '0.30' }, max: { EUR: '5.00' } } },
    })
    const gross = parseAmount('10.05', 'EUR', 'g')
    expect(formatMoney(processingFee(schedule, 'card', gross).amount)).toBe('0.59')
  })

  it('shares no state between schedules without methods', () => {
    for (const input of [undefined, {}, { methods: {} }, { default: { percent: '1' } }]) {
      const schedule = createFeeSchedule(input)
      expect(Object.keys(schedule.methods)).toEqual([])
      expect(Object.getPrototypeOf(schedule.methods)).toBe(null)
      expect(Object.isFrozen(schedule.methods)).toBe(true)
    }
  })
})

describe('processingFee bases', () => {
  const gross = parseAmount('100', 'EUR', 'g')
  const basisOf = (input: FeeScheduleInput, method: string | undefined) =>
    processingFee(createFeeSchedule(input), method, gross).basis
  const a40 = 'a'.repeat(40)

  it.each<[string, string]>([
    ['sepa', 'sepa'],
    ['x.y-z_1', 'x.y-z_1'],
    [a40, a40],
    ['apple pay', '"apple pay"'],
    [' card', '" card"'],
    ['card ', '"card "'],
    ['', '""'],
    ['a"b', '"a\\"b"'],
    [`${a40}b`, `"${a40}"`],
    ['b'.repeat(50), `"${'b'.repeat(40)}"`],
    [`apple pay ${'c'.repeat(40)}`, `"apple pay ${'c'.repeat(30)}"`],
  ])('names the method %j as %s', (method, label) => {
    expect(basisOf({ methods: { [method]: { percent: '1' } } }, method)).toBe(`${label}: 1%`)
    expect(basisOf({ default: { fixed: { EUR: '1' } } }, method)).toBe(`${label} (default rule): 1.00 EUR`)
    expect(basisOf({ methods: { other: { percent: '1' } } }, method)).toBe(`${label}: no processing fee configured`)
  })

  it('writes a zero percentage in the basis but charges nothing for it', () => {
    expect(fee({ methods: { card: { percent: '0', fixed: { EUR: '0.30' } } } }, 'card', '100')).toEqual({
      amount: '0.30',
      basis: 'card: 0% + 0.30 EUR',
    })
    expect(fee({ methods: { card: { percent: '0.00' } } }, 'card', '90071992547409.91')).toEqual({
      amount: '0.00',
      basis: 'card: 0%',
    })
  })

  it('does not clamp a fee exactly at its minimum or maximum', () => {
    const schedule = { default: { percent: '1', min: { EUR: '0.50' }, max: { EUR: '5' } } }
    expect(fee(schedule, 'sepa', '50')).toEqual({ amount: '0.50', basis: 'sepa (default rule): 1%' })
    expect(fee(schedule, 'sepa', '49.49')).toEqual({
      amount: '0.50',
      basis: 'sepa (default rule): 1%, raised to the minimum 0.50 EUR',
    })
    expect(fee(schedule, 'sepa', '500')).toEqual({ amount: '5.00', basis: 'sepa (default rule): 1%' })
    expect(fee(schedule, 'sepa', '500.50')).toEqual({
      amount: '5.00',
      basis: 'sepa (default rule): 1%, lowered to the maximum 5.00 EUR',
    })
    const equal = { methods: { card: { fixed: { EUR: '2' }, min: { EUR: '2' }, max: { EUR: '2' } } } }
    expect(fee(equal, 'card', '10')).toEqual({ amount: '2.00', basis: 'card: 2.00 EUR' })
  })

  it('does not cap a fee exactly equal to the gross', () => {
    expect(fee({ methods: { card: { fixed: { EUR: '0.30' } } } }, 'card', '0.30')).toEqual({
      amount: '0.30',
      basis: 'card: 0.30 EUR',
    })
    expect(fee({ methods: { card: { percent: '100' } } }, 'card', '12.34')).toEqual({
      amount: '12.34',
      basis: 'card: 100%',
    })
    expect(fee({ default: { min: { EUR: '0.50' } } }, 'sepa', '0.50')).toEqual({
      amount: '0.50',
      basis: 'sepa (default rule): no fee, raised to the minimum 0.50 EUR',
    })
    expect(fee({ methods: { card: { fixed: { EUR: '0.30' } } } }, 'card', '0.29')).toEqual({
      amount: '0.29',
      basis: 'card: 0.30 EUR, capped at the 0.29 EUR it is charged on',
    })
  })

  it('names the currencies a rule has when the evaluation uses another, every time', () => {
    const schedule = createFeeSchedule(
      { methods: { card: { percent: '2.9', fixed: { EUR: '0.30' }, max: { EUR: '5', GBP: '4' } } } },
      'policy.fees',
    )
    const usd = parseAmount('10', 'USD', 'g')
    const expected = [
      policyIssue(
        'policy.fees.methods.card.fixed',
        "names amounts for EUR but not for USD, this evaluation's currency",
      ),
      policyIssue(
        'policy.fees.methods.card.max',
        "names amounts for EUR, GBP but not for USD, this evaluation's currency",
      ),
    ]
    expect(issuesOf(() => processingFee(schedule, 'card', usd))).toEqual(expected)
    expect(issuesOf(() => processingFee(schedule, 'card', usd))).toEqual(expected)
    expect(fee({ methods: { card: { percent: '2.9', fixed: { EUR: '0.30' } } } }, 'card', '10.05')).toEqual({
      amount: '0.59',
      basis: 'card: 2.9% + 0.30 EUR',
    })
  })

  it('keeps the path a schedule was created with', () => {
    const schedule = createFeeSchedule({ default: { min: { EUR: '1' } } }, 'policy.fees')
    const gbp = parseAmount('10', 'GBP', 'g')
    expect(issuesOf(() => processingFee(schedule, 'card', gbp))).toEqual([
      policyIssue('policy.fees.default.min', "names amounts for EUR but not for GBP, this evaluation's currency"),
    ])
  })

  it('rejects a negative gross with its message', () => {
    const schedule = createFeeSchedule({ default: { percent: '1' } })
    const error = errorOf(() => processingFee(schedule, 'x', parseAmount('-1', 'EUR', 'g', { allowNegative: true })))
    expect(error.issues).toEqual([
      { code: 'NEGATIVE_AMOUNT', path: 'gross', message: 'must not be negative, received -1.00 EUR' },
    ])
  })

  it('gives a snapshot fee the basis it is given', () => {
    const amount = parseAmount('1.2', 'EUR', 'x')
    expect(givenFee(amount, 'agreed with the customer')).toEqual({ amount, basis: 'agreed with the customer' })
    expect(givenFee(amount)).toEqual({ amount, basis: 'processing fee given on the snapshot' })
  })
})

describe('processingFee amounts', () => {
  it('multiplies by a percentage with decimals exactly', () => {
    expect(fee({ default: { percent: '2.5' } }, 'x', '100').amount).toBe('2.50')
    expect(fee({ default: { percent: '0.5' } }, 'x', '10').amount).toBe('0.05')
    expect(fee({ default: { percent: '12.75' } }, 'x', '400').amount).toBe('51.00')
    expect(fee({ default: { percent: '2.9' } }, 'x', '1000', 'JPY').amount).toBe('29')
    expect(fee({ default: { percent: '1.234' } }, 'x', '1000', 'BHD').amount).toBe('12.340')
  })

  // 9007199254740991 × 0.9999 = 9006298534815516.9009: a product beyond 2^53, where doubles are not exact.
  it('stays exact on the largest amount', () => {
    const largest = '90071992547409.91'
    expect(fee({ default: { percent: '99.99' } }, 'x', largest).amount).toBe('90062985348155.17')
    expect(fee({ rounding: 'down', default: { percent: '99.99' } }, 'x', largest).amount).toBe('90062985348155.16')
    expect(fee({ rounding: 'half-even', default: { percent: '2.9' } }, 'x', largest).amount).toBe('2612087783874.89')
    expect(fee({ default: { percent: '1' } }, 'x', largest).amount).toBe('900719925474.10')
    expect(fee({ default: { percent: '1.2345678901234567' } }, 'x', '1000000', 'JPY').amount).toBe('12346')
    expect(fee({ rounding: 'down', default: { percent: '1.2345678901234567' } }, 'x', '1000000', 'JPY').amount).toBe(
      '12345',
    )
  })

  // 100 % of the largest amount plus a cent is one cent beyond MAX_MINOR_UNITS: an intermediate, never the fee.
  it('caps 100 % + 0.01 EUR on the largest EUR amount at the gross instead of refusing it', () => {
    const largest = '90071992547409.91'
    expect(fee({ default: { percent: '100', fixed: { EUR: '0.01' } } }, 'x', largest)).toEqual({
      amount: largest,
      basis: `x (default rule): 100% + 0.01 EUR, capped at the ${largest} EUR it is charged on`,
    })
    const lowered = fee({ default: { percent: '100', fixed: { EUR: '0.01' }, max: { EUR: '5' } } }, 'x', largest)
    expect(lowered.amount).toBe('5.00')
    expect(lowered.basis).toContain('lowered to the maximum 5.00 EUR')
    // A fixed part as large as the gross itself: 2 × MAX_MINOR_UNITS before the cap.
    expect(fee({ default: { percent: '100', fixed: { EUR: largest } } }, 'x', largest).amount).toBe(largest)
    expect(fee({ default: { percent: '100', fixed: { JPY: '1' } } }, 'x', '9007199254740991', 'JPY').amount).toBe(
      '9007199254740991',
    )
  })

  // 10% of: 0.20 → 0.020 (exact), 0.24 → 0.024, 0.25 → 0.025 (half, 2 even), 0.26 → 0.026, 0.34 → 0.034,
  // 0.35 → 0.035 (half, 3 odd), 0.36 → 0.036.
  it.each<[FeeRounding, string[]]>([
    ['half-up', ['0.02', '0.02', '0.03', '0.03', '0.03', '0.04', '0.04']],
    ['half-even', ['0.02', '0.02', '0.02', '0.03', '0.03', '0.04', '0.04']],
    ['up', ['0.02', '0.03', '0.03', '0.03', '0.04', '0.04', '0.04']],
    ['down', ['0.02', '0.02', '0.02', '0.02', '0.03', '0.03', '0.03']],
  ])('rounds with %s', (rounding, expected) => {
    const schedule = { rounding, default: { percent: '10' } }
    const grosses = ['0.20', '0.24', '0.25', '0.26', '0.34', '0.35', '0.36']
    expect(grosses.map((gross) => fee(schedule, 'x', gross).amount)).toEqual(expected)
  })

  it('rounds half a yen and half a fils by the schedule', () => {
    // 50% of 1 JPY, 3 JPY; 0.5% of 0.100 BHD, 0.300 BHD.
    const on = (rounding: FeeRounding, percent: string, amount: string, currency: string) =>
      fee({ rounding, default: { percent } }, 'x', amount, currency).amount
    expect(['half-up', 'half-even', 'up', 'down'].map((r) => on(r as FeeRounding, '50', '1', 'JPY'))).toEqual([
      '1',
      '0',
      '1',
      '0',
    ])
    expect(['half-up', 'half-even', 'up', 'down'].map((r) => on(r as FeeRounding, '50', '3', 'JPY'))).toEqual([
      '2',
      '2',
      '2',
      '1',
    ])
    expect(['half-up', 'half-even', 'up', 'down'].map((r) => on(r as FeeRounding, '0.5', '0.300', 'BHD'))).toEqual([
      '0.002',
      '0.002',
      '0.002',
      '0.001',
    ])
  })
})

describe('processingFee on a schedule it did not create', () => {
  const gross = parseAmount('10.05', 'EUR', 'g')

  it('validates it, reporting paths under fees', () => {
    const schedule = { rounding: 'half-up', methods: { card: { percent: '200' } } } as unknown as FeeSchedule
    expect(issuesOf(() => processingFee(schedule, 'card', gross))).toEqual([
      policyIssue('fees.methods.card.percent', 'must be between 0 and 100 (a percentage), received 200'),
    ])
  })

  it('reads an unfrozen schedule as it is at each call', () => {
    const schedule = JSON.parse('{"rounding":"half-up","methods":{"card":{"percent":"2.9","fixed":{"EUR":"0.30"}}}}')
    expect(formatMoney(processingFee(schedule, 'card', gross).amount)).toBe('0.59')
    schedule.methods.card.percent = '1'
    expect(processingFee(schedule, 'card', gross)).toEqual({
      amount: parseAmount('0.40', 'EUR', 'x'),
      basis: 'card: 1% + 0.30 EUR',
    })
    schedule.methods.card.percent = '-1'
    expect(issuesOf(() => processingFee(schedule, 'card', gross))).toEqual([
      policyIssue('fees.methods.card.percent', 'must be between 0 and 100 (a percentage), received -1'),
    ])
  })

  it('applies a deep-frozen copy like the schedule it was copied from', () => {
    const original = createFeeSchedule({ rounding: 'up', methods: { card: { percent: '2.9', max: { EUR: '0.20' } } } })
    const copy = deepFreeze(JSON.parse(JSON.stringify(original)))
    for (let i = 0; i < 2; i++) {
      expect(processingFee(copy, 'card', gross)).toEqual(processingFee(original, 'card', gross))
      expect(processingFee(copy, 'card', gross).basis).toBe('card: 2.9%, lowered to the maximum 0.20 EUR')
    }
    expect(createFeeSchedule(copy)).toEqual(original)
  })
})

describe("fee schedules and a policy's minor-unit overrides", () => {
  const wholeForints = { HUF: { minorUnits: 0 } }

  it('checks per-currency amounts against the override when created', () => {
    const input = { default: { fixed: { HUF: '0.50', EUR: '0.30' } } }
    expect(createFeeSchedule(input).default?.fixed).toEqual({ HUF: '0.50', EUR: '0.30' })
    const error = errorOf(() => createFeeSchedule(input, 'fees', wholeForints))
    expect(error.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['INVALID_POLICY', 'fees.default.fixed.HUF'],
    ])
    expect(createFeeSchedule({ default: { fixed: { HUF: '50' } } }, 'fees', wholeForints).default?.fixed).toEqual({
      HUF: '50',
    })
  })

  it("charges in the gross's minor unit, and reports a fixed part that does not fit it when used", () => {
    const schedule = createFeeSchedule({ default: { percent: '1.5', fixed: { HUF: '50' } } })
    const gross = parseAmount('1990', 'HUF', 'gross', { currencies: wholeForints })
    const charged = processingFee(schedule, undefined, gross)
    // 1.5 % of 1990 = 29.85 → 30 whole forints, + 50.
    expect([formatMoney(charged.amount), charged.amount.minorUnit]).toEqual(['80', 0])
    // The same schedule in ISO 4217 forints (two decimals).
    expect(formatMoney(processingFee(schedule, undefined, parseAmount('1990', 'HUF', 'gross')).amount)).toBe('79.85')
    const fractional = createFeeSchedule({ default: { fixed: { HUF: '0.50' } } })
    const error = errorOf(() => processingFee(fractional, undefined, gross))
    expect(error).toMatchObject({ code: 'INVALID_POLICY', path: 'fees.default.fixed.HUF' })
  })

  it('takes a schedule normalized under an override back as it is, without the override', () => {
    // Yen in hundredths, as a processor that keeps sen would: the schedule is valid under that override only.
    const sen = { JPY: { minorUnits: 2 } }
    const schedule = createFeeSchedule({ default: { fixed: { JPY: '0.5' } } }, 'fees', sen)
    expect(schedule.default?.fixed).toEqual({ JPY: '0.50' })
    expect(errorOf(() => createFeeSchedule({ default: { fixed: { JPY: '0.5' } } })).path).toBe('fees.default.fixed.JPY')
    // A schedule this module normalized is valid as it is: it is not read again under ISO 4217's yen.
    expect(createFeeSchedule(schedule)).toBe(schedule)
    const gross = parseAmount('100', 'JPY', 'gross', { currencies: sen })
    expect(formatMoney(processingFee(schedule, undefined, gross).amount)).toBe('0.50')
  })

  it('charges nothing in the overridden minor unit when no rule applies', () => {
    const gross = parseAmount('1990', 'HUF', 'gross', { currencies: wholeForints })
    expect(formatMoney(processingFee(createFeeSchedule(undefined), 'card', gross).amount)).toBe('0')
  })
})
