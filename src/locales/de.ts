/**
 * German (Germany): `Do. 31. Dez. 2026`, `22. Dez. 2026, 10:00 GMT+0`.
 */
import type { ReasonParams } from '../decision.js'
import type { ExplainLocale } from '../explain/locale.js'

/** What the German sentence of `CLOCK_SKEW_TOLERATED` calls each field it may name. */
const SKEWED_FIELDS: Readonly<Record<ReasonParams['CLOCK_SKEW_TOLERATED']['field'], string>> = {
  'request.receivedAt': 'Der Eingang des Antrags',
  'request.informationRequested.providedAt': 'Die Übermittlung der angeforderten Angaben',
  'account.lastActivityAt': 'Die letzte Aktivität',
}

const businessDays = (n: number) => `${n} ${n === 1 ? 'Geschäftstag' : 'Geschäftstage'}`

/**
 * German words for `explain`; holiday names from date-holidays in German.
 *
 * @example
 * explain(decision, { policy, locale: de }) // 'Genehmigt — Erstattung nach Aufladung des Guthabens.\n…'
 */
export const de: ExplainLocale = {
  code: 'de-DE',
  clauses: {
    'top-up-refund': 'Erstattung nach Aufladung des Guthabens',
    'order-cancellation': 'Erstattung bei Stornierung einer Bestellung',
    termination: 'Erstattung bei Beendigung der Nutzung',
    inactivity: 'Inaktivität des Kontos',
  },
  headlines: {
    approved: 'Genehmigt',
    rejected: 'Abgelehnt',
    'needs-information': 'Warten auf den Kunden',
    'manual-review': 'Zur manuellen Prüfung',
    active: 'Konto aktiv',
    deactivated: 'Konto deaktiviert',
  },
  reasons: {
    WITHIN_WINDOW: (p, f) =>
      `Der Antrag ging innerhalb der Frist von ${p.windowHours} Stunden ein, die bis ${f.instant(p.windowClosesAt)} läuft`,
    WINDOW_EXPIRED: (p, f) =>
      `Der Antrag ging am ${f.instant(p.receivedAt)} ein, nachdem die Frist von ${p.windowHours} Stunden am ${f.instant(p.windowClosesAt)} abgelaufen war`,
    ALREADY_REFUNDED: (p, f) =>
      `Es ist nichts mehr zu erstatten: ${p.orderId === null ? 'die Aufladung' : `die Bestellung ${p.orderId}`} über ${f.money(p.amount)} wurde bereits vollständig erstattet`,
    NOTHING_TO_REFUND: (p, f) => `Das Guthaben beträgt ${f.money(p.balance)}: es gibt nichts zu erstatten`,
    PARTIALLY_SPENT: (p, f) =>
      `Ein Teil der Aufladung wurde ausgegeben: erstattet werden können nur die verbleibenden ${f.money(p.balance)} Guthaben, nicht ${f.money(p.left)}`,
    ALREADY_CANCELLED: (p) => `Die Bestellung ${p.orderId} wurde bereits storniert`,
    WRITTEN_REQUEST: (p, f) =>
      `Der Antrag kam über „${p.channel}“; er muss schriftlich (${f.list(p.writtenChannels, 'disjunction')}) an ${p.address} gesendet werden`,
    REQUESTED_INFORMATION: (p, f) =>
      `Die zusätzlich angeforderten Angaben liegen noch nicht vor: ${f.list(p.items, 'conjunction')}`,
    ORDER_DETAILS: (p) =>
      p.letterOrderId === null
        ? `Der Antrag enthält nicht die Angaben der Bestellung ${p.orderId} aus dem persönlichen Konto`
        : `Das Schreiben nennt die Bestellung „${p.letterOrderId}“, nicht die Bestellung ${p.orderId}: die Angaben dieser Bestellung müssen hineinkopiert werden`,
    IDENTITY_VERIFICATION: () => 'Der Inhaber hat seine Identität nicht bestätigt',
    OWNERSHIP_VERIFICATION: () => 'Das Recht des Inhabers, das Konto und sein Guthaben zu nutzen, ist nicht bestätigt',
    INDIVIDUAL_TERMS: () =>
      'Die Bedingungen einer Beendigung werden im Einzelfall besprochen: die Beträge sind ein Vorschlag',
    INACTIVE_OVER_THRESHOLD: (p, f) =>
      `Das Konto wurde seit ${f.instant(p.lastActivityAt)} nicht genutzt, länger als ${p.months} ${p.months === 1 ? 'Monat' : 'Monate'}`,
    MONTH_END_CLAMPED: (p) =>
      `Die ${p.months} Monate nach der letzten Aktivität enden an einem Tag, den der Monat nicht hat: es zählt sein letzter Tag`,
    NONEXISTENT_LOCAL_TIME: (p) =>
      `Die ${p.months} Monate nach der letzten Aktivität enden zu einer Uhrzeit, die die Zeitumstellung übersprungen hat: es zählt die nächste bestehende Uhrzeit`,
    NOTHING_LEFT_AFTER_DEDUCTIONS: (p, f) =>
      `Die Abzüge umfassen den ganzen Betrag von ${f.money(p.gross)}: es bleibt nichts auszuzahlen`,
    CLOCK_SKEW_TOLERATED: (p, f) =>
      `${SKEWED_FIELDS[p.field]} (${f.instant(p.at)}) lag kurz nach der Prüfung und gilt als deren Zeitpunkt (innerhalb der tolerierten Uhrenabweichung)`,
  },
  requirements: {
    WRITTEN_REQUEST: 'ein schriftlicher Antrag',
    REQUESTED_INFORMATION: 'die zusätzlich angeforderten Angaben',
    ORDER_DETAILS: 'die Bestellangaben aus dem persönlichen Konto',
    IDENTITY_VERIFICATION: 'ein Identitätsnachweis',
    OWNERSHIP_VERIFICATION: 'ein Nachweis des Rechts, das Konto und sein Guthaben zu nutzen',
  },
  labels: {
    why: 'Grund',
    refund: 'Erstattung',
    proposedRefund: 'Vorgeschlagene Erstattung',
    refundOnceComplete: 'Erstattung, sobald der Antrag vollständig ist',
    computedRefund: 'Berechnete Erstattung',
    settlement: 'Nach den Regeln der Beendigung zurückzuzahlendes Guthaben',
    processingFee: 'Bearbeitungsgebühr',
    debt: 'Schulden',
    nothingDeducted: (gross) => `nichts abgezogen von ${gross}`,
    debtRemains: (debt) => `${debt} Schulden bleiben offen`,
    statusChange: (at) => `Der Bestellstatus ändert sich bis ${at}.`,
    due: (f) =>
      `Erstattung fällig am ${f.date}${f.from === undefined ? '' : ` — ${businessDays(f.days)} nach ${f.from}`}${f.skipped === undefined ? '' : `; nicht gezählt: ${f.skipped}`}.`,
    weekend: 'Wochenende',
    closed: 'geschlossen',
    stillNeeded: (items, address) => `Noch benötigt: ${items} — an ${address}.`,
    deactivated: (at, last) => `Deaktiviert nach ${at} (letzte Aktivität ${last}).`,
    deactivates: (at, last) => `Wird deaktiviert nach ${at} (letzte Aktivität ${last}).`,
    claimSettlement: (address) =>
      `Um es zu erhalten, muss der Inhaber an ${address} schreiben und seine Identität und sein Recht an dem Guthaben bestätigen.`,
  },
}
