/** Names and words shared by many pages: an economy by its name, a state as a tag, a date. */
import type { Kind } from '../../../kinds/types.js';
import { formatDay, formatInstant, formatInstantInColumn } from '../../../i18n/format.js';
import type { EconomyRecord } from '../../../store/port.js';
import type { PageContext } from '../context.js';

export function economyName(context: PageContext, economies: ReadonlyMap<string, EconomyRecord>, code: string): string {
  const economy = economies.get(code);
  if (!economy) return code;
  return context.language === 'vi' ? (economy.nameVi ?? economy.name) : economy.name;
}

export function stateWords(context: PageContext, kind: Kind, state: string): string {
  return context.wording.states[kind][state] ?? state;
}

const TONE: Readonly<Record<string, string>> = {
  accepted: 'good', recognized: 'good', operational: 'good', active: 'good',
  rejected: 'bad', revoked: 'bad', withdrawn: 'bad', terminated: 'bad', objected: 'bad', expired: 'bad', lapsed: 'bad',
  suspended: 'warn', info_requested: 'warn', renewal_due: 'warn',
};

/** A state in words, with a colour that repeats (never replaces) what the words say. */
export function StateTag({ context, kind, state }: { context: PageContext; kind: Kind; state: string }) {
  return <span class={`tag tag-${TONE[state] ?? 'neutral'}`}>{stateWords(context, kind, state)}</span>;
}

export function Day({ context, iso }: { context: PageContext; iso: string | undefined }) {
  if (!iso) return <>–</>;
  return <time datetime={iso}>{formatDay(iso, context.language)}</time>;
}

/** An instant with its zone; `inColumn` where the column's header names the zone (Vietnamese pages). */
export function Instant({ context, iso, inColumn = false }: { context: PageContext; iso: string | undefined; inColumn?: boolean }) {
  if (!iso) return <>–</>;
  return <time datetime={iso}>{(inColumn ? formatInstantInColumn : formatInstant)(iso, context.language)}</time>;
}

/** An event as the action a person takes: "Accept", "Withdraw the report". */
export function actionWords(context: PageContext, kind: Kind, event: string): string {
  return context.text.actions[`${kind}:${event}`] ?? context.text.actions[event] ?? context.wording.events[kind][event] ?? event;
}
