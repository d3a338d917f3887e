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
 *   bundles with their `clause`, ready for `evaluate(bundle, policy)`, built for
 *   the policy options passed as `{ policy }` (default: the published policy).
 *   `expectedOutcome` and `expectedReason` say what SPEC §5 makes of each kind.
 *
 * Default instants fall in 2000–2040 (override with `from`/`to` or
 * `fromYear`/`toYear`); default amounts are at most 10^12 major units.
 *
 * @example
 * import fc from 'fast-check'
 * import { evaluate } from 'refund-rules'
 * import { arbTopUpScenario, expectedOutcome } from 'refund-rules/testing'
 *
 * fc.assert(
 *   fc.property(arbTopUpScenario('late', { currency: 'EUR' }), (bundle) =>
 *     evaluate(bundle).outcome === expectedOutcome('top-up-refund', 'late')),
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
  arbSafeInteger,
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
  type InstantInput,
  type InstantOptions,
  type InstantRange,
  type LocalDateOptions,
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  type OffsetTransition,
  spellInstant,
  toEpochMs,
  windowEdges,
  type YearRange,
} from './instants.js'
export { type Gen, isArbitrary } from './lift.js'
export {
  type AmountForm,
  type AmountInput,
  type AmountOptions,
  allCurrencies,
  arbAmount,
  arbAmountSpelling,
  arbCurrency,
  arbMinorUnits,
  arbMoney,
  type CurrencyOptions,
  DEFAULT_MAX_AMOUNT,
  type DecimalLike,
  formatMinorUnits,
  type MoneyInput,
  type MoneyOverrides,
  minorUnitOf,
  NOTABLE_CURRENCIES,
  toMinorUnits,
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
  type BusinessCalendarOptions,
  type CalendarOverrides,
  CHANNELS,
  type EffectiveSettings,
  type FeeOptions,
  type FeeRounding,
  type FeeRule,
  type FeeSchedule,
  type HolidayOptions,
  type HolidayType,
  holidayCountries,
  METHOD_NAMES,
  NOTABLE_TIME_ZONES,
  type OrderCancellationAnchor,
  type PolicyOptions,
  type PolicyOverrides,
  PUBLISHED_POLICY_OPTIONS,
  settingsOf,
} from './policy.js'
export {
  arbInactivityScenario,
  arbOrderScenario,
  arbScenario,
  arbTerminationScenario,
  arbTopUpScenario,
  type ClauseId,
  expectedOutcome,
  expectedReason,
  type InactivityBundle,
  type InactivityScenario,
  type MissingRequirement,
  type OrderCancellationBundle,
  type OrderScenario,
  SCENARIOS,
  type ScenarioBundle,
  type ScenarioOverrides,
  type TaggedScenario,
  type TerminationBundle,
  type TerminationScenario,
  type TopUpRefundBundle,
  type TopUpScenario,
} from './scenarios.js'
export {
  type AccountOverrides,
  type AccountSnapshot,
  arbAccount,
  arbFundedOrder,
  arbGap,
  arbId,
  arbOrder,
  arbRequest,
  arbTopUp,
  type CommonOverrides,
  INFORMATION_ITEMS,
  type InformationState,
  MAX_GAP_MS,
  type OrderOverrides,
  type OrderSnapshot,
  type RefundRequest,
  type RequestOverrides,
  type SpellingOptions,
  type TopUpOverrides,
  type TopUpSnapshot,
} from './snapshots.js'
