import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { FeeRuleInput } from '../../src/money/fees.js'
import { ctrGroupPolicy } from '../../src/policy/presets.js'
import {
  arbCalendarOptions,
  arbFeeRule,
  arbFeeSchedule,
  arbPolicyOptions,
  METHOD_NAMES,
  settingsOf,
} from '../../src/testing/index.js'
import { createBusinessCalendar } from '../../src/time/calendar.js'
import { units } from './support.js'

function checkRule(rule: FeeRuleInput, currency?: string) {
  if (rule.percent !== undefined) {
    expect(rule.percent).toMatch(/^\d+(\.\d+)?$/)
    expect(Number(rule.percent)).toBeLessThanOrEqual(100)
  }
  const named = [rule.fixed, rule.min, rule.max].filter((r) => r !== undefined)
  if (currency === undefined) expect(named).toEqual([])
  for (const amounts of named) expect(Object.hasOwn(amounts, currency as string)).toBe(true)
  if (rule.min && rule.max && currency) {
    const min = units({ amount: rule.min[currency] as string, currency })
    expect(min <= units({ amount: rule.max[currency] as string, currency })).toBe(true)
  }
}

describe('policy arbitraries', () => {
  it('settings default to the published policy (SPEC §3)', () => {
    expect(settingsOf()).toEqual({
      topUpRefundWindowHours: 48,
      orderCancellationWindowHours: 48,
      orderCancellationAnchor: 'top-up',
      inactivityMonths: 12,
      writtenChannels: ['email', 'letter'],
      timeZone: 'Europe/London',
    })
    expect(settingsOf(ctrGroupPolicy)).toEqual(settingsOf())
    expect(settingsOf({ calendar: { timeZone: 'Asia/Tokyo' }, writtenChannels: ['chat'] })).toMatchObject({
      timeZone: 'Asia/Tokyo',
      writtenChannels: ['chat'],
      topUpRefundWindowHours: 48,
    })
  })

  it('fee rules name the currency when they name amounts, with min ≤ max', () => {
    fc.assert(
      fc.property(arbFeeRule({ currency: 'BHD' }), (rule) => checkRule(rule, 'BHD')),
      { seed: 1001 },
    )
    fc.assert(
      fc.property(arbFeeRule(), (rule) => checkRule(rule)),
      { seed: 1002 },
    )
  })

  it('fee schedules keep method names such as __proto__ as own keys', () => {
    fc.assert(
      fc.property(arbFeeSchedule({ currency: 'JPY' }), (schedule) => {
        if (schedule.default) checkRule(schedule.default, 'JPY')
        for (const name of Object.keys(schedule.methods ?? {})) {
          expect(METHOD_NAMES).toContain(name)
          checkRule(schedule.methods?.[name] as FeeRuleInput, 'JPY')
        }
        expect(Object.getPrototypeOf(schedule.methods ?? {})).toBe(Object.prototype)
      }),
      { seed: 1003 },
    )
    const withProto = fc
      .sample(arbFeeSchedule({ methods: ['__proto__'] }), 200)
      .find((s) => Object.keys(s.methods ?? {}).length > 0)
    expect(Object.hasOwn(withProto?.methods ?? {}, '__proto__')).toBe(true)
  })

  it('calendar options build a business calendar with business days', () => {
    fc.assert(
      fc.property(arbCalendarOptions({ fromYear: 2026, toYear: 2026 }), (options) => {
        const calendar = createBusinessCalendar(options)
        expect(calendar.addBusinessDays('2026-06-01', 3) > '2026-06-01').toBe(true)
      }),
      { seed: 1004, numRuns: 30 },
    )
  })

  it('policy options: plausible values, overrides kept, currency named in fees', () => {
    fc.assert(
      fc.property(arbPolicyOptions({ currency: 'EUR', inactivityMonths: 6 }), (options) => {
        expect(options.inactivityMonths).toBe(6)
        for (const key of ['topUpRefundWindowHours', 'orderCancellationWindowHours'] as const) {
          const hours = options[key]
          if (hours !== undefined) expect(Number.isInteger(hours) && hours >= 0).toBe(true)
        }
        if (options.refundBusinessDays !== undefined) expect(Number.isInteger(options.refundBusinessDays)).toBe(true)
        if (options.writtenChannels) expect(options.writtenChannels.length).toBeGreaterThan(0)
        if (options.fees?.default) checkRule(options.fees.default, 'EUR')
        for (const rule of Object.values(options.fees?.methods ?? {})) checkRule(rule, 'EUR')
        expect(JSON.parse(JSON.stringify(options))).toEqual(options)
      }),
      { seed: 1005, numRuns: 50 },
    )
  })
})
