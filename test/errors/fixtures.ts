/**
 * Hand-written valid inputs for the error suites: every optional field is
 * present, so each one can be swapped, removed or stretched. (The fuzz suite
 * draws its valid inputs from `src/testing`; here fixed, readable values make
 * the expected path and code of each error obvious.)
 */
import { type Decision, type EvaluateInput, evaluate, RefundRulesError } from '../../src/index.js'

const eur = (amount: string) => ({ amount, currency: 'EUR' })

const account = () => ({
  id: 'a1',
  balance: eur('80.00'),
  debt: eur('5.00'),
  lastActivityAt: '2026-11-20T10:00:00Z',
  identityVerified: true,
  ownershipVerified: true,
  payoutMethod: 'card',
})

const request = () => ({
  receivedAt: '2026-11-21T09:00:00Z',
  channel: 'email',
  orderDetails: { orderId: 'o1' },
  informationRequested: { items: ['iban'], providedAt: '2026-11-21T10:00:00Z' },
})

/** One valid input per clause, fresh on every call. */
export const VALID: Readonly<Record<EvaluateInput['clause'], () => Record<string, unknown>>> = {
  'top-up-refund': () => ({
    clause: 'top-up-refund',
    topUp: {
      id: 't1',
      amount: eur('100.00'),
      creditedAt: '2026-11-20T10:00:00Z',
      method: 'card',
      processingFee: eur('1.00'),
      refunded: eur('10.00'),
    },
    account: account(),
    request: request(),
    now: '2026-11-21T12:00:00Z',
  }),
  'order-cancellation': () => ({
    clause: 'order-cancellation',
    order: {
      id: 'o1',
      amount: eur('40.00'),
      placedAt: '2026-11-20T12:00:00Z',
      status: 'active',
      fundedBy: { topUpId: 't1', creditedAt: '2026-11-20T10:00:00Z', method: 'card' },
      processingFee: eur('1.00'),
      refunded: eur('10.00'),
    },
    request: request(),
    now: '2026-11-21T12:00:00Z',
  }),
  termination: () => ({ clause: 'termination', account: account(), request: request(), now: '2026-11-21T12:00:00Z' }),
  inactivity: () => ({ clause: 'inactivity', account: account(), now: '2027-11-21T12:00:00Z' }),
}

export const CLAUSES = Object.keys(VALID) as EvaluateInput['clause'][]

/** Sets (or, with `undefined` and `remove`, deletes) the field at a dotted path of a fresh copy. */
export function withPath(input: Record<string, unknown>, path: string, value: unknown, remove = false) {
  const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '')
  const copy = structuredClone(input)
  let target = copy as Record<string, unknown>
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>
  const last = keys.at(-1) as string
  if (remove) delete target[last]
  else Object.defineProperty(target, last, { value, enumerable: true, writable: true, configurable: true })
  return copy
}

/** Evaluates and returns the RefundRulesError it must throw (fails the test otherwise). */
export function errorOf(input: unknown, policy?: unknown): RefundRulesError {
  try {
    evaluate(input as EvaluateInput, policy as never)
  } catch (error) {
    if (error instanceof RefundRulesError) return error
    throw new Error(`threw ${String(error)} instead of a RefundRulesError`)
  }
  throw new Error('returned a decision instead of throwing')
}

/** Evaluates, throwing whatever the library throws. */
export function decide(input: unknown, policy?: unknown): Decision {
  return evaluate(input as EvaluateInput, policy as never)
}
