/**
 * `refund-rules/testing`: fast-check arbitraries for every input of the
 * library, edge generators for its time rules, and scenario builders, for
 * property-based suites of payment backends. `fast-check` is an optional
 * peer dependency (`^3.8 || ^4`); the main entry never imports this module.
 *
 * The API follows three conventions:
 *
 * - **`arbX(overrides?)`** returns a `fc.Arbitrary`. Every override may be a
 *   fixed value or an arbitrary (`arbTopUp({ currency: 'EUR' })`,
 *   `arbTopUp({ currency: fc.constantFrom('EUR', 'JPY') })`); `null` leaves an
 *   optional field out. Generated values are valid on their own: amounts have
 *   at most their currency's minor unit of decimals, instants parse in any
 *   accepted spelling (ISO with `Z` or an offset, epoch ms, `Date`), and related
 *   values agree (`receivedAt` ≤ `now`, an order is placed after its top-up, …).
 * - **Edge generators** return epoch milliseconds (`arbDstInstant`,
 *   `arbMonthEndInstant`, `arbLeapDayInstant`, `arbHolidayInstant`), dates
 *   (`arbHolidayDate`) or tagged edges (`arbWindowEdge` →
 *   `{ instant, position: 'before' | 'at' | 'after', edge }`).
 * - **Scenarios** (`arbTopUpScenario('late')`, `arbOrderScenario`,
 *   `arbTerminationScenario`, `arbInactivityScenario`, `arbScenario`) return
 *   `{ clause, kind, bundle, policy, expected }`: the bundle carries its
 *   `clause`, ready for `evaluate(bundle, policy)`; `policy` is the policy it
 *   was built for (`{ policy }` option, default the published one), compiled
 *   once; `expected` is what SPEC §5 makes of it (`expectedOutcome` and
 *   `expectedReason` give the same per kind).
 *
 * Snapshots and scenarios are records of independent draws, so a failing
 * property shrinks to the boundary: the smallest amount, a request exactly at
 * the window's end (1 ms after it when late), the plainest spelling.
 * Default instants fall in 2000–2040 (override with `from`/`to` or
 * `fromYear`/`toYear`); default amounts are at most 10^12 major units.
 *
 * @example
 * import fc from 'fast-check'
 * import { evaluate } from 'refund-rules'
 * import { arbTopUpScenario } from 'refund-rules/testing'
 *
 * fc.assert(
 *   fc.property(arbTopUpScenario('late', { currency: 'EUR' }), ({ bundle, policy, expected }) =>
 *     evaluate(bundle, policy).outcome === expected.outcome),
 * )
 *
 * @packageDocumentation
 */
export {
  arbHolidayDate,
  arbHolidayInstant,
  arbNearHolidayDate,
  holidayDates,
  type NearHolidayDate,
} from './holidays.js'
export {
  arbDstInstant,
  arbEpochMs,
  arbInactivityEdge,
  arbInstant,
  arbInstantOnDate,
  arbInstantSpelling,
  arbLeapDayInstant,
  arbMonthEndInstant,
  arbWindowEdge,
  DEFAULT_FROM_YEAR,
  DEFAULT_TO_YEAR,
  type Deactivation,
  type DstOptions,
  deactivationAt,
  dstTransitions,
  type EdgeInstant,
  type EdgePosition,
  type EpochMs,
  INSTANT_FORMS,
  type InactivityEdgeOptions,
  type InstantForm,
  type InstantOptions,
  type InstantRange,
  type LocalDateOptions,
  type OffsetTransition,
  spellInstant,
  toEpochMs,
  windowEdges,
  type YearRange,
} from './instants.js'
export type { Gen } from './lift.js'
export {
  type AmountForm,
  type AmountOptions,
  allCurrencies,
  amountToUnits,
  arbAmount,
  arbAmountSpelling,
  arbCurrency,
  arbMinorUnits,
  arbMoney,
  type CurrencyOptions,
  DEFAULT_MAX_AMOUNT,
  type MoneyOverrides,
  minorUnitOf,
  NOTABLE_CURRENCIES,
  unitsToAmount,
} from './money.js'
export {
  arbCalendarOptions,
  arbFeeRule,
  arbFeeSchedule,
  arbHolidayOptions,
  arbMethod,
  arbPercent,
  arbPlainDate,
  arbPolicyOptions,
  arbTimeZone,
  type CalendarOverrides,
  CHANNELS,
  type EffectiveSettings,
  type FeeOptions,
  holidayCountries,
  METHOD_NAMES,
  NOTABLE_TIME_ZONES,
  type PolicyOverrides,
  settingsOf,
} from './policy.js'
export {
  type AnyScenario,
  arbInactivityScenario,
  arbOrderScenario,
  arbScenario,
  arbTerminationScenario,
  arbTopUpScenario,
  type ExpectedDecision,
  type ExpectedReason,
  expectedOutcome,
  expectedReason,
  SCENARIOS,
  type Scenario,
  type ScenarioBundle,
  type ScenarioKind,
  type ScenarioKinds,
  type ScenarioOverrides,
} from './scenarios.js'
export {
  type AccountOverrides,
  arbAccount,
  arbFundedOrder,
  arbId,
  arbOrder,
  arbRequest,
  arbTopUp,
  type CommonOverrides,
  INFORMATION_ITEMS,
  type InformationState,
  type OrderOverrides,
  type RequestOverrides,
  type SpellingOptions,
  type TopUpOverrides,
} from './snapshots.js'
