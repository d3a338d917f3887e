/**
 * The naive composition a user would hand-write: date-fns day steps plus a
 * date-holidays `isHoliday` call per day. It is the oracle the calendar is
 * checked against and the baseline the benchmarks compare with.
 */
import { addDays, format, isWeekend } from 'date-fns'
import Holidays from 'date-holidays'

export function createNaiveCalendar(country = 'GB', state = 'ENG') {
  const holidays = new Holidays(country, state, { types: ['public', 'bank'] })
  // Noon UTC of a date is the same date in Europe/London all year round.
  const noon = (date: string) => new Date(`${date}T12:00:00Z`)
  const isBusinessDay = (date: string) => {
    const day = noon(date)
    return !isWeekend(day) && !holidays.isHoliday(day)
  }
  const addBusinessDays = (date: string, n: number) => {
    let day = noon(date)
    let remaining = n
    while (remaining > 0) {
      day = addDays(day, 1)
      if (!isWeekend(day) && !holidays.isHoliday(day)) remaining--
    }
    return format(day, 'yyyy-MM-dd')
  }
  return { isBusinessDay, addBusinessDays }
}
