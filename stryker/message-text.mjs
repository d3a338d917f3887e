// Stryker ignorer (stryker.config.mjs `ignorers`): the text of messages is copy, not behaviour. A mutant that
// empties or edits "must be at most 3650 days apart" is killed only by a test that pins the whole sentence,
// and then every copy edit is a test edit. Tests assert error codes, paths and key fragments instead, and
// this ignorer leaves message text out of the score.
//
// Message text is told apart by a space: codes (`WINDOW_EXPIRED`), paths (`topUp.creditedAt`), outcomes
// (`approved`), zone names, dates and formats never contain one; sentences always do. The whole literal
// is ignored, with the expressions interpolated into a template (they only feed the sentence); every other
// mutant in the same statement (the code, the path, the condition) is still counted.
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin'

/** The literal's text without its interpolations, or undefined if the node is no string or template literal. */
function literalText(node) {
  if (node.type === 'StringLiteral') return node.value
  if (node.type === 'TemplateLiteral') return node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join('')
  return undefined
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'message-text', {
    shouldIgnore(path) {
      const text = literalText(path.node)
      return text !== undefined && /\s/.test(text) ? 'message text is copy, not behaviour' : undefined
    },
  }),
]
