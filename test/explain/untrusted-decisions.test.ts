import { describe, expect, it } from 'vitest'
import { explain } from '../../src/explain/index.js'
import { de } from '../../src/locales/index.js'
import { cardFees } from '../clauses/fixtures.js'
import { errorOf } from '../support/errors.js'
import { specExample } from './fixtures.js'

const forged = (changes: object) => ({ ...JSON.parse(JSON.stringify(specExample)), ...changes })
const MB10 = 'x'.repeat(10 * 1024 * 1024)
const withinWindow = specExample.reasons[0]?.params

describe('explain reads a decision as untrusted data', () => {
  it.each([
    ['an empty object', {}, 'decision.clause'],
    ['null', null, 'decision'],
    ['a string', 'approved', 'decision'],
    ['an array', [specExample], 'decision'],
    ["requirements: ['toString']", forged({ requirements: ['toString'] }), 'decision.requirements[0]'],
    ["clause: 'constructor'", forged({ clause: 'constructor' }), 'decision.clause'],
    ["clause: '__proto__'", forged({ clause: '__proto__' }), 'decision.clause'],
    ['an outcome of another clause', forged({ outcome: 'deactivated' }), 'decision.outcome'],
    ["a reason code 'hasOwnProperty'", forged({ reasons: [{ code: 'hasOwnProperty' }] }), 'decision.reasons[0].code'],
    ['no policy reference', forged({ policy: undefined }), 'decision.policy'],
    [
      'an ISO instant that does not exist',
      forged({ dates: { windowClosesAt: '2026-02-30T00:00:00Z' } }),
      'decision.dates.windowClosesAt',
    ],
    [
      'a due date that does not exist',
      forged({ dates: { ...specExample.dates, refundDueDate: '2026-13-01' } }),
      'decision.dates.refundDueDate',
    ],
    [
      'an amount that is not a decimal',
      forged({ amounts: { ...specExample.amounts, net: '1e3' } }),
      'decision.amounts.net',
    ],
    [
      'a deduction of an unknown kind',
      forged({ amounts: { ...specExample.amounts, deductions: [{ kind: 'tip', amount: '1.00', basis: 'x' }] } }),
      'decision.amounts.deductions[0].kind',
    ],
    [
      'a million reasons',
      forged({ reasons: new Array(1_000_000).fill({ code: 'WITHIN_WINDOW' }) }),
      'decision.reasons',
    ],
    ['a reason without params', forged({ reasons: [{ code: 'WITHIN_WINDOW' }] }), 'decision.reasons[0].params'],
    [
      'an instant param written as a number',
      forged({ reasons: [{ code: 'WITHIN_WINDOW', params: { ...withinWindow, windowClosesAt: 1795341600000 } }] }),
      'decision.reasons[0].params.windowClosesAt',
    ],
    [
      'a window that runs from something else',
      forged({ reasons: [{ code: 'WITHIN_WINDOW', params: { ...withinWindow, windowFrom: 'the-moon' } }] }),
      'decision.reasons[0].params.windowFrom',
    ],
    [
      'an amount param that is not a decimal',
      forged({ reasons: [{ code: 'NOTHING_TO_REFUND', params: { balance: { amount: '1e3', currency: 'EUR' } } }] }),
      'decision.reasons[0].params.balance.amount',
    ],
    [
      'requested items that are not a list',
      forged({ reasons: [{ code: 'REQUESTED_INFORMATION', params: { items: 'iban' } }] }),
      'decision.reasons[0].params.items',
    ],
    [
      'an inactivity decision without dates',
      { ...forged({}), clause: 'inactivity', outcome: 'active', dates: {} },
      'decision.dates.lastActivityAt',
    ],
  ])('%s is a RefundRulesError at its path', (_, decision, path) => {
    const error = errorOf(() => explain(decision as never, { policy: cardFees }))
    expect(error.path).toBe(path)
    expect(['INVALID_INPUT', 'INVALID_INSTANT', 'INVALID_DATE']).toContain(error.code)
  })

  it('reads own properties only: a decision inherited through a prototype is not one', () => {
    expect(errorOf(() => explain(Object.create(specExample), { policy: cardFees })).path).toBe('decision.clause')
    const inheritedAmounts = forged({})
    delete inheritedAmounts.amounts
    Object.setPrototypeOf(inheritedAmounts, { amounts: { currency: 'EUR', gross: '9', net: '9', deductions: [] } })
    expect(explain(inheritedAmounts, { policy: cardFees })).not.toContain('Refund:')
  })

  it('never echoes a forged 10 MB message, policy id or code whole', () => {
    const text = explain(forged({ reasons: [{ ...specExample.reasons[0], message: MB10 }] }), { policy: cardFees })
    expect(text.length).toBeLessThan(1000)
    for (const decision of [
      forged({ clause: MB10 }),
      forged({ policy: { id: MB10, version: '1' } }),
      forged({ reasons: [{ code: MB10 }] }),
      forged({ reasons: [{ code: 'REQUESTED_INFORMATION', params: { items: [MB10] } }] }),
      forged({ reasons: [{ code: 'ALREADY_CANCELLED', params: { orderId: MB10 } }] }),
      forged({ amounts: { ...specExample.amounts, deductions: [{ kind: 'debt', amount: '1.00', basis: MB10 }] } }),
    ]) {
      expect(errorOf(() => explain(decision, { policy: cardFees })).message.length).toBeLessThan(300)
    }
  })

  it('a getter or proxy that throws while being read is a RefundRulesError, not a crash', () => {
    const hostile = new Proxy(forged({}), {
      get() {
        throw new TypeError('no')
      },
    })
    expect(errorOf(() => explain(hostile, { policy: cardFees })).code).toBe('INVALID_INPUT')
  })

  it('checks its options: the old contacts argument, an unknown locale or zone', () => {
    expect(errorOf(() => explain(specExample, cardFees.contacts as never)).path).toBe('options.refunds')
    expect(errorOf(() => explain(specExample, { policy: cardFees, locale: {} as never })).path).toBe('options.locale')
    const withoutCode = { ...de, reasons: { ...de.reasons, WITHIN_WINDOW: undefined } }
    expect(errorOf(() => explain(specExample, { policy: cardFees, locale: withoutCode as never })).path).toBe(
      'options.locale.reasons.WITHIN_WINDOW',
    )
    expect(errorOf(() => explain(specExample, { policy: cardFees, timeZone: 'Mars/Olympus' })).path).toBe(
      'options.timeZone',
    )
    expect(errorOf(() => explain(specExample, { policy: { refundBusinessDays: -1 } })).code).toBe('INVALID_POLICY')
  })
})
