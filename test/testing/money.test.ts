import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  allCurrencies,
  amountToUnits,
  arbAmount,
  arbCurrency,
  arbMinorUnits,
  arbMoney,
  minorUnitOf,
  unitsToAmount,
} from '../../src/testing/index.js'
import { units } from './support.js'

describe('money arbitraries', () => {
  it('knows the ISO 4217 currencies that have a minor unit, and that minor unit', () => {
    // ISO 4217 gives XAU, XDR, XXX … no minor unit: the library refuses them, so the kit never draws them.
    for (const code of ['EUR', 'JPY', 'HUF', 'IQD', 'CLF', 'UYW']) expect(allCurrencies()).toContain(code)
    for (const code of ['XAU', 'XDR', 'XSU', 'XXX']) expect(allCurrencies()).not.toContain(code)
    expect(allCurrencies()).toEqual([...allCurrencies()].sort())
    // Hand-checked against ISO 4217 (where Intl's CLDR display digits differ: HUF 0, IQD 0).
    expect(['EUR', 'JPY', 'BHD', 'HUF', 'IQD', 'CLF'].map(minorUnitOf)).toEqual([2, 0, 3, 2, 3, 4])
  })

  it('arbCurrency draws ISO 4217 codes, filtered by minor unit on request', () => {
    fc.assert(
      fc.property(arbCurrency(), (c) => allCurrencies().includes(c)),
      { seed: 1001 },
    )
    fc.assert(
      fc.property(arbCurrency({ minorUnits: [0] }), (c) => minorUnitOf(c) === 0),
      { seed: 1002 },
    )
    fc.assert(
      fc.property(arbCurrency({ among: ['BHD', 'JPY'] }), (c) => c === 'BHD' || c === 'JPY'),
      { seed: 1003 },
    )
    expect(() => arbCurrency({ minorUnits: [7] })).toThrow()
  })

  it('arbMoney amounts are plain decimals with at most the minor unit of digits, within bounds', () => {
    fc.assert(
      fc.property(arbMoney(), (money) => {
        const u = units(money)
        expect(u >= 0n && u <= amountToUnits('1000000000000', minorUnitOf(money.currency))).toBe(true)
      }),
      { seed: 1004, numRuns: 300 },
    )
  })

  it('honours fixed and arbitrary currency overrides and amount bounds', () => {
    fc.assert(
      fc.property(arbMoney({ currency: 'BHD', min: '1.5', max: '2' }), (money) => {
        const u = units(money, 'BHD')
        expect(u >= 1500n && u <= 2000n).toBe(true)
      }),
      { seed: 1005 },
    )
    fc.assert(
      fc.property(arbMoney({ currency: fc.constantFrom('JPY', 'KWD') }), (money) =>
        ['JPY', 'KWD'].includes(money.currency),
      ),
      { seed: 1006 },
    )
  })

  it('numbers appear and are exactly the decimal they stand for', () => {
    const samples = fc.sample(arbAmount({ currency: 'EUR', max: '1000' }), { seed: 1007, numRuns: 300 })
    const numbers = samples.filter((a): a is number => typeof a === 'number')
    expect(numbers.length).toBeGreaterThan(0)
    for (const n of numbers) expect(String(n)).toMatch(/^\d+(\.\d{1,2})?$/)
    expect(
      fc
        .sample(arbAmount({ currency: 'EUR', forms: ['string'] }), { seed: 1008, numRuns: 50 })
        .every((a) => typeof a === 'string'),
    ).toBe(true)
  })

  it('minor units round-trip through their spelling', () => {
    fc.assert(
      fc.property(arbCurrency(), fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (currency, u) => {
        const digits = minorUnitOf(currency)
        expect(amountToUnits(unitsToAmount(u, digits), digits)).toBe(u)
      }),
      { seed: 1009 },
    )
    expect(unitsToAmount(5n, 3)).toBe('0.005')
    expect(() => amountToUnits('1.234', 2)).toThrow()
  })

  it('arbMinorUnits shrinks towards min and rejects inverted bounds', () => {
    expect(() => arbMinorUnits({ min: '2', max: '1' })).toThrow()
    fc.assert(
      fc.property(arbMinorUnits({ currency: 'JPY', min: '5', max: '5' }), (u) => u === 5n),
      { seed: 1010 },
    )
  })
})
