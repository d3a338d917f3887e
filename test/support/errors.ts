/** Test helpers for errors. */
import { expect } from 'vitest'
import { RefundRulesError } from '../../src/errors.js'

/** The RefundRulesError `fn` throws; fails the test when it throws nothing or something else. */
export function errorOf(fn: () => unknown): RefundRulesError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(RefundRulesError)
    return error as RefundRulesError
  }
  throw new Error('expected a RefundRulesError')
}
