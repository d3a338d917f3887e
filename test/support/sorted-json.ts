/**
 * JSON with object keys sorted at every depth: what a PostgreSQL `jsonb`
 * column gives back in its own key order, and the canonical text the
 * fingerprint oracle hashes. Written here, apart from the library's own.
 */
export function sortedJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${sortedJson((value as Record<string, unknown>)[k])}`)
    .join(',')}}`
}
