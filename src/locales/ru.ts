/**
 * Russian: `чт 31 дек. 2026 г.`, `22 дек. 2026 г., 10:00 GMT+0`.
 */
import type { ExplainLocale } from '../explain/locale.js'

const plural = new Intl.PluralRules('ru')

/** `n рабочий день`, `n рабочих дня`, `n рабочих дней`, by Russian plural rules (CLDR). */
function businessDays(n: number): string {
  const form = plural.select(n)
  return `${n} ${form === 'one' ? 'рабочий день' : form === 'few' ? 'рабочих дня' : 'рабочих дней'}`
}

/**
 * Russian words for `explain`; holiday names from date-holidays in Russian where it has them.
 *
 * @example
 * explain(decision, { policy, locale: ru }) // 'Одобрено — возврат после пополнения баланса.\n…'
 */
export const ru: ExplainLocale = {
  code: 'ru-RU',
  clauses: {
    'top-up-refund': 'возврат после пополнения баланса',
    'order-cancellation': 'возврат при отмене заказа',
    termination: 'возврат при прекращении использования',
    inactivity: 'неактивность аккаунта',
  },
  headlines: {
    approved: 'Одобрено',
    rejected: 'Отклонено',
    'needs-information': 'Ждём клиента',
    'manual-review': 'На ручную проверку',
    active: 'Аккаунт активен',
    deactivated: 'Аккаунт деактивирован',
  },
  reasons: {
    WITHIN_WINDOW: (f) =>
      `Заявка поступила в течение ${f.windowHours}-часового срока, открытого до ${f.windowClosesAt}`,
    WINDOW_EXPIRED: (f) => `Заявка поступила после окончания ${f.windowHours}-часового срока (${f.windowClosesAt})`,
    ALREADY_REFUNDED: () => 'Возвращать нечего: средства уже возвращены',
    NOTHING_TO_REFUND: () => 'Баланс нулевой или отрицательный: возвращать нечего',
    PARTIALLY_SPENT: () => 'Часть пополнения потрачена: вернуть можно только остаток на балансе',
    ALREADY_CANCELLED: () => 'Заказ уже отменён',
    WRITTEN_REQUEST: (f) => `Заявку нужно направить в письменной форме (${f.channels}) на ${f.refunds}`,
    REQUESTED_INFORMATION: () => 'Запрошенные дополнительные данные ещё не предоставлены',
    ORDER_DETAILS: () => 'В заявке нет данных этого заказа из личного кабинета',
    IDENTITY_VERIFICATION: () => 'Владелец не подтвердил свою личность',
    OWNERSHIP_VERIFICATION: () => 'Право владельца пользоваться аккаунтом и средствами на нём не подтверждено',
    INDIVIDUAL_TERMS: () => 'Условия при прекращении обсуждаются индивидуально: суммы — это предложение',
    INACTIVE_OVER_THRESHOLD: (f) =>
      `Аккаунтом не пользовались с ${f.lastActivityAt}, больше ${f.months} ${plural.select(f.months) === 'one' ? 'месяца' : 'месяцев'}`,
    MONTH_END_CLAMPED: (f) =>
      `Отсчёт месяцев (${f.months}) от последней активности пришёлся на день, которого нет в месяце: берётся последний день месяца`,
    NONEXISTENT_LOCAL_TIME: (f) =>
      `Отсчёт месяцев (${f.months}) от последней активности пришёлся на время, пропущенное при переводе часов: берётся ближайшее существующее время`,
    NOTHING_LEFT_AFTER_DEDUCTIONS: () => 'Удержания поглощают всю сумму: выплачивать нечего',
    CLOCK_SKEW_TOLERATED: () =>
      'Время чуть позже момента проверки прочитано как момент проверки (в пределах допустимого расхождения часов)',
  },
  requirements: {
    WRITTEN_REQUEST: 'письменная заявка',
    REQUESTED_INFORMATION: 'запрошенные дополнительные данные',
    ORDER_DETAILS: 'данные заказа из личного кабинета',
    IDENTITY_VERIFICATION: 'подтверждение личности',
    OWNERSHIP_VERIFICATION: 'подтверждение права пользоваться аккаунтом и средствами на нём',
  },
  labels: {
    why: 'Причина',
    refund: 'Возврат',
    proposedRefund: 'Предлагаемый возврат',
    refundOnceComplete: 'Возврат после получения полной заявки',
    computedRefund: 'Рассчитанный возврат',
    settlement: 'Остаток к возврату по правилам прекращения',
    processingFee: 'комиссия за обработку',
    debt: 'задолженность',
    nothingDeducted: (gross) => `без удержаний из ${gross}`,
    debtRemains: (debt) => `остаётся задолженность ${debt}`,
    statusChange: (at) => `Статус заказа изменится до ${at}.`,
    due: (f) =>
      `Срок возврата — ${f.date}${f.from === undefined ? '' : `: ${businessDays(f.days)} после ${f.from}`}${f.skipped === undefined ? '' : `; не считаются: ${f.skipped}`}.`,
    weekend: 'выходные',
    closed: 'нерабочий день',
    stillNeeded: (items, address) => `Ещё нужно: ${items} — на ${address}.`,
    deactivated: (at, last) => `Деактивирован после ${at} (последняя активность ${last}).`,
    deactivates: (at, last) => `Будет деактивирован после ${at} (последняя активность ${last}).`,
    claimSettlement: (address) =>
      `Чтобы получить их, владелец должен написать на ${address} и подтвердить свою личность и право на средства.`,
  },
}
