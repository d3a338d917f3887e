/**
 * How settings are read (SPEC §1, §3): own properties only, every unknown key
 * refused at any depth, lists copied once with their length checked before
 * any element is read, and a bounded error however bad the options.
 */
import { describe, expect, it } from 'vitest'
import { evaluateTopUpRefund } from '../../src/clauses/top-up-refund.js'
import { MAX_ISSUES } from '../../src/errors.js'
import { ctrGroupPolicy } from '../../src/policy/presets.js'
import { createPolicy, type PolicyOptions } from '../../src/policy/settings.js'
import { createBusinessCalendar, MAX_CALENDAR_DATES } from '../../src/time/calendar.js'
import { errorOf } from '../support/errors.js'

const create = (options: unknown) => createPolicy(options as PolicyOptions)
const paths = (options: unknown) => errorOf(() => create(options)).issues.map((i) => `${i.code} ${i.path}`)

/** An array that claims 2^32 − 1 elements without holding any. */
function hugeArray(): unknown[] {
  const a: unknown[] = []
  a.length = 2 ** 32 - 1
  return a
}

/** A proxy over an array that claims 2^32 − 1 elements; counts the elements read. */
function lyingArray() {
  const reads = { count: 0 }
  const proxy = new Proxy([], {
    get(target, key) {
      if (key === 'length') return 2 ** 32 - 1
      if (typeof key === 'string' && /^\d+$/.test(key)) reads.count++
      return Reflect.get(target, key)
    },
  })
  return { proxy, reads }
}

describe('unknown keys at every depth are INVALID_POLICY (a typo is never ignored)', () => {
  it.each<[unknown, string]>([
    [{ weekends: [5, 6] }, 'weekends'],
    [{ calendar: { timeZone: 'Europe/London', cutof: '16:00' } }, 'calendar.cutof'],
    [{ calendar: { weekends: [5, 6] } }, 'calendar.weekends'],
    [{ calendar: { holidays: { country: 'DE', stat: 'BY' } } }, 'calendar.holidays.stat'],
    [{ termination: { payout: 3 } }, 'termination.payout'],
    [{ contacts: { refund: 'r@x.org' } }, 'contacts.refund'],
    [{ fees: { method: {} } }, 'fees.method'],
    [{ fees: { methods: { card: { pct: '1' } } } }, 'fees.methods.card.pct'],
    [{ currencies: { HUF: { minorUnit: 0 } } }, 'currencies.HUF.minorUnit'],
  ])('%j', (options, path) => {
    expect(paths(options)).toContain(`INVALID_POLICY ${path}`)
  })
})

describe('lists are copied once; holes and changing elements cannot pass', () => {
  it.each<[unknown, string]>([
    // biome-ignore lint/suspicious/noSparseArray: the hole is the case
    [{ writtenChannels: [, 'email'] }, 'writtenChannels[0]'],
    // biome-ignore lint/suspicious/noSparseArray: the hole is the case
    [{ calendar: { weekend: [6, , 0] } }, 'calendar.weekend[1]'],
    // biome-ignore lint/suspicious/noSparseArray: the hole is the case
    [{ calendar: { closedDates: [, '2026-12-24'] } }, 'calendar.closedDates[0]'],
    // biome-ignore lint/suspicious/noSparseArray: the hole is the case
    [{ calendar: { openDates: ['2026-12-26', ,] } }, 'calendar.openDates[1]'],
    // biome-ignore lint/suspicious/noSparseArray: the hole is the case
    [{ calendar: { holidays: { types: [, 'public'] } } }, 'calendar.holidays.types[0]'],
  ])('a hole is refused, not read through the prototype: %j', (options, path) => {
    expect(paths(options)).toEqual([`INVALID_POLICY ${path}`])
  })

  it('a hole is refused even when Array.prototype has a value at that index', () => {
    Object.defineProperty(Array.prototype, 0, { value: 'email', configurable: true, writable: true })
    try {
      // biome-ignore lint/suspicious/noSparseArray: the hole is the case
      expect(paths({ writtenChannels: [, 'letter'] })).toEqual(['INVALID_POLICY writtenChannels[0]'])
    } finally {
      delete (Array.prototype as unknown as Record<number, unknown>)[0]
    }
  })

  it('reads each element once: a getter that changes its answer leaves the value it was checked as', () => {
    let reads = 0
    const channels: unknown[] = ['letter']
    Object.defineProperty(channels, 0, { enumerable: true, get: () => (reads++ === 0 ? 'email' : 42) })
    const policy = create({ writtenChannels: channels })
    expect(policy.writtenChannels).toEqual(['email'])
    expect(reads).toBe(1)
    // The policy is data again: it survives a JSON round trip and is valid input.
    expect(create(JSON.parse(JSON.stringify(policy))).writtenChannels).toEqual(['email'])
  })

  it("never freezes the caller's objects, and later changes to them do not reach the policy", () => {
    const options = {
      writtenChannels: ['email'],
      termination: { settlement: 'automatic' as const },
      calendar: {
        weekend: [5, 6],
        closedDates: ['2026-12-24'],
        holidays: { country: 'DE', types: ['public' as const] },
      },
      fees: { methods: { card: { percent: '1', fixed: { EUR: '0.10' } } } },
      currencies: { HUF: { minorUnits: 0 } },
    }
    const policy = createPolicy(options)
    const objects = [
      options,
      options.writtenChannels,
      options.termination,
      options.calendar,
      options.calendar.weekend,
      options.calendar.closedDates,
      options.calendar.holidays,
      options.calendar.holidays.types,
      options.fees,
      options.fees.methods.card,
      options.fees.methods.card.fixed,
      options.currencies,
      options.currencies.HUF,
    ]
    expect(objects.filter((o) => Object.isFrozen(o))).toEqual([])
    options.writtenChannels.push('fax')
    options.calendar.weekend.push(0)
    options.calendar.holidays.types.push('bank' as never)
    options.fees.methods.card.fixed.EUR = '9.99'
    options.currencies.HUF.minorUnits = 2
    expect(policy.writtenChannels).toEqual(['email'])
    expect(policy.calendar.weekend).toEqual([5, 6])
    expect(policy.calendar.holidays).toMatchObject({ types: ['public'] })
    expect(policy.fees.methods.card?.fixed).toEqual({ EUR: '0.10' })
    expect(policy.currencies.HUF).toEqual({ minorUnits: 0 })
  })
})

describe('lengths are checked before any element is read', () => {
  it.each<[string, (list: unknown) => unknown]>([
    ['writtenChannels', (list) => ({ writtenChannels: list })],
    ['calendar.weekend', (list) => ({ calendar: { weekend: list } })],
    ['calendar.closedDates', (list) => ({ calendar: { closedDates: list } })],
    ['calendar.openDates', (list) => ({ calendar: { openDates: list } })],
    ['calendar.holidays.types', (list) => ({ calendar: { holidays: { types: list } } })],
  ])('%s: an array of 2^32 − 1 and a proxy claiming that length are refused without reading an element', (path, at) => {
    expect(paths(at(hugeArray()))).toEqual([`INVALID_POLICY ${path}`])
    const { proxy, reads } = lyingArray()
    expect(paths(at(proxy))).toEqual([`INVALID_POLICY ${path}`])
    expect(reads.count).toBe(0)
  })

  it(`takes at most ${MAX_CALENDAR_DATES} closed or open dates; a million bad ones are one issue`, () => {
    const dates = (n: number) => Array.from({ length: n }, (_, i) => `2027-${String((i % 12) + 1).padStart(2, '0')}-01`)
    expect(create({ calendar: { closedDates: dates(MAX_CALENDAR_DATES) } }).calendar.closedDates).toHaveLength(12)
    expect(paths({ calendar: { closedDates: dates(MAX_CALENDAR_DATES + 1) } })).toEqual([
      'INVALID_POLICY calendar.closedDates',
    ])
    const million = errorOf(() => create({ calendar: { closedDates: new Array(1_000_000).fill('bad') } }))
    expect([million.issues.length, million.omittedIssues, million.path]).toEqual([1, 0, 'calendar.closedDates'])
  })

  it(`keeps ${MAX_ISSUES} issues and counts the rest: bad dates and unknown keys`, () => {
    const bad = errorOf(() => create({ calendar: { closedDates: new Array(MAX_CALENDAR_DATES).fill('bad') } }))
    expect([bad.issues.length, bad.issues.length + bad.omittedIssues]).toEqual([MAX_ISSUES, MAX_CALENDAR_DATES])
    const keys = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`unknown${i}`, i]))
    const unknown = errorOf(() => create(keys))
    expect([unknown.issues.length, unknown.omittedIssues]).toEqual([MAX_ISSUES, 50_000 - MAX_ISSUES])
    expect(unknown.message.length).toBeLessThan(40_000)
    // The same inside the calendar, the holidays and a fee rule.
    const inside = (at: (many: object) => unknown) => {
      const error = errorOf(() => create(at(keys)))
      return [error.issues.length, error.issues.length + error.omittedIssues]
    }
    expect(inside((many) => ({ calendar: many }))).toEqual([MAX_ISSUES, 50_000])
    expect(inside((many) => ({ calendar: { holidays: many } }))).toEqual([MAX_ISSUES, 50_000])
    expect(inside((many) => ({ fees: { default: many } }))).toEqual([MAX_ISSUES, 50_000])
  })
})

describe('the calendar never throws anything but RefundRulesError', () => {
  const revoked = () => {
    const r = Proxy.revocable({}, {})
    r.revoke()
    return r.proxy
  }

  it('options with a throwing getter or a revoked proxy are INVALID_POLICY at their path', () => {
    const throwing = {
      get timeZone(): string {
        throw new TypeError('secret')
      },
    }
    const fromGetter = errorOf(() => createBusinessCalendar(throwing))
    expect([fromGetter.code, fromGetter.path, fromGetter.message]).toEqual([
      'INVALID_POLICY',
      'timeZone',
      'timeZone: could not be read (its getter threw)',
    ])
    const fromRevoked = errorOf(() => createBusinessCalendar(revoked() as never))
    expect([fromRevoked.code, fromRevoked.path]).toEqual(['INVALID_POLICY', 'options'])
  })

  it('each method turns a hostile argument into INVALID_INPUT at that argument', () => {
    const calendar = createBusinessCalendar({ timeZone: 'Europe/London' })
    const hostile = revoked() as never
    const calls: [string, () => unknown][] = [
      ['date', () => calendar.isBusinessDay(hostile)],
      ['date', () => calendar.nextBusinessDay(hostile)],
      ['date', () => calendar.addBusinessDays(hostile, 1)],
      ['a', () => calendar.businessDaysBetween(hostile, '2026-01-01')],
      ['instant', () => calendar.localDate(hostile)],
      ['date', () => calendar.endOfDay(hostile)],
      ['start', () => calendar.refundDueDate(hostile, 5)],
    ]
    for (const [path, call] of calls) {
      const error = errorOf(call)
      expect(error.path).toBe(path)
      expect(['INVALID_INPUT', 'INVALID_DATE', 'INVALID_INSTANT']).toContain(error.code)
    }
  })

  it('a year date-holidays cannot compute (the Jalaali calendar in 3798) is OUT_OF_RANGE at the holidays', () => {
    const calendar = createBusinessCalendar({ timeZone: 'Asia/Tehran', holidays: { country: 'IR' } })
    expect(calendar.isBusinessDay('2026-03-21')).toBe(false)
    const error = errorOf(() => calendar.isBusinessDay('3798-03-21'))
    expect([error.code, error.path]).toEqual(['OUT_OF_RANGE', 'holidays'])
    expect(error.message).toContain('IR holidays of 3798')
  })

  it('as a policy, that year never turns a valid input into INVALID_INPUT at input', () => {
    const policy = createPolicy({ calendar: { timeZone: 'Asia/Tehran', holidays: { country: 'IR' } } })
    const at = '3798-03-20T06:00:00Z'
    const eur = { amount: '10.00', currency: 'EUR' }
    const input = {
      topUp: { id: 't', amount: eur, creditedAt: at, method: 'card' },
      account: { id: 'a', balance: eur, lastActivityAt: at },
      request: { receivedAt: at, channel: 'email' },
      now: at,
    }
    const error = errorOf(() => evaluateTopUpRefund(input, policy))
    expect([error.code, error.path]).toEqual(['OUT_OF_RANGE', 'calendar.holidays'])
  })
})

describe('settings are own properties only', () => {
  /** Every setting name at every depth. */
  const NAMES = [
    ...Object.keys(ctrGroupPolicy),
    ...Object.keys(ctrGroupPolicy.termination),
    ...Object.keys(ctrGroupPolicy.calendar),
    'country',
    'state',
    'region',
    'types',
    'rounding',
    'default',
    'methods',
    'percent',
    'fixed',
    'min',
    'max',
    ...Object.keys(ctrGroupPolicy.contacts),
    'minorUnits',
    'EUR',
    'card',
  ]
  // A value for each that would change a policy if it were read: every one a wrong type or a different setting.
  const HOSTILE: Record<string, unknown> = {
    default: { percent: '100' },
    fees: { default: { percent: '100' } },
    holidays: false,
    weekend: [0, 1, 2, 3, 4, 5],
    writtenChannels: ['carrier-pigeon'],
    timeZone: 'Asia/Tokyo',
    cutoff: '09:00',
    currencies: { EUR: { minorUnits: 0 } },
  }

  it('a policy is unchanged when Object.prototype carries every setting name', () => {
    const options: PolicyOptions = {
      calendar: { holidays: { country: 'DE' } },
      fees: { methods: { card: { percent: '2.9' } } },
      termination: {},
      contacts: {},
      currencies: { HUF: { minorUnits: 0 } },
    }
    const clean = [JSON.stringify(createPolicy()), JSON.stringify(createPolicy(options))]
    const fresh = () => [JSON.stringify(createPolicy({})), JSON.stringify(createPolicy(structuredClone(options)))]
    const proto = Object.prototype as Record<string, unknown>
    try {
      for (const name of new Set(NAMES)) {
        Object.defineProperty(proto, name, {
          value: HOSTILE[name] ?? 'hostile',
          configurable: true,
          writable: true,
        })
      }
      expect(fresh()).toEqual(clean)
    } finally {
      for (const name of new Set(NAMES)) delete proto[name]
    }
    expect(fresh()).toEqual(clean)
  })
})
