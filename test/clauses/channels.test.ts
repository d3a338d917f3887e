/**
 * SPEC §1: `channel` is compared with the policy's `writtenChannels`
 * ignoring letter case, by a fold that does not consult the host's locale.
 */
import { describe, expect, it } from 'vitest'
import { evaluateTermination } from '../../src/clauses/termination.js'
import { evaluateTopUpRefund } from '../../src/clauses/top-up-refund.js'
import { createPolicy } from '../../src/policy/settings.js'
import { account, codes, topUp, verifiedAccount } from './fixtures.js'

const RECEIVED = '2026-11-21T09:00:00Z'
const NOW = '2026-11-21T09:05:00Z'
const topUpBy = (channel: string, policy?: Parameters<typeof evaluateTopUpRefund>[1]) =>
  evaluateTopUpRefund({ topUp, account, request: { receivedAt: RECEIVED, channel }, now: NOW }, policy)

describe('written channels ignore letter case', () => {
  it("channel: 'EMAIL' is the written channel 'email', not a request for a written one", () => {
    const d = topUpBy('EMAIL')
    expect(d.outcome).toBe('approved')
    expect(codes(d)).toEqual(['WITHIN_WINDOW'])
    expect(d).toEqual(topUpBy('email'))
  })

  it.each(['Email', 'eMaIl', 'LETTER', 'Letter'])('%s is written', (channel) => {
    expect(topUpBy(channel).outcome).toBe('approved')
  })

  it('the policy may spell its channels in any case too', () => {
    const policy = createPolicy({ writtenChannels: ['Portal-Form'] })
    expect(topUpBy('portal-form', policy).outcome).toBe('approved')
    expect(topUpBy('PORTAL-FORM', policy).outcome).toBe('approved')
    expect(topUpBy('email', policy).requirements).toEqual(['WRITTEN_REQUEST'])
  })

  it('only letter case is ignored: other spellings are other channels', () => {
    for (const channel of ['e-mail', ' email', 'email ', 'emails', 'phone']) {
      expect(topUpBy(channel).requirements).toEqual(['WRITTEN_REQUEST'])
    }
  })

  it('the message quotes the channel as it came', () => {
    const d = evaluateTermination({
      account: verifiedAccount,
      request: { receivedAt: RECEIVED, channel: 'PHONE' },
      now: NOW,
    })
    expect(d.reasons.find((r) => r.code === 'WRITTEN_REQUEST')?.message).toContain('"PHONE"')
  })

  it('folds beyond ASCII by Unicode case mapping, not by a locale', () => {
    // Full case mapping: the upper case of ß is SS.
    const strasse = createPolicy({ writtenChannels: ['straße'] })
    expect(topUpBy('STRASSE', strasse).outcome).toBe('approved')
    // Under a Turkish locale's rules 'I' would lower to dotless 'ı' and miss 'mail'; the fold consults no locale.
    const mail = createPolicy({ writtenChannels: ['mail'] })
    expect(topUpBy('MAIL', mail).outcome).toBe('approved')
    expect('MAIL'.toLocaleLowerCase('tr')).not.toBe('mail')
  })
})
