/**
 * The published policy's settings, on their own so that the testing kit can
 * share them without pulling in the rest of the policy module.
 */
import { deepFreeze } from '../freeze.js'
import type { PolicyOptions } from './settings.js'

/** The settings of the published CTR Group policy (SPEC §3). */
export const CTR_GROUP_DEFAULTS = deepFreeze({
  id: 'ctr-group',
  version: '1',
  topUpRefundWindowHours: 48,
  orderCancellationWindowHours: 48,
  orderCancellationAnchor: 'top-up',
  cancellationStatusChangeHours: 48,
  refundBusinessDays: 5,
  inactivityMonths: 12,
  writtenChannels: ['email', 'letter'],
  clockSkewSeconds: 0,
  termination: { settlement: 'manual-review', payoutBusinessDays: null },
  calendar: {
    timeZone: 'Europe/London',
    weekend: [6, 0],
    holidays: { country: 'GB', state: 'ENG', types: ['public', 'bank'] },
    closedDates: [],
    openDates: [],
    cutoff: null,
  },
  fees: {},
  contacts: { refunds: 'refund@ctr.group', general: 'info@ctr.group', support: 'support@ctr.group' },
  currencies: {},
} as const satisfies PolicyOptions)
