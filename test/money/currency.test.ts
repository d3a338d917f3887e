import * as iso4217 from 'dinero.js/currencies'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  CURRENCY_OVERRIDES,
  type CurrencyOverrides,
  currencyMinorUnit,
  isoCurrencyCodes,
  readCurrencyOverrides as readOverrides,
} from '../../src/money/currency.js'
import { SettingsReader } from '../../src/reader.js'
import { errorOf } from '../support/errors.js'

describe('currencyMinorUnit', () => {
  it('gives ISO 4217 minor units, including where CLDR display digits differ', () => {
    // Hand-copied from the ISO 4217 list: HUF, IDR and IQD are the issue's examples where Intl shows 0.
    const iso: Record<string, number> = { EUR: 2, JPY: 0, BHD: 3, KWD: 3, HUF: 2, IDR: 2, IQD: 3, CLF: 4, UYW: 4 }
    for (const [code, digits] of Object.entries(iso))
      expect([code, currencyMinorUnit(code, 'c')]).toEqual([code, digits])
  })

  it('agrees with the data package for every decimal code, whatever Intl says', () => {
    let differFromIntl = 0
    for (const { code, base, exponent } of Object.values(iso4217)) {
      if (base !== 10) continue
      expect([code, currencyMinorUnit(code, 'c')]).toEqual([code, exponent])
      const cldr = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
      if (cldr.maximumFractionDigits !== exponent) differFromIntl++
    }
    // The point of the data package: a good dozen codes where Intl (CLDR) would give another answer.
    expect(differFromIntl).toBeGreaterThanOrEqual(10)
  })

  describe('does not consult Intl', () => {
    afterEach(() => {
      vi.restoreAllMocks()
    })

    it('answers the same with an Intl.NumberFormat that throws (another ICU)', () => {
      vi.spyOn(Intl, 'NumberFormat').mockImplementation(() => {
        throw new Error('no ICU here')
      })
      vi.spyOn(Intl, 'supportedValuesOf').mockImplementation(() => {
        throw new Error('no ICU here')
      })
      expect([currencyMinorUnit('ISK', 'c'), currencyMinorUnit('TND', 'c'), currencyMinorUnit('UYW', 'c')]).toEqual([
        0, 3, 4,
      ])
    })
  })

  it.each([
    ['XAU'],
    ['XXX'],
    ['XDR'],
    ['XTS'],
    ['eur'],
    ['Eur'],
    ['XYZ'],
    [''],
    ['EURO'],
    [' EUR'],
    [42],
    [null],
    [undefined],
    [{}],
    ['E'.repeat(1e7)],
  ])('refuses %j', (code) => {
    const error = errorOf(() => currencyMinorUnit(code, 'topUp.amount.currency'))
    expect(error.code).toBe('INVALID_CURRENCY')
    expect(error.path).toBe('topUp.amount.currency')
    expect(error.message).toContain('ISO 4217')
    expect(error.message.length).toBeLessThan(300)
  })

  it('refuses MGA and MRU, which the data gives in fifths (base 5), unless a policy overrides them', () => {
    expect(errorOf(() => currencyMinorUnit('MGA', 'c')).code).toBe('INVALID_CURRENCY')
    expect(errorOf(() => currencyMinorUnit('MRU', 'c')).code).toBe('INVALID_CURRENCY')
    expect(currencyMinorUnit('MGA', 'c', { MGA: { minorUnits: 2 } })).toBe(2)
  })

  it('applies a policy override, own keys only', () => {
    expect(currencyMinorUnit('HUF', 'c', { HUF: { minorUnits: 0 } })).toBe(0)
    expect(currencyMinorUnit('EUR', 'c', { HUF: { minorUnits: 0 } })).toBe(2)
    expect(currencyMinorUnit('XAU', 'c', { XAU: { minorUnits: 0 } })).toBe(0)
    const inherited = Object.create({ HUF: { minorUnits: 0 } })
    expect(currencyMinorUnit('HUF', 'c', inherited)).toBe(2)
    expect(errorOf(() => currencyMinorUnit('eur', 'c', { EUR: { minorUnits: 0 } })).code).toBe('INVALID_CURRENCY')
  })

  it('reads an override given as undefined or null (from plain JavaScript) as none', () => {
    for (const entry of [undefined, null]) {
      const overrides = { HUF: entry } as unknown as CurrencyOverrides
      expect(currencyMinorUnit('HUF', 'c', overrides)).toBe(2)
      expect(errorOf(() => currencyMinorUnit('XAU', 'c', { XAU: entry } as unknown as CurrencyOverrides)).code).toBe(
        'INVALID_CURRENCY',
      )
    }
  })
})

/** The overrides read from `value` at `path` as a policy reads them (`null` is none), and the issues found. */
function readCurrencyOverrides(value: unknown, path: string) {
  const reader = new SettingsReader('INVALID_POLICY')
  const overrides = readOverrides(reader.section(value ?? undefined, path, CURRENCY_OVERRIDES))
  return { overrides, issues: reader.issues }
}

describe('readCurrencyOverrides', () => {
  it('returns a frozen null-prototype copy and no issues for a valid setting', () => {
    const input = { HUF: { minorUnits: 0 }, ISK: { minorUnits: 2 } }
    const { overrides, issues } = readCurrencyOverrides(input, 'currencies')
    expect(issues).toEqual([])
    expect({ ...overrides }).toEqual(input)
    expect(overrides).not.toBe(input)
    expect(Object.isFrozen(overrides)).toBe(true)
    expect(Object.isFrozen(overrides.HUF)).toBe(true)
    expect(Object.getPrototypeOf(overrides)).toBeNull()
    expect(JSON.parse(JSON.stringify(overrides))).toEqual(input)
  })

  it('reads undefined and null as no overrides', () => {
    for (const value of [undefined, null]) {
      const { overrides, issues } = readCurrencyOverrides(value, 'currencies')
      expect([Object.keys(overrides), issues]).toEqual([[], []])
    }
  })

  it('reports every problem with its path', () => {
    const { overrides, issues } = readCurrencyOverrides(
      {
        huf: { minorUnits: 0 },
        HUF: { minorUnits: 5 },
        IDR: { minorUnits: -1 },
        IQD: { minorUnits: 1.5 },
        JPY: { minorUnits: '2' },
        KRW: { minorUnit: 0 },
        CLF: 4,
        EUR: { minorUnits: 2 },
      },
      'currencies',
    )
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['INVALID_POLICY', 'currencies.huf'],
      ['INVALID_POLICY', 'currencies.HUF.minorUnits'],
      ['INVALID_POLICY', 'currencies.IDR.minorUnits'],
      ['INVALID_POLICY', 'currencies.IQD.minorUnits'],
      ['INVALID_POLICY', 'currencies.JPY.minorUnits'],
      ['INVALID_POLICY', 'currencies.KRW.minorUnit'],
      ['INVALID_POLICY', 'currencies.KRW.minorUnits'],
      ['INVALID_POLICY', 'currencies.CLF'],
    ])
    expect(issues[1]?.message).toContain('from 0 to 4')
    expect(Object.keys(overrides)).toEqual(['EUR'])
  })

  it('takes only three capital letters as a code, and only plain objects as an override', () => {
    class Override {
      minorUnits = 0
    }
    const { overrides, issues } = readCurrencyOverrides(
      { EURO: { minorUnits: 2 }, XEUR: { minorUnits: 2 }, EU: { minorUnits: 2 }, HUF: new Override() },
      'currencies',
    )
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['INVALID_POLICY', 'currencies.EURO'],
      ['INVALID_POLICY', 'currencies.XEUR'],
      ['INVALID_POLICY', 'currencies.EU'],
      ['INVALID_POLICY', 'currencies.HUF'],
    ])
    expect(Object.keys(overrides)).toEqual([])
  })

  it.each([[[]], ['HUF'], [new Map()], [42]])('refuses %j as a whole at its path', (value) => {
    const { issues } = readCurrencyOverrides(value, 'currencies')
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([['INVALID_POLICY', 'currencies']])
  })

  it('ignores inherited keys, even a polluted Object.prototype', () => {
    const proto = Object.prototype as Record<string, unknown>
    proto.HUF = { minorUnits: 0 }
    proto.minorUnits = 0
    try {
      const { overrides, issues } = readCurrencyOverrides({ IDR: {} }, 'currencies')
      expect(issues.map((issue) => issue.path)).toEqual(['currencies.IDR.minorUnits'])
      expect(Object.keys(overrides)).toEqual([])
      expect(currencyMinorUnit('HUF', 'c', readCurrencyOverrides({}, 'currencies').overrides)).toBe(2)
    } finally {
      delete proto.HUF
      delete proto.minorUnits
    }
  })

  it('reports a getter that throws instead of crashing, once, at the field it guards', () => {
    const hostile = {
      get HUF(): unknown {
        throw new Error('boom')
      },
    }
    const entry = {
      get minorUnits(): unknown {
        throw new Error('boom')
      },
    }
    expect(readCurrencyOverrides(hostile, 'currencies').issues.map((issue) => issue.path)).toEqual(['currencies.HUF'])
    // As every setting's getter: the field whose getter threw, as in `calendar.cutoff`.
    expect(readCurrencyOverrides({ HUF: entry }, 'currencies').issues.map((issue) => issue.path)).toEqual([
      'currencies.HUF.minorUnits',
    ])
  })
})

describe('isoCurrencyCodes', () => {
  it('lists, sorted and frozen, exactly the decimal codes of the data package', () => {
    const codes = isoCurrencyCodes()
    const expected = Object.values(iso4217)
      .filter((currency) => currency.base === 10)
      .map((currency) => currency.code)
      .sort()
    expect(codes).toEqual(expected)
    expect(Object.isFrozen(codes)).toBe(true)
    expect(isoCurrencyCodes()).toBe(codes)
    for (const code of ['EUR', 'HUF', 'IQD', 'CLF', 'UYW']) expect(codes).toContain(code)
    for (const code of ['XAU', 'XXX', 'MGA']) expect(codes).not.toContain(code)
  })
})
