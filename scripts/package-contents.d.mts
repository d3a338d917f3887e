/** The names a declaration file (.d.ts/.d.mts, or a .ts source) exports as values, sorted. */
export function declaredValues(file: string): string[]
/** The packages a JavaScript file imports, re-exports from, requires or dynamically imports, sorted. */
export function importedPackages(file: string): string[]
