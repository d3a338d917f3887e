/**
 * Reading untrusted data, the half that knows no domain: the evaluation's
 * snapshots (`inputs.ts` builds its reader on this one) and the settings of a
 * policy, a calendar, a fee schedule and the currency overrides alike. It
 * depends on nothing but the error type, so the time and money cores read
 * their own settings with it without importing each other.
 *
 * Every field is read exactly once (a getter may answer differently twice)
 * and only if it is the object's **own** property: a field inherited through
 * a prototype (someone else's `Object.prototype.cutoff = '09:00'`) is absent.
 * Every problem is collected rather than the first thrown, at most
 * {@link MAX_ISSUES} of them kept and the rest counted, and anything odd a
 * value can do — throw from a getter, be a revoked proxy, be a list claiming
 * 2^32 − 1 elements — ends as a `RefundRulesError` naming the field.
 */

import {
  describeReceived,
  type ErrorCode,
  expected,
  isRecord,
  isRefundRulesError,
  joinKnownKey,
  joinPath,
  MAX_ISSUES,
  RefundRulesError,
  type RefundRulesIssue,
} from './errors.js'

/** What a setting must pass (a type guard for its type `T`), and what its message says was expected. */
export type Check<T> = readonly [test: (value: unknown) => value is T, expected: string]

/**
 * A {@link Check} for a whole number from `min` to `max`.
 *
 * @example
 * const [isMinorUnits, what] = wholeNumber(0, 4)
 * isMinorUnits(2) // => true
 * what // => 'a whole number from 0 to 4'
 */
export const wholeNumber = (min: number, max: number): Check<number> => [
  (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max,
  `a whole number from ${min} to ${max}`,
]

/**
 * A {@link Check} for one of `options` (compared exactly).
 *
 * @example
 * const [isAnchor, what] = oneOf('top-up', 'order')
 * isAnchor('order') // => true
 * what // => "'top-up' or 'order'"
 */
export const oneOf = <T extends string>(...options: T[]): Check<T> => [
  (v): v is T => options.includes(v as T),
  options.map((o) => `'${o}'`).join(' or '),
]

/**
 * A kind of settings object: what a message calls it (`'a fee rule { percent?, fixed?, min?, max? }'`), the default
 * of each of its settings — whose keys are the settings it knows — and whether only a plain object (`{}` or
 * `Object.create(null)`) is one, so that a `Map` or a class instance is refused rather than read as empty.
 */
export interface Shape {
  readonly what: string
  /** Each setting's default; absent for an object whose keys are data (fee rules by method, amounts by currency). */
  readonly defaults?: object
  readonly plainOnly?: boolean
}

/** A plain object: `{}` or `Object.create(null)`. A proxy whose traps throw, or a revoked one, is none. */
function isPlainObject(value: unknown): value is object {
  if (!isRecord(value)) return false
  try {
    const proto = Object.getPrototypeOf(value)
    return proto === Object.prototype || proto === null
  } catch {
    return false
  }
}

/** The longest text a field holds: an id or a name, not a document. */
export const MAX_TEXT = 256
const MAX_ITEMS = 100

/** Stands for a value whose getter threw, already an issue: {@link Fields} reports nothing more about it. */
const UNREADABLE: unique symbol = Symbol('unreadable')

/**
 * The elements of an array of at most `max`, each read once, or `undefined`
 * for anything else: a proxy's traps (revoked, throwing, a `length` that is
 * not a whole number) make it "not such an array" rather than a crash.
 *
 * The length is checked before any element is touched: a sparse array of
 * length 2^32 − 1, or a proxy claiming that length, is refused at once
 * rather than walked. A hole reads as `undefined` (own elements only: an
 * `Array.prototype[0]` set by someone else is not an element), which the
 * element's own check then refuses.
 */
function readList(value: unknown, max: number): unknown[] | undefined {
  try {
    if (!Array.isArray(value)) return undefined
    const length: unknown = value.length
    if (typeof length !== 'number' || !Number.isInteger(length) || length < 0 || length > max) return undefined
    const list: unknown[] = []
    for (let i = 0; i < length; i++) list.push(Object.hasOwn(value, i) ? value[i] : undefined)
    return list
  } catch {
    return undefined
  }
}

/**
 * One reading of untrusted data: collects the issues of every field read
 * through its fields (`F`, a {@link Fields} of its kind), and throws them all
 * at once from `finish()`. Values read before `finish()` returns are only
 * trusted after it.
 *
 * `code` is the code of a field of the wrong type or missing: `INVALID_INPUT`
 * for snapshots, `INVALID_POLICY` for settings. A policy is reported under
 * one code, so under `INVALID_POLICY` the issues a parser raises (a bad
 * date, a bad amount) take that code too; a snapshot keeps the parser's.
 *
 * A class rather than an object of closures: one reader is made per
 * evaluation, and fresh closures each time were a measurable share of a
 * decision. It holds no state beyond one reading.
 *
 * @example
 * const reader = new SettingsReader('INVALID_POLICY')
 * const contacts = reader.at({ refunds: '' }, 'contacts')
 * contacts.text('refunds') // records `contacts.refunds: expected a non-empty string…`
 * reader.finish() // throws INVALID_POLICY at contacts.refunds
 */
export abstract class Reader<F> {
  // `declare`d and assigned in the constructor, here and in the classes built on these two: class-field
  // definitions in a class with a subclass made each evaluation's reading a tenth slower (Node 20).
  declare readonly code: 'INVALID_INPUT' | 'INVALID_POLICY'
  declare readonly issues: RefundRulesIssue[]
  /** Issues found past {@link MAX_ISSUES}: counted, not kept, so a million bad settings cost a count. */
  declare private omitted: number

  constructor(code: 'INVALID_INPUT' | 'INVALID_POLICY') {
    this.code = code
    this.issues = []
    this.omitted = 0
  }

  /** The fields of `source` (`undefined`: missing or invalid, already reported) at `path`, of this reader's kind. */
  abstract fields(source: object | undefined, path: string, defaults?: object): F

  /**
   * The fields of `value`, an issue at `path` when it is not an object. Its
   * fields are named from `fieldsPath`: an evaluation's input is `'input'`
   * but its fields are `topUp`, `now` (`fieldsPath` `''`); a top-up read on
   * its own is `'topUp'` and so are its fields' parents (`topUp.creditedAt`).
   */
  at(value: unknown, path: string, fieldsPath = path): F {
    return this.fields(isRecord(value) ? value : this.invalid(path, 'an object', value), fieldsPath)
  }

  /**
   * The settings object `value` at `path`, of `shape`: absent (`undefined`),
   * all its defaults; not such an object, an issue and all its defaults.
   */
  section(value: unknown, path: string, shape: Shape): F {
    const isObject = shape.plainOnly === true ? isPlainObject : isRecord
    if (isObject(value)) return this.fields(value, path, shape.defaults)
    if (value !== undefined) this.invalid(path, shape.what, value)
    return this.fields(undefined, path, shape.defaults)
  }

  /** Records an issue of the reader's own code at `path`. */
  issue(path: string, message: string, code: ErrorCode = this.code): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push({ code, path, message })
    else this.omitted++
  }

  /** Whether further issues are only counted: a caller can then skip composing their messages. */
  isFull(): boolean {
    return this.issues.length >= MAX_ISSUES
  }

  /** How many issues were found so far, kept or only counted: a reading that added none found nothing wrong. */
  issueCount(): number {
    return this.issues.length + this.omitted
  }

  /** Records that a field at `path` is not `what`; returns a placeholder, trusted only after `finish()`. */
  invalid(path: string, what: string, value: unknown): never {
    this.issue(path, expected(what, value))
    return undefined as never
  }

  /** Records that two valid fields contradict each other. */
  inconsistent(path: string, message: string): void {
    this.issue(path, message, 'INCONSISTENT_INPUT')
  }

  /**
   * Runs a parser that throws `RefundRulesError`, recording its issues;
   * `undefined` when it threw. Anything else it throws is rethrown.
   */
  attempt<T>(parse: () => T): T | undefined {
    try {
      return parse()
    } catch (error) {
      this.record(error)
      return undefined
    }
  }

  /**
   * Records the issues of a `RefundRulesError` a parser threw (under the
   * reader's code when reading a policy); rethrows anything else.
   */
  protected record(error: unknown): void {
    if (!isRefundRulesError(error)) throw error
    const recode = this.code === 'INVALID_POLICY'
    this.omitted += error.omittedIssues
    for (const issue of error.issues) {
      if (this.issues.length < MAX_ISSUES) this.issues.push(recode ? { ...issue, code: this.code } : issue)
      else this.omitted++
    }
  }

  hasIssues(): boolean {
    return this.issues.length > 0
  }

  /** Throws every issue recorded so far, if any. */
  finish(): void {
    const issues = this.issues
    if (issues.length > 0) {
      throw new RefundRulesError(issues as [RefundRulesIssue, ...RefundRulesIssue[]], this.omitted)
    }
  }

  /**
   * `value` if it is a short non-empty string, else an issue at `parent.key`
   * (`parent[key]` for an index): the path is joined only for an issue.
   */
  text(value: unknown, parent: string, key: string | number): string {
    if (typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT) return value
    return this.invalid(joinPath(parent, key), `a non-empty string of at most ${MAX_TEXT} characters`, value)
  }

  /**
   * The elements of the list `value` at `path`, copied once, or `undefined`
   * with an issue: not an array of at most `max` (checked before any element
   * is read), or with a hole (refused at its index rather than read through
   * the prototype). `what` names the elements.
   */
  list(value: unknown, path: string, max: number, what: string): unknown[] | undefined {
    const list = readList(value, max)
    if (list === undefined) return this.invalid(path, `an array of at most ${max} ${what}`, value)
    const hole = list.indexOf(undefined)
    if (hole >= 0) return this.invalid(joinPath(path, hole), what, undefined)
    return list
  }
}

/** The defaults of fields that are not settings (a snapshot's): none, one frozen object for all of them. */
const NO_DEFAULTS: object = Object.freeze({})

/**
 * The fields of one object, read at its path (`reader.at(input, 'input').object('topUp').text('id')`
 * reads `topUp.id`). A path is joined only where it is needed: for an issue,
 * or for a parser that names the field in its own. The fields of a value that
 * is missing or invalid (already reported) are all absent, so each required
 * one is reported missing and each setting keeps its default.
 *
 * `F` is the kind of fields its reader makes (a nested object is read as one
 * too): {@link SettingsFields}, or the snapshot fields of `inputs.ts`, which
 * add amounts and instants.
 *
 * @example
 * const termination = new SettingsReader('INVALID_POLICY').at({ settlement: 'automatic' }, 'termination')
 * termination.oneOf('settlement', ['manual-review', 'automatic']) // => 'automatic'
 */
export class Fields<F extends Fields<F>> {
  declare readonly reader: Reader<F>
  /** The object read, or `undefined` when it is missing or not an object. */
  declare readonly source: object | undefined
  /** Its path: `''` for the root. */
  declare readonly path: string
  /** For settings: each setting's default, which also says which keys are known. */
  declare private readonly defaults: object

  // Assigned here rather than as parameter properties: see `Reader`.
  constructor(reader: Reader<F>, source: object | undefined, path: string, defaults: object = NO_DEFAULTS) {
    this.reader = reader
    this.source = source
    this.path = path
    this.defaults = defaults
  }

  /** The path of `key` in this object. */
  pathOf(key: string): string {
    return joinKnownKey(this.path, key)
  }

  /** `source[key]` read once if it is an own property, else `undefined`; a throwing getter becomes an issue. */
  raw(key: string): unknown {
    const source = this.source
    if (source === undefined) return undefined
    try {
      return Object.hasOwn(source, key) ? (source as Record<string, unknown>)[key] : undefined
    } catch {
      this.reader.issue(joinPath(this.path, key), 'could not be read (its getter threw)')
      return undefined
    }
  }

  /** {@link raw}, or {@link UNREADABLE} when the getter threw: that issue is the field's only one. */
  private readable(key: string): unknown {
    const count = this.reader.issueCount()
    const value = this.raw(key)
    return this.reader.issueCount() === count ? value : UNREADABLE
  }

  /**
   * An optional field: {@link raw}, with `null` read as absent (SPEC §1: a
   * database row's `NULL`).
   */
  optional(key: string): unknown {
    const value = this.raw(key)
    return value === null ? undefined : value
  }

  /** The own keys of this object: for an object whose keys are data (fee rules by method). */
  keys(): string[] {
    return this.source === undefined ? [] : Object.keys(this.source)
  }

  /** The fields of a required plain object at `key`. */
  object(key: string): F {
    const value = this.raw(key)
    const path = this.pathOf(key)
    return this.reader.fields(isRecord(value) ? value : this.reader.invalid(path, 'an object', value), path)
  }

  /** The fields of an optional plain object at `key`, or `undefined` when it is absent or `null`. */
  optionalObject(key: string): F | undefined {
    const value = this.optional(key)
    if (value === undefined) return undefined
    const path = this.pathOf(key)
    return this.reader.fields(isRecord(value) ? value : this.reader.invalid(path, 'an object', value), path)
  }

  /** A short non-empty string. */
  text(key: string): string {
    return this.reader.text(this.raw(key), this.path, key)
  }

  optionalText(key: string): string | undefined {
    const value = this.optional(key)
    return value === undefined ? undefined : this.reader.text(value, this.path, key)
  }

  /** `true` or `false`, absent (or `null`) meaning `false`. */
  flag(key: string): boolean {
    const value = this.optional(key)
    if (value === undefined) return false
    if (typeof value === 'boolean') return value
    return this.reader.invalid(joinPath(this.path, key), 'true or false', value)
  }

  /** One of `allowed` (compared exactly). */
  oneOf<T extends string>(key: string, allowed: readonly T[]): T {
    const value = this.raw(key)
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T
    return this.reader.invalid(joinPath(this.path, key), allowed.map((a) => `'${a}'`).join(' or '), value)
  }

  /** An array of at most {@link MAX_ITEMS} short strings. */
  texts(key: string): readonly string[] {
    const value = this.raw(key)
    const path = joinPath(this.path, key)
    const list = readList(value, MAX_ITEMS)
    if (list === undefined) return this.reader.invalid(path, `an array of at most ${MAX_ITEMS} strings`, value) ?? []
    return list.map((item, i) => this.reader.text(item, path, i))
  }

  /**
   * A setting: absent (`undefined`) is its default; a value that passes
   * `check` is itself; anything else is an issue and the default.
   */
  setting<T>(key: string, [test, what]: Check<T>): T {
    const value = this.raw(key)
    // The defaults are the published policy's, each of which passes its own check.
    const fallback = (this.defaults as Record<string, T>)[key] as T
    if (value === undefined) return fallback
    if (test(value)) return value
    this.reader.invalid(joinPath(this.path, key), what, value)
    return fallback
  }

  /**
   * A setting without a default: a value that passes `check`, else an issue
   * (`undefined` included) and `undefined`.
   */
  required<T>(key: string, [test, what]: Check<T>): T | undefined {
    const value = this.readable(key)
    if (test(value)) return value
    if (value !== UNREADABLE) this.reader.invalid(joinPath(this.path, key), what, value)
    return undefined
  }

  /**
   * The value at `key` as `read` reads it (a parser that throws
   * `RefundRulesError`: an amount's, a zone's), given the value and its path;
   * `undefined` when it threw, or when the getter did (one issue either way).
   */
  parse<T>(key: string, read: (value: unknown, path: string) => T): T | undefined {
    const value = this.readable(key)
    if (value === UNREADABLE) return undefined
    return this.reader.attempt(() => read(value, joinPath(this.path, key)))
  }

  /**
   * The settings section at `key`: absent or not such an object (an issue),
   * it reads as empty, all its defaults. Its `shape` is by default an object
   * with the defaults of that section.
   */
  section(key: string, shape?: Shape): F {
    const defaults = (this.defaults as Record<string, object | undefined>)[key]
    return this.reader.section(this.raw(key), joinPath(this.path, key), shape ?? { what: 'an object', defaults })
  }

  /**
   * The settings object at `key` of an object whose keys are data (the
   * rule of one payment method): required, of `shape`. A getter that threw
   * is its only issue.
   */
  entry(key: string, shape: Shape): F {
    const value = this.readable(key)
    const path = joinPath(this.path, key)
    if (value !== UNREADABLE && value !== undefined) return this.reader.section(value, path, shape)
    // An own key whose value is `undefined` names a setting that is not there: refused, not read as absent.
    if (value === undefined) this.reader.invalid(path, shape.what, value)
    return this.reader.fields(undefined, path, shape.defaults)
  }

  /**
   * A setting that is a list: absent, its default; otherwise an array of at
   * most `max` elements, each passing `check`, copied once (see
   * {@link Reader.list}). Each element is read once, so a getter that changes
   * its answer cannot leave an unchecked value in the copy.
   */
  settingList<T>(key: string, max: number, [test, what]: Check<T>): readonly T[] {
    const value = this.raw(key)
    const fallback = (this.defaults as Record<string, readonly T[]>)[key] as readonly T[]
    if (value === undefined) return fallback
    const path = joinPath(this.path, key)
    const list = this.reader.list(value, path, max, what)
    if (list === undefined) return fallback
    const checked: T[] = []
    for (const [i, item] of list.entries()) {
      if (!test(item)) return this.reader.invalid(joinPath(path, i), what, item) ?? fallback
      checked.push(item)
    }
    return checked
  }

  /** Reports each own key that the defaults lack, as `is not a <what>`. */
  rejectUnknownKeys(what: string): void {
    const source = this.source
    if (source === undefined) return
    for (const key of Object.keys(source)) {
      if (Object.hasOwn(this.defaults, key)) continue
      // Past the cap the issue is only counted: no message is composed for a millionth unknown key.
      if (this.reader.isFull()) this.reader.issue(key, '')
      else {
        this.reader.issue(
          joinPath(this.path, key),
          `is not a ${what}, received ${describeReceived((source as Record<string, unknown>)[key])}`,
        )
      }
    }
  }
}

/** The fields of a settings object: {@link Fields} of its own kind. */
export interface SettingsFields extends Fields<SettingsFields> {}

/**
 * A reader of settings (a policy, a calendar, a fee schedule), whose fields
 * are {@link SettingsFields}.
 *
 * @example
 * const reader = new SettingsReader('INVALID_POLICY')
 * const fees = reader.section({ rounding: 'bankers' }, 'fees', { what: 'a fee schedule', defaults: { rounding: 'half-up' } })
 * fees.setting('rounding', oneOf('half-up', 'half-even')) // records `fees.rounding: expected 'half-up' or 'half-even'…`
 * reader.finish() // throws INVALID_POLICY at fees.rounding
 */
export class SettingsReader extends Reader<SettingsFields> {
  fields(source: object | undefined, path: string, defaults?: object): SettingsFields {
    return new Fields<SettingsFields>(this, source, path, defaults)
  }
}
