/**
 * The building blocks of every error message: how a received value is
 * described, how a path is joined, what an unreadable value is called, and
 * how issues are gathered into one RefundRulesError.
 */
import { describe, expect, it } from 'vitest'
import {
  describeReceived,
  expected,
  isRecord,
  joinPath,
  RefundRulesError,
  type RefundRulesIssue,
  refundRulesError,
  throwIssues,
  unreadable,
} from '../../src/errors.js'
import { SettingsReader } from '../../src/reader.js'
import { errorOf } from '../support/errors.js'

const revoked = () => {
  const r = Proxy.revocable({}, {})
  r.revoke()
  return r.proxy
}

class Voucher {
  constructor(readonly code: string) {}
  toString() {
    return 'never called'
  }
}

describe('describeReceived', () => {
  it.each<[string, unknown, string]>([
    ['the empty string', '', '""'],
    ['a short string', 'abc', '"abc"'],
    ['a string with quotes and a newline, JSON-escaped', 'a"b\nc', '"a\\"b\\nc"'],
    ['a string of exactly 60 characters, whole', 'y'.repeat(60), `"${'y'.repeat(60)}"`],
    ['a string of 61 characters, cut at 60', 'y'.repeat(61), `"${'y'.repeat(60)}…" (61 characters)`],
    ['a 10 000-character string, cut at 60', 'z'.repeat(10_000), `"${'z'.repeat(60)}…" (10000 characters)`],
    [
      'a long string of escapes, cut at 60 characters of the value',
      '"'.repeat(61),
      `"${'\\"'.repeat(60)}…" (61 characters)`,
    ],
    ['zero', 0, '0'],
    ['minus zero', -0, '-0'],
    ['a fraction', 1.5, '1.5'],
    ['a negative number', -12, '-12'],
    ['NaN', Number.NaN, 'NaN'],
    ['Infinity', Number.POSITIVE_INFINITY, 'Infinity'],
    ['-Infinity', Number.NEGATIVE_INFINITY, '-Infinity'],
    ['a huge number', 1e21, '1e+21'],
    ['a bigint', 10n, '10n'],
    ['a negative bigint', -5n, '-5n'],
    ['a bigint of 61 digits, cut at 60', 10n ** 60n, `1${'0'.repeat(59)}n`],
    ['a symbol', Symbol('secret'), 'a symbol'],
    ['a function', () => 'secret', 'a function'],
    ['a class', Voucher, 'a function'],
    ['null', null, 'null'],
    ['undefined', undefined, 'undefined'],
    ['true', true, 'true'],
    ['false', false, 'false'],
    ['an empty array', [], 'an array of 0'],
    ['an array', ['a', 'b', 'c'], 'an array of 3'],
    ['a sparse array', new Array(5), 'an array of 5'],
    ['a plain object', { amount: '1' }, 'an object'],
    ['an object with a toString', { toString: () => 'never called' }, 'an object'],
    ['an object without a prototype', Object.create(null), 'an object'],
    ['a class instance', new Voucher('x'), 'an object'],
    ['a Date', new Date(0), 'an object'],
    ['a Map', new Map([['a', 1]]), 'an object'],
    ['a proxy of an object', new Proxy({}, {}), 'an object'],
    ['a proxy of an array', new Proxy([1, 2], {}), 'an array of 2'],
    ['a proxy of an array whose length trap answers a number', new Proxy([], { get: () => 7 }), 'an array of 7'],
    [
      'a proxy of an array whose length trap answers a string',
      new Proxy([], { get: (_, key) => (key === 'length' ? '7' : undefined) }),
      'an array',
    ],
    [
      'a proxy of an array whose length trap throws',
      new Proxy([], {
        get() {
          throw new Error('x')
        },
      }),
      'an object',
    ],
    ['a revoked proxy', revoked(), 'an object'],
  ])('describes %s', (_, value, text) => {
    expect(describeReceived(value)).toBe(text)
  })

  it('never calls user code', () => {
    let calls = 0
    const spy = () => {
      calls++
      return 'x'
    }
    describeReceived({ toString: spy, valueOf: spy, toJSON: spy })
    describeReceived(Object.assign([1], { toString: spy, toJSON: spy }))
    expect(calls).toBe(0)
  })
})

describe('expected', () => {
  it('writes "expected <what>, received <value>"', () => {
    expect(expected('HH:mm or null', 7)).toBe('expected HH:mm or null, received 7')
    expect(expected('a string', 'x'.repeat(61))).toBe(
      `expected a string, received "${'x'.repeat(60)}…" (61 characters)`,
    )
    expect(expected('calendar options', null)).toBe('expected calendar options, received null')
  })
})

describe('joinPath', () => {
  it('joins identifier keys with a dot, or returns the key alone at the root', () => {
    expect(joinPath('fees.methods', 'card')).toBe('fees.methods.card')
    expect(joinPath('a', '_x')).toBe('a._x')
    expect(joinPath('a', '$y')).toBe('a.$y')
    expect(joinPath('a', 'b2')).toBe('a.b2')
    expect(joinPath('', 'refundBusinessDays')).toBe('refundBusinessDays')
  })

  it('writes other keys as JSON strings in brackets', () => {
    expect(joinPath('fees.methods', 'bank-transfer')).toBe('fees.methods["bank-transfer"]')
    expect(joinPath('a', '1st')).toBe('a["1st"]')
    expect(joinPath('a', '0')).toBe('a["0"]')
    expect(joinPath('a', '')).toBe('a[""]')
    expect(joinPath('a', 'b.c')).toBe('a["b.c"]')
    expect(joinPath('a', 'carte bancaire')).toBe('a["carte bancaire"]')
    expect(joinPath('a', 'é')).toBe('a["é"]')
    expect(joinPath('a', 'say "hi"\n')).toBe('a["say \\"hi\\"\\n"]')
    expect(joinPath('', 'odd key')).toBe('["odd key"]')
  })

  it('writes numeric indexes in brackets', () => {
    expect(joinPath('calendar.closedDates', 0)).toBe('calendar.closedDates[0]')
    expect(joinPath('calendar.closedDates', 2)).toBe('calendar.closedDates[2]')
    expect(joinPath('x', 1234)).toBe('x[1234]')
    expect(joinPath('', 3)).toBe('[3]')
  })

  it('keeps a key of 60 characters whole and cuts a longer one at 60', () => {
    const odd60 = `-${'k'.repeat(59)}`
    expect(joinPath('x', 'k'.repeat(60))).toBe(`x.${'k'.repeat(60)}`)
    expect(joinPath('x', odd60)).toBe(`x["${odd60}"]`)
    expect(joinPath('x', 'k'.repeat(61))).toBe(`x["${'k'.repeat(60)}…"]`)
    expect(joinPath('x', `${odd60}k`)).toBe(`x["${odd60}…"]`)
    expect(joinPath('x', 'k'.repeat(1_000_000))).toBe(`x["${'k'.repeat(60)}…"]`)
  })
})

describe('unreadable', () => {
  it('names the error type that was thrown, never its message', () => {
    expect(unreadable(new RangeError('Maximum call stack size exceeded'))).toBe('could not be read: RangeError')
    expect(unreadable(new TypeError('revoked'))).toBe('could not be read: TypeError')
    class SecretError extends Error {
      override name = 'SecretError'
    }
    expect(unreadable(new SecretError('password=hunter2'))).toBe('could not be read: SecretError')
  })

  it('says so when something other than an Error was thrown', () => {
    for (const thrown of ['password=hunter2', null, undefined, 42, { name: 'Fake' }]) {
      expect(unreadable(thrown)).toBe('could not be read: a non-error was thrown')
    }
  })

  it('uses the verb it is given', () => {
    expect(unreadable(new Error('x'), 'compared')).toBe('could not be compared: Error')
    expect(unreadable('x', 'copied')).toBe('could not be copied: a non-error was thrown')
  })
})

describe('isRecord', () => {
  it('is true for objects that are not arrays, false for everything else, revoked proxies included', () => {
    expect(isRecord({})).toBe(true)
    expect(isRecord(new Voucher('x'))).toBe(true)
    expect(isRecord(new Proxy({}, {}))).toBe(true)
    for (const value of [null, undefined, 'x', 1, [], new Proxy([], {}), () => 1, revoked()]) {
      expect(isRecord(value)).toBe(false)
    }
  })
})

describe('RefundRulesError', () => {
  it('with one issue: the message is "path: message", code and path are the issue\'s', () => {
    const error = refundRulesError('NEGATIVE_AMOUNT', 'topUp.amount', 'must not be negative, received "-1"')
    expect(error).toBeInstanceOf(Error)
    expect(error).toBeInstanceOf(RefundRulesError)
    expect(error.name).toBe('RefundRulesError')
    expect(error.message).toBe('topUp.amount: must not be negative, received "-1"')
    expect(error.code).toBe('NEGATIVE_AMOUNT')
    expect(error.path).toBe('topUp.amount')
    expect(error.issues).toEqual([
      { code: 'NEGATIVE_AMOUNT', path: 'topUp.amount', message: 'must not be negative, received "-1"' },
    ])
  })

  it('with several issues: counts them and lists each, in order; the first is its code and path', () => {
    const issues: [RefundRulesIssue, ...RefundRulesIssue[]] = [
      { code: 'INVALID_POLICY', path: 'id', message: 'bad' },
      { code: 'INVALID_INPUT', path: 'request.channel', message: 'worse' },
      { code: 'OUT_OF_RANGE', path: 'now', message: 'worst' },
    ]
    const error = new RefundRulesError(issues)
    expect(error.message).toBe('3 problems: id: bad; request.channel: worse; now: worst')
    expect([error.code, error.path]).toEqual(['INVALID_POLICY', 'id'])
    expect(error.issues).toEqual(issues)
  })

  it('keeps frozen copies of its issues', () => {
    const issue = { code: 'INVALID_INPUT' as const, path: 'now', message: 'bad' }
    const error = new RefundRulesError([issue])
    expect(Object.isFrozen(error.issues)).toBe(true)
    expect(Object.isFrozen(error.issues[0])).toBe(true)
    expect(error.issues[0]).not.toBe(issue)
    issue.message = 'changed afterwards'
    expect(error.issues[0]?.message).toBe('bad')
    expect(() => {
      ;(error.issues as RefundRulesIssue[]).push(issue)
    }).toThrow(TypeError)
  })
})

describe('throwIssues', () => {
  it('returns when there are none', () => {
    expect(throwIssues([])).toBeUndefined()
  })

  it('throws every issue as one RefundRulesError', () => {
    const error = errorOf(() =>
      throwIssues([
        { code: 'INVALID_POLICY', path: 'a', message: 'x' },
        { code: 'INVALID_POLICY', path: 'b', message: 'y' },
      ]),
    )
    expect(error.message).toBe('2 problems: a: x; b: y')
    expect(error.issues.map((i) => i.path)).toEqual(['a', 'b'])
  })
})

describe("a settings reader's attempt", () => {
  it('returns what the parser returns and adds nothing', () => {
    const reader = new SettingsReader('INVALID_POLICY')
    expect(reader.attempt(() => 42)).toBe(42)
    expect(reader.issues).toEqual([])
  })

  it('moves the issues of a RefundRulesError into the reading as INVALID_POLICY, keeping path and message', () => {
    const reader = new SettingsReader('INVALID_POLICY')
    reader.issue('before', 'kept')
    const result = reader.attempt(() => {
      throw new RefundRulesError([
        { code: 'INVALID_DATE', path: 'calendar.closedDates[0]', message: 'is not a date' },
        { code: 'INVALID_CURRENCY', path: 'fees.default.fixed.XX', message: 'unknown' },
      ])
    })
    expect(result).toBeUndefined()
    expect(reader.issues).toEqual([
      { code: 'INVALID_POLICY', path: 'before', message: 'kept' },
      { code: 'INVALID_POLICY', path: 'calendar.closedDates[0]', message: 'is not a date' },
      { code: 'INVALID_POLICY', path: 'fees.default.fixed.XX', message: 'unknown' },
    ])
  })

  it('rethrows anything else as it is', () => {
    const reader = new SettingsReader('INVALID_POLICY')
    const error = new RangeError('too deep')
    expect(() =>
      reader.attempt(() => {
        throw error
      }),
    ).toThrow(error)
    let thrown: unknown
    try {
      reader.attempt(() => {
        throw 'not an error'
      })
    } catch (e) {
      thrown = e
    }
    expect(thrown).toBe('not an error')
    expect(reader.issues).toEqual([])
  })
})
