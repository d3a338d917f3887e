// What a built package promises and what it needs, read with the TypeScript compiler API, for
// scripts/check-package.mjs (and its own tests in test/errors):
//   - declaredValues(file): the names a declaration file (.d.ts/.d.mts) exports as VALUES — what a
//     program may import and use at runtime, so what the JavaScript must export. A name exported
//     without `type` whose declarations merge a type and a value (`declare const X` and `type X`)
//     is a value: that is how a bundled declaration once exported a constant the runtime lacked.
//   - importedPackages(file): the packages a built JavaScript file imports or requires (node:
//     builtins and relative paths left out), which its runtime dependencies must be exactly.
import { readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import ts from 'typescript'

/** Whether an export or import declaration is written type-only (`export type {…}`, `export { type X }`). */
function isTypeOnly(declaration) {
  if (ts.isExportSpecifier(declaration) || ts.isImportSpecifier(declaration)) {
    return declaration.isTypeOnly || declaration.parent.parent.isTypeOnly
  }
  if (ts.isImportClause(declaration) || ts.isExportDeclaration(declaration)) return declaration.isTypeOnly
  if (ts.isNamespaceImport(declaration)) return declaration.parent.isTypeOnly
  return false
}

/**
 * The value names a declaration file exports, sorted. Follows each alias one step at a time (across
 * the chunk files a bundler splits declarations into): a type-only step anywhere makes it a type.
 */
export function declaredValues(file) {
  // No lib: exports and their flags resolve without it, and loading it would take most of the time.
  const program = ts.createProgram([file], { noEmit: true, noLib: true, types: [] })
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(file)
  if (source === undefined) throw new Error(`cannot read ${file}`)
  const module = checker.getSymbolAtLocation(source)
  if (module === undefined) return []
  const values = []
  for (const exported of checker.getExportsOfModule(module)) {
    let symbol = exported
    let typeOnly = false
    for (let step = 0; symbol.flags & ts.SymbolFlags.Alias && step < 100; step++) {
      if ((symbol.declarations ?? []).some(isTypeOnly)) typeOnly = true
      symbol = checker.getImmediateAliasedSymbol(symbol) ?? symbol
      if (!(symbol.flags & ts.SymbolFlags.Alias)) break
    }
    if (!typeOnly && symbol.flags & ts.SymbolFlags.Value) values.push(exported.name)
  }
  return values.sort()
}

const BUILTINS = new Set(builtinModules)

/** The package a bare specifier names: `@scope/name` or `name`, without a subpath. */
function packageOf(specifier) {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

/** The packages a JavaScript file imports, re-exports from, requires or dynamically imports, sorted. */
export function importedPackages(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const found = new Set()
  const note = (node) => {
    if (node === undefined || !ts.isStringLiteralLike(node)) return
    const specifier = node.text
    if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return
    if (BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0])) return
    found.add(packageOf(specifier))
  }
  const visit = (node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) note(node.moduleSpecifier)
    else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
    ) {
      note(node.arguments[0])
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return [...found].sort()
}
