// Reads Stryker JSON reports (default reports/mutation/mutation.json) and prints each file's mutation score
// and the mutants left alive, one line each with the source line they sit on.
//
//   node scripts/mutation-report.mjs [report.json ...]          the scores and the survivors
//   node scripts/mutation-report.mjs --lines [report.json ...]  only the survivors' lines as `--mutate`
//                                                                patterns, to rerun them against the whole suite
//
// Several reports may be given (one per folder or line run): a mutant in a later report (the same file, span,
// mutator and replacement) replaces the same mutant in an earlier one, so a rerun of the survivors' lines against
// the whole suite updates a folder's first pass.
// Killed and timed-out mutants count as detected; survivors and mutants no test reaches count against the
// score; ignored mutants (message text, static) are not counted.
import { readFileSync } from 'node:fs'

const args = process.argv.slice(2)
const linesOnly = args.includes('--lines')
const reports = args.filter((arg) => !arg.startsWith('--'))
const files = new Map()
const keyOf = ({ location: { start, end }, mutatorName, replacement }) =>
  `${start.line}:${start.column}-${end.line}:${end.column} ${mutatorName} ${replacement}`
for (const report of reports.length > 0 ? reports : ['reports/mutation/mutation.json']) {
  for (const [path, file] of Object.entries(JSON.parse(readFileSync(report, 'utf8')).files)) {
    const known = files.get(path)
    if (known === undefined) {
      files.set(path, { source: file.source, mutants: new Map(file.mutants.map((m) => [keyOf(m), m])) })
    } else {
      for (const mutant of file.mutants) known.mutants.set(keyOf(mutant), mutant)
    }
  }
}
for (const file of files.values()) file.mutants = [...file.mutants.values()]

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
