/**
 * Russian: `чт 31 дек. 2026 г.`, `22 дек. 2026 г., 10:00 GMT+0`.
 */
import type { ReasonParams } from '../decision.js'
import type { ExplainLocale } from '../explain/locale.js'

/** What the Russian sentence of `CLOCK_SKEW_TOLERATED` calls each field it may name. */
const SKEWED_FIELDS: Readonly<Record<ReasonParams['CLOCK_SKEW_TOLERATED']['field'], string>> = {
  'request.receivedAt': 'Время поступления заявки',
  'request.informationRequested.providedAt': 'Время предоставления запрошенных данных',
  'account.lastActivityAt': 'Время последней активности',
}

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
    WITHIN_WINDOW: (p, f) =>
      `Заявка поступила в течение ${p.windowHours}-часового срока, открытого до ${f.instant(p.windowClosesAt)}`,
    WINDOW_EXPIRED: (p, f) =>
      `Заявка поступила ${f.instant(p.receivedAt)}, когда ${p.windowHours}-часовой срок уже истёк (${f.instant(p.windowClosesAt)})`,
    ALREADY_REFUNDED: (p, f) =>
      p.orderId === null
        ? `Возвращать нечего: пополнение на сумму ${f.money(p.amount)} уже возвращено полностью`
        : `Возвращать нечего: заказ ${p.orderId} на сумму ${f.money(p.amount)} уже возвращён полностью`,
    NOTHING_TO_REFUND: (p, f) => `Баланс составляет ${f.money(p.balance)}: возвращать нечего`,
    PARTIALLY_SPENT: (p, f) =>
      `Часть пополнения потрачена: вернуть можно только остаток на балансе ${f.money(p.balance)}, а не ${f.money(p.left)}`,
    ALREADY_CANCELLED: (p) => `Заказ ${p.orderId} уже отменён`,
    WRITTEN_REQUEST: (p, f) =>
      `Заявка поступила по каналу «${p.channel}»; её нужно направить в письменной форме (${f.list(p.writtenChannels, 'disjunction')}) на ${p.address}`,
    REQUESTED_INFORMATION: (p, f) =>
      `Запрошенные дополнительные данные ещё не предоставлены: ${f.list(p.items, 'conjunction')}`,
    ORDER_DETAILS: (p) =>
      p.letterOrderId === null
        ? `В заявке нет данных заказа ${p.orderId} из личного кабинета`
        : `В письме указан заказ «${p.letterOrderId}», а не заказ ${p.orderId}: нужно скопировать в него данные этого заказа`,
    IDENTITY_VERIFICATION: () => 'Владелец не подтвердил свою личность',
    OWNERSHIP_VERIFICATION: () => 'Право владельца пользоваться аккаунтом и средствами на нём не подтверждено',
    INDIVIDUAL_TERMS: () => 'Условия при прекращении обсуждаются индивидуально: суммы — это предложение',
    INACTIVE_OVER_THRESHOLD: (p, f) =>
      `Аккаунтом не пользовались с ${f.instant(p.lastActivityAt)}, больше ${p.months} ${plural.select(p.months) === 'one' ? 'месяца' : 'месяцев'}`,
    MONTH_END_CLAMPED: (p) =>
      `Отсчёт месяцев (${p.months}) от последней активности пришёлся на день, которого нет в месяце: берётся последний день месяца`,
    NONEXISTENT_LOCAL_TIME: (p) =>
      `Отсчёт месяцев (${p.months}) от последней активности пришёлся на время, пропущенное при переводе часов: берётся ближайшее существующее время`,
    NOTHING_LEFT_AFTER_DEDUCTIONS: (p, f) => `Удержания поглощают всю сумму ${f.money(p.gross)}: выплачивать нечего`,
    CLOCK_SKEW_TOLERATED: (p, f) =>
      `${SKEWED_FIELDS[p.field]} (${f.instant(p.at)}) чуть позже момента проверки и считается моментом проверки (в пределах допустимого расхождения часов)`,
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
