import { describe, expect, it } from 'vitest'
import { evaluateTopUpRefund } from '../../src/clauses/top-up-refund.js'
import { explain } from '../../src/explain/index.js'
import { de } from '../../src/locales/index.js'
import { ctrGroupPolicy } from '../../src/policy/presets.js'
import { createPolicy, type Policy } from '../../src/policy/settings.js'
import { eur } from '../clauses/fixtures.js'

/** The due-date line of an approved top-up refund whose complete request arrived at `receivedAt`. */
function dueLine(receivedAt: string, policy: Policy, locale = {}): string | undefined {
  const decision = evaluateTopUpRefund(
    {
      topUp: { id: 't', amount: eur('10.00'), creditedAt: receivedAt, method: 'bank' },
      account: { id: 'a', balance: eur('10.00'), lastActivityAt: receivedAt },
      request: { receivedAt, channel: 'email' },
      now: receivedAt,
    },
    policy,
  )
  return explain(decision, { policy, ...locale })
    .split('\n')
    .find((line) => /^(Refund due|Erstattung fällig)/.test(line))
}

// Every expectation below was counted by hand on a calendar, with the holidays of date-holidays' lists.
describe('the due-date line names the closed days it skipped and why', () => {
  it('Easter: Good Friday, the weekend, Easter Monday, then the next weekend', () => {
    expect(dueLine('2027-03-25T10:00:00Z', ctrGroupPolicy)).toBe(
      'Refund due Mon 5 Apr 2027 — 5 business days after Thu 25 Mar; not counted: 26 Mar Good Friday, 27–28 Mar weekend, 29 Mar Easter Monday, 3–4 Apr weekend.',
    )
  })

  it('a weekend across a month end is one run', () => {
    expect(dueLine('2026-10-29T10:00:00Z', ctrGroupPolicy)).toBe(
      'Refund due Thu 5 Nov 2026 — 5 business days after Thu 29 Oct; not counted: 31 Oct – 1 Nov weekend.',
    )
  })

  it("a policy's own closed date is named as closed", () => {
    const policy = createPolicy({ calendar: { ...ctrGroupPolicy.calendar, closedDates: ['2026-11-24'] } })
    expect(dueLine('2026-11-23T10:00:00Z', policy)).toBe(
      'Refund due Tue 1 Dec 2026 — 5 business days after Mon 23 Nov; not counted: 24 Nov closed, 28–29 Nov weekend.',
    )
  })

  it('after the cutoff, counting starts after the next business day', () => {
    const policy = createPolicy({ calendar: { ...ctrGroupPolicy.calendar, cutoff: '16:00' } })
    expect(dueLine('2026-12-22T17:00:00Z', policy)).toBe(
      "Refund due Mon 4 Jan 2027 — 5 business days after Wed 23 Dec; not counted: 25 Dec Christmas Day, 26–27 Dec weekend, 28 Dec Boxing Day (substitute day), 1 Jan New Year's Day, 2–3 Jan weekend.",
    )
  })

  it("Berlin in German: part-day bank holidays close their date, each holiday named in the calendar's language", () => {
    const policy = createPolicy({
      calendar: { timeZone: 'Europe/Berlin', holidays: { country: 'DE', state: 'BE', types: ['public', 'bank'] } },
    })
    expect(dueLine('2026-12-22T10:00:00+01:00', policy, { locale: de })).toBe(
      'Erstattung fällig am Mo. 4. Jan. 2027 — 5 Geschäftstage nach Di. 22. Dez.; nicht gezählt: 24. Dez. Heiliger Abend, 25. Dez. 1. Weihnachtstag, 26.–27. Dez. Wochenende, 31. Dez. Silvester, 1. Jan. Neujahr, 2.–3. Jan. Wochenende.',
    )
  })

  it('a calendar without holidays skips only weekends; zero business days name no counting start', () => {
    const plain = createPolicy({ calendar: { timeZone: 'Europe/London', holidays: false } })
    expect(dueLine('2026-12-22T10:00:00Z', plain)).toBe(
      'Refund due Tue 29 Dec 2026 — 5 business days after Tue 22 Dec; not counted: 26–27 Dec weekend.',
    )
    const sameDay = createPolicy({ refundBusinessDays: 0 })
    expect(dueLine('2026-12-22T10:00:00Z', sameDay)).toBe('Refund due Tue 22 Dec 2026.')
  })
})
