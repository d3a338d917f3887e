// `npm run demo`: a morning in the refunds queue.
//
// Nine realistic requests across all four clauses of the published CTR Group policy (48-hour windows,
// refunds within 5 business days of England, 12 months of inactivity), with a sample fee schedule —
// card 2.9 % + 0.30 EUR / 0.25 GBP (at least 0.50 EUR / 0.45 GBP), SEPA 0.35 EUR, anything else 1 % —
// evaluated through the single entry point `evaluate({ clause, ... })`. Prints each case as what was
// asked (the input, in one line) and what was decided (outcome, gross − deductions = net, the date
// that matters, the reason codes), then the full `explain()` text of two of them, every line within
// 120 columns. Every `now` is fixed, so the output never changes; the key answers are asserted, so
// `npm run test:examples` checks the demo too.
//
// `npm run demo` starts in about a second with nothing built: esbuild bundles this file with the
// sources (tsconfig `paths` maps 'refund-rules' to src/index.ts) and pipes it to node. The examples
// runner runs the same file under ts-node against the built package, as a user's copy would.
import assert from 'node:assert/strict'
import {
  createPolicy,
  type Decision,
  type DecisionAmounts,
  type EvaluateInput,
  evaluate,
  explain,
  type InstantInput,
  type MoneyInput,
} from 'refund-rules'

const policy = createPolicy({
  fees: {
    methods: {
      card: { percent: '2.9', fixed: { EUR: '0.30', GBP: '0.25' }, min: { EUR: '0.50', GBP: '0.45' } },
      sepa: { fixed: { EUR: '0.35' } },
    },
    default: { percent: '1' },
  },
})

const eur = (amount: string) => ({ amount, currency: 'EUR' })
const gbp = (amount: string) => ({ amount, currency: 'GBP' })
const jpy = (amount: string) => ({ amount, currency: 'JPY' })

const cases: { name: string; note: string; input: EvaluateInput }[] = [
  {
    name: 'TU-1',
    note: 'top-up refund asked for in time, part already spent, card fee; due after Christmas',
    input: {
      clause: 'top-up-refund',
      topUp: { id: 'tu_8YQ2M4K7RZ', amount: eur('250.00'), creditedAt: '2026-12-21T19:05:00Z', method: 'card' },
      account: { id: 'acc_51F0C9D2', balance: eur('180.40'), lastActivityAt: '2026-12-22T08:12:00Z' },
      request: { receivedAt: '2026-12-22T16:30:00Z', channel: 'email' },
      now: '2026-12-22T16:45:00Z',
    },
  },
  {
    name: 'TU-2',
    note: 'top-up refund 1 ms after the 48 hours, over the weekend BST ends',
    input: {
      clause: 'top-up-refund',
      topUp: { id: 'tu_3HV9P0W1LC', amount: eur('120.00'), creditedAt: '2026-10-23T10:00:00+01:00', method: 'sepa' },
      account: { id: 'acc_0B77E3A4', balance: eur('120.00'), lastActivityAt: '2026-10-23T09:00:00Z' },
      request: { receivedAt: '2026-10-25T09:00:00.001Z', channel: 'email' },
      now: '2026-10-25T09:30:00Z',
    },
  },
  {
    name: 'TU-3',
    note: 'top-up refund asked for by phone: it must be in writing',
    input: {
      clause: 'top-up-refund',
      topUp: { id: 'tu_Q7C2D8N5XA', amount: gbp('60.00'), creditedAt: '2026-11-26T13:20:00Z', method: 'card' },
      account: { id: 'acc_GB_3306', balance: gbp('60.00'), lastActivityAt: '2026-11-26T13:20:00Z' },
      request: { receivedAt: '2026-11-27T10:02:00Z', channel: 'phone' },
      now: '2026-11-27T10:10:00Z',
    },
  },
  {
    name: 'OC-1',
    note: 'cancellation in time, order details supplied after the window closed',
    input: {
      clause: 'order-cancellation',
      order: {
        id: 'ORD-2026-118734',
        amount: gbp('89.99'),
        placedAt: '2026-12-16T20:11:45Z',
        status: 'active',
        fundedBy: { topUpId: 'tu_K2R8B6V1MS', creditedAt: '2026-12-16T20:03:00Z', method: 'card' },
      },
      request: {
        receivedAt: '2026-12-18T09:47:00Z',
        channel: 'email',
        orderDetails: { orderId: 'ORD-2026-118734' },
        informationRequested: {
          items: ['order details from the personal account'],
          providedAt: '2026-12-21T08:05:00Z',
        },
      },
      now: '2026-12-21T08:30:00Z',
    },
  },
  {
    name: 'OC-2',
    note: 'cancellation 18 h after the order but 51 h after the top-up that funded it',
    input: {
      clause: 'order-cancellation',
      order: {
        id: 'ORD-2026-120551',
        amount: eur('35.00'),
        placedAt: '2026-12-05T18:00:00Z',
        status: 'active',
        fundedBy: { topUpId: 'tu_W4J6T9E2HF', creditedAt: '2026-12-04T09:00:00Z', method: 'sepa' },
      },
      request: { receivedAt: '2026-12-06T12:00:00Z', channel: 'email', orderDetails: { orderId: 'ORD-2026-120551' } },
      now: '2026-12-06T12:15:00Z',
    },
  },
  {
    name: 'TM-1',
    note: 'leaving with a balance and a debt, verified: a proposal for manual review',
    input: {
      clause: 'termination',
      account: {
        id: 'acc_JP_00417',
        balance: jpy('48500'),
        debt: jpy('3200'),
        lastActivityAt: '2026-11-02T03:15:00Z',
        identityVerified: true,
        ownershipVerified: true,
        payoutMethod: 'bank-transfer',
      },
      request: { receivedAt: '2026-11-24T01:30:00Z', channel: 'letter' },
      now: '2026-11-26T09:00:00Z',
    },
  },
  {
    name: 'TM-2',
    note: 'leaving owing more than the balance, not yet verified',
    input: {
      clause: 'termination',
      account: {
        id: 'acc_51F0C9D2',
        balance: eur('15.00'),
        debt: eur('22.50'),
        lastActivityAt: '2026-10-30T17:40:00Z',
        payoutMethod: 'card',
      },
      request: { receivedAt: '2026-12-01T11:00:00Z', channel: 'email' },
      now: '2026-12-01T11:05:00Z',
    },
  },
  {
    name: 'IN-1',
    note: 'last used on 29 February 2024: 12 months end on 28 February 2025',
    input: {
      clause: 'inactivity',
      account: { id: 'acc_GB_7731', balance: gbp('37.20'), debt: gbp('4.50'), lastActivityAt: '2024-02-29T14:00:00Z' },
      now: '2026-11-30T09:00:00Z',
    },
  },
  {
    name: 'IN-2',
    note: 'last used on 1 December 2025: still active on 30 November 2026',
    input: {
      clause: 'inactivity',
      account: { id: 'acc_EU_2290', balance: eur('12.00'), lastActivityAt: '2025-12-01T10:30:00Z' },
      now: '2026-11-30T09:00:00Z',
    },
  },
]

// 2026-12-22T16:30:00Z → 2026-12-22 16:30Z; seconds and milliseconds stay when they are not zero.
function instant(value: InstantInput): string {
  const iso = typeof value === 'string' ? value : new Date(value).toISOString()
  return iso.replace('T', ' ').replace(/:00(\.000)?(?=Z|[+-]\d\d:\d\d$)/, '')
}

function money(value: MoneyInput): string {
  return `${'minor' in value ? `${String(value.minor)} minor units of` : String(value.amount)} ${value.currency}`
}

/** Writes a line's instants: the date only when it differs from the previous instant's (asked lines are long). */
function timeline(): (value: InstantInput) => string {
  let previousDate = ''
  return (value) => {
    const text = instant(value)
    const date = text.slice(0, 10)
    const shown = date === previousDate ? text.slice(11) : text
    previousDate = date
    return shown
  }
}

function balanceAndDebt(balance: MoneyInput, debt: MoneyInput | null | undefined): string {
  return `balance ${money(balance)}${debt ? `, debt ${money(debt)}` : ''}`
}

/** What was asked, in one line: the snapshot's facts that the clause reads, and the request. */
function asked(input: EvaluateInput): string {
  const at = timeline()
  const facts = (() => {
    switch (input.clause) {
      case 'top-up-refund':
        return `${money(input.topUp.amount)} ${input.topUp.method} top-up ${at(input.topUp.creditedAt)}; balance ${money(input.account.balance)}`
      case 'order-cancellation': {
        const { order } = input
        return `${money(order.amount)} order ${at(order.placedAt)} (${order.fundedBy.method} top-up ${at(order.fundedBy.creditedAt)})`
      }
      case 'termination': {
        const { account } = input
        const verified = account.identityVerified && account.ownershipVerified ? 'verified' : 'not verified'
        const payout = account.payoutMethod ? `, payout by ${account.payoutMethod}` : ''
        return `${balanceAndDebt(account.balance, account.debt)}, ${verified}${payout}`
      }
      case 'inactivity':
        return `${balanceAndDebt(input.account.balance, input.account.debt)}, last used ${at(input.account.lastActivityAt)}`
    }
  })()
  if (!('request' in input)) return facts
  const { channel, receivedAt, informationRequested } = input.request
  const provided = informationRequested?.providedAt
  return `${facts}; ${channel} ${at(receivedAt)}${provided ? `, details ${at(provided)}` : ''}`
}

function amountsOf(decision: Decision): DecisionAmounts | undefined {
  return decision.clause === 'inactivity' ? decision.settlement : decision.amounts
}

/** 180.40 EUR − fee 5.53 = 174.87 EUR, with any debt left owing. */
function arithmetic(amounts: DecisionAmounts): string {
  const deductions = amounts.deductions
    .filter((d) => Number(d.amount) !== 0)
    .map((d) => ` − ${d.kind === 'debt' ? 'debt' : 'fee'} ${d.amount}`)
  const owed = amounts.outstandingDebt !== undefined && Number(amounts.outstandingDebt) !== 0
  const stillOwed = owed ? ` (${amounts.outstandingDebt} still owed)` : ''
  return `${amounts.gross} ${amounts.currency}${deductions.join('')} = ${amounts.net} ${amounts.currency}${stillOwed}`
}

function keyDate(decision: Decision): string {
  switch (decision.clause) {
    case 'inactivity':
      return decision.outcome === 'deactivated'
        ? `deactivated ${instant(decision.dates.deactivatesAt)}`
        : `deactivates ${instant(decision.dates.deactivatesAt)}`
    case 'termination':
      if (decision.dates) return `due ${decision.dates.refundDueDate}`
      if (decision.outcome === 'rejected') return 'nothing to pay'
      return decision.outcome === 'manual-review' ? 'terms set individually' : 'no due date yet'
    default:
      if (decision.dates.refundDueDate) return `due ${decision.dates.refundDueDate}`
      return decision.outcome === 'rejected'
        ? `window closed ${instant(decision.dates.windowClosesAt)}`
        : `window closes ${instant(decision.dates.windowClosesAt)}`
  }
}

const WIDTH = 120

/** Breaks a line at spaces so that none is wider than WIDTH (the explain() text has long sentences). */
function wrap(line: string, indent: string): string[] {
  const lines: string[] = []
  let current = ''
  for (const word of line.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > WIDTH) {
      lines.push(current)
      current = indent + word
    } else current = current === '' ? word : `${current} ${word}`
  }
  lines.push(current)
  return lines
}

/** Prints a line, checking that it fits a 120-column terminal. */
function say(line = ''): void {
  assert.ok(line.length <= WIDTH, `${line.length} columns: ${line}`)
  console.log(line)
}

say('refund-rules demo — CTR Group published policy, sample fee schedule')
const decisions = new Map<string, Decision>()
for (const { name, note, input } of cases) {
  const decision = evaluate(input, policy)
  decisions.set(name, decision)
  const amounts = amountsOf(decision)
  say()
  say(`${name}  ${note} (now ${instant(input.now)})`)
  say(`  asked   ${asked(input)}`)
  say(`  decided ${decision.outcome}${amounts ? `: ${arithmetic(amounts)}` : ''}, ${keyDate(decision)}`)
  say(`  because ${decision.reasons.map((r) => r.code).join(', ') || '—'}`)
}

for (const name of ['OC-1', 'TM-1']) {
  const decision = decisions.get(name)
  if (decision === undefined) continue
  say()
  say(`── ${name}: explain(decision, { policy }) `.padEnd(WIDTH, '─'))
  for (const line of explain(decision, { policy }).split('\n')) for (const part of wrap(line, '    ')) say(part)
}

// The demo's answers, checked (worked out by hand from SPEC §4 and §5).
const get = (name: string) => decisions.get(name) as Decision
const summary = (name: string) => {
  const d = get(name)
  return [d.outcome, amountsOf(d)?.net ?? null, keyDate(d)]
}
assert.deepEqual(summary('TU-1'), ['approved', '174.87', 'due 2026-12-31']) // 23, 24, 29, 30, 31 Dec
assert.deepEqual(summary('TU-2'), ['rejected', null, 'window closed 2026-10-25 09:00Z'])
assert.deepEqual(summary('TU-3'), ['needs-information', '58.01', 'window closes 2026-11-28 13:20Z'])
assert.deepEqual(get('TU-3').requirements, ['WRITTEN_REQUEST'])
assert.deepEqual(summary('OC-1'), ['approved', '87.13', 'due 2026-12-30']) // 22, 23, 24, 29, 30 Dec
assert.deepEqual(summary('OC-2'), ['rejected', null, 'window closed 2026-12-06 09:00Z'])
assert.deepEqual(summary('TM-1'), ['manual-review', '44847', 'terms set individually'])
assert.deepEqual(summary('TM-2'), ['rejected', '0.00', 'nothing to pay']) // nothing left after the debt (SPEC §5)
assert.equal(amountsOf(get('TM-2'))?.outstandingDebt, '7.50')
assert.deepEqual(summary('IN-1'), ['deactivated', '32.37', 'deactivated 2025-02-28 14:00Z'])
assert.deepEqual(
  get('IN-1').reasons.map((r) => r.code),
  ['INACTIVE_OVER_THRESHOLD', 'MONTH_END_CLAMPED'],
)
assert.deepEqual(summary('IN-2'), ['active', null, 'deactivates 2026-12-01 10:30Z'])
