// The last line of `npm test`: how many tests ran, from the unit run's JSON report (vitest) and the
// example runner's report, as one plain "tests: N passed, N failed" line a CI log reader can count.
import { existsSync, readFileSync } from 'node:fs'

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined)
const unit = read('reports/vitest.json')
const examples = read('reports/examples.json')
if (unit === undefined || examples === undefined) {
  console.error('test summary: a report is missing (reports/vitest.json, reports/examples.json)')
  process.exit(1)
}
const passed = unit.numPassedTests + examples.passed
const failed = unit.numFailedTests + examples.failed
console.log(`unit and property tests: ${unit.numPassedTests}; examples under ts-node: ${examples.passed}`)
console.log(`tests: ${passed} passed, ${failed} failed`)
process.exit(failed === 0 && passed > 0 ? 0 : 1)
