/**
 * The readers behind the package check (scripts/check-package.mjs): which names a declaration file
 * exports as values — a constant declared under the same name as its type was exported as a value
 * the runtime did not have (`import { ErrorCode }` compiled, then failed) — and which packages built
 * JavaScript imports, which the runtime dependencies must equal.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { declaredValues, importedPackages } from '../../scripts/package-contents.mjs'

const dir = mkdtempSync(join(tmpdir(), 'package-contents-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Writes `files` into the temp dir and returns the path of the first. */
function write(files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return join(dir, Object.keys(files)[0] as string)
}

describe('declaredValues', () => {
  it('counts a name that is both a constant and a type, exported without `type`, as a value (the old bundle)', () => {
    const file = write({
      'old.d.ts': `declare const ErrorCode: { readonly A: 'A' };
type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
export { ErrorCode, ErrorCode as ErrorCodes };`,
    })
    expect(declaredValues(file)).toEqual(['ErrorCode', 'ErrorCodes'])
  })

  it('leaves out types, and names exported with `type` even when a value shares them', () => {
    const file = write({
      'new.d.ts': `declare const ErrorCodes: { readonly A: 'A' };
type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];
declare const Shared: number;
type Shared = string;
interface Issue { code: ErrorCode }
declare class RefundRulesError extends Error {}
declare function isRefundRulesError(value: unknown): value is RefundRulesError;
declare enum Kind { A }
declare namespace Types { type T = 1 }
export { type ErrorCode, ErrorCodes, type Issue, RefundRulesError, isRefundRulesError, Kind, type Shared, Types };`,
    })
    expect(declaredValues(file)).toEqual(['ErrorCodes', 'Kind', 'RefundRulesError', 'isRefundRulesError'])
  })

  it('follows re-exports through chunk files, where a type-only step makes a type', () => {
    const file = write({
      'entry.d.ts': `export { c as createPolicy, P as Policy, V as Both } from './chunk.js';
export type { W as BothAsType } from './chunk.js';
export * from './star.js';`,
      'chunk.d.ts': `declare function createPolicy(): void;
interface Policy { id: string }
declare const Both: 1;
type Both = 2;
export { createPolicy as c, type Policy as P, Both as V, Both as W };`,
      'star.d.ts': 'export declare const fromStar: number;\nexport type OnlyType = string;',
    })
    expect(declaredValues(file)).toEqual(['Both', 'createPolicy', 'fromStar'])
  })
})

describe('importedPackages', () => {
  it('finds imports, re-exports, requires and dynamic imports of packages, not builtins or relative files', () => {
    const file = write({
      'built.mjs': `import a from 'decimal.js'
import { b } from "@date-fns/tz/date"
export { c } from 'date-holidays'
import './chunk-1.mjs'
import fs from 'node:fs'
import path from 'path'
const d = require('fast-check')
const e = await import('@scope/pkg')
const words = { WRITTEN_REQUEST: 'WRITTEN_REQUEST', text: "import x from 'not-a-package'" }
`,
    })
    expect(importedPackages(file)).toEqual(['@date-fns/tz', '@scope/pkg', 'date-holidays', 'decimal.js', 'fast-check'])
  })
})
