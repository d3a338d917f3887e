import { Decimal } from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { RefundRulesError } from '../../src/errors.js'
import {
  addMoney,
  compareMoney,
  currencyMinorUnit,
  formatMoney,
  isCurrencyCode,
  isNegative,
  isPositive,
  isZero,
  MAX_AMOUNT_LENGTH,
  MAX_MINOR_UNITS,
  maxMoney,
  minMoney,
  parseAmount,
  parseMoney,
  readPlainDecimal,
  subtractMoney,
  zeroMoney,
} from '../../src/money/index.js'
import { errorOf } from '../support/errors.js'

const eur = (amount: unknown) => parseMoney({ amount, currency: 'EUR' }, 'topUp.amount')

describe('currencyMinorUnit', () => {
  it('reads minor units from Intl', () => {
    expect(currencyMinorUnit('EUR', 'c')).toBe(2)
    expect(currencyMinorUnit('JPY', 'c')).toBe(0)
    expect(currencyMinorUnit('BHD', 'c')).toBe(3)
    expect(currencyMinorUnit('KWD', 'c')).toBe(3)
  })

  it.each([['eur'], ['Eur'], ['XYZ'], [''], ['EURO'], [' EUR'], [42], [null], [undefined], [{}], ['E'.repeat(1e7)]])(
    'rejects %j',
    (code) => {
      const error = errorOf(() => currencyMinorUnit(code, 'topUp.amount.currency'))
      expect(error.code).toBe('INVALID_CURRENCY')
      expect(error.path).toBe('topUp.amount.currency')
      expect(error.message.length).toBeLessThan(300)
    },
  )

  it('agrees with isCurrencyCode', () => {
    expect(isCurrencyCode('EUR')).toBe(true)
    expect(isCurrencyCode('eur')).toBe(false)
  })
})

describe('parseMoney', () => {
  it.each([
    ['100', 'EUR', '100.00'],
    ['100.5', 'EUR', '100.50'],
    ['100.50', 'EUR', '100.50'],
    ['97.1', 'EUR', '97.10'],
    ['007', 'EUR', '7.00'],
    ['1000', 'JPY', '1000'],
    ['1000.00', 'JPY', '1000'],
    ['12.345', 'BHD', '12.345'],
    ['0', 'EUR', '0.00'],
    ['-0', 'EUR', '0.00'],
    ['-0.00', 'EUR', '0.00'],
    ['90071992547409.91', 'EUR', '90071992547409.91'], // MAX_MINOR_UNITS cents
    ['9007199254740991', 'JPY', '9007199254740991'],
    ['9007199254740.991', 'BHD', '9007199254740.991'],
  ])('reads the string %j in %s as %j', (amount, currency, expected) => {
    expect(formatMoney(parseMoney({ amount, currency }, 'x'))).toBe(expected)
  })

  it.each([
    [10.05, '10.05'],
    [0.3, '0.30'],
    [-0, '0.00'],
    [1e20, '100000000000000000000.00'],
  ])('reads the number %d', (amount, expected) => {
    // 1e20 is beyond 2^53: refused, see below. The rest are exact.
    if (amount > Number.MAX_SAFE_INTEGER) {
      expect(errorOf(() => eur(amount)).code).toBe('INVALID_AMOUNT')
      return
    }
    expect(formatMoney(eur(amount))).toBe(expected)
  })

  it('reads decimal.js values, from this copy or a clone with odd settings', () => {
    expect(formatMoney(eur(new Decimal('10.5')))).toBe('10.50')
    const Odd = Decimal.clone({ defaults: true, precision: 2, rounding: Decimal.ROUND_DOWN, toExpPos: 1, toExpNeg: -1 })
    expect(new Odd('123.45').toString()).toBe('1.2345e+2')
    expect(formatMoney(eur(new Odd('123.45')))).toBe('123.45')
    expect(formatMoney(eur(new Odd('0.05')))).toBe('0.05')
    expect(formatMoney(eur(new Odd('-0')))).toBe('0.00')
    expect(formatMoney(parseMoney({ amount: new Odd('1e15'), currency: 'JPY' }, 'x'))).toBe('1000000000000000')
  })

  it('reads a structural decimal (another copy of decimal.js) through toExponential only', () => {
    const calls: string[] = []
    const foreign = {
      isFinite: () => {
        calls.push('isFinite')
        return true
      },
      toExponential: () => {
        calls.push('toExponential')
        return '4.2e+1'
      },
      toString: () => {
        calls.push('toString')
        return 'ignored'
      },
    }
    expect(formatMoney(eur(foreign))).toBe('42.00')
    expect(calls).toEqual(['toExponential'])
  })

  it('turns throwing getters and methods into INVALID_AMOUNT', () => {
    const getter = {
      isFinite: () => true,
      get toExponential(): () => string {
        throw new Error('boom')
      },
    }
    const method = {
      isFinite: () => true,
      toExponential: () => {
        throw new Error('boom')
      },
    }
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    for (const amount of [getter, method, proxy]) {
      const error = errorOf(() => eur(amount))
      expect(error.code).toBe('INVALID_AMOUNT')
      expect(error.path).toBe('topUp.amount.amount')
    }
  })

  it('turns a throwing field getter into INVALID_INPUT', () => {
    const input = {
      currency: 'EUR',
      get amount(): string {
        throw new Error('boom')
      },
    }
    expect(errorOf(() => parseMoney(input, 'm')).code).toBe('INVALID_INPUT')
  })

  it.each([
    [''],
    [' 10.00 '],
    ['10.00 '],
    ['1,000.00'],
    ['1e3'],
    ['1E3'],
    ['+1'],
    ['.5'],
    ['5.'],
    ['-'],
    ['--1'],
    ['0x10'],
    ['Infinity'],
    ['NaN'],
    ['١٢'],
    ['1_000'],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [Number.NEGATIVE_INFINITY],
    [1e21],
    [1e-7],
    [2 ** 53],
    [true],
    [null],
    [[]],
    [{}],
    [new Number(5)],
    [new String('5')],
    [new Decimal(Number.NaN)],
    [new Decimal(Number.POSITIVE_INFINITY)],
    [new Decimal('1e9000000000000000')],
    [new Decimal('1e-9000000000000000')],
    ['1'.repeat(MAX_AMOUNT_LENGTH + 1)],
  ])('rejects %j as INVALID_AMOUNT', (amount) => {
    const error = errorOf(() => eur(amount))
    expect(error.code).toBe('INVALID_AMOUNT')
    expect(error.path).toBe('topUp.amount.amount')
  })

  it('rejects bigints (not a listed input form)', () => {
    expect(errorOf(() => eur(10n)).code).toBe('INVALID_AMOUNT')
  })

  it('accepts exactly MAX_AMOUNT_LENGTH characters', () => {
    const padded = `${'0'.repeat(MAX_AMOUNT_LENGTH - 10)}1234567.89`
    expect(padded).toHaveLength(MAX_AMOUNT_LENGTH)
    expect(formatMoney(parseAmount(padded, 'EUR', 'x'))).toBe('1234567.89')
  })

  it.each([
    ['90071992547409.92', 'EUR'],
    ['-90071992547409.92', 'EUR', { allowNegative: true }],
    ['9007199254740992', 'JPY'],
    ['9'.repeat(MAX_AMOUNT_LENGTH), 'JPY'],
    [new Decimal('1e21'), 'JPY'],
  ] as const)(
    'rejects %s %s: beyond MAX_MINOR_UNITS, where it would stop being exact',
    (amount, currency, options?) => {
      const error = errorOf(() => parseAmount(amount, currency, 'topUp.amount', options))
      expect(error).toMatchObject({ code: 'INVALID_AMOUNT', path: 'topUp.amount' })
      expect(error.message).toContain(`at most ${MAX_MINOR_UNITS} minor units of ${currency}`)
    },
  )

  it('turns a ten-million-character string away in well under a millisecond', () => {
    const huge = `1${'0'.repeat(1e7)}`
    const started = performance.now()
    for (let i = 0; i < 100; i++) expect(() => eur(huge)).toThrow(RefundRulesError)
    expect((performance.now() - started) / 100).toBeLessThan(1)
  })

  it.each([
    [0.1 + 0.2, 'EUR'],
    ['1.5', 'JPY'],
    [1.5, 'JPY'],
    ['1.001', 'EUR'],
    ['1.0001', 'BHD'],
    [new Decimal('0.001'), 'EUR'],
    ['-0.001', 'EUR'],
  ])('rejects %j in %s as TOO_MANY_DECIMALS', (amount, currency) => {
    const error = errorOf(() => parseMoney({ amount, currency }, 'order.amount'))
    expect(error.code).toBe('TOO_MANY_DECIMALS')
    expect(error.path).toBe('order.amount.amount')
  })

  it('rejects negatives unless allowed', () => {
    const error = errorOf(() => eur('-1'))
    expect(error.code).toBe('NEGATIVE_AMOUNT')
    expect(error.path).toBe('topUp.amount.amount')
    expect(formatMoney(parseMoney({ amount: -1.5, currency: 'EUR' }, 'x', { allowNegative: true }))).toBe('-1.50')
  })

  it('checks the shape and the expected currency', () => {
    expect(errorOf(() => parseMoney('10 EUR', 'a')).code).toBe('INVALID_INPUT')
    expect(errorOf(() => parseMoney(null, 'a')).path).toBe('a')
    expect(errorOf(() => parseMoney({ amount: '1' }, 'a')).path).toBe('a.currency')
    expect(errorOf(() => parseMoney({ currency: 'EUR' }, 'a')).path).toBe('a.amount')
    expect(errorOf(() => parseMoney({ amount: '1', currency: 'eur' }, 'a')).code).toBe('INVALID_CURRENCY')
    const mismatch = errorOf(() => parseMoney({ amount: '1', currency: 'USD' }, 'account.debt', { currency: 'EUR' }))
    expect(mismatch.code).toBe('CURRENCY_MISMATCH')
    expect(mismatch.path).toBe('account.debt.currency')
  })
})

describe('readPlainDecimal', () => {
  it('canonicalizes', () => {
    expect(readPlainDecimal('010.50', 'p')).toEqual({ text: '10.5', negative: false, decimals: 1 })
    expect(readPlainDecimal('-0.0', 'p')).toEqual({ text: '0', negative: false, decimals: 0 })
    expect(readPlainDecimal(new Decimal('-1.25e-2'), 'p')).toEqual({ text: '-0.0125', negative: true, decimals: 4 })
  })
})

describe('operations', () => {
  const a = eur('10.05')
  const b = eur('0.59')
  it('adds, subtracts, compares', () => {
    expect(formatMoney(subtractMoney(a, b))).toBe('9.46')
    expect(formatMoney(addMoney(a, b))).toBe('10.64')
    expect(formatMoney(addMoney(eur(0.1), eur(0.2)))).toBe('0.30')
    expect(compareMoney(a, b)).toBe(1)
    expect(compareMoney(b, a)).toBe(-1)
    expect(compareMoney(eur('1.5'), eur('1.50'))).toBe(0)
    expect(minMoney(a, b)).toBe(b)
    expect(maxMoney(a, b)).toBe(a)
  })

  it('never yields negative zero', () => {
    expect(formatMoney(subtractMoney(a, a))).toBe('0.00')
    expect(isZero(subtractMoney(a, a))).toBe(true)
  })

  it('classifies signs', () => {
    const negative = parseAmount('-1', 'EUR', 'x', { allowNegative: true })
    expect([isZero(zeroMoney('EUR')), isPositive(zeroMoney('EUR')), isNegative(zeroMoney('EUR'))]).toEqual([
      true,
      false,
      false,
    ])
    expect([isPositive(a), isNegative(negative)]).toEqual([true, true])
    expect(formatMoney(zeroMoney('JPY'))).toBe('0')
    expect(formatMoney(zeroMoney('BHD'))).toBe('0.000')
  })

  it('refuses to mix currencies', () => {
    const usd = parseMoney({ amount: '1', currency: 'USD' }, 'x')
    expect(errorOf(() => addMoney(a, usd)).code).toBe('CURRENCY_MISMATCH')
    expect(errorOf(() => minMoney(a, usd, 'order.refunded')).path).toBe('order.refunded')
  })
})
