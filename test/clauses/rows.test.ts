/**
 * SPEC §1 and §6: snapshots read as a database holds them. `null` is absent
 * for every optional field (SQL NULL); an id is a non-empty string or an
 * integer (SERIAL as a number, BIGSERIAL as a bigint), and a decision names
 * the ids its clause read, as strings, in `subject`.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type EvaluateInput, evaluate } from '../../src/clauses/evaluate.js'
import { evaluateInactivity } from '../../src/clauses/inactivity.js'
import { evaluateOrderCancellation } from '../../src/clauses/order-cancellation.js'
import { evaluateTermination } from '../../src/clauses/termination.js'
import { evaluateTopUpRefund } from '../../src/clauses/top-up-refund.js'
import { arbScenario } from '../../src/testing/index.js'
import { errorOf } from '../errors/fixtures.js'
import { account, order, topUp, verifiedAccount } from './fixtures.js'

const RECEIVED = '2026-11-21T09:00:00Z'
const NOW = '2026-11-21T09:05:00Z'
const email = { receivedAt: RECEIVED, channel: 'email' }

describe('null is absent for every optional field (SQL NULL)', () => {
  it('topUp.refunded: null and topUp.processingFee: null decide as if absent', () => {
    const nulls = evaluateTopUpRefund({
      topUp: { ...topUp, refunded: null, processingFee: null },
      account,
      request: email,
      now: NOW,
    })
    expect(nulls).toEqual(evaluateTopUpRefund({ topUp, account, request: email, now: NOW }))
    expect(nulls.outcome).toBe('approved')
  })

  it('debt: null, payoutMethod: null, identityVerified: null, ownershipVerified: null read as no debt, the default fee, not verified', () => {
    const d = evaluateTermination({
      account: {
        ...verifiedAccount,
        debt: null,
        payoutMethod: null,
        identityVerified: null,
        ownershipVerified: null,
      },
      request: { receivedAt: RECEIVED, channel: 'letter' },
      now: NOW,
    })
    expect(d.outcome).toBe('needs-information')
    expect(d.requirements).toEqual(['IDENTITY_VERIFICATION', 'OWNERSHIP_VERIFICATION'])
    expect(d.amounts?.deductions.map((x) => x.kind)).toEqual(['processing-fee'])
    expect(d.amounts?.net).toBe('250.00')
  })

  it('orderDetails: null is a letter without the order details', () => {
    const d = evaluateOrderCancellation({ order, request: { ...email, orderDetails: null }, now: NOW })
    expect(d.outcome).toBe('needs-information')
    expect(d.requirements).toEqual(['ORDER_DETAILS'])
  })

  it('informationRequested: null is nothing asked for; providedAt: null is not provided yet', () => {
    const none = evaluateTopUpRefund({ topUp, account, request: { ...email, informationRequested: null }, now: NOW })
    expect(none.outcome).toBe('approved')
    const pending = evaluateTopUpRefund({
      topUp,
      account,
      request: { ...email, informationRequested: { items: ['iban'], providedAt: null } },
      now: NOW,
    })
    expect(pending.outcome).toBe('needs-information')
    expect(pending.requirements).toEqual(['REQUESTED_INFORMATION'])
  })

  it('a required field that is null is still missing', () => {
    const error = errorOf({
      clause: 'top-up-refund',
      topUp: { ...topUp, amount: null },
      account,
      request: email,
      now: NOW,
    })
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([['INVALID_INPUT', 'topUp.amount']])
    expect(errorOf({ clause: 'termination', account: { ...account, id: null }, request: email, now: NOW }).path).toBe(
      'account.id',
    )
    expect(
      errorOf({
        clause: 'top-up-refund',
        topUp,
        account,
        request: { ...email, informationRequested: { items: null } },
        now: NOW,
      }).path,
    ).toBe('request.informationRequested.items')
  })
})

describe('ids: non-empty strings and integers, named as strings in subject', () => {
  it('a SERIAL id 42 and a BIGSERIAL id 9007199254740993n are accepted and named as strings', () => {
    const d = evaluateTopUpRefund({
      topUp: { ...topUp, id: 42 },
      account: { ...account, id: 9007199254740993n },
      request: email,
      now: NOW,
    })
    expect(d.outcome).toBe('approved')
    expect(d.subject).toEqual({ topUpId: '42', accountId: '9007199254740993' })
  })

  it('names only the ids its clause reads', () => {
    expect(evaluateTopUpRefund({ topUp, account, request: email, now: NOW }).subject).toEqual({
      topUpId: 't1',
      accountId: 'a1',
    })
    expect(
      evaluateOrderCancellation({ order, request: { ...email, orderDetails: { orderId: 'o1' } }, now: NOW }).subject,
    ).toEqual({ orderId: 'o1', topUpId: 't1' })
    expect(evaluateTermination({ account, request: email, now: NOW }).subject).toEqual({ accountId: 'a1' })
    expect(evaluateInactivity({ account, now: NOW }).subject).toEqual({ accountId: 'a1' })
  })

  it('the subject is frozen and survives a JSON round trip', () => {
    const d = evaluateTopUpRefund({ topUp: { ...topUp, id: 7n }, account, request: email, now: NOW })
    expect(Object.isFrozen(d.subject)).toBe(true)
    expect(JSON.parse(JSON.stringify(d))).toEqual(d)
  })

  it("'42', 42 and 42n name the same order", () => {
    const cancel = (id: string | number | bigint, quoted: string | number | bigint) =>
      evaluateOrderCancellation({
        order: { ...order, id, fundedBy: { ...order.fundedBy, topUpId: 7n } },
        request: { ...email, orderDetails: { orderId: quoted } },
        now: NOW,
      })
    for (const [id, quoted] of [
      [42, '42'],
      ['42', 42n],
      [42n, 42],
    ] as const) {
      const d = cancel(id, quoted)
      expect(d.outcome).toBe('approved')
      expect(d.subject).toEqual({ orderId: '42', topUpId: '7' })
    }
    // Digits are compared as written: '042' is another order.
    expect(cancel(42, '042').requirements).toEqual(['ORDER_DETAILS'])
  })

  it.each([
    ['an empty string', ''],
    ['a fraction', 4.2],
    ['an unsafe integer number', 2 ** 53],
    ['NaN', Number.NaN],
    ['a boolean', true],
    ['a bigint of 257 digits', 10n ** 256n],
    ['an object', { id: 1 }],
  ])('refuses %s', (_, id) => {
    const error = errorOf({ clause: 'top-up-refund', topUp: { ...topUp, id }, account, request: email, now: NOW })
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([['INVALID_INPUT', 'topUp.id']])
    expect(error.message).toContain('an id: a non-empty string')
  })

  it('accepts a negative integer, -0 (as 0) and a bigint of 256 digits', () => {
    const subjectOf = (id: number | bigint) =>
      evaluateTermination({ account: { ...account, id }, request: email, now: NOW }).subject.accountId
    expect(subjectOf(-5)).toBe('-5')
    expect(subjectOf(-0)).toBe('0')
    expect(subjectOf(10n ** 256n - 1n)).toBe('9'.repeat(256))
    expect(subjectOf(-(10n ** 256n - 1n))).toBe(`-${'9'.repeat(256)}`)
  })

  it('refuses a negative bigint of 257 digits, as its positive twin', () => {
    const error = errorOf({
      clause: 'termination',
      account: { ...account, id: -(10n ** 256n) },
      request: email,
      now: NOW,
    })
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([['INVALID_INPUT', 'account.id']])
  })
})

/** The optional fields of every snapshot and the request, by path (SPEC §1). */
const OPTIONAL_PATHS = [
  'topUp.processingFee',
  'topUp.refunded',
  'account.debt',
  'account.identityVerified',
  'account.ownershipVerified',
  'account.payoutMethod',
  'order.processingFee',
  'order.refunded',
  'request.orderDetails',
  'request.informationRequested',
  'request.informationRequested.providedAt',
] as const

/** A copy of `input` with the field at each path set to `null`, or deleted; a path whose parent is absent is skipped. */
function withFields(input: EvaluateInput, paths: readonly string[], how: 'null' | 'absent'): EvaluateInput {
  const copy = structuredClone(input) as unknown as Record<string, unknown>
  for (const path of paths) {
    const keys = path.split('.')
    let parent: unknown = copy
    for (const key of keys.slice(0, -1)) parent = (parent as Record<string, unknown> | null)?.[key]
    if (typeof parent !== 'object' || parent === null) continue
    const last = keys.at(-1) as string
    if (how === 'null') (parent as Record<string, unknown>)[last] = null
    else delete (parent as Record<string, unknown>)[last]
  }
  return copy as unknown as EvaluateInput
}

/** Scenarios of every clause in a few currencies (the kit's own edges are tested elsewhere). */
const arbBundle = arbScenario({ currency: fc.constantFrom('EUR', 'JPY', 'BHD') }).map((s) => s.bundle as EvaluateInput)

describe('properties', () => {
  it('any set of optional fields set to null — every one of them included — decides exactly as those fields absent', () => {
    fc.assert(
      fc.property(arbBundle, fc.subarray([...OPTIONAL_PATHS]), (bundle, paths) => {
        expect(evaluate(withFields(bundle, paths, 'null'))).toEqual(evaluate(withFields(bundle, paths, 'absent')))
      }),
    )
  })

  it('every optional field null at once decides as every one absent', () => {
    fc.assert(
      fc.property(arbBundle, (bundle) => {
        expect(evaluate(withFields(bundle, OPTIONAL_PATHS, 'null'))).toEqual(
          evaluate(withFields(bundle, OPTIONAL_PATHS, 'absent')),
        )
      }),
    )
  })

  /** The id fields of an input, by path; `orderDetails.orderId` names an order too. */
  const ID_PATHS = [
    ['topUp', 'id'],
    ['account', 'id'],
    ['order', 'id'],
    ['order', 'fundedBy', 'topUpId'],
    ['request', 'orderDetails', 'orderId'],
  ] as const
  type IdForm = 'string' | 'number' | 'bigint'

  /**
   * Two copies of `input` whose ids are integers: in `digits` every id is a
   * digit string, in `mixed` each id position takes its own `forms` spelling
   * (number when safe, else bigint) of the same integer. Equal ids stay equal
   * (an order's quoted id still names it), different ones stay different.
   */
  function integerIds(input: EvaluateInput, base: bigint, forms: readonly IdForm[]) {
    const digits = structuredClone(input) as unknown as Record<string, unknown>
    const mixed = structuredClone(input) as unknown as Record<string, unknown>
    const numbering = new Map<unknown, bigint>()
    ID_PATHS.forEach((path, i) => {
      const parents = [digits, mixed].map((copy) => {
        let parent: unknown = copy
        for (const key of path.slice(0, -1)) parent = (parent as Record<string, unknown> | undefined)?.[key]
        return parent as Record<string, unknown> | null | undefined
      })
      const last = path.at(-1) as string
      const [d, m] = parents
      if (d == null || m == null || d[last] === undefined) return
      const original = d[last]
      if (!numbering.has(original)) numbering.set(original, base + BigInt(numbering.size))
      const n = numbering.get(original) as bigint
      d[last] = String(n)
      const form = forms[i]
      m[last] =
        form === 'string' ? String(n) : form === 'number' && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n
    })
    return { digits: digits as unknown as EvaluateInput, mixed: mixed as unknown as EvaluateInput }
  }

  it('a string id and the same integer id decide identically, subject included', () => {
    fc.assert(
      fc.property(
        arbBundle,
        fc.oneof(fc.bigInt({ min: 0n, max: 1000n }), fc.bigInt({ min: 0n, max: 2n ** 64n })),
        fc.array(fc.constantFrom<IdForm>('string', 'number', 'bigint'), {
          minLength: ID_PATHS.length,
          maxLength: ID_PATHS.length,
        }),
        (bundle, base, forms) => {
          const { digits, mixed } = integerIds(bundle, base, forms)
          const decision = evaluate(mixed)
          expect(decision).toEqual(evaluate(digits))
          for (const id of Object.values(decision.subject)) expect(id).toMatch(/^\d+$/)
        },
      ),
    )
  })
})
