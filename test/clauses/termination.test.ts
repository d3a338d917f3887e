import { describe, expect, it } from 'vitest'
import { evaluateTermination } from '../../src/clauses/termination.js'
import { createPolicy } from '../../src/policy/settings.js'
import { cardFees, codes, eur, issuesOf, jpy, verifiedAccount } from './fixtures.js'

const at = '2026-11-20T10:00:00Z'
const letter = { receivedAt: at, channel: 'letter' }
const automatic = createPolicy({ ...cardFees, termination: { settlement: 'automatic' } })

describe('evaluateTermination (SPEC §5)', () => {
  it('proposes the settlement for manual review: debt first, then the fee, with every field pinned', () => {
    const d = evaluateTermination({ account: verifiedAccount, request: letter, now: '2026-11-20T10:05:00Z' })
    expect({ ...d, reasons: codes(d) }).toEqual({
      clause: 'termination',
      outcome: 'manual-review',
      subject: { accountId: 'a1' },
      reasons: ['INDIVIDUAL_TERMS'],
      requirements: [],
      evaluatedAt: '2026-11-20T10:05:00.000Z',
      policy: { id: 'ctr-group', version: '1', fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) },
      amounts: {
        currency: 'EUR',
        gross: '250.00',
        deductions: [
          { kind: 'debt', amount: '20.00', basis: 'debt owed to the provider' },
          { kind: 'processing-fee', amount: '0.00', basis: 'no processing fee configured' },
        ],
        net: '230.00',
        // An account with a debt always says how much of it is left.
        outstandingDebt: '0.00',
      },
    })
    expect('dates' in d).toBe(false)
    const { debt: _, ...noDebt } = verifiedAccount
    const free = evaluateTermination({ account: noDebt, request: letter, now: at })
    expect(free.amounts).toEqual({
      currency: 'EUR',
      gross: '250.00',
      deductions: [{ kind: 'processing-fee', amount: '0.00', basis: 'no processing fee configured' }],
      net: '250.00',
    })
    expect(d.reasons[0]?.message).toMatch(/proposal.*\(REFUND UPON TERMINATION OF USE\)$/)
  })

  it('charges the fee of payoutMethod on what remains after the debt', () => {
    const card = evaluateTermination(
      { account: { ...verifiedAccount, payoutMethod: 'card' }, request: letter, now: at },
      cardFees,
    )
    // 230.00 × 2.9 % = 6.67, + 0.30
    expect(card.amounts).toMatchObject({ gross: '250.00', net: '223.03' })
    expect(card.amounts?.deductions.map((x) => [x.kind, x.amount])).toEqual([
      ['debt', '20.00'],
      ['processing-fee', '6.97'],
    ])
    const bank = evaluateTermination(
      { account: { ...verifiedAccount, payoutMethod: 'bank' }, request: letter, now: at },
      cardFees,
    )
    expect(bank.amounts?.net).toBe('228.50')
  })

  it('uses the schedule default rule when the account names no payoutMethod', () => {
    const policy = createPolicy({
      fees: { default: { fixed: { EUR: '2.00' } }, methods: { card: { fixed: { EUR: '9.00' } } } },
    })
    const d = evaluateTermination({ account: verifiedAccount, request: letter, now: at }, policy)
    expect(d.amounts?.deductions[1]?.amount).toBe('2.00')
    expect(d.amounts?.net).toBe('228.00')
  })

  it('rejects a debt larger than the balance with nothing left, keeping the amounts and the outstanding debt', () => {
    const d = evaluateTermination(
      {
        account: { ...verifiedAccount, balance: eur('30.00'), debt: eur('50.00'), payoutMethod: 'bank' },
        request: letter,
        now: at,
      },
      cardFees,
    )
    // SPEC §5 (edition 2): a zero net is never approved nor proposed.
    expect(d.outcome).toBe('rejected')
    expect(codes(d)).toEqual(['NOTHING_LEFT_AFTER_DEDUCTIONS'])
    expect(d.amounts).toEqual({
      currency: 'EUR',
      gross: '30.00',
      deductions: [
        {
          kind: 'debt',
          amount: '30.00',
          basis: 'debt owed to the provider (50.00 EUR), capped at the 30.00 EUR available',
        },
        { kind: 'processing-fee', amount: '0.00', basis: 'bank: 1.50 EUR, capped at the 0.00 EUR it is charged on' },
      ],
      net: '0.00',
      outstandingDebt: '20.00',
    })
  })

  it("under settlement: 'automatic', rejects a debt of 15.00 on a balance of 10.00 instead of approving 0.00", () => {
    const d = evaluateTermination(
      { account: { ...verifiedAccount, balance: eur('10.00'), debt: eur('15.00') }, request: letter, now: at },
      automatic,
    )
    expect(d.outcome).toBe('rejected')
    expect(d.reasons.map((r) => [r.code, r.clause])).toEqual([['NOTHING_LEFT_AFTER_DEDUCTIONS', 'termination']])
    expect(d.reasons[0]?.message).toContain('10.00 EUR')
    expect(d.requirements).toEqual([])
    expect(d.amounts).toMatchObject({ gross: '10.00', net: '0.00', outstandingDebt: '5.00' })
    expect('dates' in d).toBe(false)
  })

  it('rejects a zero net even when requirements are missing (rejection comes first)', () => {
    const d = evaluateTermination({
      account: { id: 'a1', balance: eur('10.00'), debt: eur('10.00'), lastActivityAt: '2026-10-01T08:00:00Z' },
      request: { receivedAt: at, channel: 'phone' },
      now: at,
    })
    const requirements = ['WRITTEN_REQUEST', 'IDENTITY_VERIFICATION', 'OWNERSHIP_VERIFICATION']
    expect([d.outcome, codes(d), d.requirements, d.amounts?.net]).toEqual([
      'rejected',
      ['NOTHING_LEFT_AFTER_DEDUCTIONS', ...requirements],
      [],
      '0.00',
    ])
  })

  it('narrows on outcome: a settled decision has its amounts without a check', () => {
    const d = evaluateTermination({ account: verifiedAccount, request: letter, now: at }, automatic)
    if (d.outcome !== 'approved') throw new Error(`expected approved, got ${d.outcome}`)
    const net: string = d.amounts.net
    expect(net).toBe('230.00')
    expect(codes(d)).toEqual([])
  })

  it('settles JPY balances', () => {
    const d = evaluateTermination(
      {
        account: { ...verifiedAccount, balance: jpy('10000'), debt: jpy('1000'), payoutMethod: 'card' },
        request: letter,
        now: at,
      },
      cardFees,
    )
    // 9000 × 2.9 % = 261, + 30
    expect(d.amounts).toMatchObject({ currency: 'JPY', gross: '10000', net: '8709' })
  })

  it('rejects a zero or negative balance (NOTHING_TO_REFUND): no amounts, no dates', () => {
    for (const balance of ['0.00', '-10.00']) {
      const d = evaluateTermination(
        { account: { ...verifiedAccount, balance: eur(balance) }, request: letter, now: at },
        { termination: { payoutBusinessDays: 5 } },
      )
      expect([d.outcome, codes(d), d.requirements]).toEqual(['rejected', ['NOTHING_TO_REFUND'], []])
      expect('amounts' in d || 'dates' in d).toBe(false)
    }
  })

  it('needs a written request, the requested data, identity and ownership: every requirement at once', () => {
    const d = evaluateTermination({
      account: { id: 'a1', balance: eur('250.00'), lastActivityAt: '2026-10-01T08:00:00Z' },
      request: { receivedAt: at, channel: 'phone', informationRequested: { items: ['passport scan'] } },
      now: at,
    })
    expect(d.outcome).toBe('needs-information')
    // In the order SPEC §5 lists them.
    expect(d.requirements).toEqual([
      'WRITTEN_REQUEST',
      'IDENTITY_VERIFICATION',
      'OWNERSHIP_VERIFICATION',
      'REQUESTED_INFORMATION',
    ])
    // INDIVIDUAL_TERMS belongs to manual-review decisions only.
    expect(codes(d)).toEqual(d.requirements)
    expect(d.amounts?.net).toBe('250.00')
  })

  it('needs each verification on its own', () => {
    const identity = evaluateTermination({
      account: { ...verifiedAccount, identityVerified: false },
      request: letter,
      now: at,
    })
    const ownership = evaluateTermination({
      account: { ...verifiedAccount, ownershipVerified: false },
      request: letter,
      now: at,
    })
    expect(identity.requirements).toEqual(['IDENTITY_VERIFICATION'])
    expect(ownership.requirements).toEqual(['OWNERSHIP_VERIFICATION'])
  })

  it("approves the computed settlement under settlement: 'automatic', without INDIVIDUAL_TERMS", () => {
    const d = evaluateTermination(
      { account: { ...verifiedAccount, payoutMethod: 'bank' }, request: letter, now: at },
      automatic,
    )
    expect([d.outcome, codes(d), d.amounts?.net]).toEqual(['approved', [], '228.50'])
    const waiting = evaluateTermination(
      { account: { ...verifiedAccount, identityVerified: false }, request: letter, now: at },
      automatic,
    )
    expect([waiting.outcome, codes(waiting)]).toEqual(['needs-information', ['IDENTITY_VERIFICATION']])
  })

  it('has a payout due date only with termination.payoutBusinessDays, counted from the complete request', () => {
    const tenDays = { termination: { payoutBusinessDays: 10 } } as const
    const review = evaluateTermination({ account: verifiedAccount, request: letter, now: at }, tenDays)
    // Fri 20 Nov → Mon 23 … Fri 4 Dec (ten business days)
    expect([review.outcome, review.dates]).toEqual([
      'manual-review',
      { refundDueDate: '2026-12-04', refundDueBy: '2026-12-04T23:59:59.999Z' },
    ])
    const approved = evaluateTermination(
      {
        account: verifiedAccount,
        request: { ...letter, informationRequested: { items: ['iban'], providedAt: '2026-11-23T12:00:00Z' } },
        now: '2026-11-23T12:00:00Z',
      },
      { termination: { settlement: 'automatic', payoutBusinessDays: 1 } },
    )
    expect([approved.outcome, approved.dates?.refundDueDate]).toEqual(['approved', '2026-11-24'])
    const waiting = evaluateTermination(
      { account: { ...verifiedAccount, ownershipVerified: false }, request: letter, now: at },
      tenDays,
    )
    expect(waiting.outcome).toBe('needs-information')
    expect('dates' in waiting).toBe(false)
  })
})

describe('evaluateTermination: messages and issues (mutation testing)', () => {
  it('words the rejection and each verification requirement', () => {
    const d = evaluateTermination({
      account: { ...verifiedAccount, balance: eur('0.00'), identityVerified: false, ownershipVerified: false },
      request: letter,
      now: at,
    })
    expect(d.reasons.map((r) => [r.code, r.message])).toEqual([
      ['NOTHING_TO_REFUND', 'The balance is 0.00 EUR: there is nothing to return (REFUND UPON TERMINATION OF USE)'],
      ['IDENTITY_VERIFICATION', 'The account holder must confirm their identity (REFUND UPON TERMINATION OF USE)'],
      [
        'OWNERSHIP_VERIFICATION',
        'The holder must confirm their right to the account and its funds (REFUND UPON TERMINATION OF USE)',
      ],
    ])
  })

  it('checks consistency only between valid fields: a type error is reported alone', () => {
    const input = {
      account: { ...verifiedAccount, lastActivityAt: 'soon' },
      request: { receivedAt: '2026-11-22T00:00:00Z', channel: 'letter' },
      now: at,
    }
    // receivedAt is after now, but with lastActivityAt unreadable no inconsistency is looked for.
    expect(issuesOf(() => evaluateTermination(input as never))).toEqual(['INVALID_INSTANT account.lastActivityAt'])
    expect(issuesOf(() => evaluateTermination({ ...input, account: verifiedAccount }))).toEqual([
      'INCONSISTENT_INPUT request.receivedAt',
    ])
  })
})
