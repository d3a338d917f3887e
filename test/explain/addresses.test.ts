import { describe, expect, it } from 'vitest'
import { evaluateInactivity } from '../../src/clauses/inactivity.js'
import { evaluateTermination } from '../../src/clauses/termination.js'
import { evaluateTopUpRefund } from '../../src/clauses/top-up-refund.js'
import { explain } from '../../src/explain/index.js'
import { de, ru } from '../../src/locales/index.js'
import { ctrGroupPolicy } from '../../src/policy/presets.js'
import { createPolicy } from '../../src/policy/settings.js'
import { account, cardFees, eur, topUp, verifiedAccount } from '../clauses/fixtures.js'
import { errorOf } from '../support/errors.js'

const at = '2026-11-21T09:00:00Z'
const mypay = createPolicy({ id: 'mypay', contacts: { refunds: 'refunds@mypay.example' } })

/** A request by phone: the reasons ask for a written request, and "Still needed" says where to send it. */
const byPhone = evaluateTopUpRefund({ topUp, account, request: { receivedAt: at, channel: 'phone' }, now: at }, mypay)

describe("explain names the addresses of the policy that made the decision, and no other's", () => {
  it('writes the policy’s refund address in the written-request reason and in "Still needed" alike', () => {
    for (const locale of [undefined, de, ru]) {
      const text = explain(byPhone, { policy: mypay, ...(locale ? { locale } : {}) })
      const lines = text.split('\n')
      expect(lines.filter((line) => line.includes('refunds@mypay.example'))).toHaveLength(2)
      expect(text).not.toContain('ctr.group')
    }
    expect(explain(byPhone, { policy: mypay }).split('\n').slice(-2)).toEqual([
      'Refund once the request is complete: EUR 100.00 (nothing deducted from EUR 100.00).',
      'Still needed: a written request — to refunds@mypay.example.',
    ])
  })

  it('a policy with its own contacts but the published id and version is used as given', () => {
    const policy = createPolicy({ contacts: { refunds: 'refunds@mypay.example' } })
    const d = evaluateTermination(
      {
        account: { ...verifiedAccount, identityVerified: false, ownershipVerified: false },
        request: { receivedAt: at, channel: 'email' },
        now: at,
      },
      policy,
    )
    const text = explain(d, { policy })
    expect(text).toContain(
      'Still needed: proof of identity and proof of the right to use the account and its funds — to refunds@mypay.example.',
    )
    expect(text).not.toContain('ctr.group')
  })

  it('the claim of a deactivated balance goes to the policy’s address', () => {
    const d = evaluateInactivity({ account: { ...account, balance: eur('5.00') }, now: '2028-01-01T00:00:00Z' }, mypay)
    expect(explain(d, { policy: mypay }).split('\n').at(-1)).toBe(
      'To receive it the holder must write to refunds@mypay.example and confirm their identity and right to the funds.',
    )
  })

  it('throws when it cannot know the right addresses: no policy given for another policy’s decision', () => {
    const error = errorOf(() => explain(byPhone))
    expect(error.code).toBe('INCONSISTENT_INPUT')
    expect(error.path).toBe('options.policy')
    expect(error.message).toContain('"mypay" version "1"')
  })

  it('throws when the policy given is not the one that made the decision', () => {
    const published = evaluateTopUpRefund({ topUp, account, request: { receivedAt: at, channel: 'phone' }, now: at })
    expect(errorOf(() => explain(byPhone, { policy: ctrGroupPolicy })).path).toBe('options.policy')
    expect(errorOf(() => explain(published, { policy: mypay })).code).toBe('INCONSISTENT_INPUT')
    const nextVersion = createPolicy({ ...mypay, version: '2' })
    expect(errorOf(() => explain(byPhone, { policy: nextVersion })).message).toContain(
      'not under this one ("mypay" version "2")',
    )
    // The published policy's decision needs no policy, or the published one.
    expect(explain(published)).toBe(explain(published, { policy: ctrGroupPolicy }))
  })

  it('throws when a written-request reason names another address than the policy given', () => {
    const reasons = byPhone.reasons.map((reason) =>
      reason.code === 'WRITTEN_REQUEST'
        ? { ...reason, params: { ...reason.params, address: 'refund@ctr.group' } }
        : reason,
    )
    const error = errorOf(() => explain({ ...byPhone, reasons } as never, { policy: mypay }))
    expect(error.code).toBe('INCONSISTENT_INPUT')
    expect(error.path).toBe(
      `decision.reasons[${reasons.findIndex((r) => r.code === 'WRITTEN_REQUEST')}].params.address`,
    )
  })

  it('a policy read back from JSON is the same policy', () => {
    expect(explain(byPhone, { policy: JSON.parse(JSON.stringify(mypay)) })).toBe(explain(byPhone, { policy: mypay }))
  })
  it('says the policy is missing when none was given, and names the one given otherwise', () => {
    for (const options of [undefined, {}, { timeZone: 'UTC' }]) {
      expect(errorOf(() => explain(byPhone, options)).message).toContain('is missing:')
    }
    expect(errorOf(() => explain(byPhone, { policy: ctrGroupPolicy })).message).toContain(
      'not under this one ("ctr-group" version "1")',
    )
  })

  it('tells policies apart by id, by version and by fingerprint, each alone', () => {
    const published = evaluateTopUpRefund({ topUp, account, request: { receivedAt: at, channel: 'email' }, now: at })
    // A decision stored without its fingerprint is checked on its id and version only.
    const unsigned = (policy: object) => ({ ...published, policy }) as never
    expect(explain(unsigned({ id: 'ctr-group', version: '1' }), { policy: cardFees })).toBe(explain(published))
    for (const policy of [
      { id: 'mypay', version: '1' },
      { id: 'ctr-group', version: '2' },
      { ...published.policy, fingerprint: `sha256:${'0'.repeat(64)}` },
    ]) {
      const error = errorOf(() => explain(unsigned(policy)))
      expect([error.code, error.path]).toEqual(['INCONSISTENT_INPUT', 'options.policy'])
    }
  })
})
