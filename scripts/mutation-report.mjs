// Reads Stryker JSON reports (default reports/mutation/mutation.json) and prints each file's mutation score
// and the mutants left alive, one line each with the source line they sit on.
//
//   node scripts/mutation-report.mjs [report.json ...]          the scores and the survivors
//   node scripts/mutation-report.mjs --lines [report.json ...]  only the survivors' lines as `--mutate`
//                                                                patterns, to rerun them against the whole suite
//
// Several reports may be given (one per folder run); a file in a later report replaces it in an earlier one.
// Killed and timed-out mutants count as detected; survivors and mutants no test reaches count against the
// score; ignored mutants (message text, static) are not counted.
import { readFileSync } from 'node:fs'

const args = process.argv.slice(2)
const linesOnly = args.includes('--lines')
const reports = args.filter((arg) => !arg.startsWith('--'))
const files = new Map()
for (const report of reports.length > 0 ? reports : ['reports/mutation/mutation.json']) {
  for (const [path, file] of Object.entries(JSON.parse(readFileSync(report, 'utf8')).files)) files.set(path, file)
}

const alive = (mutant) => mutant.status === 'Survived' || mutant.status === 'NoCoverage'
const detected = (mutant) => mutant.status === 'Killed' || mutant.status === 'Timeout'

if (linesOnly) {
  const patterns = []
  for (const [path, file] of files) {
    const spans = new Set(file.mutants.filter(alive).map((m) => `${m.location.start.line}-${m.location.end.line}`))
    for (const span of spans) patterns.push(`${path}:${span}`)
  }
  console.log(patterns.join(','))
} else {
  let allDetected = 0
  let allCounted = 0
  for (const [path, file] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const source = file.source.split('\n')
    const found = file.mutants.filter(detected).length
    const counted = found + file.mutants.filter(alive).length
    allDetected += found
    allCounted += counted
    const score = counted === 0 ? '—' : `${((100 * found) / counted).toFixed(1)} %`
    console.log(`${path}  ${score}  (${found} of ${counted})`)
    for (const mutant of file.mutants.filter(alive)) {
      const { line, column } = mutant.location.start
      const text = source[line - 1]?.trim().slice(0, 100)
      console.log(
        `  ${line}:${column} ${mutant.status} ${mutant.mutatorName} → ${JSON.stringify(mutant.replacement ?? '').slice(0, 50)}  | ${text}`,
      )
    }
  }
  console.log(`all  ${((100 * allDetected) / allCounted).toFixed(1)} %  (${allDetected} of ${allCounted})`)
}
