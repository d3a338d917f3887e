import { Decimal } from 'decimal.js'
import * as iso4217 from 'dinero.js/currencies'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { RefundRulesError } from '../../src/errors.js'
import { formatMoney, type Money, parseAmount, parseMoney } from '../../src/money/amount.js'
import { currencyMinorUnit } from '../../src/money/currency.js'
import { debtClaim, formatSettlement, scheduleFeeClaim, settle } from '../../src/money/deductions.js'
import { createFeeSchedule, type FeeRounding, type FeeScheduleInput, processingFee } from '../../src/money/fees.js'
import { fromMinorUnits, toMinorUnits } from '../../src/money/minor-units.js'

/** The ISO 4217 data package read directly, not through src: every decimal currency and its minor unit. */
const isoDigits = new Map(
  Object.values(iso4217)
    .filter((currency) => currency.base === 10)
    .map((currency) => [currency.code, currency.exponent] as const),
)
const currencies = [...isoDigits.keys()]
const currencyArb = fc.constantFrom(...currencies)

/** Minor-unit integer → plain decimal string with exactly `minor` decimals. */
function fromMinor(units: bigint, minor: number): string {
  const negative = units < 0n
  const digits = (negative ? -units : units).toString().padStart(minor + 1, '0')
  const text = minor === 0 ? digits : `${digits.slice(0, -minor)}.${digits.slice(-minor)}`
  return negative ? `-${text}` : text
}

/** A formatted amount (exact minor digits) → minor-unit integer: an oracle independent of decimal.js. */
const toMinor = (text: string): bigint => BigInt(text.replace('.', ''))
const MAX_UNITS = BigInt(Number.MAX_SAFE_INTEGER)

const amountArb = (minor: number, max = 10n ** 15n) =>
  fc.bigInt({ min: 0n, max }).map((units) => fromMinor(units, minor))

const scheduleCase = currencyArb.chain((currency) => {
  const minor = currencyMinorUnit(currency, 'c')
  const bound = fc.bigInt({ min: 0n, max: 10n ** 6n })
  return fc.record({
    currency: fc.constant(currency),
    minor: fc.constant(minor),
    rounding: fc.constantFrom<FeeRounding>('half-up', 'half-even', 'up', 'down'),
    // 0 to 100 % with up to 3 decimals, or with 18 (past the safe integers: the decimal.js path).
    percent: fc.option(
      fc.oneof(
        fc.integer({ min: 0, max: 100_000 }).map((n) => fromMinor(BigInt(n), 3)),
        fc.bigInt({ min: 0n, max: 100n * 10n ** 18n }).map((n) => fromMinor(n, 18)),
      ),
      { nil: undefined },
    ),
    fixed: fc.option(bound, { nil: undefined }),
    clamp: fc.option(fc.tuple(bound, bound), { nil: undefined }),
    gross: fc.oneof(amountArb(minor, 10n ** 4n), amountArb(minor)),
    debt: fc.option(fc.oneof(amountArb(minor, 10n ** 4n), amountArb(minor)), { nil: undefined }),
  })
})

type Case = typeof scheduleCase extends fc.Arbitrary<infer T> ? T : never

function scheduleOf(c: Case): FeeScheduleInput {
  const perCurrency = (units: bigint) => ({ [c.currency]: fromMinor(units, c.minor) })
  const [low, high] = c.clamp ?? [0n, 0n]
  return {
    rounding: c.rounding,
    methods: {
      card: {
        ...(c.percent === undefined ? {} : { percent: c.percent }),
        ...(c.fixed === undefined ? {} : { fixed: perCurrency(c.fixed) }),
        ...(c.clamp === undefined
          ? {}
          : { min: perCurrency(low < high ? low : high), max: perCurrency(low < high ? high : low) }),
      },
    },
  }
}

const Reference = Decimal.clone({ defaults: true, precision: 200 })
const referenceRounding = {
  'half-up': Decimal.ROUND_HALF_UP,
  'half-even': Decimal.ROUND_HALF_EVEN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
} as const

/** The SPEC §3 formula, written out again with another decimal.js constructor. */
function referenceFee(c: Case, on: string): string {
  const base = new Reference(on)
  let fee = base
    .times(c.percent ?? '0')
    .div(100)
    .toDecimalPlaces(c.minor, referenceRounding[c.rounding])
  if (c.fixed !== undefined) fee = fee.plus(fromMinor(c.fixed, c.minor))
  if (c.clamp !== undefined) {
    const [a, b] = c.clamp.map((units) => new Reference(fromMinor(units, c.minor))) as [Decimal, Decimal]
    fee = Decimal.max(fee, Decimal.min(a, b))
    fee = Decimal.min(fee, Decimal.max(a, b))
  }
  return Decimal.min(fee, base).toFixed(c.minor)
}

function run(c: Case) {
  const schedule = createFeeSchedule(scheduleOf(c))
  const gross = parseAmount(c.gross, c.currency, 'gross')
  const claims = [
    ...(c.debt === undefined ? [] : [debtClaim(parseAmount(c.debt, c.currency, 'debt'))]),
    scheduleFeeClaim(schedule, 'card'),
  ]
  return formatSettlement(settle(gross, claims))
}

describe('money properties', () => {
  it('conserves the gross exactly, never goes negative, and follows the fee formula', () => {
    fc.assert(
      fc.property(scheduleCase, (c) => {
        const s = run(c)
        const gross = toMinor(s.gross)
        const deductions = s.deductions.map((d) => toMinor(d.amount))
        expect(toMinor(s.net) + deductions.reduce((a, b) => a + b, 0n)).toBe(gross)
        expect(toMinor(s.net) >= 0n && toMinor(s.net) <= gross).toBe(true)
        for (const d of deductions) expect(d >= 0n).toBe(true)
        for (const text of [s.gross, s.net, ...s.deductions.map((d) => d.amount)]) {
          expect(text.split('.')[1]?.length ?? 0).toBe(c.minor)
        }
        const debt = c.debt === undefined ? 0n : toMinor(c.debt)
        const takenDebt = c.debt === undefined ? 0n : (deductions[0] ?? 0n)
        expect(takenDebt).toBe(debt < gross ? debt : gross)
        if (c.debt !== undefined) expect(toMinor(s.outstandingDebt ?? 'x') + takenDebt).toBe(debt)
        else expect(s.outstandingDebt).toBeUndefined()
        const fee = s.deductions.at(-1)
        expect(fee?.kind).toBe('processing-fee')
        expect(fee?.amount).toBe(referenceFee(c, fromMinor(gross - takenDebt, c.minor)))
      }),
      { numRuns: 500, seed: 4217 },
    )
  })

  it('reads back what it formats: parse(format(x)) = x', () => {
    fc.assert(
      fc.property(
        currencyArb.chain((currency) =>
          fc.tuple(fc.constant(currency), fc.bigInt({ min: -MAX_UNITS, max: MAX_UNITS })),
        ),
        fc.boolean(),
        ([currency, units], trim) => {
          const minor = currencyMinorUnit(currency, 'c')
          let text = fromMinor(units, minor)
          // Trailing fraction zeros and a bare point are written both ways by callers.
          if (trim && text.includes('.')) text = text.replace(/\.?0+$/, '') || '0'
          const money = parseMoney({ amount: text, currency }, 'm', { allowNegative: true })
          const formatted = formatMoney(money)
          expect(toMinor(formatted)).toBe(units)
          const again = parseMoney({ amount: formatted, currency }, 'm', { allowNegative: true })
          expect(formatMoney(again)).toBe(formatted)
          expect(again.minor).toBe(money.minor)
          expect(BigInt(money.minor)).toBe(units)
        },
      ),
      { numRuns: 500, seed: 4218 },
    )
  })

  it('rejects every number whose shortest form has too many decimals, and reads the others exactly', () => {
    const numbers = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e16, max: 1e16 }),
      // Sums of cents, the 0.1 + 0.2 family.
      fc
        .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }))
        .map(([a, b]) => a / 100 + b / 100),
      fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 1000),
    )
    fc.assert(
      fc.property(currencyArb, numbers, (currency, n) => {
        const minor = currencyMinorUnit(currency, 'c')
        const shortest = String(n)
        const decimals = shortest.split('.')[1]?.length ?? 0
        let result: Money | RefundRulesError
        try {
          result = parseAmount(n, currency, 'x', { allowNegative: true })
        } catch (error) {
          if (!(error instanceof RefundRulesError)) throw error
          result = error
        }
        if (shortest.includes('e') || Math.abs(n) > Number.MAX_SAFE_INTEGER) {
          expect(result).toMatchObject({ code: 'INVALID_AMOUNT' })
        } else if (decimals > minor) {
          expect(result).toMatchObject({ code: 'TOO_MANY_DECIMALS' })
        } else if (toMinor(shortest.replace('-', '')) * 10n ** BigInt(minor - decimals) > MAX_UNITS) {
          // Beyond MAX_MINOR_UNITS once written in minor units (90071992547409.92 AED).
          expect(result).toMatchObject({ code: 'INVALID_AMOUNT' })
        } else {
          expect(result).not.toBeInstanceOf(RefundRulesError)
          expect(new Decimal(formatMoney(result as Money)).eq(shortest)).toBe(true)
        }
      }),
      { numRuns: 2000, seed: 4219 },
    )
  })

  it('converts minor units to decimals and back exactly, for 0, 2, 3 and 4 minor digits (BigInt oracle)', () => {
    const byDigits = fc
      .constantFrom(0, 2, 3, 4)
      .chain((digits) => fc.constantFrom(...currencies.filter((code) => isoDigits.get(code) === digits)))
    const units = fc.oneof(
      fc.bigInt({ min: -MAX_UNITS, max: MAX_UNITS }),
      fc.bigInt({ min: -10_000n, max: 10_000n }),
      fc.constantFrom(-MAX_UNITS, MAX_UNITS, 0n, 1n, -1n),
    )
    fc.assert(
      fc.property(byDigits, units, fc.constantFrom('number', 'bigint', 'string'), (currency, count, form) => {
        const digits = isoDigits.get(currency) as number
        const minor = form === 'number' ? Number(count) : form === 'bigint' ? count : count.toString()
        const text = fromMinorUnits(minor, currency)
        expect(text).toBe(fromMinor(count, digits))
        expect(BigInt(toMinorUnits({ amount: text, currency }))).toBe(count)
        expect(BigInt(toMinorUnits({ minor, currency }))).toBe(count)
        // A trimmed spelling ("1.5" for "1.50") is the same amount.
        const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text
        expect(BigInt(toMinorUnits({ amount: trimmed === '-0' ? '0' : trimmed, currency }))).toBe(count)
      }),
      { numRuns: 1000, seed: 4222 },
    )
  })

  it('refuses minor units beyond MAX_MINOR_UNITS in every form, never rounding them', () => {
    const beyond = fc.bigInt({ min: MAX_UNITS + 1n, max: 10n ** 30n })
    fc.assert(
      fc.property(beyond, fc.boolean(), fc.boolean(), (count, negative, asString) => {
        const value = negative ? -count : count
        const minor = asString ? value.toString() : value
        for (const read of [() => fromMinorUnits(minor, 'EUR'), () => toMinorUnits({ minor, currency: 'EUR' })]) {
          let error: unknown
          try {
            read()
          } catch (caught) {
            error = caught
          }
          expect(error).toBeInstanceOf(RefundRulesError)
          expect((error as RefundRulesError).code).toBe('INVALID_AMOUNT')
        }
      }),
      { numRuns: 300, seed: 4223 },
    )
  })

  describe('host decimal.js settings', () => {
    const keys = ['precision', 'rounding', 'toExpNeg', 'toExpPos', 'minE', 'maxE', 'modulo', 'crypto'] as const
    const snapshot = () => Object.fromEntries(keys.map((k) => [k, Decimal[k]]))
    const original = snapshot()
    afterEach(() => {
      Decimal.set({ defaults: true })
    })

    it('do not change a result', () => {
      const hostConfig = fc.record({
        precision: fc.integer({ min: 1, max: 30 }),
        rounding: fc.integer({ min: 0, max: 8 }) as fc.Arbitrary<Decimal.Rounding>,
        toExpNeg: fc.integer({ min: -10, max: 0 }),
        toExpPos: fc.integer({ min: 0, max: 10 }),
      })
      fc.assert(
        fc.property(scheduleCase, hostConfig, (c, config) => {
          Decimal.set({ defaults: true })
          const expected = run(c)
          Decimal.set(config)
          try {
            expect(run(c)).toEqual(expected)
            // A host value made under those settings is still read exactly.
            const hostGross = new Decimal(c.gross)
            expect(formatMoney(parseAmount(hostGross, c.currency, 'g'))).toBe(
              formatMoney(parseAmount(c.gross, c.currency, 'g')),
            )
          } finally {
            Decimal.set({ defaults: true })
          }
        }),
        { numRuns: 200, seed: 4220 },
      )
    })

    it('made before the library is loaded do not reach it either', async () => {
      // decimal.js's clone() copies the settings in force when it is called unless told to start from the defaults.
      Decimal.set({ maxE: 2, minE: -2, precision: 3, rounding: Decimal.ROUND_DOWN })
      try {
        vi.resetModules()
        const { D } = await import('../../src/money/decimal.js')
        expect(new D('12345.67').times('0.029').toFixed()).toBe('358.02443')
        expect(new D('0.001').div(8).toFixed()).toBe('0.000125')
      } finally {
        Decimal.set({ defaults: true })
      }
      expect(snapshot()).toEqual(original)
    })

    it('are not changed by the library', () => {
      Decimal.set({ precision: 7, rounding: Decimal.ROUND_FLOOR, toExpPos: 5 })
      const before = snapshot()
      fc.assert(
        fc.property(scheduleCase, (c) => {
          run(c)
          processingFee(createFeeSchedule(scheduleOf(c)), 'other', parseAmount(c.gross, c.currency, 'g'))
        }),
        { numRuns: 100, seed: 4221 },
      )
      expect(snapshot()).toEqual(before)
      Decimal.set({ defaults: true })
      expect(snapshot()).toEqual(original)
    })
  })
})
