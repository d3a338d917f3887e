/** Decisions the explain tests share. */
import { evaluateTopUpRefund } from '../../src/clauses/top-up-refund.js'
import { account, cardFees, topUp } from '../clauses/fixtures.js'

/** SPEC §4's example: a complete request on Tue 2026-12-22 at 10:00 in London, the top-up a day old. */
export const specExampleInput = {
  topUp: { ...topUp, creditedAt: '2026-12-21T09:00:00Z' },
  account,
  request: { receivedAt: '2026-12-22T10:00:00Z', channel: 'email' },
  now: '2026-12-22T10:05:00Z',
}

/** SPEC §4's example decided under the card fee schedule. */
export const specExample = evaluateTopUpRefund(specExampleInput, cardFees)
