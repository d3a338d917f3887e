// Checks the package as users receive it, not the source tree: `npm pack` into a temp dir, assert
// the tarball holds only dist/**, README.md, CHANGELOG.md, LICENSE and package.json, then install
// it into a temp project and use it the three ways the README promises:
//   1. CommonJS `require('refund-rules')` (.cjs),
//   2. ESM `import … from 'refund-rules'` (.mjs), with the same export names as CommonJS,
//   3. ts-node, type-checking against the shipped .d.ts with the README's tsconfig (TS_CONFIG).
// Every subpath of the packed `exports` map besides '.' and './package.json' (today
// './testing') is required, imported and type-checked as well.
// Then two checks publint and attw do not make:
//   4. every value the .d.ts and .d.mts of each entry declare exists at runtime, in CommonJS and
//      in ESM, and every runtime export is declared (a constant declared but absent compiles, then
//      fails: `undefined` under require, a SyntaxError under import);
//   5. the runtime dependencies are exactly the packages the built JavaScript imports (peer
//      dependencies aside): nothing installed that nothing uses, nothing used but not installed.
//
// No network: the temp project's node_modules is built by hand, not by `npm install`. The
// packed package's dependencies, peer and optional dependencies, and the tools (typescript,
// ts-node, @types/node) are symlinked from this repo's node_modules (present after `npm ci`);
// Node follows the links to their real paths, so their own dependencies resolve there too.
// The tarball itself is extracted to node_modules/refund-rules (a real directory), so its
// imports resolve only through what the temp project links: an undeclared import fails.
// Children run with TZ=Pacific/Kiritimati (UTC+14) to catch host-zone dependence.
// Set KEEP_PACKAGE_CHECK=1 to keep the temp dir for inspection.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { declaredValues, importedPackages } from './package-contents.mjs'

/** The tsconfig the README recommends to ts-node (CommonJS) users; keep the two identical. */
export const TS_CONFIG = {
  compilerOptions: {
    module: 'commonjs',
    moduleResolution: 'node10',
    target: 'ES2022',
    strict: true,
    esModuleInterop: true,
  },
}

const ALLOWED = /^(dist\/.+|README\.md|CHANGELOG\.md|LICENSE|package\.json)$/
const REQUIRED = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE']
const TOOLS = ['typescript', 'ts-node', '@types/node']

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const work = mkdtempSync(join(tmpdir(), 'refund-rules-package-'))
let failures = 0
const pass = (what) => console.log(`ok   ${what}`)
const fail = (what, detail) => {
  failures++
  console.log(`FAIL ${what}`)
  if (detail) console.log(detail.replace(/^/gm, '     '))
}

try {
  if (!existsSync(join(root, 'dist', 'index.js'))) {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' })
  }

  // 1. Pack and check the file list.
  const packDir = join(work, 'pack')
  mkdirSync(packDir)
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', packDir], { cwd: root, encoding: 'utf8' }),
  )[0]
  const files = packed.files.map((f) => f.path).sort()
  console.log(`packed ${packed.filename}: ${files.length} files, ${packed.size} B`)
  const unexpected = files.filter((f) => !ALLOWED.test(f))
  // Every file the manifest points at (main, module, types, exports targets) must be in the tarball.
  const manifestIn = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const targets = (v) =>
    typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(targets) : []
  const pointed = targets([
    manifestIn.main,
    manifestIn.module,
    manifestIn.types,
    manifestIn.exports,
    manifestIn.typesVersions,
  ])
    .filter((t) => !t.includes('*'))
    .map((t) => t.replace(/^\.\//, ''))
  const absent = [...new Set([...REQUIRED, ...pointed])].filter((f) => !files.includes(f))
  if (unexpected.length === 0 && absent.length === 0) pass(`file list: ${files.join(', ')}`)
  else {
    fail(
      'file list',
      [
        unexpected.length ? `unexpected: ${unexpected.join(', ')}` : '',
        absent.length ? `missing: ${absent.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    )
  }

  // 2. A temp project: linked dependencies and tools, the tarball extracted as refund-rules.
  const project = join(work, 'project')
  const modules = join(project, 'node_modules')
  const target = join(modules, 'refund-rules')
  mkdirSync(target, { recursive: true })
  execFileSync('tar', ['xzf', join(packDir, packed.filename), '-C', target, '--strip-components=1'])
  const manifest = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'))
  const linked = [
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
    ...TOOLS,
  ]
  for (const name of new Set(linked)) {
    const from = join(root, 'node_modules', name)
    if (!existsSync(from)) throw new Error(`${name} is not in ${join(root, 'node_modules')}: run npm ci first`)
    mkdirSync(dirname(join(modules, name)), { recursive: true })
    symlinkSync(from, join(modules, name), 'dir')
  }
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'package-check', private: true }))
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(TS_CONFIG, null, 2))
  const subpaths = Object.keys(manifest.exports ?? {}).filter((k) => k !== '.' && k !== './package.json')
  console.log(`installed in ${project}; subpaths: ${subpaths.join(', ') || 'none'}`)

  // 3. The scripts, one per module system. Each checks the same known answers.
  const main = {
    setup: `
const policy = rr.createPolicy({ fees: { methods: { card: { percent: '2.9', fixed: { EUR: '0.30' } } } } })
const decision = rr.evaluateTopUpRefund(
  {
    topUp: { id: 't1', amount: { amount: '100.00', currency: 'EUR' }, creditedAt: '2026-11-20T10:00:00Z', method: 'card' },
    account: { id: 'a1', balance: { amount: '100.00', currency: 'EUR' }, lastActivityAt: '2026-11-20T10:00:00Z' },
    request: { receivedAt: '2026-11-21T10:00:00Z', channel: 'email' },
    now: '2026-11-21T10:00:00Z',
  },
  policy,
)
const calendar = rr.createBusinessCalendar({
  timeZone: 'Europe/London',
  holidays: { country: 'GB', state: 'ENG', types: ['public', 'bank'] },
})`,
    asserts: `
assert.equal(decision.outcome, 'approved')
assert.equal(decision.amounts?.net, '96.80')
assert.equal(decision.amounts?.deductions[0]?.amount, '3.20')
assert.equal(decision.dates?.windowClosesAt, '2026-11-22T10:00:00.000Z')
assert.equal(decision.dates?.refundDueDate, '2026-11-27')
assert.deepEqual(calendar.refundDueDate('2026-12-22T10:00:00Z', 5), { date: '2026-12-31', dueBy: '2026-12-31T23:59:59.999Z' })
assert.equal(rr.evaluate({ clause: 'top-up-refund', topUp: { id: 't', amount: { amount: '1', currency: 'EUR' }, creditedAt: '2026-01-05T09:00:00Z', method: 'x' }, account: { id: 'a', balance: { amount: '1', currency: 'EUR' }, lastActivityAt: '2026-01-05T09:00:00Z' }, request: { receivedAt: '2026-01-05T10:00:00Z', channel: 'email' }, now: '2026-01-05T10:00:00Z' }).outcome, 'approved')
assert.throws(() => rr.evaluateTopUpRefund({} as never), (e: unknown) => e instanceof rr.RefundRulesError)`,
  }
  // Per-subpath checks, run with the subpath's module as `sub`; any other subpath must at least load.
  const SUBPATH_CHECKS = {
    './testing': `
const fc = require('fast-check')
fc.assert(
  fc.property(sub.arbTopUpScenario('late'), (scenario: any) =>
    rr.evaluate(scenario.bundle, scenario.policy).outcome === sub.expectedOutcome('top-up-refund', 'late')),
  { numRuns: 20, seed: 1 },
)`,
  }
  const subCheck = (s) => SUBPATH_CHECKS[s] ?? 'assert.ok(Object.keys(sub).length > 0)'
  const js = (code) =>
    code
      .replace(/ as never/g, '')
      .replace(/\(e: unknown\)/g, '(e)')
      .replace(/\(scenario: any\)/g, '(scenario)')
  const spec = (s) => `refund-rules/${s.replace(/^\.\//, '')}`
  const each = (render) => subpaths.map((s, i) => render(s, `sub${i}`)).join('\n')

  const cjs = `'use strict'
const assert = require('node:assert/strict')
const rr = require('refund-rules')
${js(main.setup)}
${js(main.asserts)}
// The main entry must not load the subpaths' code or fast-check.
assert.equal(Object.keys(require.cache).some((f) => f.includes('fast-check') || /dist.testing/.test(f)), false)
${each((s) => `{\n  const sub = require('${spec(s)}')\n  ${js(subCheck(s))}\n}`)}
console.log('cjs ok:', Object.keys(rr).length, 'exports')
`
  const esm = `import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import * as rr from 'refund-rules'
${each((s, v) => `import * as ${v} from '${spec(s)}'`)}
const require = createRequire(import.meta.url)
${js(main.setup)}
${js(main.asserts)}
// Same export names from import and require (no dual-package drift).
assert.deepEqual(Object.keys(rr).sort(), Object.keys(require('refund-rules')).sort())
// Both builds loaded: each guard recognises the other's errors, which instanceof does not.
const thrown = (evaluate) => { try { evaluate(null) } catch (error) { return error } }
const fromCjs = thrown(require('refund-rules').evaluate)
assert.equal(fromCjs instanceof rr.RefundRulesError, false)
assert.equal(rr.isRefundRulesError(fromCjs), true)
assert.equal(require('refund-rules').isRefundRulesError(thrown(rr.evaluate)), true)
${each((s, v) => `{\n  const sub = ${v}\n  assert.deepEqual(Object.keys(sub).sort(), Object.keys(require('${spec(s)}')).sort())\n  ${js(subCheck(s))}\n}`)}
console.log('esm ok:', Object.keys(rr).length, 'exports')
`
  const tsFile = `import assert from 'node:assert/strict'
import * as rr from 'refund-rules'
import type { Decision, TopUpRefundDecision } from 'refund-rules'
${each((s, v) => `import * as ${v} from '${spec(s)}'`)}
${main.setup}
const typed: TopUpRefundDecision = decision
const general: Decision = typed
${main.asserts}
assert.equal(general.clause, 'top-up-refund')
${each((s, v) => `{\n  const sub = ${v}\n  ${subCheck(s)}\n}`)}
console.log('ts-node ok:', Object.keys(rr).length, 'exports')
`
  writeFileSync(join(project, 'check.cjs'), cjs)
  writeFileSync(join(project, 'check.mjs'), esm)
  writeFileSync(join(project, 'check.ts'), tsFile)

  const env = { ...process.env, TZ: 'Pacific/Kiritimati', TS_NODE_PROJECT: join(project, 'tsconfig.json') }
  delete env.NODE_OPTIONS
  const run = (what, args) => {
    const r = spawnSync(process.execPath, args, { cwd: project, env, encoding: 'utf8' })
    if (r.status === 0) pass(`${what}: ${r.stdout.trim()}`)
    else fail(what, `${r.stdout}${r.stderr}`.trim())
  }
  run('CommonJS require', ['check.cjs'])
  run('ESM import', ['check.mjs'])
  run(`ts-node (${JSON.stringify(TS_CONFIG.compilerOptions)})`, [
    join(modules, 'ts-node', 'dist', 'bin.js'),
    'check.ts',
  ])

  // 4. Declared values against runtime exports, for each entry: both declaration files, both formats.
  const entries = Object.keys(manifest.exports ?? {}).filter((k) => k !== './package.json')
  const specOf = (entry) => (entry === '.' ? 'refund-rules' : spec(entry))
  writeFileSync(
    join(project, 'exports.mjs'),
    `import { createRequire } from 'node:module'
const require = createRequire(import.meta.url)
const out = {}
for (const spec of process.argv.slice(2)) {
  out[spec] = { CommonJS: Object.keys(require(spec)), ESM: Object.keys(await import(spec)) }
}
console.log(JSON.stringify(out))
`,
  )
  const keys = spawnSync(process.execPath, ['exports.mjs', ...entries.map(specOf)], {
    cwd: project,
    env,
    encoding: 'utf8',
  })
  if (keys.status !== 0) throw new Error(`reading the runtime exports failed:\n${keys.stderr}`)
  const runtime = JSON.parse(keys.stdout)
  for (const entry of entries) {
    for (const condition of ['require', 'import']) {
      const types = manifest.exports[entry]?.[condition]?.types
      if (typeof types !== 'string') {
        fail(`${specOf(entry)}: no types for ${condition}`)
        continue
      }
      const declared = declaredValues(join(target, types))
      for (const [format, names] of Object.entries(runtime[specOf(entry)])) {
        const missing = declared.filter((name) => !names.includes(name))
        const undeclared = names.filter((name) => !declared.includes(name))
        const what = `${specOf(entry)}: the ${declared.length} values ${types} declares exist in ${format}, and no others`
        if (missing.length === 0 && undeclared.length === 0) pass(what)
        else {
          fail(
            what,
            [
              missing.length ? `declared but absent at runtime: ${missing.join(', ')}` : '',
              undeclared.length ? `at runtime but not declared: ${undeclared.join(', ')}` : '',
            ]
              .filter(Boolean)
              .join('\n'),
          )
        }
      }
    }
  }

  // 5. Runtime dependencies against what the built code imports.
  const built = files.filter((f) => /^dist\/.+\.(c|m)?js$/.test(f))
  const imported = [...new Set(built.flatMap((f) => importedPackages(join(target, f))))].sort()
  const peers = Object.keys(manifest.peerDependencies ?? {})
  const dependencies = Object.keys(manifest.dependencies ?? {}).sort()
  const needed = imported.filter((name) => !peers.includes(name))
  const unused = dependencies.filter((name) => !needed.includes(name))
  const undeclaredImports = needed.filter((name) => !dependencies.includes(name))
  const what = `dependencies are exactly what ${built.length} built files import: ${needed.join(', ')} (peers: ${peers.join(', ') || 'none'})`
  if (unused.length === 0 && undeclaredImports.length === 0) pass(what)
  else {
    fail(
      what,
      [
        unused.length ? `dependencies nothing in dist imports: ${unused.join(', ')}` : '',
        undeclaredImports.length ? `imported but not dependencies: ${undeclaredImports.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    )
  }
} catch (error) {
  fail('package check', error instanceof Error ? (error.stack ?? error.message) : String(error))
} finally {
  if (process.env.KEEP_PACKAGE_CHECK) console.log(`kept ${work}`)
  else rmSync(work, { recursive: true, force: true })
}

console.log(`package: ${failures === 0 ? 'all checks passed' : `${failures} failed`}`)
process.exit(failures === 0 ? 0 : 1)
