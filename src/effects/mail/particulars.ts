/**
 * What identifies the notification's record in an e-mail, in the reader's language: the kind's
 * own particulars (`src/kinds/<kind>/particulars.ts`) read through this reader's eyes. The mail
 * knows no kind; the registry says which particulars and words a kind has.
 */
import { kindModule } from '../../kinds/index.js';
import type { RecordReading } from '../../kinds/kit/particulars.js';
import type { MailLine, Reading } from './reading.js';

/** The record as the kind's particulars read it, with the kind's labels in the reader's language. */
function recordReading(r: Reading, labels: unknown): RecordReading<unknown> {
  const { wording } = r;
  return {
    labels,
    data: r.notification.data,
    to: r.notification.to,
    text: (key) => r.text(key),
    list: (key) => r.list(key),
    economy: (code) => r.economy(code),
    cab: () => r.cab(),
    principal: (id) => r.principal(id),
    date: (iso) => wording.date(iso),
    period: (from, until) => wording.period(from, until),
    regulation: (id) => wording.regulation(id),
  };
}

/** The record as its subject line names it: "Recognition of … by KR". */
export function recordSubject(r: Reading): string {
  const module = kindModule(r.kind);
  const words = module.words[r.wording.language];
  return words.subject(module.particulars.subject(recordReading(r, words.labels)));
}

/** The identifying lines of the notification's record. */
export function recordParticulars(r: Reading): MailLine[] {
  const module = kindModule(r.kind);
  const words = module.words[r.wording.language];
  return module.particulars.lines(recordReading(r, words.labels)).filter((line): line is MailLine => line !== null);
}
