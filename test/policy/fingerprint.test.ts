/**
 * A policy recognised by its content (SPEC §3) and its fingerprint (SPEC §6).
 * The fingerprint's oracle is Node's own SHA-256 over a canonical JSON written
 * here, not the library's hash or serialiser.
 */
import { createHash } from 'node:crypto'
import { data as holidayData } from 'date-holidays/data'
import { describe, expect, it, vi } from 'vitest'
import { evaluateTopUpRefund } from '../../src/clauses/top-up-refund.js'
import { ctrGroupPolicy } from '../../src/policy/presets.js'
import { compilePolicy, createPolicy, type Policy, type PolicyOptions } from '../../src/policy/settings.js'
import { errorOf } from '../support/errors.js'
import { sortedJson } from '../support/sorted-json.js'

const fingerprint = (policy: Policy | PolicyOptions) => compilePolicy(policy).reference.fingerprint

const eur = (amount: string) => ({ amount, currency: 'EUR' })
const input = {
  topUp: { id: 't1', amount: eur('100.00'), creditedAt: '2026-11-20T10:00:00Z', method: 'card' },
  account: { id: 'a1', balance: eur('100.00'), lastActivityAt: '2026-11-20T10:00:00Z' },
  request: { receivedAt: '2026-11-20T16:30:00Z', channel: 'email' },
  now: '2026-11-20T16:30:00Z',
}

const custom = createPolicy({
  id: 'acme',
  fees: { methods: { card: { percent: '2.9', fixed: { EUR: '0.30' } }, sepa: { fixed: { EUR: '0.10' } } } },
  calendar: { cutoff: '16:00', closedDates: ['2026-12-24'] },
  currencies: { HUF: { minorUnits: 0 } },
})

describe('a policy read back from JSON is recognised by its content', () => {
  it('is the same compiled policy, in the order it was written or with its keys sorted', () => {
    for (const policy of [ctrGroupPolicy, custom]) {
      const compiled = compilePolicy(policy)
      expect(compilePolicy(JSON.parse(JSON.stringify(policy)))).toBe(compiled)
      expect(compilePolicy(JSON.parse(sortedJson(policy)))).toBe(compiled)
      expect(createPolicy(JSON.parse(JSON.stringify(policy)))).toBe(policy)
    }
  })

  it('options equal to a policy made before make that policy', () => {
    expect(
      createPolicy({ id: 'acme', fees: custom.fees, calendar: custom.calendar, currencies: custom.currencies }),
    ).toBe(custom)
  })

  it('a copy that differs anywhere is not that policy', () => {
    const copy = JSON.parse(JSON.stringify(custom))
    copy.fees.methods.sepa.fixed.EUR = '0.20'
    expect(compilePolicy(copy)).not.toBe(compilePolicy(custom))
    expect(compilePolicy(copy).settings.fees.methods.sepa?.fixed).toEqual({ EUR: '0.20' })
    // An extra key is still refused, and a NaN is not the null it prints as.
    expect(() => compilePolicy({ ...JSON.parse(JSON.stringify(custom)), extra: 1 })).toThrow(/extra/)
    const nan = JSON.parse(JSON.stringify(custom))
    nan.termination.payoutBusinessDays = Number.NaN
    expect(() => compilePolicy(nan)).toThrow(/payoutBusinessDays/)
  })

  it('decides the same with the revived policy', () => {
    const revived = JSON.parse(JSON.stringify(custom))
    expect(evaluateTopUpRefund(input, revived)).toEqual(evaluateTopUpRefund(input, custom))
  })
})

describe('fingerprint (SPEC §6)', () => {
  it('is SHA-256 of the sorted settings and the holiday data release', () => {
    for (const policy of [ctrGroupPolicy, custom]) {
      const text = `${sortedJson(policy)}\ndate-holidays data ${holidayData.version}`
      expect(fingerprint(policy)).toBe(`sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`)
    }
  })

  it('is on every decision, and equal for a policy and its JSON round trip', () => {
    const decision = evaluateTopUpRefund(input, custom)
    expect(decision.policy).toEqual({ id: 'acme', version: '1', fingerprint: fingerprint(custom) })
    expect(evaluateTopUpRefund(input, JSON.parse(sortedJson(custom))).policy.fingerprint).toBe(fingerprint(custom))
  })

  it('is equal across two copies of the library loaded side by side', async () => {
    vi.resetModules()
    const other = await import('../../src/policy/settings.js')
    expect(other.compilePolicy).not.toBe(compilePolicy)
    const theirs = other.createPolicy({
      id: 'acme',
      fees: custom.fees,
      calendar: custom.calendar,
      currencies: custom.currencies,
    })
    expect(other.compilePolicy(theirs).reference.fingerprint).toBe(fingerprint(custom))
    // Made by the other copy, recognised here by content.
    expect(compilePolicy(theirs)).toBe(compilePolicy(custom))
  })

  it('differs when any setting differs', () => {
    const variants: PolicyOptions[] = [
      {},
      { id: 'other' },
      { version: '2' },
      { topUpRefundWindowHours: 24 },
      { orderCancellationWindowHours: 24 },
      { orderCancellationAnchor: 'order' },
      { cancellationStatusChangeHours: 24 },
      { refundBusinessDays: 4 },
      { inactivityMonths: 6 },
      { writtenChannels: ['email'] },
      { writtenChannels: ['letter', 'email'] },
      { termination: { settlement: 'automatic' } },
      { termination: { payoutBusinessDays: 5 } },
      { calendar: { timeZone: 'Europe/Dublin' } },
      { calendar: { weekend: [0, 6] } },
      { calendar: { holidays: false } },
      { calendar: { holidays: { state: 'SCT' } } },
      { calendar: { holidays: { types: ['public'] } } },
      { calendar: { closedDates: ['2026-12-24'] } },
      { calendar: { openDates: ['2026-12-26'] } },
      { calendar: { cutoff: '16:00' } },
      { fees: { rounding: 'down' } },
      { fees: { default: { percent: '1' } } },
      { fees: { methods: { card: { percent: '1' } } } },
      { fees: { methods: { card: { percent: '1.5' } } } },
      { contacts: { support: 'help@x.org' } },
      { currencies: { HUF: { minorUnits: 0 } } },
    ]
    const prints = variants.map((options) => fingerprint(createPolicy(options)))
    expect(new Set(prints).size).toBe(variants.length)
    for (const print of prints) expect(print).toMatch(/^sha256:[0-9a-f]{64}$/)
  })
})

describe('currencies (SPEC §3): minor-unit overrides reach amounts and fees', () => {
  const huf = (amount: string) => ({ amount, currency: 'HUF' })
  const forints = {
    ...input,
    topUp: { ...input.topUp, amount: huf('1990') },
    account: { ...input.account, balance: huf('1990') },
  }
  const wholeForints = createPolicy({
    currencies: { HUF: { minorUnits: 0 } },
    fees: { methods: { card: { fixed: { HUF: '50' } } } },
  })

  it('reads snapshot amounts with the policy minor unit', () => {
    const d = evaluateTopUpRefund(forints, wholeForints)
    expect(d.outcome === 'approved' && [d.amounts.gross, d.amounts.net]).toEqual(['1990', '1940'])
    const fractional = { ...forints, topUp: { ...forints.topUp, amount: huf('1990.50') } }
    expect(() => evaluateTopUpRefund(fractional, wholeForints)).toThrow(
      expect.objectContaining({ code: 'TOO_MANY_DECIMALS' }),
    )
    // ISO 4217 gives HUF two decimals: without the override the same amount is fine.
    expect(evaluateTopUpRefund(fractional).outcome).toBe('approved')
  })

  it('validates fee amounts against the policy minor unit, and refuses bad overrides at their path', () => {
    const paths = (options: PolicyOptions) => {
      try {
        createPolicy(options)
      } catch (error) {
        return (error as { issues: { path: string }[] }).issues.map((i) => i.path)
      }
      return []
    }
    expect(
      paths({ currencies: { HUF: { minorUnits: 0 } }, fees: { methods: { card: { fixed: { HUF: '0.50' } } } } }),
    ).toEqual(['fees.methods.card.fixed.HUF'])
    expect(paths({ currencies: { huf: { minorUnits: 0 } } } as PolicyOptions)).toEqual(['currencies.huf'])
    expect(paths({ currencies: { HUF: { minorUnits: 9 } } })).toEqual(['currencies.HUF.minorUnits'])
  })
})

// Last in this file: these tests make enough policies to push the ones above out of the recently compiled.
describe('recognising a policy: by identity always, by content only recently and exactly', () => {
  it('keeps a policy it made as it is, however many policies were made since', () => {
    const first = createPolicy({ version: 'kept-by-identity' })
    // More than the recently compiled policies it recognises by content: this one is found by identity.
    for (let i = 0; i < 40; i++) createPolicy({ version: `kept-by-identity-${i}` })
    expect(createPolicy(first)).toBe(first)
    expect(compilePolicy(first).settings).toBe(first)
  })

  it('recognises by content only the 32 policies compiled last', () => {
    const first = createPolicy({ version: 'recent-0' })
    const copy = () => JSON.parse(JSON.stringify(first)) as PolicyOptions
    for (let i = 1; i <= 31; i++) createPolicy({ version: `recent-${i}` })
    expect(createPolicy(copy())).toBe(first)
    // One more, and the first is the 33rd most recent: a copy of it is compiled again, to an equal policy.
    createPolicy({ version: 'recent-32' })
    const again = createPolicy(copy())
    expect(again).not.toBe(first)
    expect(again).toEqual(first)
  })

  describe('never takes for a known policy what compiling would refuse', () => {
    // Made (or found again) in each test: the recognition tests above push older policies out.
    const known = () => createPolicy({ version: 'refusals', writtenChannels: ['email', 'letter'] })
    const copy = () => JSON.parse(JSON.stringify(known())) as Record<string, unknown>
    const refusal = (options: unknown) => {
      const error = errorOf(() => createPolicy(options as PolicyOptions))
      return [error.code, error.path]
    }

    it('a list given as an object with the same indexes and length', () => {
      const options = copy()
      expect(compilePolicy(options)).toBe(compilePolicy(known()))
      options.writtenChannels = { 0: 'email', 1: 'letter', length: 2 }
      expect(refusal(options)).toEqual(['INVALID_POLICY', 'writtenChannels'])
    })

    it('a setting whose prototype is not Object.prototype (a fee schedule must be a plain object)', () => {
      const options = copy()
      options.fees = Object.assign(Object.create({ inherited: true }), options.fees)
      expect(refusal(options)).toEqual(['INVALID_POLICY', 'fees'])
    })

    it('a misspelt key, even when Object.prototype carries the right one', () => {
      const options = copy()
      const { version, ...rest } = options
      const misspelt = { ...rest, versoin: version }
      expect(refusal(misspelt)).toEqual(['INVALID_POLICY', 'versoin'])
      const proto = Object.prototype as Record<string, unknown>
      proto.version = version
      try {
        expect(refusal(misspelt)).toEqual(['INVALID_POLICY', 'versoin'])
      } finally {
        delete proto.version
      }
    })
  })
})
