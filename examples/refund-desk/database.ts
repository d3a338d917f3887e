// One connection, from either driver: PGlite (PostgreSQL compiled to WebAssembly, in this process,
// no server) by default, or a real server through node-postgres when a connection string is given.
// Both return rows the same way for what the desk reads: NUMERIC as a decimal string, TIMESTAMPTZ
// as a Date, NULL as null; BIGINT/BIGSERIAL as a number (PGlite) or a string (node-postgres).
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'

/** What the desk needs from a connection. */
export interface Database {
  /** One statement with `$1`-style parameters; resolves to the rows as the driver returned them. */
  query<Row extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: Row[] }>
  /** Several statements without parameters (a schema, a seed). */
  exec(text: string): Promise<void>
  close(): Promise<void>
}

/**
 * Connects to `url` with node-postgres, or, without a URL, starts an in-memory PGlite.
 *
 * @example
 * const db = await openDatabase(process.env.DATABASE_URL)
 */
export async function openDatabase(url: string | undefined): Promise<Database> {
  if (url !== undefined && url !== '') {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    return {
      query: async <Row extends Record<string, unknown>>(text: string, params?: unknown[]) =>
        client.query<Row>(text, params),
      exec: async (text) => {
        await client.query(text)
      },
      close: () => client.end(),
    }
  }
  return fromPGlite(await PGlite.create())
}

/**
 * Wraps a PGlite instance (for one made with options of your own, such as `parsers`).
 *
 * @example
 * const db = fromPGlite(await PGlite.create())
 */
export function fromPGlite(db: PGlite): Database {
  return {
    query: async <Row extends Record<string, unknown>>(text: string, params?: unknown[]) => db.query<Row>(text, params),
    exec: async (text) => {
      await db.exec(text)
    },
    close: () => db.close(),
  }
}
