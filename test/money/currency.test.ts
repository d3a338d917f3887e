import { describe, expect, it } from 'vitest'
import { currencyMinorUnit, isCurrencyCode, supportedCurrencyCodes } from '../../src/money/index.js'

describe('isCurrencyCode', () => {
  it('accepts exactly the codes currencyMinorUnit accepts', () => {
    for (const code of ['EUR', 'USD', 'JPY', 'BHD']) expect(isCurrencyCode(code)).toBe(true)
  })

  it.each([['eur'], ['XYZ'], ['EURO'], [''], [null], [undefined], [42], [['EUR']], [{ length: 3 }]])(
    'returns false for %j without throwing',
    (value) => {
      expect(isCurrencyCode(value)).toBe(false)
    },
  )
})

describe('supportedCurrencyCodes', () => {
  it('lists every code Intl knows, sorted and frozen', () => {
    const codes = supportedCurrencyCodes()
    expect(codes).toEqual([...Intl.supportedValuesOf('currency')].sort())
    expect(codes).toEqual(expect.arrayContaining(['BHD', 'EUR', 'JPY', 'USD']))
    expect(codes.length).toBeGreaterThan(100)
    expect([...codes].sort()).toEqual(codes)
    expect(Object.isFrozen(codes)).toBe(true)
  })

  it('lists only codes currencyMinorUnit accepts', () => {
    for (const code of supportedCurrencyCodes()) expect(Number.isInteger(currencyMinorUnit(code, 'c'))).toBe(true)
  })
})
