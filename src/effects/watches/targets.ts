/**
 * What a watch is on, as a key, and which transitions concern it. A transition is matched to
 * watches by the keys it has (its instance; for a test report its equipment model in the
 * importing economy; for a recognition its CAB and importing economy), read from the instance's
 * data, so one indexed lookup finds every watcher.
 */
import type { Kind } from '../../kinds/types.js';
import { foldText as fold } from '../../search/fold.js';
import type { TransitionRecord, WatchRecord, WatchTarget } from '../../store/port.js';

/** The transition, as much of it as a watch needs, with the instance's data after it. */
export interface WatchedTransition extends Pick<TransitionRecord, 'kind' | 'from' | 'to'> {
  /** The instance's id (the record's `instanceId`). */
  id: string;
  data: Record<string, unknown>;
}

/** One string per target; two equal targets (a model in any case) have the same key. */
export function watchKey(target: WatchTarget): string {
  switch (target.type) {
    case 'instance':
      return `${target.kind}/${target.id}`;
    case 'model':
      return `model/${target.economy}/${fold(target.manufacturer)}/${fold(target.model)}`;
    case 'recognition':
      return `recognition/${target.cabId}/${target.economy}`;
  }
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Every key a transition of this instance is matched by. */
export function transitionKeys(t: WatchedTransition): string[] {
  const keys = [watchKey({ type: 'instance', kind: t.kind, id: t.id })];
  const importing = text(t.data['importingEconomy']);
  // A model is heard of through its test reports and, under Phase II, its equipment certificates.
  if ((t.kind === 'test-reports' || t.kind === 'certificates') && importing !== null) {
    const equipment = (t.data['equipment'] ?? {}) as Record<string, unknown>;
    const manufacturer = text(equipment['manufacturer']);
    const model = text(equipment['model']);
    if (manufacturer !== null && model !== null) keys.push(watchKey({ type: 'model', economy: importing, manufacturer, model }));
  }
  const cabId = text(t.data['cabId']);
  if (t.kind === 'recognitions' && importing !== null && cabId !== null) keys.push(watchKey({ type: 'recognition', cabId, economy: importing }));
  return keys;
}

/** The states an importer may rely on: an accepted test report, a certificate in force. */
function reliedOn(kind: Kind, state: string): boolean {
  return kind === 'certificates' ? state === 'in_force' : state === 'accepted';
}

/**
 * Whether the watch hears of this transition. An instance or a recognition: when its status
 * changes. A model: when a report for it is accepted or a certificate for it comes into force, and
 * when either stops being so (revoked, expired, withdrawn), which is what an importer relies on.
 */
export function concerns(watch: WatchRecord, t: WatchedTransition): boolean {
  if (watch.target.type === 'model') return reliedOn(t.kind, t.to) !== (t.from !== null && reliedOn(t.kind, t.from));
  return t.from !== t.to;
}
