/**
 * Everything an e-mail says in one language. The words no kind owns are one file per language
 * (`en.ts`, `vi.ts`) that a reviewer can read from top to bottom; each kind's own words (its noun,
 * states, events, deadlines, reasons) are in its folder (`src/kinds/<kind>/words.ts`) and are
 * gathered here into tables keyed by kind, then by state or event, as the machines name them.
 * The layout code (`content.ts`, `render-*.ts`) holds no words of its own.
 */
import type { Kind, Role } from '../kinds/types.js';
import type { Language } from '../kinds/kit/words.js';

export type { Language } from '../kinds/kit/words.js';

/** Words keyed by state or event name, per workflow kind. */
export type PerKind = Readonly<Record<Kind, Readonly<Record<string, string>>>>;

/** The tables gathered from every registered kind's words (`src/kinds/<kind>/words.ts`). */
export interface KindTables {
  /** The kind in a sentence, lower case: "recognition", "thỏa thuận". */
  nouns: Readonly<Record<Kind, string>>;
  /** Every state a machine can be in. */
  states: PerKind;
  /** Every event (and `CREATE`), as "what happened". `{economy}` is the acting principal's economy. */
  events: PerKind;
  /** The end of the subject line for events that keep the state (reminders, a first signature, a scope change). */
  unchanged: PerKind;
  /** What happens next, once an instance is in a state. */
  next: PerKind;
  /** The deadlines the states set, by the event they fire. */
  deadlines: PerKind;
  /** Reason codes of a rejected test report, a refused or ended certificate. */
  reasons: Readonly<Record<string, string>>;
}

/** The words of the e-mails that no kind owns; `Wording` adds the kinds' tables. */
export interface GeneralWording {
  language: Language;
  /** Roles of principals, and `cab` for a conformity assessment body's own address. */
  roles: Readonly<Record<Role | 'cab', string>>;
  labels: {
    happened: string;
    by: string;
    when: string;
    cause: string;
    reason: string;
    comment: string;
    request: string;
    response: string;
    /** The grounds of a contest of a CAB's competence. */
    reasonsGiven: string;
    answerBy: string;
    positionBy: string;
    effectiveAt: string;
    /** The regulations an event names: a partial suspension, a notified list. */
    regulationsNamed: string;
    removed: string;
    reasons: string;
    next: string;
    deadlines: string;
    link: string;
  };
  greeting: (name: string) => string;
  /** Who acted: a principal with role and economy, or the engine itself. */
  actor: (actor: { name: string; role: string; economy: string | null; automatic: boolean }) => string;
  /** Why the system acted: a deadline that fell due. */
  causeDeadline: (deadline: string, dueAt: string) => string;
  /** Why the system acted: another instance changed state. */
  causeCascade: (noun: string, id: string, state: string) => string;
  /** From which state to which: "pending review → recognized". */
  change: (from: string, to: string) => string;
  /** An instant, unambiguous for this reader. */
  instant: (iso: string) => string;
  /** An instant that marks a day (midnight UTC) is shown as that day. */
  date: (iso: string) => string;
  /** A period between two days: "2024-06-14 – 2028-10-31". */
  period: (from: string, until: string) => string;
  /** One regulation id (`VN:QCVN 54:2020/BTTTT`) as the reader's prose names it. */
  regulation: (id: string) => string;
  /** Why this reader receives the e-mail, and that nobody reads replies. */
  footer: (party: { role: string; economy: string | null; noun: string }) => string[];
  /** The e-mail a watcher gets (docs/watches-and-webhooks.md). */
  watch: {
    /** The label of the line that says what the reader watches. */
    watched: string;
    /** A watch on one instance: "this test report". */
    instance: (noun: string) => string;
    /** A watch on an equipment model in an importing economy. */
    model: (facts: { model: string; manufacturer: string; economy: string }) => string;
    /** A watch on a CAB's recognition by an importing economy. */
    recognition: (facts: { cab: string; economy: string }) => string;
    /** Why the reader receives it, how to stop it (`page`: where the reader's watches are removed), and that nobody reads replies. */
    footer: (watchId: string, page: string) => string[];
  };
  /** The e-mail that carries a sign-in link. */
  signIn: {
    subject: string;
    heading: string;
    /** What to do, how long the link works (`until` is already an instant for this reader), and what if it was not you. */
    text: (until: string) => string;
    link: string;
    footer: string[];
  };
}

/** Everything an e-mail says in one language: the general words and every kind's. */
export type Wording = GeneralWording & KindTables;
