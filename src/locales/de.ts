/**
 * German (Germany): `Do. 31. Dez. 2026`, `22. Dez. 2026, 10:00 GMT+0`.
 */
import type { ExplainLocale } from '../explain/locale.js'

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
    WITHIN_WINDOW: (f) =>
      `Der Antrag ging innerhalb der Frist von ${f.windowHours} Stunden ein, die bis ${f.windowClosesAt} läuft`,
    WINDOW_EXPIRED: (f) =>
      `Der Antrag ging ein, nachdem die Frist von ${f.windowHours} Stunden am ${f.windowClosesAt} abgelaufen war`,
    ALREADY_REFUNDED: () => 'Es ist nichts mehr zu erstatten: der Betrag wurde bereits erstattet',
    NOTHING_TO_REFUND: () => 'Das Guthaben ist null oder negativ: es gibt nichts zu erstatten',
    PARTIALLY_SPENT: () =>
      'Ein Teil der Aufladung wurde ausgegeben: nur das verbleibende Guthaben kann erstattet werden',
    ALREADY_CANCELLED: () => 'Die Bestellung wurde bereits storniert',
    WRITTEN_REQUEST: (f) => `Der Antrag muss schriftlich (${f.channels}) an ${f.refunds} gesendet werden`,
    REQUESTED_INFORMATION: () => 'Die zusätzlich angeforderten Angaben liegen noch nicht vor',
    ORDER_DETAILS: () => 'Der Antrag enthält nicht die Angaben dieser Bestellung aus dem persönlichen Konto',
    IDENTITY_VERIFICATION: () => 'Der Inhaber hat seine Identität nicht bestätigt',
    OWNERSHIP_VERIFICATION: () => 'Das Recht des Inhabers, das Konto und sein Guthaben zu nutzen, ist nicht bestätigt',
    INDIVIDUAL_TERMS: () =>
      'Die Bedingungen einer Beendigung werden im Einzelfall besprochen: die Beträge sind ein Vorschlag',
    INACTIVE_OVER_THRESHOLD: (f) =>
      `Das Konto wurde seit ${f.lastActivityAt} nicht genutzt, länger als ${f.months} ${f.months === 1 ? 'Monat' : 'Monate'}`,
    MONTH_END_CLAMPED: (f) =>
      `Die ${f.months} Monate nach der letzten Aktivität enden an einem Tag, den der Monat nicht hat: es zählt sein letzter Tag`,
    NONEXISTENT_LOCAL_TIME: (f) =>
      `Die ${f.months} Monate nach der letzten Aktivität enden zu einer Uhrzeit, die die Zeitumstellung übersprungen hat: es zählt die nächste bestehende Uhrzeit`,
    NOTHING_LEFT_AFTER_DEDUCTIONS: () => 'Die Abzüge umfassen den ganzen Betrag: es bleibt nichts auszuzahlen',
    CLOCK_SKEW_TOLERATED: () =>
      'Eine Zeit kurz nach der Prüfung wurde als Zeitpunkt der Prüfung gelesen (innerhalb der tolerierten Uhrenabweichung)',
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
