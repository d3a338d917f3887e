import { describe, expect, it } from 'vitest'
import { evaluateInactivity } from '../../src/clauses/inactivity.js'
import { explain } from '../../src/explain/index.js'
import { de } from '../../src/locales/index.js'
import { account, cardFees } from '../clauses/fixtures.js'
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

/** The path of the INVALID_INPUT error explaining `decision` under the card fee policy throws. */
function refusedAt(decision: unknown): string {
  const error = errorOf(() => explain(decision as never, { policy: cardFees }))
  expect(error.code).toBe('INVALID_INPUT')
  return error.path
}

const amounts = specExample.amounts as NonNullable<typeof specExample.amounts>
const withReason = (code: string, params: unknown) => forged({ reasons: [{ code, params }] })
const deduction = { kind: 'processing-fee', amount: '3.20', basis: 'card' }
/** An array of one string: not a string, though `String()` makes it one (a type check, not a pattern test, refuses it). */
const boxed = (text: string) => [text]

describe('each field of a decision is refused at its own path', () => {
  const TEXT_FIELDS: [string, (value: unknown) => object, string][] = [
    ['the policy id', (id) => forged({ policy: { id, version: '1' } }), 'decision.policy.id'],
    ['the policy version', (version) => forged({ policy: { id: 'ctr-group', version } }), 'decision.policy.version'],
    [
      'the policy fingerprint',
      (fingerprint) => forged({ policy: { ...specExample.policy, fingerprint } }),
      'decision.policy.fingerprint',
    ],
    [
      'a deduction basis',
      (basis) => forged({ amounts: { ...amounts, deductions: [{ ...deduction, basis }] } }),
      'decision.amounts.deductions[0].basis',
    ],
  ]

  it.each(TEXT_FIELDS)('%s: a string of 1 to 200 characters, nothing else', (_, forge, path) => {
    for (const value of ['', 'x'.repeat(201), 200, null, boxed('ctr-group')]) expect(refusedAt(forge(value))).toBe(path)
  })

  it('a text of 200 characters is read: a deduction basis is shown, a policy id is compared', () => {
    const basis = 'b'.repeat(200)
    expect(
      explain(forged({ amounts: { ...amounts, deductions: [{ ...deduction, basis }] } }), { policy: cardFees }),
    ).toContain(`(${basis})`)
    for (const policy of [
      { id: 'i'.repeat(200), version: '1' },
      { id: 'ctr-group', version: 'v'.repeat(200) },
      { ...specExample.policy, fingerprint: 'f'.repeat(200) },
    ]) {
      expect(errorOf(() => explain(forged({ policy }), { policy: cardFees })).code).toBe('INCONSISTENT_INPUT')
    }
  })

  it('reasons, requirements and deductions hold at most 32 items', () => {
    const reasons = (n: number) => forged({ reasons: new Array(n).fill(specExample.reasons[0]) })
    expect(
      explain(reasons(32), { policy: cardFees })
        .split('\n')
        .filter((line) => line.startsWith('Why:')),
    ).toHaveLength(32)
    expect(refusedAt(reasons(33))).toBe('decision.reasons')
    const requirements = (n: number) => forged({ requirements: new Array(n).fill('IDENTITY_VERIFICATION') })
    expect(explain(requirements(32), { policy: cardFees })).toContain('Still needed: proof of identity, ')
    expect(refusedAt(requirements(33))).toBe('decision.requirements')
    const deductions = (n: number) =>
      forged({ amounts: { ...amounts, deductions: new Array(n).fill({ ...deduction, amount: '0.10' }) } })
    expect(explain(deductions(32), { policy: cardFees }).split('processing fee EUR 0.10')).toHaveLength(33)
    expect(refusedAt(deductions(33))).toBe('decision.amounts.deductions')
  })

  it('a code is a string the catalogs know, not something that turns into one', () => {
    expect(refusedAt(forged({ clause: boxed('top-up-refund') }))).toBe('decision.clause')
    expect(refusedAt(forged({ requirements: [boxed('WRITTEN_REQUEST')] }))).toBe('decision.requirements[0]')
    expect(refusedAt(forged({ reasons: [{ code: boxed('WITHIN_WINDOW'), params: withinWindow }] }))).toBe(
      'decision.reasons[0].code',
    )
  })

  it('an amount is a decimal string, and a currency three capital letters', () => {
    const at = (changes: object) => forged({ amounts: { ...amounts, ...changes } })
    for (const value of ['1e3', '', 96.8, '-1.00', undefined]) {
      expect(refusedAt(at({ gross: value }))).toBe('decision.amounts.gross')
      expect(refusedAt(at({ net: value }))).toBe('decision.amounts.net')
      expect(refusedAt(at({ deductions: [{ ...deduction, amount: value }] }))).toBe(
        'decision.amounts.deductions[0].amount',
      )
    }
    for (const value of ['1e3', '', 20, null]) {
      expect(refusedAt(at({ outstandingDebt: value }))).toBe('decision.amounts.outstandingDebt')
    }
    for (const currency of ['eur', 'EURO', '', boxed('EUR'), undefined]) {
      expect(refusedAt(at({ currency }))).toBe('decision.amounts.currency')
      expect(refusedAt(forged({ settlement: { ...amounts, currency } }))).toBe('decision.settlement.currency')
    }
  })

  it('an inactivity decision has both of its dates', () => {
    const inactivity = JSON.parse(JSON.stringify(evaluateInactivity({ account, now: '2026-11-21T09:00:00Z' })))
    expect(explain(inactivity)).toContain('Deactivates after')
    const { lastActivityAt, deactivatesAt } = inactivity.dates
    expect(errorOf(() => explain({ ...inactivity, dates: { lastActivityAt } })).path).toBe(
      'decision.dates.deactivatesAt',
    )
    expect(errorOf(() => explain({ ...inactivity, dates: { deactivatesAt } })).path).toBe(
      'decision.dates.lastActivityAt',
    )
  })
})

describe('the params of a reason are refused at their own path', () => {
  const params = 'decision.reasons[0].params'

  it('a text param is a string of 1 to 256 characters', () => {
    const cancelled = (orderId: unknown) => withReason('ALREADY_CANCELLED', { orderId })
    expect(explain(cancelled('o'.repeat(256)), { policy: cardFees })).toContain(`Order ${'o'.repeat(256)} has been`)
    for (const orderId of ['', 'o'.repeat(257), 7, boxed('o1'), null, undefined]) {
      expect(refusedAt(cancelled(orderId))).toBe(`${params}.orderId`)
    }
  })

  it('a list param holds at most 100 strings, each checked', () => {
    const requested = (items: unknown) => withReason('REQUESTED_INFORMATION', { items })
    const hundred = Array.from({ length: 100 }, (_, i) => `item${i}`)
    expect(explain(requested(hundred), { policy: cardFees })).toContain('item0, item1, ')
    expect(refusedAt(requested([...hundred, 'item100']))).toBe(`${params}.items`)
    expect(refusedAt(requested(['iban', '']))).toBe(`${params}.items[1]`)
    expect(refusedAt(requested(['iban', 5]))).toBe(`${params}.items[1]`)
    expect(refusedAt(requested({ length: 1, 0: 'iban' }))).toBe(`${params}.items`)
  })

  it('hours and months are finite and not negative', () => {
    const window = (windowHours: unknown) => withReason('WITHIN_WINDOW', { ...withinWindow, windowHours })
    expect(explain(window(0), { policy: cardFees })).toContain('within the 0-hour window')
    for (const hours of [-1, -0.5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, '48', null]) {
      expect(refusedAt(window(hours))).toBe(`${params}.windowHours`)
    }
    expect(refusedAt(withReason('MONTH_END_CLAMPED', { months: -12, deactivatesAt: '2026-12-22T10:00:00.000Z' }))).toBe(
      `${params}.months`,
    )
  })

  it('an amount param is a signed decimal string with a currency code', () => {
    const balance = (value: unknown) => withReason('NOTHING_TO_REFUND', { balance: value })
    expect(explain(balance({ amount: '-1.00', currency: 'EUR' }), { policy: cardFees })).toContain('The balance is')
    expect(refusedAt(balance({ amount: 1, currency: 'EUR' }))).toBe(`${params}.balance.amount`)
    for (const currency of ['eur', boxed('EUR'), undefined]) {
      expect(refusedAt(balance({ amount: '1.00', currency }))).toBe(`${params}.balance.currency`)
    }
    expect(refusedAt(balance('1.00 EUR'))).toBe(`${params}.balance`)
  })

  it('an order id that may be null is null or a text, never absent', () => {
    const refunded = (p: object) =>
      withReason('ALREADY_REFUNDED', { amount: { amount: '1.00', currency: 'EUR' }, ...p })
    expect(refusedAt(refunded({}))).toBe(`${params}.orderId`)
    expect(refusedAt(refunded({ orderId: '' }))).toBe(`${params}.orderId`)
    const details = (letterOrderId: unknown) => withReason('ORDER_DETAILS', { orderId: 'o1', letterOrderId })
    expect(refusedAt(details(undefined))).toBe(`${params}.letterOrderId`)
    expect(refusedAt(details(5))).toBe(`${params}.letterOrderId`)
  })

  it('a value of a closed set names the values it may take', () => {
    const error = errorOf(() =>
      explain(withReason('WITHIN_WINDOW', { ...withinWindow, windowFrom: 'the-moon' }), { policy: cardFees }),
    )
    expect(error.message).toContain("'top-up-credited' or 'order-placed'")
  })
})

describe('explain reads its options as untrusted data', () => {
  it('options are an object of known keys', () => {
    for (const options of ['en', null, 5, [cardFees]]) {
      const error = errorOf(() => explain(specExample, options as never))
      expect([error.code, error.path]).toEqual(['INVALID_INPUT', 'options'])
    }
    const unknown = errorOf(() => explain(specExample, { policy: cardFees, language: 'de' } as never))
    expect([unknown.code, unknown.path]).toEqual(['INVALID_INPUT', 'options.language'])
  })

  it('a locale has an own BCP 47 code and every part of the catalog', () => {
    const localeError = (locale: unknown) => {
      const error = errorOf(() => explain(specExample, { policy: cardFees, locale: locale as never }))
      return [error.code, error.path]
    }
    for (const locale of [null, 'de', Object.create(de), { ...de, code: 'not a tag!' }, { ...de, code: 5 }]) {
      expect(localeError(locale)).toEqual(['INVALID_INPUT', 'options.locale'])
    }
    expect(localeError({ ...de, labels: undefined })).toEqual(['INVALID_INPUT', 'options.locale.labels'])
    expect(localeError({ ...de, labels: { ...de.labels, why: () => 'Grund' } })).toEqual([
      'INVALID_INPUT',
      'options.locale.labels.why',
    ])
  })

  it('a time zone is a string Intl knows', () => {
    for (const timeZone of [boxed('Europe/London'), 5, '', 'Europe/Atlantis']) {
      const error = errorOf(() => explain(specExample, { policy: cardFees, timeZone: timeZone as never }))
      expect([error.code, error.path]).toEqual(['INVALID_INPUT', 'options.timeZone'])
    }
  })
})
