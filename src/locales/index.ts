/**
 * `refund-rules/locales`: the languages of `explain` beyond the built-in
 * English, one object each, imported only by those who use them (as date-fns
 * does): `import { de } from 'refund-rules/locales'`.
 *
 * @packageDocumentation
 */
// The types a locale is written with: `ExplainLocale`, `ReasonFormats`, `ReasonSentence`…
export type * from '../explain/locale.js'
export { en } from '../explain/locale.js'
export { de } from './de.js'
export { ru } from './ru.js'
