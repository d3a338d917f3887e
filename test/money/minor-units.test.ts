import { describe, expect, it } from 'vitest'
import { fromMinorUnits, toMinorUnits } from '../../src/index.js'
import { errorOf } from '../support/errors.js'

describe('toMinorUnits', () => {
  it.each([
    [{ amount: '19.99', currency: 'EUR' }, 1999],
    [{ amount: '1990.50', currency: 'HUF' }, 199050],
    [{ amount: '15000.50', currency: 'IDR' }, 1500050],
    [{ amount: '1.250', currency: 'IQD' }, 1250],
    [{ amount: '1.2345', currency: 'CLF' }, 12345],
    [{ amount: 1000, currency: 'JPY' }, 1000],
    [{ amount: '-0.005', currency: 'BHD' }, -5],
    [{ minor: 1999n, currency: 'EUR' }, 1999],
    [{ minor: '-1999', currency: 'EUR' }, -1999],
  ])('reads %o as %d minor units', (money, minor) => {
    expect(toMinorUnits(money)).toBe(minor)
  })

  it("applies a policy's overrides", () => {
    const currencies = { HUF: { minorUnits: 0 } }
    expect(toMinorUnits({ amount: '1990', currency: 'HUF' }, { currencies })).toBe(1990)
    expect(errorOf(() => toMinorUnits({ amount: '1990.50', currency: 'HUF' }, { currencies }))).toMatchObject({
      code: 'TOO_MANY_DECIMALS',
      path: 'money.amount',
    })
  })

  it('reads negative amounts with overrides as without them', () => {
    const currencies = { HUF: { minorUnits: 0 } }
    expect(toMinorUnits({ amount: '-1990', currency: 'HUF' }, { currencies })).toBe(-1990)
    expect(toMinorUnits({ minor: -1990n, currency: 'HUF' }, { currencies })).toBe(-1990)
    expect(toMinorUnits({ amount: '-19.99', currency: 'EUR' }, { currencies })).toBe(-1999)
  })

  it('refuses what it cannot convert exactly, with a path under money', () => {
    expect(errorOf(() => toMinorUnits({ amount: '0.001', currency: 'EUR' }))).toMatchObject({
      code: 'TOO_MANY_DECIMALS',
      path: 'money.amount',
    })
    expect(errorOf(() => toMinorUnits({ amount: '1', currency: 'XAU' }))).toMatchObject({
      code: 'INVALID_CURRENCY',
      path: 'money.currency',
    })
    expect(errorOf(() => toMinorUnits({ minor: 1.5, currency: 'EUR' }))).toMatchObject({
      code: 'INVALID_AMOUNT',
      path: 'money.minor',
    })
  })
})

describe('fromMinorUnits', () => {
  it.each([
    [1999, 'EUR', '19.99'],
    [1999n, 'JPY', '1999'],
    ['-5', 'BHD', '-0.005'],
    [12345, 'CLF', '1.2345'],
    [199050, 'HUF', '1990.50'],
    [1250, 'IQD', '1.250'],
    [0, 'UYW', '0.0000'],
    [-0, 'EUR', '0.00'],
  ])('writes %s %s as %s', (minor, currency, text) => {
    expect(fromMinorUnits(minor, currency)).toBe(text)
  })

  it("applies a policy's overrides", () => {
    expect(fromMinorUnits(1990, 'HUF', { currencies: { HUF: { minorUnits: 0 } } })).toBe('1990')
  })

  it('refuses a bad count at minor and a bad code at currency', () => {
    expect(errorOf(() => fromMinorUnits('19.99', 'EUR'))).toMatchObject({ code: 'INVALID_AMOUNT', path: 'minor' })
    expect(errorOf(() => fromMinorUnits(1, 'XXX'))).toMatchObject({ code: 'INVALID_CURRENCY', path: 'currency' })
  })
})
