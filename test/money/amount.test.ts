import { Decimal } from 'decimal.js'
import { describe, expect, it } from 'vitest'
import {
  addMoney,
  compareMoney,
  everydayMinorUnits,
  formatMoney,
  isPositive,
  MAX_AMOUNT_LENGTH,
  MAX_MINOR_UNITS,
  minMoney,
  parseAmount,
  parseMoney,
  readPlainDecimal,
  subtractMoney,
  zeroLike,
} from '../../src/money/amount.js'
import { errorOf } from '../support/errors.js'

const eur = (amount: unknown) => parseMoney({ amount, currency: 'EUR' }, 'topUp.amount')

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
    ['10.0 '],
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

  it('rejects bigints as an amount (a bigint is a count of minor units: { minor })', () => {
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

  it('turns a ten-million-character string away by its length, before any parsing', () => {
    // The length guard's own message (not the grammar's or the range's) shows the string was never scanned.
    const huge = `1${'0'.repeat(1e7)}`
    expect(errorOf(() => eur(huge)).message).toBe(
      `topUp.amount.amount: must be at most ${MAX_AMOUNT_LENGTH} characters as a plain decimal, received "${'1'.padEnd(60, '0')}…" (10000001 characters)`,
    )
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

  it('writes a decimal value below one with its leading zero', () => {
    // toExponential gives 5e-1: the point goes before the first digit.
    expect(readPlainDecimal(new Decimal('0.5'), 'p')).toEqual({ text: '0.5', negative: false, decimals: 1 })
    expect(readPlainDecimal(new Decimal('-0.25'), 'p')).toEqual({ text: '-0.25', negative: true, decimals: 2 })
    expect(readPlainDecimal(new Decimal('0.05'), 'p')).toEqual({ text: '0.05', negative: false, decimals: 2 })
    const error = errorOf(() => parseAmount(new Decimal('-0.5'), 'EUR', 'refund'))
    expect(error).toMatchObject({ code: 'NEGATIVE_AMOUNT', path: 'refund' })
    expect(error.message).toContain('received -0.5')
  })

  it('drops only the trailing zeros of a fraction, keeping zeros inside it', () => {
    expect(readPlainDecimal('0.050', 'p')).toEqual({ text: '0.05', negative: false, decimals: 2 })
    expect(readPlainDecimal('-1.0500', 'p')).toEqual({ text: '-1.05', negative: true, decimals: 2 })
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
  })

  it('never yields negative zero', () => {
    expect(formatMoney(subtractMoney(a, a))).toBe('0.00')
    expect(subtractMoney(a, a).minor).toBe(0)
    expect(Object.is(subtractMoney(a, a).minor, -0)).toBe(false)
  })

  it('classifies signs', () => {
    const negative = parseAmount('-1', 'EUR', 'x', { allowNegative: true })
    expect([isPositive(zeroLike(a)), isPositive(a), isPositive(negative)]).toEqual([false, true, false])
    expect(formatMoney(zeroLike(parseAmount('5', 'JPY', 'x')))).toBe('0')
    expect(formatMoney(zeroLike(parseAmount('5', 'BHD', 'x')))).toBe('0.000')
  })

  it('refuses to mix currencies', () => {
    const usd = parseMoney({ amount: '1', currency: 'USD' }, 'x')
    expect(errorOf(() => addMoney(a, usd)).code).toBe('CURRENCY_MISMATCH')
    expect(errorOf(() => minMoney(a, usd, 'order.refunded')).path).toBe('order.refunded')
  })
})

describe('readPlainDecimal: messages and limits', () => {
  const messageOf = (value: unknown) => errorOf(() => readPlainDecimal(value, 'p')).message

  it('strips every leading zero, not just one', () => {
    expect(readPlainDecimal('00010.50', 'p')).toEqual({ text: '10.5', negative: false, decimals: 1 })
    expect(readPlainDecimal('-007', 'p')).toEqual({ text: '-7', negative: true, decimals: 0 })
    expect(readPlainDecimal('000', 'p')).toEqual({ text: '0', negative: false, decimals: 0 })
  })

  it('names a malformed string as a string', () => {
    expect(messageOf(' 10.00 ')).toBe(
      'p: string must be a plain decimal like "-12.50" (no spaces, separators, "+" or exponent), received " 10.00 "',
    )
  })

  it('rejects non-finite numbers as such', () => {
    expect(messageOf(Number.NaN)).toBe('p: must be a finite number, received NaN')
    expect(messageOf(Number.POSITIVE_INFINITY)).toBe('p: must be a finite number, received Infinity')
  })

  it('accepts numbers up to MAX_SAFE_INTEGER either way and refuses one beyond', () => {
    expect(readPlainDecimal(Number.MAX_SAFE_INTEGER, 'p').text).toBe('9007199254740991')
    expect(readPlainDecimal(-Number.MAX_SAFE_INTEGER, 'p').text).toBe('-9007199254740991')
    expect(messageOf(2 ** 53)).toBe('p: is too large for an exact JS number; pass a string, received 9007199254740992')
    expect(messageOf(-(2 ** 53))).toBe(
      'p: is too large for an exact JS number; pass a string, received -9007199254740992',
    )
  })

  it('refuses numbers whose shortest form is in exponent notation', () => {
    expect(messageOf(1e-7)).toBe('p: is in exponent form; pass a plain decimal string, received 1e-7')
  })

  it('says what it expected, and "nothing" for undefined', () => {
    const expected = 'p: must be a decimal string, a number or a decimal.js value, received'
    expect(messageOf(undefined)).toBe(`${expected} nothing`)
    expect(messageOf(null)).toBe(`${expected} null`)
    expect(messageOf(true)).toBe(`${expected} true`)
    expect(messageOf({})).toBe(`${expected} an object`)
    // toExponential alone does not make a decimal value: isFinite is part of the shape, and so is toExponential.
    expect(messageOf({ toExponential: () => '1e+0' })).toBe(`${expected} an object`)
    expect(messageOf({ isFinite: () => true })).toBe(`${expected} an object`)
  })

  it('reports a non-finite decimal value as itself', () => {
    expect(messageOf(new Decimal(Number.NaN))).toBe('p: must be a finite decimal, received a decimal value "NaN"')
    expect(messageOf(new Decimal(Number.NEGATIVE_INFINITY))).toBe(
      'p: must be a finite decimal, received a decimal value "-Infinity"',
    )
  })

  it('turns a throwing or non-string toExponential into a clear INVALID_AMOUNT', () => {
    const throwing = {
      isFinite: () => true,
      toExponential: () => {
        throw new Error('boom')
      },
    }
    expect(messageOf(throwing)).toBe('p: could not be read as a decimal value')
    const numeric = { isFinite: () => true, toExponential: () => 42 }
    const error = errorOf(() => readPlainDecimal(numeric, 'p'))
    expect(error.code).toBe('INVALID_AMOUNT')
    expect(error.message).toBe('p: has a toExponential() that returned no string')
  })

  it('caps the exponent form at MAX_AMOUNT_LENGTH + 24 characters before reading it', () => {
    const foreign = (text: string) => ({ isFinite: () => true, toExponential: () => text })
    // 64 characters: read, then refused for its 61-character plain form.
    const at = `1.${'0'.repeat(59)}e+0`
    expect(at).toHaveLength(MAX_AMOUNT_LENGTH + 24)
    expect(messageOf(foreign(at))).toContain(
      `must be at most ${MAX_AMOUNT_LENGTH} characters as a plain decimal, received a decimal value "1.000`,
    )
    // 65 characters: refused unread.
    expect(messageOf(foreign(`1.${'0'.repeat(60)}e+0`))).toBe(
      'p: must be at most 40 characters as a plain decimal, received 65 characters in exponent form',
    )
  })

  it.each([
    ['1e39', `1${'0'.repeat(39)}`],
    ['-1e38', `-1${'0'.repeat(38)}`],
    ['1e-38', `0.${'0'.repeat(37)}1`],
    ['-1e-37', `-0.${'0'.repeat(36)}1`],
    [`1.${'0'.repeat(37)}1`, `1.${'0'.repeat(37)}1`],
  ])('reads the decimal value %s, exactly MAX_AMOUNT_LENGTH characters written out', (value, text) => {
    expect(text).toHaveLength(MAX_AMOUNT_LENGTH)
    expect(readPlainDecimal(new Decimal(value), 'p').text).toBe(text)
  })

  it.each([
    ['1e40', '1e+40'],
    ['-1e39', '-1e+39'],
    ['1e-39', '1e-39'],
    ['-1e-38', '-1e-38'],
    [`1.${'0'.repeat(38)}1`, `1.${'0'.repeat(38)}1e+0`],
  ])('refuses the decimal value %s, one character beyond MAX_AMOUNT_LENGTH written out', (value, exponential) => {
    const error = errorOf(() => readPlainDecimal(new Decimal(value), 'p'))
    expect(error.code).toBe('INVALID_AMOUNT')
    expect(error.message).toBe(
      `p: must be at most 40 characters as a plain decimal, received a decimal value "${exponential}"`,
    )
  })
})

describe('parseAmount and parseMoney: messages and the everyday fast path', () => {
  it.each([['1. '], ['1.x'], ['1./'], ['1.:'], ['1.5 '], ['1.5x'], ['1.0x'], ['1.-5']])(
    'rejects %j in EUR as INVALID_AMOUNT, never as a number',
    (amount) => {
      const error = errorOf(() => parseAmount(amount, 'EUR', 'topUp.amount'))
      expect(error.code).toBe('INVALID_AMOUNT')
      expect(error.path).toBe('topUp.amount')
    },
  )

  it.each([
    ['99999999999999.9', 'EUR'],
    ['9999999999999999', 'EUR'],
    ['9999999999999.99', 'BHD'],
  ])('rejects the 16-character %s %s: beyond MAX_MINOR_UNITS', (amount, currency) => {
    const error = errorOf(() => parseAmount(amount, currency, 'x'))
    expect(error.code).toBe('INVALID_AMOUNT')
    expect(error.message).toBe(`x: must be at most ${MAX_MINOR_UNITS} minor units of ${currency}, received ${amount}`)
  })

  it.each([
    ['90071992547409.9', 'EUR', '90071992547409.90'],
    ['1234567890123.45', 'EUR', '1234567890123.45'],
    ['9007199254740.99', 'BHD', '9007199254740.990'],
    ['1000.00', 'JPY', '1000'],
    ['19.99', 'EUR', '19.99'],
  ])('reads %s %s as %s', (amount, currency, expected) => {
    expect(formatMoney(parseAmount(amount, currency, 'x'))).toBe(expected)
  })

  it('names the sign of a negative amount', () => {
    const error = errorOf(() => parseAmount('-1.5', 'EUR', 'topUp.amount'))
    expect(error).toMatchObject({ code: 'NEGATIVE_AMOUNT', path: 'topUp.amount' })
    expect(error.message).toBe('topUp.amount: must not be negative, received -1.5')
  })

  it('says "nothing" when there is no money object at all', () => {
    expect(errorOf(() => parseMoney(undefined, 'a')).message).toBe(
      'a: must be an object { amount, currency } or { minor, currency }, received nothing',
    )
    expect(errorOf(() => parseMoney(null, 'a')).message).toBe(
      'a: must be an object { amount, currency } or { minor, currency }, received null',
    )
  })

  it('names both currencies on a mismatch', () => {
    const error = errorOf(() => parseMoney({ amount: '1', currency: 'USD' }, 'account.debt', { currency: 'EUR' }))
    expect(error.message).toBe('account.debt.currency: must be EUR like the other amounts, received "USD"')
  })

  it('uses the bare field names when the path is empty', () => {
    expect(errorOf(() => parseMoney({ amount: '1' }, '')).path).toBe('currency')
    expect(errorOf(() => parseMoney({ currency: 'EUR' }, '')).path).toBe('amount')
    expect(errorOf(() => parseMoney({ amount: '-1', currency: 'EUR' }, '')).path).toBe('amount')
  })
})

describe('everydayMinorUnits (the fast path of parseAmount)', () => {
  it.each([
    ['97.10', 2, 9710],
    ['97.1', 2, 9710],
    ['250', 2, 25000],
    ['19.99', 2, 1999],
    ['1000.00', 0, 1000],
    ['0.5', 2, 50],
    ['12.345', 3, 12345],
    ['1234567890123.45', 2, 123456789012345], // 16 characters, 15 digits
  ])('reads %j with %i decimals as %i minor units', (text, minorUnit, expected) => {
    expect(everydayMinorUnits(text, minorUnit)).toBe(expected)
  })

  it.each([
    ['-1', 2],
    ['1.', 2],
    ['.5', 2],
    ['1e3', 2],
    [' 1', 2],
    ['1.5x', 2],
    ['1.5 ', 2], // a character below "0" among the currency's decimals
    ['1.5-', 2],
    ['1.001', 2],
    ['1.5', 0],
    [`1.${'0'.repeat(15)}`, 2], // 17 characters
    ['1234567890123456', 0], // 16 digits
    ['123456789012345.6', 2],
    ['12345678901234.5', 2], // 15 digits, but 16 once in cents
  ])('leaves %j with %i decimals to the full reader', (text, minorUnit) => {
    expect(everydayMinorUnits(text, minorUnit)).toBeUndefined()
  })
})

describe('operations: paths, messages, limits', () => {
  const max = parseAmount('90071992547409.91', 'EUR', 'x')
  const cent = parseAmount('0.01', 'EUR', 'x')
  const usd = parseMoney({ amount: '1', currency: 'USD' }, 'x')
  const one = eur('1')

  it('adds and subtracts up to MAX_MINOR_UNITS, and refuses one unit beyond', () => {
    const maxLessCent = parseAmount('90071992547409.90', 'EUR', 'x')
    expect(formatMoney(addMoney(maxLessCent, cent))).toBe('90071992547409.91')
    const sum = errorOf(() => addMoney(max, cent, 'order.total'))
    expect(sum).toMatchObject({ code: 'INVALID_AMOUNT', path: 'order.total' })
    expect(sum.message).toBe(
      `order.total: would be beyond ${MAX_MINOR_UNITS} minor units of EUR, where arithmetic stops being exact`,
    )
    const min = parseAmount('-90071992547409.91', 'EUR', 'x', { allowNegative: true })
    expect(formatMoney(subtractMoney(min, zeroLike(min)))).toBe('-90071992547409.91')
    const difference = errorOf(() => subtractMoney(min, cent, 'order.left'))
    expect(difference).toMatchObject({ code: 'INVALID_AMOUNT', path: 'order.left' })
    expect(difference.message).toContain(`would be beyond ${MAX_MINOR_UNITS} minor units of EUR`)
  })

  it('names both currencies, at an empty path by default', () => {
    for (const error of [
      errorOf(() => compareMoney(one, usd)),
      errorOf(() => addMoney(one, usd)),
      errorOf(() => subtractMoney(one, usd)),
      errorOf(() => minMoney(one, usd)),
    ]) {
      expect(error.code).toBe('CURRENCY_MISMATCH')
      expect(error.path).toBe('')
      expect(error.message).toBe(': cannot combine EUR and USD in one evaluation')
    }
  })

  it('min picks the right one in either order, and the first when equal', () => {
    const two = eur('2')
    expect(minMoney(two, one)).toBe(one)
    const same = eur('1.00')
    expect(minMoney(one, same)).toBe(one)
    expect(minMoney(same, one)).toBe(same)
  })

  it('zeroLike keeps one value per currency and minor unit', () => {
    const kwd = parseAmount('1', 'KWD', 'x')
    expect(zeroLike(kwd)).toBe(zeroLike(kwd))
    expect(formatMoney(zeroLike(kwd))).toBe('0.000')
    const wholeForints = parseAmount('1990', 'HUF', 'x', { currencies: { HUF: { minorUnits: 0 } } })
    expect(formatMoney(zeroLike(wholeForints))).toBe('0')
    expect(formatMoney(zeroLike(parseAmount('1', 'HUF', 'x')))).toBe('0.00')
  })
})

describe('ISO 4217 minor units (not Intl display digits)', () => {
  it.each([
    ['1990.50', 'HUF', 199050, '1990.50'],
    ['15000.50', 'IDR', 1500050, '15000.50'],
    ['1.250', 'IQD', 1250, '1.250'],
    ['1.2345', 'CLF', 12345, '1.2345'],
    ['1.2345', 'UYW', 12345, '1.2345'],
  ])('accepts %s %s', (amount, currency, minor, formatted) => {
    const money = parseMoney({ amount, currency }, 'topUp.amount')
    expect([money.minor, formatMoney(money)]).toEqual([minor, formatted])
  })

  it('refuses codes without a minor unit at the currency path', () => {
    for (const currency of ['XAU', 'XXX']) {
      expect(errorOf(() => parseMoney({ amount: '1', currency }, 'topUp.amount'))).toMatchObject({
        code: 'INVALID_CURRENCY',
        path: 'topUp.amount.currency',
      })
    }
  })

  it("applies a policy's override: HUF in whole forints", () => {
    const currencies = { HUF: { minorUnits: 0 } }
    expect(formatMoney(parseMoney({ amount: '1990', currency: 'HUF' }, 'm', { currencies }))).toBe('1990')
    expect(formatMoney(parseMoney({ minor: 1990, currency: 'HUF' }, 'm', { currencies }))).toBe('1990')
    expect(errorOf(() => parseMoney({ amount: '1990.50', currency: 'HUF' }, 'm', { currencies }))).toMatchObject({
      code: 'TOO_MANY_DECIMALS',
      path: 'm.amount',
    })
    expect(formatMoney(parseAmount('5', 'HUF', 'x', { currencies }))).toBe('5')
  })
})

describe('{ minor, currency }', () => {
  it.each([
    [1999, 'EUR', '19.99'],
    [1999n, 'EUR', '19.99'],
    ['1999', 'EUR', '19.99'],
    ['0001999', 'EUR', '19.99'],
    [5, 'JPY', '5'],
    [5, 'BHD', '0.005'],
    [12345, 'CLF', '1.2345'],
    [0, 'EUR', '0.00'],
    ['0', 'EUR', '0.00'],
    [-0, 'EUR', '0.00'],
    ['-0', 'EUR', '0.00'],
    [Number.MAX_SAFE_INTEGER, 'EUR', '90071992547409.91'],
    [9007199254740991n, 'JPY', '9007199254740991'],
    ['9007199254740991', 'BHD', '9007199254740.991'],
  ])('reads %s %s as %s', (minor, currency, formatted) => {
    const money = parseMoney({ minor, currency }, 'topUp.amount')
    expect(formatMoney(money)).toBe(formatted)
    expect(Object.is(money.minor, -0)).toBe(false)
  })

  it('reads negatives only where allowed', () => {
    for (const minor of [-1999, -1999n, '-1999']) {
      expect(formatMoney(parseMoney({ minor, currency: 'EUR' }, 'm', { allowNegative: true }))).toBe('-19.99')
      const error = errorOf(() => parseMoney({ minor, currency: 'EUR' }, 'refund'))
      expect(error).toMatchObject({ code: 'NEGATIVE_AMOUNT', path: 'refund.minor' })
    }
  })

  it.each([
    [1.5],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [2 ** 53],
    [-(2 ** 53)],
    [2n ** 53n],
    [-(2n ** 53n)],
    ['9007199254740992'],
    ['-9007199254740992'],
    ['1.5'],
    ['19.99'],
    ['+1'],
    [' 1'],
    ['1 '],
    [''],
    ['-'],
    ['1e3'],
    ['0x10'],
    ['١٢'],
    ['1'.repeat(MAX_AMOUNT_LENGTH + 1)],
    [true],
    [{}],
    [[]],
    [new Number(5)],
  ])('refuses %s as INVALID_AMOUNT at .minor', (minor) => {
    const error = errorOf(() => parseMoney({ minor, currency: 'EUR' }, 'topUp.amount'))
    expect(error).toMatchObject({ code: 'INVALID_AMOUNT', path: 'topUp.amount.minor' })
    expect(error.message.length).toBeLessThan(300)
  })

  it('reads a digit string of exactly MAX_AMOUNT_LENGTH characters and refuses one longer by its length', () => {
    const at = `${'0'.repeat(MAX_AMOUNT_LENGTH - 1)}1`
    expect(formatMoney(parseMoney({ minor: at, currency: 'EUR' }, 'm'))).toBe('0.01')
    // One more leading zero: the same small count, refused for its length before it is read.
    const error = errorOf(() => parseMoney({ minor: `0${at}`, currency: 'EUR' }, 'm'))
    expect(error).toMatchObject({ code: 'INVALID_AMOUNT', path: 'm.minor' })
    expect(error.message).toContain(`must be at most ${MAX_AMOUNT_LENGTH} characters`)
  })

  it('needs exactly one of amount and minor; null is absent', () => {
    const both = errorOf(() => parseMoney({ amount: '19.99', minor: 1999, currency: 'EUR' }, 'topUp.amount'))
    expect(both).toMatchObject({ code: 'INVALID_INPUT', path: 'topUp.amount' })
    expect(both.message).toContain('exactly one of amount and minor')
    const neither = errorOf(() => parseMoney({ currency: 'EUR' }, 'topUp.amount'))
    expect(neither).toMatchObject({ code: 'INVALID_INPUT', path: 'topUp.amount.amount' })
    // A row with both columns, one of them NULL.
    expect(formatMoney(parseMoney({ amount: null, minor: 1999, currency: 'EUR' }, 'm'))).toBe('19.99')
    expect(formatMoney(parseMoney({ amount: '19.99', minor: null, currency: 'EUR' }, 'm'))).toBe('19.99')
    expect(errorOf(() => parseMoney({ amount: null, minor: null, currency: 'EUR' }, 'm'))).toMatchObject({
      code: 'INVALID_AMOUNT',
      path: 'm.amount',
    })
    expect(errorOf(() => parseMoney({ minor: null, currency: 'EUR' }, 'm'))).toMatchObject({
      code: 'INVALID_AMOUNT',
      path: 'm.minor',
    })
    expect(errorOf(() => parseMoney({ amount: '1', currency: null }, 'm'))).toMatchObject({
      code: 'INVALID_CURRENCY',
      path: 'm.currency',
    })
  })

  it('reads own properties only: an inherited minor, amount or currency is absent', () => {
    const proto = Object.prototype as Record<string, unknown>
    proto.minor = 5
    proto.currency = 'JPY'
    try {
      expect(formatMoney(parseMoney({ amount: '19.99', currency: 'EUR' }, 'm'))).toBe('19.99')
      expect(errorOf(() => parseMoney({ amount: '1' }, 'm'))).toMatchObject({
        code: 'INVALID_INPUT',
        path: 'm.currency',
      })
    } finally {
      delete proto.minor
      delete proto.currency
    }
    const inherited = Object.create({ amount: '1.00', currency: 'EUR' })
    expect(errorOf(() => parseMoney(inherited, 'm')).path).toBe('m.currency')
  })

  it('reads each field of Object.prototype as absent, whichever one alone is polluted', () => {
    const proto = Object.prototype as Record<string, unknown>
    const polluted = (key: string, value: unknown, check: () => void) => {
      proto[key] = value
      try {
        check()
      } finally {
        delete proto[key]
      }
    }
    polluted('currency', 'JPY', () => {
      expect(errorOf(() => parseMoney({ amount: '1' }, 'm'))).toMatchObject({
        code: 'INVALID_INPUT',
        path: 'm.currency',
      })
    })
    polluted('amount', '5', () => {
      expect(formatMoney(parseMoney({ minor: 1999, currency: 'EUR' }, 'm'))).toBe('19.99')
    })
    polluted('minor', 5, () => {
      expect(formatMoney(parseMoney({ amount: '19.99', currency: 'EUR' }, 'm'))).toBe('19.99')
    })
  })

  it('reads money objects of any prototype by their own fields: null, a class, another object', () => {
    class Row {
      constructor(
        readonly currency: string,
        readonly minor: number,
      ) {}
    }
    const bare = Object.assign(Object.create(null), { minor: 1999, currency: 'EUR' })
    const decimal = Object.assign(Object.create(null), { amount: '19.99', currency: 'EUR' })
    const child = Object.assign(Object.create({ note: 'x' }), { minor: '1999', currency: 'EUR' })
    for (const money of [bare, decimal, new Row('EUR', 1999), child]) {
      expect(formatMoney(parseMoney(money, 'm'))).toBe('19.99')
    }
  })

  it('names the field whose getter threw, on a plain object or any other', () => {
    const throwing = (proto: object | null, key: string, fields: object) => {
      const money = Object.create(proto, {
        [key]: {
          enumerable: true,
          get() {
            throw new Error('boom')
          },
        },
      })
      return Object.assign(money, fields)
    }
    for (const proto of [Object.prototype, null, { note: 'x' }]) {
      const cases: [string, object][] = [
        ['currency', { amount: '1' }],
        ['amount', { currency: 'EUR' }],
        ['minor', { currency: 'EUR' }],
      ]
      for (const [key, fields] of cases) {
        expect(errorOf(() => parseMoney(throwing(proto, key, fields), 'm'))).toMatchObject({
          code: 'INVALID_INPUT',
          path: `m.${key}`,
        })
      }
    }
  })

  it('turns a throwing minor getter into INVALID_INPUT at its path', () => {
    const money = {
      currency: 'EUR',
      get minor(): unknown {
        throw new Error('boom')
      },
    }
    expect(errorOf(() => parseMoney(money, 'topUp.amount'))).toMatchObject({
      code: 'INVALID_INPUT',
      path: 'topUp.amount.minor',
    })
  })
})
