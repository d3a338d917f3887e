/**
 * Checks (not generators) shared by the kit's tests: what a valid amount and
 * a consistent bundle look like, read with the library's own parsers.
 */
import { expect } from 'vitest'
import type { MoneyInput } from '../../src/money/amount.js'
import { allCurrencies, amountToUnits, minorUnitOf } from '../../src/testing/index.js'
import { parseInstant } from '../../src/time/instant.js'

/** Epoch ms of any generated instant, through the library's parser (throws on anything it rejects). */
export const ms = (instant: unknown, path = 'instant') => parseInstant(instant, path)

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/

/** Asserts an amount is a plain decimal (string or number) with at most the currency's minor digits, and returns its minor units. */
export function units(money: MoneyInput, currency?: string): bigint {
  if (currency !== undefined) expect(money.currency).toBe(currency)
  expect(allCurrencies()).toContain(money.currency)
  expect(money.amount).toBeDefined()
  const digits = minorUnitOf(money.currency)
  const text = typeof money.amount === 'number' ? String(money.amount) : String(money.amount)
  if (typeof money.amount === 'number') expect(Number.isFinite(money.amount)).toBe(true)
  expect(text).toMatch(PLAIN_DECIMAL)
  expect((text.split('.')[1] ?? '').length).toBeLessThanOrEqual(digits)
  return amountToUnits(text, digits)
}

/** Asserts that a value has no `undefined` anywhere (JSON-safe inputs). */
export function expectNoUndefined(value: unknown, path = '$'): void {
  if (value === undefined) throw new Error(`undefined at ${path}`)
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const [key, v] of Object.entries(value)) expectNoUndefined(v, `${path}.${key}`)
  }
}
