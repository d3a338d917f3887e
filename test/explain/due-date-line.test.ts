import { describe, expect, it } from 'vitest'
import { evaluateTermination } from '../../src/clauses/termination.js'
import { evaluateTopUpRefund } from '../../src/clauses/top-up-refund.js'
import { type DueFacts, explain } from '../../src/explain/index.js'
import { en } from '../../src/explain/locale.js'
import { de } from '../../src/locales/index.js'
import { ctrGroupPolicy } from '../../src/policy/presets.js'
import { createPolicy, type Policy } from '../../src/policy/settings.js'
import { cardFees, eur, verifiedAccount } from '../clauses/fixtures.js'
import { specExample } from './fixtures.js'

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
  it("each holiday named once: two on one date are joined with ' / ', one spanning two of the zone's dates is not repeated", () => {
    // date-holidays: in China National Day is 1–3 Oct (one holiday a day), and in 2028 Mid-Autumn Festival falls on 3 Oct too.
    const shanghai = createPolicy({ calendar: { timeZone: 'Asia/Shanghai', holidays: { country: 'CN' } } })
    expect(dueLine('2028-09-29T02:00:00Z', shanghai)).toBe(
      'Refund due Tue 10 Oct 2028 — 5 business days after Fri 29 Sept; not counted: 30 Sept – 1 Oct weekend, 2 Oct National Day, 3 Oct National Day / Mid-Autumn Festival, 7–8 Oct weekend.',
    )
    // American Samoa lists Christmas Eve twice, as a bank and as an optional holiday.
    const samoa = createPolicy({
      calendar: { timeZone: 'Pacific/Pago_Pago', holidays: { country: 'AS', types: ['public', 'bank', 'optional'] } },
    })
    expect(dueLine('2026-12-22T21:00:00Z', samoa)).toBe(
      "Refund due Mon 4 Jan 2027 — 5 business days after Tue 22 Dec; not counted: 24 Dec Christmas Eve, 25 Dec Christmas Day, 26–27 Dec weekend, 31 Dec New Year's Eve, 1 Jan New Year's Day, 2–3 Jan weekend.",
    )
  })

  it("a calendar in another zone than its country's holidays names each closed date by the holiday that closes it there", () => {
    // The calendar dates English holidays in New York: Christmas closes 25 Dec there, and Boxing Day (on a
    // Saturday) its Monday substitute; London's Christmas, which ends at 19:00 on 25 Dec in New York, is not Boxing Day.
    const newYork = createPolicy({
      calendar: { timeZone: 'America/New_York', holidays: { country: 'GB', state: 'ENG' } },
    })
    expect(dueLine('2026-12-22T15:00:00Z', newYork)).toBe(
      'Refund due Thu 31 Dec 2026 — 5 business days after Tue 22 Dec; not counted: 25 Dec Christmas Day, 26–27 Dec weekend, 28 Dec Boxing Day (substitute day).',
    )
  })

  it('a holiday that starts at sunset names its own dates, not the evening before', () => {
    // date-holidays: Eid al-Fitr 2027 in the Emirates runs from 18:00 on Mon 8 Mar to 18:00 on Thu 11 Mar;
    // the calendar closes 9–11 Mar, and 8 Mar is closed by the policy alone.
    const policy = createPolicy({
      calendar: { timeZone: 'Asia/Dubai', holidays: { country: 'AE' }, closedDates: ['2027-03-08'] },
    })
    expect(dueLine('2027-03-05T06:00:00Z', policy)).toBe(
      'Refund due Thu 18 Mar 2027 — 5 business days after Fri 5 Mar; not counted: 6–7 Mar weekend, 8 Mar closed, 9–11 Mar End of Ramadan (Eid al-Fitr), 13–14 Mar weekend.',
    )
  })

  it('holidays of exactly the types the calendar closes on are named, observances included', () => {
    const policy = createPolicy({
      calendar: { timeZone: 'America/New_York', holidays: { country: 'US', types: ['public', 'observance'] } },
    })
    expect(dueLine('2026-11-25T15:00:00Z', policy)).toBe(
      'Refund due Fri 4 Dec 2026 — 5 business days after Wed 25 Nov; not counted: 26 Nov Thanksgiving Day, 27 Nov Day after Thanksgiving Day, 28–29 Nov weekend.',
    )
    // Public holidays only: the same Friday closed by the policy is its closed date, not an observance.
    const publicOnly = createPolicy({
      calendar: {
        timeZone: 'America/New_York',
        holidays: { country: 'US', types: ['public'] },
        closedDates: ['2026-11-27'],
      },
    })
    expect(dueLine('2026-11-25T15:00:00Z', publicOnly)).toBe(
      'Refund due Fri 4 Dec 2026 — 5 business days after Wed 25 Nov; not counted: 26 Nov Thanksgiving Day, 27 Nov closed, 28–29 Nov weekend.',
    )
  })

  it('closed days apart are runs apart, with or without holidays', () => {
    const closedDates = createPolicy({
      calendar: { timeZone: 'Europe/London', holidays: false, closedDates: ['2026-11-24', '2026-11-26'] },
    })
    expect(dueLine('2026-11-23T10:00:00Z', closedDates)).toBe(
      'Refund due Wed 2 Dec 2026 — 5 business days after Mon 23 Nov; not counted: 24 Nov closed, 26 Nov closed, 28–29 Nov weekend.',
    )
    const tenDays = createPolicy({ refundBusinessDays: 10 })
    expect(dueLine('2026-11-20T10:00:00Z', tenDays)).toBe(
      'Refund due Fri 4 Dec 2026 — 10 business days after Fri 20 Nov; not counted: 21–22 Nov weekend, 28–29 Nov weekend.',
    )
  })

  it('a due date with no closed day before it names none', () => {
    expect(dueLine('2026-11-23T10:00:00Z', createPolicy({ refundBusinessDays: 3 }))).toBe(
      'Refund due Thu 26 Nov 2026 — 3 business days after Mon 23 Nov.',
    )
    expect(dueLine('2026-11-23T10:00:00Z', createPolicy({ refundBusinessDays: 1 }))).toBe(
      'Refund due Tue 24 Nov 2026 — 1 business day after Mon 23 Nov.',
    )
  })

  it('a termination payout counts the payout days, not the refund days', () => {
    const policy = createPolicy({ termination: { payoutBusinessDays: 3 } })
    const d = evaluateTermination(
      {
        account: verifiedAccount,
        request: { receivedAt: '2026-11-21T09:00:00Z', channel: 'letter' },
        now: '2026-11-21T09:00:00Z',
      },
      policy,
    )
    expect(explain(d, { policy }).split('\n').at(-1)).toBe(
      'Refund due Wed 25 Nov 2026 — 3 business days after Fri 20 Nov; not counted: 21–22 Nov weekend.',
    )
  })
})

/** The due-date line of SPEC §4's example read back with another due date, under `policy` (of the same id and version). */
function dueLineOn(refundDueDate: string, policy: Policy = cardFees, locale = {}): string | undefined {
  const decision = {
    ...specExample,
    policy: { id: 'ctr-group', version: '1' },
    dates: { ...specExample.dates, refundDueDate },
  }
  return explain(decision as never, { policy, ...locale })
    .split('\n')
    .at(-1)
}

describe('the due-date line of a decision read back', () => {
  it('a due date that is not a business day of the calendar names no counting start', () => {
    expect(dueLineOn('2027-01-02')).toBe('Refund due Sat 2 Jan 2027.')
    expect(dueLineOn('2026-12-25')).toBe('Refund due Fri 25 Dec 2026.')
    expect(dueLineOn('2026-12-24')).toBe(
      'Refund due Thu 24 Dec 2026 — 5 business days after Thu 17 Dec; not counted: 19–20 Dec weekend.',
    )
  })

  it('counting back stops at 1 January 1970, the first day the library knows', () => {
    const plain = createPolicy({ calendar: { timeZone: 'Europe/London', holidays: false } })
    // Thu 1 Jan 1970 is a business day of a calendar without holidays; 2–7 Jan hold the other four.
    expect(dueLineOn('1970-01-08', plain)).toBe(
      'Refund due Thu 8 Jan 1970 — 5 business days after Thu 1 Jan; not counted: 3–4 Jan weekend.',
    )
    expect(dueLineOn('1970-01-07', plain)).toBe('Refund due Wed 7 Jan 1970.')
  })

  it('a locale is told the business days, 0 when the policy states none, and the start only when there is one', () => {
    const facts = { locale: { ...en, labels: { ...en.labels, due: (f: DueFacts) => JSON.stringify(f) } } }
    expect(dueLineOn('2026-12-24', createPolicy({ refundBusinessDays: 0 }), facts)).toBe(
      '{"date":"Thu 24 Dec 2026","days":0}',
    )
    const termination = {
      ...JSON.parse(JSON.stringify(specExample)),
      clause: 'termination',
      policy: { id: 'ctr-group', version: '1' },
    }
    // The published policy states no payout days for a termination.
    expect(explain(termination, facts).split('\n').at(-1)).toBe('{"date":"Thu 31 Dec 2026","days":0}')
    expect(explain(termination).split('\n').at(-1)).toBe('Refund due Thu 31 Dec 2026.')
  })
})
