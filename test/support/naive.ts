/**
 * The naive composition a user would hand-write: date-fns day steps plus a
 * date-holidays `isHoliday` call per day. It is the oracle the calendar is
 * checked against and the baseline the benchmarks compare with.
 */
import { TZDate } from '@date-fns/tz'
import { addDays, format, isWeekend } from 'date-fns'
import Holidays from 'date-holidays'

export function createNaiveCalendar(country = 'GB', state = 'ENG') {
  const holidays = new Holidays(country, state, { types: ['public', 'bank'] })
  // Noon in London, as a TZDate, so date-fns reads weekdays and dates there whatever the host's TZ.
  const noon = (date: string) => {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number]
    return new TZDate(year, month - 1, day, 12, 'Europe/London')
  }
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
