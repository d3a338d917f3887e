// Type-checks every TypeScript code block of README.md, so the documentation cannot rot: a block
// that would not compile against the current source fails `npm test` with its README line.
//
// - A block is a fenced block (``` or ~~~) whose info string starts with `ts` or `typescript`.
// - Opt out with the word `nocheck` in the info string: ```ts nocheck — for fragments that are
//   not meant to compile on their own (signatures, pseudo-code, shapes with `…`).
// - Each block is an independent module: it gets `export {}` appended, so names never clash
//   between blocks; it may use top-level `await`.
// - The compiler options are the repo's tsconfig.json, so `import … from 'refund-rules'` and
//   'refund-rules/testing' resolve to src/ through `paths`. Two options are relaxed for
//   snippets: noUnusedLocals and noUnusedParameters (a snippet may show a value it never uses).
// - The blocks are compiled in memory as files under .readme-check/ (nothing is written to disk),
//   so module resolution from there finds the repo's node_modules.
import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
// Another Markdown file may be given as the argument (used to test this script).
const readmePath = process.argv[2] ? resolve(process.argv[2]) : join(root, 'README.md')
const label = process.argv[2] ? basename(readmePath) : 'README.md'

/** Fenced TypeScript blocks of a Markdown text: `{ line, info, code, nocheck }`, `line` 1-based of the first code line. */
export function extractBlocks(markdown) {
  const lines = markdown.split(/\r?\n/)
  const blocks = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*([^`]*)$/.exec(lines[i])
    if (!open) continue
    const fence = open[1]
    const info = open[2].trim()
    const body = []
    let j = i + 1
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`)
    while (j < lines.length && !close.test(lines[j])) body.push(lines[j++])
    const words = info.split(/[\s,{}]+/).filter(Boolean)
    const lang = (words[0] ?? '').toLowerCase()
    if (lang === 'ts' || lang === 'typescript') {
      blocks.push({ line: i + 2, info, code: body.join('\n'), nocheck: words.slice(1).includes('nocheck') })
    }
    i = j
  }
  return blocks
}

function main() {
  if (!existsSync(readmePath)) {
    console.log(`${label}: not found, 0 blocks`)
    return 0
  }
  const blocks = extractBlocks(readFileSync(readmePath, 'utf8'))
  const checked = blocks.filter((b) => !b.nocheck)
  const skipped = blocks.length - checked.length
  if (checked.length === 0) {
    console.log(`${label}: 0 blocks type-checked${skipped ? ` (${skipped} nocheck)` : ''}`)
    return 0
  }

  const configPath = join(root, 'tsconfig.json')
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic(d) {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'))
      },
    },
  )
  const options = { ...config.options, noEmit: true, noUnusedLocals: false, noUnusedParameters: false }

  const dir = join(root, '.readme-check')
  const files = new Map()
  for (const block of checked) {
    const fileName = join(dir, `readme-line-${block.line}.ts`)
    files.set(fileName, { block, text: `${block.code}\nexport {}\n` })
  }
  const host = ts.createCompilerHost(options, true)
  const { getSourceFile, fileExists, readFile } = host
  host.fileExists = (f) => files.has(f) || fileExists.call(host, f)
  host.readFile = (f) => files.get(f)?.text ?? readFile.call(host, f)
  host.getSourceFile = (f, lang, onError, create) => {
    const virtual = files.get(f)
    return virtual
      ? ts.createSourceFile(f, virtual.text, lang, true)
      : getSourceFile.call(host, f, lang, onError, create)
  }
  const program = ts.createProgram([...files.keys()], options, host)
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...[...files.keys()].flatMap((f) => {
      const source = program.getSourceFile(f)
      return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
    }),
  ]

  for (const d of diagnostics) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n  ')
    const virtual = d.file && files.get(d.file.fileName)
    if (virtual && d.start !== undefined) {
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start)
      const at = `${label}:${virtual.block.line + line}:${character + 1}`
      console.error(`${at} - error TS${d.code}: ${message}`)
      const source = virtual.block.code.split('\n')[line]
      if (source !== undefined) console.error(`    ${source}`)
    } else if (d.file && d.start !== undefined) {
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start)
      console.error(`${d.file.fileName}:${line + 1}:${character + 1} - error TS${d.code}: ${message}`)
    } else {
      console.error(`error TS${d.code}: ${message}`)
    }
  }
  const failedBlocks = new Set(diagnostics.map((d) => d.file && files.get(d.file.fileName)?.block.line))
  const summary = `${label}: ${checked.length} blocks type-checked${skipped ? `, ${skipped} nocheck` : ''}`
  if (diagnostics.length > 0) {
    console.error(`${summary}: ${diagnostics.length} errors in ${failedBlocks.size} blocks`)
    return 1
  }
  console.log(`${summary}, all compile`)
  return 0
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main()
