/**
 * The parts of a record's page: its title, its data as a definition list, its timeline with
 * actors, facts and causes, and its pending deadlines. Every value is shown as text (the renderer
 * escapes it), whatever a lab or a regulator typed into it.
 */
import type { Kind } from '../../../kinds/types.js';
import type { Resource } from '../../../engine/resource.js';
import type { CabRecord, HistoryEntry } from '../../../store/port.js';
import type { PageContext } from '../context.js';
import { Instant, stateWords } from './names.js';
import { kindUnder, valueWords } from './value-words.js';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A record in one line: "SHT-RF-0001 – PN-AX3000", "Phòng thử nghiệm … → KR". */
export function recordTitle(resource: Pick<Resource, 'kind' | 'id' | 'data'>, cabs: ReadonlyMap<string, CabRecord>): string {
  const d = resource.data;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const cab = cabs.get(text(d['cabId']))?.name ?? text(d['cabId']);
  switch (resource.kind) {
    case 'test-reports':
      return `${text(d['reportNumber'])} – ${text((d['equipment'] as Record<string, unknown> | undefined)?.['model'])}`;
    case 'recognitions':
      return `${cab} → ${text(d['importingEconomy'])}`;
    case 'accreditations':
      return `${text(d['certificateNumber'])} – ${cab}`;
    default:
      return text(d['title']) || (Array.isArray(d['economies']) ? d['economies'].join(' – ') : resource.id);
  }
}

/** Keys a person has no use for: a cascade's rule name repeats what its kind, event and state say. */
const HIDDEN = new Set(['cascade']);

interface ValueProps {
  context: PageContext;
  kind: Kind;
  /** The field holding the value, for its words (`onNoAnswer`, `role`, `state`). */
  field: string;
  value: unknown;
  path: string;
}

function Value({ context, kind, field, value, path }: ValueProps) {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return <>–</>;
  if (typeof value === 'string') return INSTANT.test(value) ? <Instant context={context} iso={value} /> : <>{valueWords(context, kind, field, value)}</>;
  if (typeof value === 'boolean') return <>{value ? context.text.values.yes : context.text.values.no}</>;
  if (typeof value === 'number') return <>{String(value)}</>;
  if (Array.isArray(value)) {
    const items = value as unknown[];
    if (items.every((v) => typeof v === 'string')) return <>{items.map((v) => valueWords(context, kind, field, v)).join(', ')}</>;
    return (
      <ul class="plain">
        {items.map((v) => (
          <li><Value context={context} kind={kindUnder(kind, field, v)} field={field} value={v} path={path} /></li>
        ))}
      </ul>
    );
  }
  return <DataList context={context} kind={kindUnder(kind, field, value)} data={value as Record<string, unknown>} prefix={`${path}.`} />;
}

/** A record's data (or a history entry's payload, facts or cause) as labelled values, every code in words. */
export function DataList({ context, kind, data, prefix = '' }: { context: PageContext; kind: Kind; data: Record<string, unknown>; prefix?: string }) {
  const fields = context.text.fields;
  const own = kindUnder(kind, '', data);
  return (
    <dl class="data">
      {Object.entries(data)
        .filter(([key]) => !HIDDEN.has(key))
        .map(([key, value]) => (
          <div>
            <dt>{fields[`${prefix}${key}`]?.label ?? fields[key]?.label ?? key}</dt>
            <dd><Value context={context} kind={own} field={key} value={value} path={`${prefix}${key}`} /></dd>
          </div>
        ))}
    </dl>
  );
}

function eventWords(context: PageContext, kind: Kind, entry: HistoryEntry): string {
  const words = context.wording.events[kind][entry.type] ?? entry.type;
  return words.replace('{economy}', entry.actor.economy ?? '');
}

function Actor({ context, entry }: { context: PageContext; entry: HistoryEntry }) {
  if (entry.actor.role === 'system') return <>{context.text.instance.system}</>;
  const role = context.wording.roles[entry.actor.role];
  return <>{`${entry.actor.name ?? entry.actor.id} (${role}${entry.actor.economy ? `, ${entry.actor.economy}` : ''})`}</>;
}

export function Timeline({ context, kind, entries, since }: { context: PageContext; kind: Kind; entries: readonly HistoryEntry[]; since?: number }) {
  const { text } = context;
  const shown = since === undefined ? entries : entries.filter((e) => e.seq > since);
  return (
    <ol class="timeline" reversed>
      {[...shown].reverse().map((entry) => {
        const { type: _type, ...payload } = entry.payload;
        return (
          <li id={`entry-${entry.seq}`}>
            <p class="timeline-head">
              <strong>{eventWords(context, kind, entry)}</strong>
              {' · '}
              <Instant context={context} iso={entry.at} />
            </p>
            <p>
              <Actor context={context} entry={entry} />
              {' · '}
              {entry.from ? `${stateWords(context, kind, entry.from)} → ` : ''}
              {stateWords(context, kind, entry.to)}
            </p>
            {entry.type !== 'CREATE' && Object.keys(payload).length > 0 && <DataList context={context} kind={kind} data={payload} />}
            {entry.cause && (
              <details>
                <summary>{text.instance.cause}</summary>
                <DataList context={context} kind={kind} data={entry.cause} />
              </details>
            )}
            {entry.facts && (
              <details>
                <summary>{text.instance.facts}</summary>
                <DataList context={context} kind={kind} data={entry.facts} />
              </details>
            )}
          </li>
        );
      })}
    </ol>
  );
}

export function PendingDeadlines({ context, kind, deadlines }: { context: PageContext; kind: Kind; deadlines: Resource['deadlines'] }) {
  if (deadlines.length === 0) return <p>{context.text.instance.noPending}</p>;
  return (
    <ul class="plain">
      {deadlines.map((deadline) => (
        <li>
          {context.wording.deadlines[kind][deadline.type] ?? deadline.type}: <Instant context={context} iso={deadline.dueAt} />
        </li>
      ))}
    </ul>
  );
}
