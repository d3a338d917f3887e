/**
 * Deep freezing, for policies and decisions (SPEC §6: deeply frozen).
 */

/**
 * Freezes a value and everything reachable from it, skipping subtrees that
 * are already frozen (the library freezes most parts as it builds them).
 *
 * @example
 * const settings = deepFreeze({ weekend: [6, 0] })
 * Object.isFrozen(settings.weekend) // => true
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key])
    Object.freeze(value)
  }
  return value
}
