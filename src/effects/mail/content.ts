/**
 * What one e-mail says, before it is laid out as text or HTML: the subject, who did what and
 * when, why, the particulars that identify the record, what happens next, the deadlines and the
 * link. All words come from the reader's `Wording` and the kind's own words; this file only
 * decides what goes where.
 */
import type { Kind } from '../../kinds/types.js';
import type { Notification, Recipient } from '../../store/port.js';
import type { DirectoryNames } from './directory-names.js';
import { recordParticulars, recordSubject } from './particulars.js';
import { Reading, type MailLine } from './reading.js';
import type { Wording } from '../../i18n/index.js';
import { ownValue } from '../../own.js';

export type { MailLine } from './reading.js';

export interface MailContent {
  language: Wording['language'];
  subject: string;
  greeting: string;
  lines: MailLine[];
  /** Why a test report was rejected, one line per reason. */
  reasons: { heading: string; items: string[] } | null;
  next: { heading: string; text: string };
  deadlines: { heading: string; items: MailLine[] } | null;
  link: { label: string; href: string };
  footer: string[];
}

/** "Recognition of … by KR: recognized": what the instance is now, or what happened if it stayed put. */
function subjectLine(r: Reading): string {
  const n = r.notification;
  const { wording } = r;
  const changed = n.from === null || n.from !== n.to;
  const happening = changed
    ? r.state(n.kind, n.to)
    : r.fill(ownValue(wording.unchanged[n.kind], n.event) ?? (ownValue(wording.events[n.kind], n.event) ?? n.event).toLowerCase());
  return `${recordSubject(r)}: ${happening}`;
}

function whatHappened(r: Reading): MailLine[] {
  const n = r.notification;
  const { wording } = r;
  const { labels } = wording;
  const event = r.fill(ownValue(wording.events[n.kind], n.event) ?? n.event);
  const change = n.from === null ? r.state(n.kind, n.to) : n.from === n.to ? null : wording.change(r.state(n.kind, n.from), r.state(n.kind, n.to));
  const automatic = n.actor.role === 'system';
  const lines: MailLine[] = [
    { label: labels.happened, value: change === null ? event : `${event} (${change})` },
    {
      label: labels.by,
      value: wording.actor({
        name: n.actor.name ?? n.actor.id,
        role: wording.roles[n.actor.role],
        economy: n.actor.economy === undefined ? null : r.economy(n.actor.economy),
        automatic,
      }),
    },
    { label: labels.when, value: wording.instant(n.at) },
  ];
  const cause = causeOf(r);
  if (cause !== null) lines.push({ label: labels.cause, value: cause });
  for (const key of ['reason', 'comment', 'request', 'response'] as const) {
    const value = n.payload[key];
    if (typeof value === 'string') lines.push({ label: labels[key], value });
  }
  const texts = { reasons: labels.reasonsGiven } as const;
  const instants = { answerBy: labels.answerBy, positionBy: labels.positionBy, effectiveAt: labels.effectiveAt } as const;
  const lists = { regulations: labels.regulationsNamed, removed: labels.removed } as const;
  for (const [key, label] of Object.entries(texts)) {
    const value = n.payload[key];
    if (typeof value === 'string') lines.push({ label, value });
  }
  for (const [key, label] of Object.entries(instants)) {
    const value = n.payload[key];
    if (typeof value === 'string') lines.push({ label, value: wording.instant(value) });
  }
  for (const [key, label] of Object.entries(lists)) {
    const value = n.payload[key];
    if (Array.isArray(value) && value.length > 0) lines.push({ label, value: value.join(', ') });
  }
  return lines;
}

function causeOf(r: Reading): string | null {
  const cause = r.notification.cause;
  if (!cause) return null;
  const { wording } = r;
  const deadline = cause['deadline'] as { event?: string; dueAt?: string } | undefined;
  if (deadline?.event !== undefined && deadline.dueAt !== undefined) {
    const label = ownValue(wording.deadlines[r.kind], deadline.event) ?? deadline.event;
    return wording.causeDeadline(label, wording.instant(deadline.dueAt));
  }
  const kind = cause['kind'] as Kind | undefined;
  const id = cause['id'];
  const state = cause['state'];
  if (kind !== undefined && typeof id === 'string' && typeof state === 'string' && Object.hasOwn(wording.nouns, kind)) {
    return wording.causeCascade(wording.nouns[kind], id, r.state(kind, state));
  }
  return null;
}

/** The states whose e-mail lists the reasons: a rejected report, a refused or ended certificate. */
const REASONED_STATES: readonly string[] = ['rejected', 'refused', 'set_aside', 'revoked', 'withdrawn'];

/** Reasons whose detail is the deciding person's own words, never cut off in any language. */
const OWN_WORDS: readonly string[] = ['REJECTED_BY_REGULATOR', 'SET_ASIDE_BY_REGULATOR', 'REVOKED_BY_REGULATOR', 'WITHDRAWN_BY_BODY'];

function rejectionReasons(r: Reading): MailContent['reasons'] {
  const reasons = r.notification.data['reasons'];
  if (!REASONED_STATES.includes(r.notification.to) || !Array.isArray(reasons) || reasons.length === 0) return null;
  const { wording } = r;
  const items = (reasons as Array<{ code: string; detail: string }>).map(({ code, detail }) => {
    const label = ownValue(wording.reasons, code);
    if (label === undefined) return `${code}: ${detail}`;
    // The details are the engine's English (ids, regulations), so English readers get them; the
    // regulator's (or the body's) own words are worth showing in any language.
    return wording.language === 'en' || OWN_WORDS.includes(code) ? `${label}: ${detail}` : `${label} (${code})`;
  });
  return { heading: wording.labels.reasons, items };
}

function partyOf(r: Reading, recipient: Recipient): { role: string; economy: string | null; noun: string } {
  const [party = '', economy = ''] = recipient.party.split(':');
  // A CAB's own address: a lab is told it is the lab, a certification body gets the general term.
  const role = party === 'cab' && r.names.cab?.type === 'lab' ? 'lab' : party;
  const roles = r.wording.roles as Readonly<Record<string, string>>;
  return { role: ownValue(roles, role) ?? role, economy: economy === '' ? null : r.economy(economy), noun: r.wording.nouns[r.kind] };
}

/**
 * Everything the e-mail about `notification` tells `recipient`, in `wording`'s language.
 *
 * @example mailContent({ notification, recipient, names, wording: wordings.vi, publicUrl: 'https://mra.example.gov.vn' })
 */
export function mailContent(input: {
  notification: Notification;
  recipient: Recipient;
  names: DirectoryNames;
  wording: Wording;
  publicUrl: string;
}): MailContent {
  const { notification: n, wording } = input;
  const r = new Reading(wording, input.names, n);
  const deadlines = n.deadlines.map((d) => ({ label: ownValue(wording.deadlines[n.kind], d.type) ?? d.type, value: wording.instant(d.dueAt) }));
  return {
    language: wording.language,
    subject: subjectLine(r),
    greeting: wording.greeting(input.recipient.name),
    lines: [...whatHappened(r), ...recordParticulars(r)],
    reasons: rejectionReasons(r),
    next: { heading: wording.labels.next, text: ownValue(wording.next[n.kind], n.to) ?? '' },
    deadlines: deadlines.length === 0 ? null : { heading: wording.labels.deadlines, items: deadlines },
    link: { label: wording.labels.link, href: `${input.publicUrl}/records/${n.kind}/${encodeURIComponent(n.instanceId)}` },
    footer: wording.footer(partyOf(r, input.recipient)),
  };
}

/** The subject line alone (the admin view of dead messages shows it). */
export function subjectFor(input: { notification: Notification; names: DirectoryNames; wording: Wording }): string {
  return subjectLine(new Reading(input.wording, input.names, input.notification));
}
