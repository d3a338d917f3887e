/**
 * Ready-made policies.
 */
import { createPolicy, type Policy } from './settings.js'

/**
 * The published CTR Group refund policy with the defaults of SPEC §3: 48-hour
 * windows, refunds within 5 business days of England (Europe/London, GB/ENG
 * public and bank holidays), deactivation after 12 months without use,
 * written requests by email or letter, termination settlements reviewed
 * individually, and no processing fee until one is configured.
 *
 * @example
 * ctrGroupPolicy.topUpRefundWindowHours // => 48
 * ctrGroupPolicy.contacts.refunds // => 'refund@ctr.group'
 */
export const ctrGroupPolicy: Policy = createPolicy()
