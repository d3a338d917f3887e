import { describe, expect, it } from 'vitest'
import { evaluateTopUpRefund } from '../../src/clauses/top-up-refund.js'
import { RefundRulesError } from '../../src/errors.js'
import { ctrGroupPolicy } from '../../src/policy/presets.js'
import { createPolicy, type PolicyOptions } from '../../src/policy/settings.js'
import { MAX_BUSINESS_DAYS } from '../../src/time/calendar.js'
import { errorOf } from '../support/errors.js'

/** The published policy, as SPEC §3 writes it. */
const SPEC_DEFAULTS = {
  id: 'ctr-group',
  version: '1',
  topUpRefundWindowHours: 48,
  orderCancellationWindowHours: 48,
  orderCancellationAnchor: 'top-up',
  cancellationStatusChangeHours: 48,
  refundBusinessDays: 5,
  inactivityMonths: 12,
  writtenChannels: ['email', 'letter'],
  clockSkewSeconds: 0,
  termination: { settlement: 'manual-review', payoutBusinessDays: null },
  calendar: {
    timeZone: 'Europe/London',
    weekend: [6, 0],
    holidays: { country: 'GB', state: 'ENG', types: ['public', 'bank'] },
    closedDates: [],
    openDates: [],
    cutoff: null,
  },
  fees: { rounding: 'half-up', methods: {} },
  contacts: { refunds: 'refund@ctr.group', general: 'info@ctr.group', support: 'support@ctr.group' },
  currencies: {},
}

function issues(options: unknown): string[] {
  try {
    createPolicy(options as PolicyOptions)
  } catch (error) {
    expect(error).toBeInstanceOf(RefundRulesError)
    return (error as RefundRulesError).issues.map((i) => `${i.code} ${i.path}`)
  }
  throw new Error(`expected ${JSON.stringify(options)} to be rejected`)
}

function isDeepFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true
  return Object.isFrozen(value) && Object.values(value).every(isDeepFrozen)
}

const eur = (amount: string) => ({ amount, currency: 'EUR' })
const input = {
  topUp: { id: 't1', amount: eur('100.00'), creditedAt: '2026-11-20T10:00:00Z', method: 'card' },
  account: { id: 'a1', balance: eur('100.00'), lastActivityAt: '2026-11-20T10:00:00Z' },
  request: { receivedAt: '2026-11-20T16:30:00Z', channel: 'web-form' },
  now: '2026-11-20T16:30:00Z',
}

describe('createPolicy: defaults (SPEC §3)', () => {
  it('fills every default from the published policy', () => {
    expect(JSON.parse(JSON.stringify(createPolicy()))).toEqual(SPEC_DEFAULTS)
    expect(JSON.parse(JSON.stringify(createPolicy({})))).toEqual(SPEC_DEFAULTS)
    expect(JSON.parse(JSON.stringify(ctrGroupPolicy))).toEqual(SPEC_DEFAULTS)
  })

  it('deep-freezes the result', () => {
    const policy = createPolicy({ fees: { methods: { card: { percent: '2.9', fixed: { EUR: '0.30' } } } } })
    expect(isDeepFrozen(policy)).toBe(true)
    expect(isDeepFrozen(ctrGroupPolicy)).toBe(true)
    expect(() => {
      ;(policy.writtenChannels as string[]).push('phone')
    }).toThrow(TypeError)
  })

  it('keeps the given settings and the defaults of the rest', () => {
    const policy = createPolicy({
      refundBusinessDays: 3,
      termination: { settlement: 'automatic' },
      contacts: { general: 'hi@x.org' },
    })
    expect(policy.refundBusinessDays).toBe(3)
    expect(policy.termination).toEqual({ settlement: 'automatic', payoutBusinessDays: null })
    expect(policy.contacts).toEqual({ refunds: 'refund@ctr.group', general: 'hi@x.org', support: 'support@ctr.group' })
    expect(policy.topUpRefundWindowHours).toBe(48)
  })

  it('removes duplicate written channels', () => {
    expect(createPolicy({ writtenChannels: ['email', 'email', 'fax'] }).writtenChannels).toEqual(['email', 'fax'])
  })

  it('returns a policy it made as it is', () => {
    const policy = createPolicy({ id: 'x' })
    expect(createPolicy(policy)).toBe(policy)
  })
})

describe('createPolicy: validation (INVALID_POLICY with the path of the bad setting)', () => {
  const cases: [PolicyOptions | Record<string, unknown>, string][] = [
    [{ id: '' }, 'id'],
    [{ version: 3 }, 'version'],
    [{ topUpRefundWindowHours: -1 }, 'topUpRefundWindowHours'],
    [{ topUpRefundWindowHours: Number.POSITIVE_INFINITY }, 'topUpRefundWindowHours'],
    [{ topUpRefundWindowHours: 1e9 }, 'topUpRefundWindowHours'],
    [{ orderCancellationWindowHours: '48' }, 'orderCancellationWindowHours'],
    [{ orderCancellationAnchor: 'placed' }, 'orderCancellationAnchor'],
    [{ cancellationStatusChangeHours: Number.NaN }, 'cancellationStatusChangeHours'],
    [{ refundBusinessDays: 1.5 }, 'refundBusinessDays'],
    [{ refundBusinessDays: -1 }, 'refundBusinessDays'],
    [{ inactivityMonths: 0 }, 'inactivityMonths'],
    [{ inactivityMonths: 12.5 }, 'inactivityMonths'],
    [{ writtenChannels: 'email' }, 'writtenChannels'],
    [{ writtenChannels: [''] }, 'writtenChannels[0]'],
    [{ termination: 5 }, 'termination'],
    [{ termination: { settlement: 'auto' } }, 'termination.settlement'],
    [{ termination: { payoutBusinessDays: 2.5 } }, 'termination.payoutBusinessDays'],
    [{ termination: { reviewer: 'bob' } }, 'termination.reviewer'],
    [{ calendar: { timeZone: 'Mars/Olympus' } }, 'calendar.timeZone'],
    [{ calendar: { timeZone: 'UTC', cutoff: '9:00' } }, 'calendar.cutoff'],
    [{ calendar: { timeZone: 'UTC', cutoff: '24:00' } }, 'calendar.cutoff'],
    [{ calendar: { timeZone: 'UTC', weekend: [7] } }, 'calendar.weekend'],
    [{ calendar: { timeZone: 'UTC', holidays: { country: 'XX' } } }, 'calendar.holidays.country'],
    [{ calendar: { timeZone: 'UTC', closedDates: ['2026-02-30'] } }, 'calendar.closedDates[0]'],
    [{ fees: { rounding: 'nearest' } }, 'fees.rounding'],
    [{ fees: { methods: { card: { percent: '101' } } } }, 'fees.methods.card.percent'],
    [{ fees: { methods: { card: { percent: '-1' } } } }, 'fees.methods.card.percent'],
    [{ fees: { default: { fixed: { EUR: '0.001' } } } }, 'fees.default.fixed.EUR'],
    [{ contacts: { refunds: '' } }, 'contacts.refunds'],
    [{ contacts: { phone: '+44' } }, 'contacts.phone'],
    [{ bogus: 1 }, 'bogus'],
    [{ clockSkewSeconds: -1 }, 'clockSkewSeconds'],
    [{ clockSkewSeconds: 1.5 }, 'clockSkewSeconds'],
    [{ clockSkewSeconds: '60' }, 'clockSkewSeconds'],
    [{ clockSkewSeconds: Number.NaN }, 'clockSkewSeconds'],
  ]

  it.each(cases)('rejects %j at its path', (options, path) => {
    expect(issues(options)).toEqual([`INVALID_POLICY ${path}`])
  })

  it('rejects options that are not an object', () => {
    for (const options of [null, [], 'ctr-group', 5]) expect(issues(options)).toEqual(['INVALID_POLICY policy'])
  })

  it('reports every issue at once', () => {
    const found = issues({
      topUpRefundWindowHours: -1,
      inactivityMonths: 0,
      writtenChannels: 'email',
      termination: { settlement: 'auto' },
      calendar: { timeZone: 'X/Y', cutoff: 'noon' },
      fees: { rounding: 'x' },
      contacts: { refunds: '' },
    })
    expect([...found].sort()).toEqual(
      [
        'INVALID_POLICY topUpRefundWindowHours',
        'INVALID_POLICY inactivityMonths',
        'INVALID_POLICY writtenChannels',
        'INVALID_POLICY termination.settlement',
        'INVALID_POLICY calendar.timeZone',
        'INVALID_POLICY calendar.cutoff',
        'INVALID_POLICY fees.rounding',
        'INVALID_POLICY contacts.refunds',
      ].sort(),
    )
  })

  it('accepts the edge values', () => {
    const policy = createPolicy({
      topUpRefundWindowHours: 0,
      refundBusinessDays: 0,
      inactivityMonths: 1,
      writtenChannels: [],
      termination: { payoutBusinessDays: 0 },
      calendar: { timeZone: 'UTC', cutoff: '23:59', holidays: false },
    })
    expect([policy.topUpRefundWindowHours, policy.refundBusinessDays, policy.termination.payoutBusinessDays]).toEqual([
      0, 0, 0,
    ])
  })
})

describe('createPolicy: policies as data', () => {
  it('works the same when read back from JSON', () => {
    const policy = createPolicy({
      writtenChannels: ['web-form'],
      calendar: { timeZone: 'Europe/Berlin', holidays: { country: 'DE', state: 'BE' }, cutoff: '16:00' },
      fees: { rounding: 'half-even', methods: { card: { percent: '2.9', fixed: { EUR: '0.30' } } } },
    })
    const revived = JSON.parse(JSON.stringify(policy))
    expect(revived).toEqual(JSON.parse(JSON.stringify(createPolicy(revived))))
    const direct = evaluateTopUpRefund(input, policy)
    expect(evaluateTopUpRefund(input, revived)).toEqual(direct)
    // 16:30 UTC is 17:30 in Berlin, after the cutoff: the clock starts Mon 23 Nov; 2.9 % of 100 + 0.30.
    expect([direct.outcome, direct.dates.refundDueDate, direct.amounts?.net]).toEqual([
      'approved',
      '2026-11-30',
      '96.80',
    ])
  })

  it('validates plain options passed straight to an evaluation', () => {
    expect(() => evaluateTopUpRefund(input, { refundBusinessDays: -5 })).toThrow(RefundRulesError)
    expect(evaluateTopUpRefund(input, { writtenChannels: ['web-form'] }).outcome).toBe('approved')
  })

  it('merges a calendar over the published one: a zone and a cutoff keep the bank holidays', () => {
    const policy = createPolicy({ calendar: { timeZone: 'Europe/London', cutoff: '16:00' } })
    expect(policy.calendar).toEqual({ ...SPEC_DEFAULTS.calendar, cutoff: '16:00' })
    const christmas = {
      ...input,
      topUp: { ...input.topUp, creditedAt: '2026-12-22T10:00:00Z' },
      account: { ...input.account, lastActivityAt: '2026-12-22T10:00:00Z' },
      request: { receivedAt: '2026-12-22T10:00:00Z', channel: 'email' },
      now: '2026-12-22T10:00:00Z',
    }
    // Tue 22 Dec + 5 business days, skipping 25 and 28 Dec (Christmas, Boxing Day substitute) and the weekend.
    expect(evaluateTopUpRefund(christmas, policy).dates.refundDueDate).toBe('2026-12-31')
    // `holidays: false` removes them: 23, 24, 25, 28, 29 Dec.
    expect(evaluateTopUpRefund(christmas, { calendar: { holidays: false } }).dates.refundDueDate).toBe('2026-12-29')
  })

  it('merges holidays key by key; a country brings its own state and region', () => {
    const holidays = (options: PolicyOptions) => createPolicy(options).calendar.holidays
    expect(holidays({ calendar: { holidays: { types: ['public'] } } })).toEqual({
      country: 'GB',
      state: 'ENG',
      types: ['public'],
    })
    expect(holidays({ calendar: { holidays: { state: 'SCT' } } })).toEqual({
      country: 'GB',
      state: 'SCT',
      types: ['public', 'bank'],
    })
    expect(holidays({ calendar: { holidays: { country: 'DE' } } })).toEqual({
      country: 'DE',
      types: ['public', 'bank'],
    })
    expect(holidays({ calendar: { holidays: false } })).toBe(false)
  })

  it('merges termination, contacts, fees and currencies key by key; arrays and scalars replace', () => {
    const policy = createPolicy({
      termination: { payoutBusinessDays: 10 },
      contacts: { support: 'help@x.org' },
      fees: { rounding: 'down' },
      currencies: { HUF: { minorUnits: 0 } },
      calendar: { weekend: [5] },
      writtenChannels: ['fax'],
    })
    expect(policy.termination).toEqual({ settlement: 'manual-review', payoutBusinessDays: 10 })
    expect(policy.contacts).toEqual({ ...SPEC_DEFAULTS.contacts, support: 'help@x.org' })
    expect(policy.fees).toEqual({ rounding: 'down', methods: {} })
    expect(policy.currencies).toEqual({ HUF: { minorUnits: 0 } })
    expect(policy.calendar.weekend).toEqual([5])
    expect(policy.writtenChannels).toEqual(['fax'])
  })
})

describe('createPolicy: what each rejection says', () => {
  /** The only issue of the rejection of `options`, and the error's own message. */
  function rejection(options: unknown) {
    const error = errorOf(() => createPolicy(options as PolicyOptions))
    expect(error.issues).toHaveLength(1)
    expect([error.code, error.path]).toEqual([error.issues[0]?.code, error.issues[0]?.path])
    expect(error.message).toBe(`${error.issues[0]?.path}: ${error.issues[0]?.message}`)
    return error.issues[0]
  }
  const issue = (path: string, message: string) => ({ code: 'INVALID_POLICY', path, message })

  it.each<[string, unknown, string, string]>([
    // [case, options, path, the received value as the message describes it]
    ['null', null, 'policy', 'null'],
    ['an array', [], 'policy', 'an array of 0'],
    ['a string', 'ctr-group', 'policy', '"ctr-group"'],
    ['a number', 5, 'policy', '5'],
    ['an unknown setting', { bogus: 1 }, 'bogus', '1'],
    ['an unknown setting with an odd name', { 'odd key': true }, '["odd key"]', 'true'],
    ['an empty id', { id: '' }, 'id', '""'],
    ['a version that is a number', { version: 3 }, 'version', '3'],
    ['an id that is an array', { id: ['ctr'] }, 'id', 'an array of 1'],
    ['a negative window', { topUpRefundWindowHours: -1 }, 'topUpRefundWindowHours', '-1'],
    ['a window of a string', { orderCancellationWindowHours: '48' }, 'orderCancellationWindowHours', '"48"'],
    ['an unknown anchor', { orderCancellationAnchor: 'placed' }, 'orderCancellationAnchor', '"placed"'],
    ['a fractional day count', { refundBusinessDays: 1.5 }, 'refundBusinessDays', '1.5'],
    ['zero inactivity months', { inactivityMonths: 0 }, 'inactivityMonths', '0'],
    ['channels that are a string', { writtenChannels: 'email' }, 'writtenChannels', '"email"'],
    ['a channel that is not a string', { writtenChannels: [['email']] }, 'writtenChannels[0]', 'an array of 1'],
    ['a termination of a number', { termination: 5 }, 'termination', '5'],
    ['a null termination', { termination: null }, 'termination', 'null'],
    ['a termination that is an array', { termination: [] }, 'termination', 'an array of 0'],
    ['contacts that are a string', { contacts: 'me' }, 'contacts', '"me"'],
    ['an unknown settlement', { termination: { settlement: 'auto' } }, 'termination.settlement', '"auto"'],
    [
      'a fractional payout day count',
      { termination: { payoutBusinessDays: 2.5 } },
      'termination.payoutBusinessDays',
      '2.5',
    ],
    ['an unknown termination setting', { termination: { reviewer: 'bob' } }, 'termination.reviewer', '"bob"'],
    ['an unknown contact', { contacts: { phone: '+44' } }, 'contacts.phone', 'is not a contact, received "+44"'],
    ['an empty contact', { contacts: { refunds: '' } }, 'contacts.refunds', '""'],
  ])('%s', (_, options, path, received) => {
    const found = rejection(options)
    expect([found?.code, found?.path]).toEqual(['INVALID_POLICY', path])
    expect(found?.message).toContain(received)
  })

  it('lists several problems in reading order, the first giving the code and path', () => {
    const error = errorOf(() => createPolicy({ id: '', bogus: 1, termination: { reviewer: 'bob' } } as PolicyOptions))
    expect([error.code, error.path]).toEqual(['INVALID_POLICY', 'bogus'])
    expect(error.message).toBe(
      '3 problems: bogus: is not a policy setting, received 1; ' +
        'termination.reviewer: is not a termination setting, received "bob"; ' +
        'id: expected a non-empty string, received ""',
    )
  })

  it('cuts a long received value short', () => {
    expect(rejection({ id: 'x'.repeat(201) })).toEqual(
      issue('id', `expected a non-empty string, received "${'x'.repeat(60)}…" (201 characters)`),
    )
  })

  it('calls options it cannot read a bad policy, naming only what was thrown', () => {
    const revocable = Proxy.revocable({}, {})
    revocable.revoke()
    const throwing = (thrown: unknown) =>
      new Proxy(
        {},
        {
          get() {
            throw thrown
          },
        },
      )
    expect(rejection(revocable.proxy)).toEqual(issue('policy', 'could not be read: TypeError'))
    // Only own properties are settings (SPEC §1): a proxy over an empty object has none, so it reads as `{}`;
    // one over a setting that throws when read is that setting's problem.
    expect(createPolicy(throwing('secret') as PolicyOptions)).toEqual(createPolicy())
    const overId = (thrown: unknown) =>
      new Proxy(
        { id: 'x' },
        {
          get() {
            throw thrown
          },
        },
      )
    expect(rejection(overId('secret'))).toEqual(issue('id', 'could not be read (its getter threw)'))
    expect(rejection(overId(new SyntaxError('secret')))).toEqual(issue('id', 'could not be read (its getter threw)'))
    const overCutoff = (thrown: unknown) =>
      new Proxy(
        { cutoff: '16:00' },
        {
          get() {
            throw thrown
          },
        },
      )
    const keyless = (thrown: unknown) =>
      new Proxy(
        {},
        {
          ownKeys() {
            throw thrown
          },
        },
      )
    // The calendar reads its own options the same way: a getter that throws is that option's problem.
    expect(rejection({ calendar: overCutoff(new RangeError('secret')) })).toEqual(
      issue('calendar.cutoff', 'could not be read (its getter threw)'),
    )
    // A proxy that cannot even list its keys is an unreadable policy, named as such.
    expect(rejection({ fees: keyless(new RangeError('secret')) })).toEqual(
      issue('policy', 'could not be read: RangeError'),
    )
    expect(rejection({ fees: keyless('secret') })).toEqual(issue('policy', 'could not be read: a non-error was thrown'))
  })
})

describe('createPolicy: the limits are inclusive', () => {
  const MAX_HOURS = 100 * 366 * 24

  it('accepts each limit', () => {
    const atLimits = {
      id: 'i'.repeat(200),
      version: 'v'.repeat(200),
      topUpRefundWindowHours: MAX_HOURS,
      orderCancellationWindowHours: MAX_HOURS,
      cancellationStatusChangeHours: MAX_HOURS,
      refundBusinessDays: MAX_BUSINESS_DAYS,
      inactivityMonths: 10_000,
      writtenChannels: Array.from({ length: 100 }, (_, i) => `${i}`.padEnd(100, 'c')),
      termination: { payoutBusinessDays: MAX_BUSINESS_DAYS },
      contacts: { refunds: 'r'.repeat(200) },
      clockSkewSeconds: 3600,
    }
    expect(createPolicy(atLimits)).toMatchObject(atLimits)
  })

  it.each<[PolicyOptions, string]>([
    [{ id: 'i'.repeat(201) }, 'id'],
    [{ version: 'v'.repeat(201) }, 'version'],
    [{ topUpRefundWindowHours: MAX_HOURS + 1 }, 'topUpRefundWindowHours'],
    [{ orderCancellationWindowHours: MAX_HOURS + 0.5 }, 'orderCancellationWindowHours'],
    [{ refundBusinessDays: MAX_BUSINESS_DAYS + 1 }, 'refundBusinessDays'],
    [{ inactivityMonths: 10_001 }, 'inactivityMonths'],
    [{ writtenChannels: ['email', 'c'.repeat(101)] }, 'writtenChannels[1]'],
    [{ writtenChannels: Array.from({ length: 101 }, (_, i) => `c${i}`) }, 'writtenChannels'],
    [{ termination: { payoutBusinessDays: MAX_BUSINESS_DAYS + 1 } }, 'termination.payoutBusinessDays'],
    [{ contacts: { support: 's'.repeat(201) } }, 'contacts.support'],
    [{ clockSkewSeconds: 3601 }, 'clockSkewSeconds'],
  ])('rejects one beyond: %j', (options, path) => {
    expect(issues(options)).toEqual([`INVALID_POLICY ${path}`])
  })
})
