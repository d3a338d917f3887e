// Every exported function of the package's entry points must carry an `@example` JSDoc tag.
// TypeDoc's `validation.notDocumented` (see typedoc.json) only enforces a summary; it cannot
// require a tag, so this script walks the public API with the TypeScript compiler API and fails
// listing each exported function (declarations and `const f = () => …` alike, overloads counted
// as one) whose declarations have no `@example`. Entry points: src/index.ts and, when it exists,
// src/testing/index.ts (the `refund-rules/testing` subpath); other files may be given as arguments.
import { existsSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const entries = (
  args.length > 0 ? args.map((p) => resolve(p)) : ['src/index.ts', 'src/testing/index.ts'].map((p) => join(root, p))
).filter((p) => existsSync(p))

const configPath = join(root, 'tsconfig.json')
const config = ts.getParsedCommandLineOfConfigFile(
  configPath,
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic() {} },
)
if (!config) throw new Error(`cannot read ${configPath}`)
const program = ts.createProgram(entries, { ...config.options, noEmit: true })
const checker = program.getTypeChecker()

const isFunctionLike = (decl) =>
  ts.isFunctionDeclaration(decl) ||
  (ts.isVariableDeclaration(decl) &&
    decl.initializer !== undefined &&
    (ts.isArrowFunction(decl.initializer) || ts.isFunctionExpression(decl.initializer)))

const hasExample = (decl) => ts.getJSDocTags(decl).some((tag) => tag.tagName.text === 'example')

let functions = 0
const missing = []
for (const entry of entries) {
  const source = program.getSourceFile(entry)
  const moduleSymbol = source && checker.getSymbolAtLocation(source)
  if (!moduleSymbol) throw new Error(`cannot load ${entry}`)
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
    const declarations = (symbol.declarations ?? []).filter(isFunctionLike)
    if (declarations.length === 0) continue
    functions++
    if (!declarations.some(hasExample)) {
      const decl = declarations[0]
      const file = decl.getSourceFile()
      const { line } = file.getLineAndCharacterOfPosition(decl.getStart())
      missing.push(`${relative(root, entry)}: ${exported.name} (${relative(root, file.fileName)}:${line + 1})`)
    }
  }
}

const names = entries.map((e) => relative(root, e)).join(', ')
if (missing.length > 0) {
  console.error(`exported functions without an @example JSDoc tag (${names}):`)
  for (const line of missing) console.error(`  ${line}`)
  console.error(`${missing.length} of ${functions} exported functions lack @example`)
  process.exit(1)
}
console.log(`@example: all ${functions} exported functions documented (${names})`)
