// When is a refund requested now due? The business calendar on its own,
// around Christmas and Easter in England.
import assert from 'node:assert/strict'
import { createBusinessCalendar } from 'refund-rules'

const calendar = createBusinessCalendar({
  timeZone: 'Europe/London',
  holidays: { country: 'GB', state: 'ENG', types: ['public', 'bank'] },
  cutoff: '17:00',
})

const requests = [
  '2026-12-22T10:00:00Z', // Tuesday before Christmas
  '2026-12-24T17:30:00Z', // Christmas Eve after the 17:00 cutoff
  '2027-03-25T09:00:00+00:00', // Thursday before Good Friday
  '2027-03-28T12:00:00+01:00', // Easter Sunday, first day of BST
]

for (const receivedAt of requests) {
  const due = calendar.refundDueDate(receivedAt, 5)
  console.log(`${receivedAt.padEnd(26)} local ${calendar.localDate(receivedAt)}  due ${due.date} (by ${due.dueBy})`)
}

// 23, 24, 29, 30, 31 December: Christmas Day and the Boxing Day substitute (28th) are skipped.
assert.deepEqual(calendar.refundDueDate('2026-12-22T10:00:00Z', 5), {
  date: '2026-12-31',
  dueBy: '2026-12-31T23:59:59.999Z',
})
// After the cutoff on Christmas Eve the clock starts on the next business day, 29 December.
assert.equal(calendar.refundDueDate('2026-12-24T17:30:00Z', 5).date, '2027-01-06') // 30, 31 Dec, 4, 5, 6 Jan
assert.equal(calendar.isBusinessDay('2027-03-29'), false) // Easter Monday
assert.equal(calendar.addBusinessDays('2027-03-25', 1), '2027-03-30')
