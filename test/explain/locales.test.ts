import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluate } from '../../src/clauses/evaluate.js'
import { evaluateTopUpRefund } from '../../src/clauses/top-up-refund.js'
import { ClauseIds, Outcomes, ReasonCodes, type ReasonParams, RequirementCodes } from '../../src/decision.js'
import { RefundRulesError } from '../../src/errors.js'
import { explain } from '../../src/explain/index.js'
import type { ExplainedReasonCode, ExplainLocale, ReasonFormats } from '../../src/explain/locale.js'
import { de, en, ru } from '../../src/locales/index.js'
import { createPolicy } from '../../src/policy/settings.js'
import { arbPolicyOptions } from '../../src/testing/policy.js'
import { arbScenario } from '../../src/testing/scenarios.js'
import { account, cardFees, topUp } from '../clauses/fixtures.js'
import { specExample, specExampleInput } from './fixtures.js'

const LOCALES: Record<string, ExplainLocale> = { en, de, ru }

const money = { amount: '1.00', currency: 'EUR' }
const window = {
  receivedAt: '2026-11-22T10:00:00.001Z',
  windowHours: 48,
  windowFrom: 'top-up-credited',
  windowClosesAt: '2026-11-22T10:00:00.000Z',
} as const

/** Sample params of every code the catalogs cover, to call each sentence with. */
const SAMPLE_PARAMS: { [C in ExplainedReasonCode]: ReasonParams[C] } = {
  WITHIN_WINDOW: window,
  WINDOW_EXPIRED: window,
  ALREADY_REFUNDED: { amount: money, orderId: null },
  NOTHING_TO_REFUND: { balance: money },
  PARTIALLY_SPENT: { balance: money, left: money },
  ALREADY_CANCELLED: { orderId: 'o1' },
  NOTHING_LEFT_AFTER_DEDUCTIONS: { gross: money },
  WRITTEN_REQUEST: { channel: 'phone', writtenChannels: ['email'], address: '‹address›' },
  REQUESTED_INFORMATION: { items: ['iban'] },
  ORDER_DETAILS: { orderId: 'o1', letterOrderId: null },
  IDENTITY_VERIFICATION: {},
  OWNERSHIP_VERIFICATION: {},
  INDIVIDUAL_TERMS: {},
  INACTIVE_OVER_THRESHOLD: { lastActivityAt: window.receivedAt, months: 12 },
  MONTH_END_CLAMPED: { months: 12, deactivatesAt: window.receivedAt },
  NONEXISTENT_LOCAL_TIME: {
    months: 12,
    timeZone: 'Europe/London',
    localTime: '2027-03-28 01:30',
    deactivatesAt: window.receivedAt,
  },
  CLOCK_SKEW_TOLERATED: { field: 'request.receivedAt', at: window.receivedAt, skewSeconds: 5 },
}

const sampleFormats: ReasonFormats = {
  instant: (iso) => `‹${iso}›`,
  money: (amount) => `‹${amount.amount} ${amount.currency}›`,
  list: (items) => items.join(' ‹and› '),
}

/** A catalog entry's text: a string as it is, a function called with sample values. */
function textOf(entry: unknown, code: string): string {
  if (typeof entry === 'string') return entry
  if (typeof entry !== 'function') return ''
  const result: unknown = Object.hasOwn(SAMPLE_PARAMS, code)
    ? entry(SAMPLE_PARAMS[code as ExplainedReasonCode], sampleFormats)
    : entry('‹a›', '‹b›')
  return typeof result === 'string' ? result : ''
}

describe.each(Object.entries(LOCALES))('the %s catalog', (_, locale) => {
  const sections: [string, object, readonly string[]][] = [
    ['clauses', locale.clauses, Object.values(ClauseIds)],
    ['headlines', locale.headlines, Object.values(Outcomes)],
    ['reasons', locale.reasons, Object.values(ReasonCodes)],
    ['requirements', locale.requirements, Object.values(RequirementCodes)],
    ['labels', locale.labels, Object.keys(en.labels)],
  ]
  it.each(sections)('covers every one of the %s, and nothing else', (_, section, codes) => {
    const missing = codes.filter(
      (code) => !Object.hasOwn(section, code) || textOf((section as Record<string, unknown>)[code], code).length === 0,
    )
    expect(missing).toEqual([])
    expect(Object.keys(section).sort()).toEqual([...new Set(codes)].sort())
  })

  it('has a tag Intl knows', () => {
    expect(Intl.getCanonicalLocales(locale.code)).toEqual([locale.code])
  })
})

describe("SPEC §4's example in each language (hand-written expectations)", () => {
  it('German: German dates, amounts and holiday names', () => {
    expect(explain(specExample, { policy: cardFees, locale: de }).split('\n')).toEqual([
      'Genehmigt — Erstattung nach Aufladung des Guthabens.',
      'Grund: Der Antrag ging innerhalb der Frist von 48 Stunden ein, die bis 23. Dez. 2026, 09:00 GMT+0 läuft.',
      'Erstattung: 96,80 EUR = 100,00 EUR − Bearbeitungsgebühr 3,20 EUR (card: 2.9% + 0.30 EUR).',
      'Erstattung fällig am Do. 31. Dez. 2026 — 5 Geschäftstage nach Di. 22. Dez.; nicht gezählt: 25. Dez. Weihnachten, 26.–27. Dez. Wochenende, 28. Dez. 2. Weihnachtstag (Ersatztag).',
    ])
  })

  it('Russian: Russian dates and amounts; holiday names in Russian where date-holidays has them', () => {
    expect(explain(specExample, { policy: cardFees, locale: ru }).split('\n')).toEqual([
      'Одобрено — возврат после пополнения баланса.',
      'Причина: Заявка поступила в течение 48-часового срока, открытого до 23 дек. 2026 г., 09:00 GMT+0.',
      'Возврат: 96,80 EUR = 100,00 EUR − комиссия за обработку 3,20 EUR (card: 2.9% + 0.30 EUR).',
      'Срок возврата — чт 31 дек. 2026 г.: 5 рабочих дней после вт 22 дек.; не считаются: 25 дек. Рождество Христово, 26–27 дек. выходные, 28 дек. Boxing Day (substitute day).',
    ])
  })

  it('Russian counts business days with Russian plural forms', () => {
    const twoDays = createPolicy({ ...cardFees, refundBusinessDays: 2 })
    const d = evaluate({ ...specExampleInput, clause: 'top-up-refund' }, twoDays)
    expect(explain(d, { policy: twoDays, locale: ru })).toContain('2 рабочих дня после')
  })
})

/** A top-up credited Wed 1 Jul 2026 09:00 UTC, asked back on Fri 3 Jul at 09:30 UTC: 30 minutes late (BST is UTC+1). */
const lateRequest = evaluateTopUpRefund(
  {
    topUp: { ...topUp, creditedAt: '2026-07-01T09:00:00Z' },
    account: { ...account, lastActivityAt: '2026-07-01T09:00:00Z' },
    request: { receivedAt: '2026-07-03T09:30:00Z', channel: 'email' },
    now: '2026-07-03T09:31:00Z',
  },
  cardFees,
)

/** A timely written request still missing three items the provider asked for. */
const missingItems = evaluateTopUpRefund(
  {
    topUp,
    account,
    request: {
      receivedAt: '2026-11-21T09:00:00Z',
      channel: 'email',
      informationRequested: { items: ['IBAN', 'passport scan', 'card statement'] },
    },
    now: '2026-11-21T09:00:00Z',
  },
  cardFees,
)

describe('reasons written from their params in each language (hand-written expectations)', () => {
  it('WINDOW_EXPIRED says when the request arrived and when the window closed, in the policy’s zone', () => {
    expect(lateRequest.reasons.map((r) => r.code)).toEqual(['WINDOW_EXPIRED'])
    // 09:30 and 09:00 UTC are 10:30 and 10:00 in London summer time.
    expect(explain(lateRequest, { policy: cardFees }).split('\n')).toEqual([
      'Rejected — refund after topping up the balance.',
      'Why: The request arrived at 3 Jul 2026, 10:30 BST, after the 48-hour window closed at 3 Jul 2026, 10:00 BST.',
    ])
    expect(explain(lateRequest, { policy: cardFees, locale: de }).split('\n')).toEqual([
      'Abgelehnt — Erstattung nach Aufladung des Guthabens.',
      'Grund: Der Antrag ging am 3. Juli 2026, 10:30 GMT+1 ein, nachdem die Frist von 48 Stunden am 3. Juli 2026, 10:00 GMT+1 abgelaufen war.',
    ])
    expect(explain(lateRequest, { policy: cardFees, locale: ru }).split('\n')).toEqual([
      'Отклонено — возврат после пополнения баланса.',
      'Причина: Заявка поступила 3 июл. 2026 г., 10:30 GMT+1, когда 48-часовой срок уже истёк (3 июл. 2026 г., 10:00 GMT+1).',
    ])
  })

  it('REQUESTED_INFORMATION lists the items asked for, in the list style of the language', () => {
    const why = (locale: ExplainLocale) => explain(missingItems, { policy: cardFees, locale }).split('\n')[2]
    expect(why(en)).toBe(
      'Why: The additional data requested has not been provided yet: IBAN, passport scan and card statement.',
    )
    expect(why(de)).toBe(
      'Grund: Die zusätzlich angeforderten Angaben liegen noch nicht vor: IBAN, passport scan und card statement.',
    )
    expect(why(ru)).toBe(
      'Причина: Запрошенные дополнительные данные ещё не предоставлены: IBAN, passport scan и card statement.',
    )
  })
})

const ISO_MILLISECONDS = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/

describe('every explanation, in every language', () => {
  it('never shows an ISO instant and names only the policy’s own refund address (fixed seed)', () => {
    const arbLocale = fc.constantFrom(en, de, ru)
    fc.assert(
      fc.property(arbScenario(), arbPolicyOptions(), arbLocale, ({ bundle }, options, locale) => {
        let policy: ReturnType<typeof createPolicy>
        let decision: ReturnType<typeof evaluate>
        try {
          policy = createPolicy(options)
          decision = evaluate(bundle, policy)
        } catch (error) {
          if (error instanceof RefundRulesError) return
          throw error
        }
        const text = explain(decision, { policy, locale })
        expect(text).not.toMatch(ISO_MILLISECONDS)
        const addresses = text.match(/[\w.+-]+@[\w.-]+\w/g) ?? []
        expect(addresses.every((address) => address === policy.contacts.refunds)).toBe(true)
      }),
      { numRuns: 60, seed: 20261129 },
    )
    // Each run may build holiday tables of a random country for the years its due date spans.
  }, 60_000)
})

/** The "why" line of SPEC §4's example read back with one reason instead of its own. */
function whyLine(code: ExplainedReasonCode, params: object, locale: ExplainLocale): string | undefined {
  const decision = { ...JSON.parse(JSON.stringify(specExample)), reasons: [{ code, params }] }
  return explain(decision, { policy: cardFees, locale }).split('\n')[1]
}

describe('reasons that name an order or not (hand-written expectations)', () => {
  const refunded = (orderId: string | null) => ({ amount: { amount: '40.00', currency: 'EUR' }, orderId })
  const details = (letterOrderId: string | null) => ({ orderId: 'o1', letterOrderId })

  it('English', () => {
    expect(whyLine('ALREADY_REFUNDED', refunded(null), en)).toBe(
      'Why: Nothing is left to refund: the top-up of EUR 40.00 has been refunded in full.',
    )
    expect(whyLine('ALREADY_REFUNDED', refunded('o7'), en)).toBe(
      'Why: Nothing is left to refund: order o7 of EUR 40.00 has been refunded in full.',
    )
    expect(whyLine('ORDER_DETAILS', details(null), en)).toBe(
      'Why: The request does not carry the details of order o1 from the personal account.',
    )
    expect(whyLine('ORDER_DETAILS', details('o2'), en)).toBe(
      "Why: The letter names order “o2”, not order o1: this order's details must be copied into it.",
    )
  })

  it('German', () => {
    expect(whyLine('ALREADY_REFUNDED', refunded(null), de)).toBe(
      'Grund: Es ist nichts mehr zu erstatten: die Aufladung über 40,00 EUR wurde bereits vollständig erstattet.',
    )
    expect(whyLine('ALREADY_REFUNDED', refunded('o7'), de)).toBe(
      'Grund: Es ist nichts mehr zu erstatten: die Bestellung o7 über 40,00 EUR wurde bereits vollständig erstattet.',
    )
    expect(whyLine('ORDER_DETAILS', details(null), de)).toBe(
      'Grund: Der Antrag enthält nicht die Angaben der Bestellung o1 aus dem persönlichen Konto.',
    )
    expect(whyLine('ORDER_DETAILS', details('o2'), de)).toBe(
      'Grund: Das Schreiben nennt die Bestellung „o2“, nicht die Bestellung o1: die Angaben dieser Bestellung müssen hineinkopiert werden.',
    )
  })

  it('Russian', () => {
    expect(whyLine('ALREADY_REFUNDED', refunded(null), ru)).toBe(
      'Причина: Возвращать нечего: пополнение на сумму 40,00 EUR уже возвращено полностью.',
    )
    expect(whyLine('ALREADY_REFUNDED', refunded('o7'), ru)).toBe(
      'Причина: Возвращать нечего: заказ o7 на сумму 40,00 EUR уже возвращён полностью.',
    )
    expect(whyLine('ORDER_DETAILS', details(null), ru)).toBe(
      'Причина: В заявке нет данных заказа o1 из личного кабинета.',
    )
    expect(whyLine('ORDER_DETAILS', details('o2'), ru)).toBe(
      'Причина: В письме указан заказ «o2», а не заказ o1: нужно скопировать в него данные этого заказа.',
    )
  })
})
