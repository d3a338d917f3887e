import type { TopUpRefundInput } from '../../src/index.js'

const FROM = Date.UTC(2020, 0, 1)
const SPAN = Date.UTC(2035, 11, 1) - FROM

/**
 * `count` top-up refund inputs drawn from `random`: EUR top-ups of up to
 * 500.00 by card between 2020 and 2035, each asked about by email within 60
 * hours (so some in the window and some late), evaluated a minute later.
 */
export function randomTopUpInputs(random: () => number, count: number): TopUpRefundInput[] {
  const cents = (max: number) => (Math.floor(random() * max * 100) / 100).toFixed(2)
  return Array.from({ length: count }, (_, i) => {
    const creditedAt = FROM + Math.floor(random() * SPAN)
    const receivedAt = creditedAt + Math.floor(random() * 60 * 3_600_000)
    const amount = cents(500)
    return {
      topUp: {
        id: `t${i}`,
        amount: { amount, currency: 'EUR' },
        creditedAt: new Date(creditedAt).toISOString(),
        method: 'card',
      },
      account: {
        id: `a${i}`,
        balance: { amount: cents(Number(amount)), currency: 'EUR' },
        lastActivityAt: new Date(receivedAt).toISOString(),
      },
      request: { receivedAt: new Date(receivedAt).toISOString(), channel: 'email' },
      now: new Date(receivedAt + 60_000).toISOString(),
    }
  })
}
