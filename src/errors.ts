/**
 * The one error type the library throws, and the codes it carries.
 *
 * Every rejection names the field it is about (`path`, e.g. `topUp.amount` or
 * `fees.methods.card.percent`), so an integrator can map it back to a form
 * field or a database column without parsing the message.
 */

/** The constant name of a code: itself in upper case, dashes as underscores (`'top-up-refund'` → `TOP_UP_REFUND`). */
type ConstantName<Code extends string> = Code extends `${infer Head}-${infer Tail}`
  ? `${Uppercase<Head>}_${ConstantName<Tail>}`
  : Uppercase<Code>

/**
 * Codes as runtime constants, built from the list of codes so that each is
 * written once (an object literal writes each twice). Keys keep the list's
 * order. Marked free of side effects, so that a bundler still drops the
 * constants a program does not use, as it drops an unused object literal.
 *
 * @example
 * codeConstants(['top-up-refund', 'inactivity']) // => { TOP_UP_REFUND: 'top-up-refund', INACTIVITY: 'inactivity' }
 */
/* @__NO_SIDE_EFFECTS__ */
export function codeConstants<const Code extends string>(
  codes: readonly Code[],
): { readonly [C in Code as ConstantName<C>]: C } {
  // `fromEntries` knows only string keys; each key is its code's `ConstantName` by construction.
  return Object.fromEntries(codes.map((code) => [code.toUpperCase().replaceAll('-', '_'), code])) as never
}

/**
 * Every error code, as a runtime constant (`ErrorCodes.INVALID_INSTANT`); the
 * type of one code is {@link ErrorCode}. Two names, not one name for both: a
 * bundled declaration file would export the pair as one value, and a program
 * importing `ErrorCode` as a value would compile and then fail at runtime.
 *
 * - `INVALID_INSTANT`: an instant that is not a `Date`, epoch-ms integer or ISO-8601 string with an offset.
 * - `INVALID_DATE`: a plain date that is not a real `YYYY-MM-DD` calendar date in the supported range.
 * - `INVALID_CURRENCY`: a currency code that `Intl` does not know.
 * - `INVALID_AMOUNT`: an amount that is not a finite plain decimal.
 * - `TOO_MANY_DECIMALS`: an amount with more decimal places than its currency's minor unit.
 * - `NEGATIVE_AMOUNT`: a negative amount in a field that must not be negative.
 * - `CURRENCY_MISMATCH`: two currencies in one evaluation.
 * - `INVALID_POLICY`: a policy setting, calendar option or fee rule that cannot work.
 * - `INVALID_INPUT`: a field of the wrong type, a missing required field, or an unknown enum value.
 * - `INCONSISTENT_INPUT`: fields that are each valid but contradict each other (a request received after `now`).
 * - `OUT_OF_RANGE`: a computation that would leave the supported range of dates (years 1970–9999).
 */
export const ErrorCodes = codeConstants([
  'INVALID_INSTANT',
  'INVALID_DATE',
  'INVALID_CURRENCY',
  'INVALID_AMOUNT',
  'TOO_MANY_DECIMALS',
  'NEGATIVE_AMOUNT',
  'CURRENCY_MISMATCH',
  'INVALID_POLICY',
  'INVALID_INPUT',
  'INCONSISTENT_INPUT',
  'OUT_OF_RANGE',
])

/** Every error code, as a string-literal union. */
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes]

/** One problem with one field. A {@link RefundRulesError} carries one or more. */
export interface RefundRulesIssue {
  readonly code: ErrorCode
  /** Dotted path of the field, e.g. `topUp.amount` or `calendar.closedDates[2]`. */
  readonly path: string
  readonly message: string
}

const MAX_RECEIVED_CHARS = 60

/**
 * A short, safe description of a received value for error messages: never
 * echoes a huge string whole and never calls user code (no `toString`).
 *
 * @example
 * describeReceived('x'.repeat(10_000)) // => '"xxxx…" (10000 characters)'
 */
export function describeReceived(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value.length > MAX_RECEIVED_CHARS ? `${quoteShort(value)} (${value.length} characters)` : quoteShort(value)
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value)
    case 'bigint':
      return `${String(value).slice(0, MAX_RECEIVED_CHARS)}n`
    case 'symbol':
    case 'function':
      return `a ${typeof value}`
    case 'object':
      if (value !== null) return describeObject(value)
  }
  // Booleans, undefined and null: their own names.
  return String(value)
}

/** `text` as a JSON string, cut short with an ellipsis after {@link MAX_RECEIVED_CHARS} characters. */
function quoteShort(text: string): string {
  return JSON.stringify(text.length > MAX_RECEIVED_CHARS ? `${text.slice(0, MAX_RECEIVED_CHARS)}…` : text)
}

function describeObject(value: object): string {
  try {
    if (!Array.isArray(value)) return 'an object'
    // A proxy's `length` is whatever its trap returns: only a number is printed (no `toString` call).
    const length: unknown = value.length
    return typeof length === 'number' ? `an array of ${length}` : 'an array'
  } catch {
    // A revoked proxy cannot even say whether it is an array; a trapped `length` can throw.
    return 'an object'
  }
}

/**
 * The message of a type check: `expected <what>, received <value>`, the value
 * described by {@link describeReceived}.
 *
 * @example
 * expected('HH:mm or null', 7) // => 'expected HH:mm or null, received 7'
 */
export function expected(what: string, value: unknown): string {
  return `expected ${what}, received ${describeReceived(value)}`
}

/**
 * The message for a value whose reading threw something other than a
 * {@link RefundRulesError} (a revoked proxy, a throwing getter, a stack
 * overflow): names what was thrown, never echoes it. Never throws itself: a
 * thrown proxy whose traps throw, or an error whose `name` getter throws, is
 * "an uninspectable value".
 *
 * @example
 * unreadable(new RangeError('too deep')) // => 'could not be read: RangeError'
 */
export function unreadable(error: unknown, what = 'read'): string {
  return `could not be ${what}: ${thrownName(error)}`
}

/** The `name` of a thrown `Error`, cut at 60 characters; never calls a trap or getter outside a `try`. */
function thrownName(error: unknown): string {
  try {
    // `instanceof` runs a proxy's getPrototypeOf trap and `name` may be a getter: both may throw.
    if (!(error instanceof Error)) return 'a non-error was thrown'
    const name: unknown = error.name
    return typeof name === 'string' ? name.slice(0, 60) : 'an error'
  } catch {
    return 'an uninspectable value'
  }
}

/** An object that is not an array. A revoked proxy, which throws even when asked that, is not one. */
export function isRecord(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false
  try {
    return !Array.isArray(value)
  } catch {
    return false
  }
}

/**
 * The most issues one {@link RefundRulesError} keeps; the rest are counted in
 * `omittedIssues`. A million bad keys make an error of a hundred issues and a
 * count, not a message of tens of megabytes.
 */
export const MAX_ISSUES = 100

/** The longest line one issue adds to an error's message (its `path: message`), cut short past it. */
const MAX_LINE_CHARS = 500

/**
 * The brand every {@link RefundRulesError} carries as its own property, in the
 * global symbol registry: the same symbol in every copy of the package (the
 * CommonJS and the ES module build loaded side by side), where `instanceof`
 * sees two classes.
 */
const BRAND: unique symbol = Symbol.for('refund-rules.RefundRulesError')

/**
 * The only error the library throws. `code` says what kind of problem it is,
 * `path` which field, and `issues` lists every problem found when several
 * fields are wrong at once (the first one is also `code`/`path`): at most
 * 100 (`MAX_ISSUES`) of them, with `omittedIssues` counting the rest.
 *
 * @example
 * try {
 *   parseInstant('2026-02-30T00:00:00Z', 'request.receivedAt')
 * } catch (error) {
 *   if (isRefundRulesError(error)) console.log(error.code, error.path)
 *   // INVALID_INSTANT request.receivedAt
 * }
 */
export class RefundRulesError extends Error {
  // `declare`: the constructor assigns them, so no class-field definitions are emitted; it assigns them
  // before `name`, which keeps the own-property order code, path, issues, omittedIssues, name.
  declare readonly code: ErrorCode
  declare readonly path: string
  declare readonly issues: readonly RefundRulesIssue[]
  /** How many problems were found beyond the 100 (`MAX_ISSUES`) in `issues` (usually 0). */
  declare readonly omittedIssues: number

  /** `omitted` counts problems found but not passed in `issues`; issues past 100 (`MAX_ISSUES`) are counted too. */
  constructor(issues: readonly [RefundRulesIssue, ...RefundRulesIssue[]], omitted = 0) {
    const [first] = issues
    const kept = issues.slice(0, MAX_ISSUES)
    const omittedIssues = omitted + issues.length - kept.length
    // Each line cut short past MAX_LINE_CHARS: the message stays bounded whatever the issues hold.
    const lines = kept.map(({ path, message }) => {
      const line = `${path}: ${message}`
      return line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}…` : line
    })
    super(
      omittedIssues + kept.length === 1
        ? (lines[0] as string)
        : `${omittedIssues + kept.length} problems: ${lines.join('; ')}${omittedIssues > 0 ? `; and ${omittedIssues} more` : ''}`,
    )
    this.code = first.code
    this.path = first.path
    this.issues = Object.freeze(kept.map((issue) => Object.freeze({ ...issue })))
    this.omittedIssues = omittedIssues
    this.name = 'RefundRulesError'
    // Not enumerable, like `message`: a brand, not data (absent from JSON and from `Object.keys`).
    Object.defineProperty(this, BRAND, { value: true })
  }
}

/**
 * Whether `value` is a {@link RefundRulesError} made by any copy of this
 * package — the CommonJS and the ES module build both loaded, where
 * `instanceof` answers `false` for the other copy's errors. Recognises the
 * brand every such error carries as its own property; an object merely made
 * from the prototype (`Object.create(RefundRulesError.prototype)`) has none.
 * Never throws, not even for a proxy whose traps throw or a revoked proxy.
 *
 * @example
 * try {
 *   evaluate(input)
 * } catch (error) {
 *   if (isRefundRulesError(error)) console.log(error.code, error.path)
 *   else throw error
 * }
 * isRefundRulesError(Object.create(RefundRulesError.prototype)) // => false
 */
export function isRefundRulesError(value: unknown): value is RefundRulesError {
  try {
    // A descriptor, not `value[BRAND]`: an own property only, never the prototype's or a getter's. The brand is
    // not configurable, so a proxy can report it only if its target really has it (the engine checks).
    const brand = Object.getOwnPropertyDescriptor(value, BRAND)
    return brand?.value === true && !brand.configurable
  } catch {
    // `null` or `undefined`, a proxy whose getOwnPropertyDescriptor trap throws, or a revoked proxy.
    return false
  }
}

/**
 * Throws the issues collected, if there are any, as one {@link RefundRulesError}
 * (the first 100 (`MAX_ISSUES`) of them, and a count of the rest).
 *
 * @example
 * throwIssues([]) // returns
 * throwIssues([{ code: 'INVALID_POLICY', path: 'id', message: 'bad' }]) // throws
 */
export function throwIssues(issues: readonly RefundRulesIssue[]): void {
  // A length check, not `[first, ...rest]`: no array is copied to find the first.
  if (issues.length > 0) throw new RefundRulesError(issues as readonly [RefundRulesIssue, ...RefundRulesIssue[]])
}

/**
 * Builds a single-issue {@link RefundRulesError}.
 *
 * @example
 * throw refundRulesError('NEGATIVE_AMOUNT', 'topUp.amount', 'must not be negative, received "-1"')
 */
export function refundRulesError(code: ErrorCode, path: string, message: string): RefundRulesError {
  return new RefundRulesError([{ code, path, message }])
}

/**
 * {@link joinPath} for a key the library itself names (a plain identifier, or
 * dotted identifiers), without its checks: for paths built on every evaluation.
 *
 * @example
 * joinKnownKey('request', 'receivedAt') // => 'request.receivedAt'
 * joinKnownKey('', 'amount') // => 'amount'
 */
export function joinKnownKey(base: string, key: string): string {
  return base === '' ? key : `${base}.${key}`
}

/**
 * Joins a path and a key the way error paths are written: `a.b`, `a[2]`, or
 * `a["odd key"]` for keys that are not plain identifiers.
 *
 * @example
 * joinPath('fees.methods', 'card') // => 'fees.methods.card'
 * joinPath('calendar.closedDates', 2) // => 'calendar.closedDates[2]'
 */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`
  // A key is data too (a 10 MB property name of a JSON body): a long one is cut short like a received value,
  // and its length checked before the regular expression, so a path never holds it whole and the test stays cheap.
  if (key.length <= MAX_RECEIVED_CHARS && /^[A-Za-z_$][\w$]*$/.test(key)) return joinKnownKey(base, key)
  return `${base}[${quoteShort(key)}]`
}
