// Runs every examples/*.ts under ts-node against the built package, the way a
// user who copied it would. An example fails the run by throwing (each one
// checks its own printed answer with node:assert) or by exiting non-zero.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = new URL('../examples/', import.meta.url).pathname
const examples = readdirSync(dir)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .sort()
const tsNode = join(dir, '..', 'node_modules', '.bin', 'ts-node')
// A zone far from UTC, so an example that leaned on the host's zone would show it; and the database
// example on its embedded PostgreSQL (PGlite) even where DATABASE_URL names a real server.
const env = { ...process.env, TZ: 'America/Los_Angeles' }
delete env.DATABASE_URL
let failed = 0
for (const name of examples) {
  const result = spawnSync(tsNode, [join(dir, name)], { encoding: 'utf8', env })
  const ok = result.status === 0
  if (!ok) failed++
  console.log(`${ok ? 'ok  ' : 'FAIL'} examples/${name}`)
  if (!ok) console.log(result.stdout, result.stderr)
}
console.log(`examples: ${examples.length - failed} passed, ${failed} failed`)
mkdirSync(join(dir, '..', 'reports'), { recursive: true })
writeFileSync(join(dir, '..', 'reports', 'examples.json'), JSON.stringify({ passed: examples.length - failed, failed }))
process.exit(failed === 0 && examples.length > 0 ? 0 : 1)
