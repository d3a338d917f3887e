/**
 * Hostile objects for the totality fuzz: what a broken or malicious caller can put where a field
 * should be — proxies whose traps throw (getPrototypeOf too, which `instanceof` runs), revoked
 * proxies, getters that throw odd things or return a different value on each read, sparse arrays
 * and proxies that lie about their length. Each is made from the value it replaces, so that it
 * can look valid at first sight. Made fresh for every input: fast-check cannot hold a revoked proxy.
 */
import { RefundRulesError } from '../../src/index.js'

/** How one hostile field is made: a value, or an accessor on the object holding it. */
export type HostileField = { value: unknown } | { get: () => unknown }

/** A proxy every trap of which throws `thrown(proxy)` (the proxy itself, by default). */
export function trapsThrow(target: object, thrown: (proxy: object) => unknown = (proxy) => proxy): object {
  const handler: ProxyHandler<object> = {}
  const proxy = new Proxy(target, handler)
  for (const trap of [
    'getPrototypeOf',
    'setPrototypeOf',
    'isExtensible',
    'preventExtensions',
    'getOwnPropertyDescriptor',
    'defineProperty',
    'has',
    'get',
    'set',
    'deleteProperty',
    'ownKeys',
    'apply',
    'construct',
  ] as const) {
    handler[trap] = () => {
      throw thrown(proxy)
    }
  }
  return proxy
}

/** The reproducer: a proxy whose getPrototypeOf trap throws the proxy itself. */
export function prototypeTrapThrows(target: object = {}): object {
  const evil: object = new Proxy(target, {
    getPrototypeOf() {
      throw evil
    },
  })
  return evil
}

const revoked = (target: object) => {
  const r = Proxy.revocable(target, {})
  r.revoke()
  return r.proxy
}

/** An object to wrap: the original if it is one, else an empty object. */
const objectOf = (original: unknown): object => (typeof original === 'object' && original !== null ? original : {})

const arrayOf = (original: unknown): unknown[] => (Array.isArray(original) ? [...original] : [original])

/** Lengths a proxy may claim: huge, negative, fractional, not a number at all. */
const LIES: readonly unknown[] = [2 ** 32 - 1, 2 ** 53, 1e9, -1, 2.5, Number.NaN, '2', { valueOf: () => 2 }]

/** Values a getter may throw besides errors: the hostile proxies themselves, a forged error, nothing. */
const THROWN: readonly (() => unknown)[] = [
  () => prototypeTrapThrows(),
  () => trapsThrow({}),
  () => Object.create(RefundRulesError.prototype),
  () => null,
  () => undefined,
  () => Symbol('thrown'),
  () => new RangeError('Maximum call stack size exceeded'),
]

/** A getter that returns a different value on each read: first the original, then junk, alternately (or the reverse). */
function changing(original: unknown, junk: unknown, originalFirst: boolean): HostileField {
  let reads = 0
  return { get: () => ((reads++ % 2 === 0) === originalFirst ? original : junk) }
}

/** Every kind, by name; `variant` picks among a kind's variants (lies, thrown values, junk). */
export const HOSTILE_KINDS: Readonly<Record<string, (original: unknown, variant: number) => HostileField>> = {
  'proxy whose getPrototypeOf trap throws': (original) => ({ value: prototypeTrapThrows(objectOf(original)) }),
  'proxy whose every trap throws itself': (original) => ({ value: trapsThrow(objectOf(original)) }),
  'proxy whose every trap throws something odd': (original, variant) => ({
    value: trapsThrow(objectOf(original), () => THROWN[variant % THROWN.length]?.()),
  }),
  'revoked proxy': (original) => ({ value: revoked(objectOf(original)) }),
  'transparent proxy': (original) => ({ value: new Proxy(objectOf(original), {}) }),
  'getter that throws': (_, variant) => ({
    get: () => {
      throw THROWN[variant % THROWN.length]?.()
    },
  }),
  'getter that changes value, original first': (original, variant) =>
    changing(original, [null, '', 'x', -1, {}, []][variant % 6], true),
  'getter that changes value, junk first': (original, variant) =>
    changing(original, [null, '', 'x', -1, {}, []][variant % 6], false),
  'sparse array': (original, variant) => {
    const items = arrayOf(original)
    const sparse: unknown[] = new Array(items.length + 1 + (variant % 3))
    items.forEach((item, i) => {
      sparse[i + 1] = item
    })
    return { value: sparse }
  },
  'array of 2^32 - 1 holes': () => {
    const holes: unknown[] = []
    holes.length = 2 ** 32 - 1
    return { value: holes }
  },
  'proxy lying about its length': (original, variant) => {
    const lie = LIES[variant % LIES.length]
    return {
      value: new Proxy(arrayOf(original), {
        get: (target, key, receiver) => (key === 'length' ? lie : Reflect.get(target, key, receiver)),
      }),
    }
  },
  'proxy whose ownKeys trap breaks its invariants': (original) => ({
    value: new Proxy(Object.preventExtensions({ ...objectOf(original) }), { ownKeys: () => ['invented', 'invented'] }),
  }),
}

export const HOSTILE_KIND_NAMES = Object.keys(HOSTILE_KINDS)

/**
 * Left out of policies for now: createPolicy walks a policy's arrays (writtenChannels, weekend,
 * closedDates, holidays.types) before checking their length, so these take minutes there. Inputs
 * get them. When policy arrays are length-checked first, delete this list and its use.
 */
export const TOO_LONG_FOR_POLICIES: ReadonlySet<string> = new Set([
  'array of 2^32 - 1 holes',
  'proxy lying about its length',
])

/** Whether a kind makes an accessor (which needs a holder, so cannot replace the root). */
export function isGetterKind(kind: string): boolean {
  const field = HOSTILE_KINDS[kind]?.(undefined, 0)
  return field !== undefined && 'get' in field
}

/** A copy of `value` (plain objects and arrays copied along the path) with the field at `keys` made hostile. */
export function withHostileField(
  value: unknown,
  keys: readonly (string | number)[],
  make: (original: unknown) => HostileField,
): unknown {
  const [key, ...rest] = keys
  if (key === undefined) {
    const field = make(value)
    if ('value' in field) return field.value
    throw new Error('a hostile getter needs an object to hold it: pick a path below the root')
  }
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>
  if (rest.length > 0) {
    Object.defineProperty(copy, key, {
      value: withHostileField(copy[key], rest, make),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  } else {
    Object.defineProperty(copy, key, { ...make(copy[key]), enumerable: true, configurable: true })
  }
  return copy
}
