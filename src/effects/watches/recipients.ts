/**
 * The watchers who hear of a transition, as outbox recipients: written into the transition's own
 * commit beside its parties, so a watcher is e-mailed exactly when the parties are. A watcher
 * who is a party already gets the party's e-mail only; a disabled principal hears of nothing; a
 * watch on an instance the watcher may no longer read is silent.
 */
import { workflows } from '../../kinds/index.js';
import { mayRead } from '../../engine/read-access.js';
import { actorOf } from '../../principals.js';
import type { DirectoryStore, Recipient, WatchStore } from '../../store/port.js';
import { concerns, transitionKeys, type WatchedTransition } from './targets.js';

/** A watcher's recipient says which watch it is for: `watch:<type>:<watch id>`. */
export const WATCH_PARTY = 'watch';

export function watchOfParty(party: string): { type: string; watchId: string } | null {
  const [prefix, type, watchId] = party.split(':');
  return prefix === WATCH_PARTY && type !== undefined && watchId !== undefined ? { type, watchId } : null;
}

export async function watcherRecipients(t: WatchedTransition, parties: readonly Recipient[], store: WatchStore & DirectoryStore): Promise<Recipient[]> {
  const watches = (await store.watchesOn(transitionKeys(t))).filter((watch) => concerns(watch, t));
  const seen = new Set(parties.map((p) => p.address.toLowerCase()));
  const recipients: Recipient[] = [];
  for (const watch of watches) {
    const principal = await store.getPrincipal(watch.principalId);
    if (!principal || principal.disabledAt !== undefined || seen.has(principal.email.toLowerCase())) continue;
    if (watch.target.type === 'instance' && !mayRead(workflows[t.kind], actorOf(principal), t.data)) continue;
    seen.add(principal.email.toLowerCase());
    recipients.push({ address: principal.email, name: principal.name, language: principal.language, party: `${WATCH_PARTY}:${watch.target.type}:${watch.id}` });
  }
  return recipients;
}
