/**
 * What a watcher's e-mail says: the subject every party reads, what the reader watches, what
 * changed and when, what happens next, and a link. It tells no more than the watcher may know:
 * a model's watcher may not be able to read the report itself, so the link goes to the public
 * register and no comment, reason or party is quoted.
 */
import type { Notification, Recipient } from '../../store/port.js';
import type { MailContent } from './content.js';
import { subjectFor } from './content.js';
import type { DirectoryNames } from './directory-names.js';
import { Reading } from './reading.js';
import type { Wording } from '../../i18n/index.js';
import { ownValue } from '../../own.js';

export interface WatchMailInput {
  notification: Notification;
  recipient: Recipient;
  /** What the recipient's party names: the watch's type and id. */
  watch: { type: string; watchId: string };
  names: DirectoryNames;
  wording: Wording;
  publicUrl: string;
}

function watchedLine(r: Reading, type: string): string {
  const { watch } = r.wording;
  const importing = r.text('importingEconomy') ?? '';
  if (type === 'model') {
    const equipment = (r.notification.data['equipment'] ?? {}) as { model?: string; manufacturer?: string };
    return watch.model({ model: equipment.model ?? '', manufacturer: equipment.manufacturer ?? '', economy: r.economy(importing) });
  }
  if (type === 'recognition') return watch.recognition({ cab: r.cab(), economy: r.economy(importing) });
  return watch.instance(r.wording.nouns[r.kind]);
}

function linkOf(input: WatchMailInput, r: Reading): string {
  const n = input.notification;
  if (input.watch.type !== 'model') return `${input.publicUrl}/${n.kind}/${encodeURIComponent(n.instanceId)}`;
  const equipment = (n.data['equipment'] ?? {}) as { model?: string; manufacturer?: string };
  const query = new URLSearchParams({ economy: r.text('importingEconomy') ?? '', manufacturer: equipment.manufacturer ?? '', model: equipment.model ?? '' });
  return `${input.publicUrl}/public/test-reports?${query.toString()}`;
}

export function watchMailContent(input: WatchMailInput): MailContent {
  const { notification: n, wording } = input;
  const r = new Reading(wording, input.names, n);
  const happened = n.from === null ? r.state(n.kind, n.to) : wording.change(r.state(n.kind, n.from), r.state(n.kind, n.to));
  return {
    language: wording.language,
    subject: subjectFor({ notification: n, names: input.names, wording }),
    greeting: wording.greeting(input.recipient.name),
    lines: [
      { label: wording.watch.watched, value: watchedLine(r, input.watch.type) },
      { label: wording.labels.happened, value: happened },
      { label: wording.labels.when, value: wording.instant(n.at) },
    ],
    reasons: null,
    next: { heading: wording.labels.next, text: ownValue(wording.next[n.kind], n.to) ?? '' },
    deadlines: null,
    link: { label: wording.labels.link, href: linkOf(input, r) },
    // The page where the reader removes their watches, so that stopping needs no API call.
    footer: wording.watch.footer(input.watch.watchId, `${input.publicUrl}/watching`),
  };
}
