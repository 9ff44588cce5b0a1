/**
 * Every MongoDB collection read out and written in pages, documents exactly as they are
 * (statuses, leases, attempts), in the port's neutral rows: what `npm run store:copy` moves.
 * Pages go in `_id` order; the conversions are pure, so the tests check them without a server.
 */
import type { PrincipalRecord, StoreRows, StoreTable, StoredTimer, StoredHistory, StoredInstance, StoredOutboxMessage } from '../port.js';
import {
  fieldKeysOf,
  fromKeyed,
  historyKey,
  instanceKey,
  toTimer,
  toHistory,
  toInstance,
  toKeyed,
  toMessage,
  uniqueKeyId,
  type DeadlineDoc,
  type HistoryDoc,
  type InstanceDoc,
  type OutboxDoc,
  type UniqueKeyDoc,
} from './shapes.js';
import { principalDoc, principalOf } from './principals.js';

type Doc = { _id: string } & Record<string, unknown>;

/** `['economy=VN', 'economy=KR']` -> `{ economy: ['VN', 'KR'] }` (a value may hold `=`; a field name never does). */
export function fieldsOfKeys(fieldKeys: readonly string[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const fieldKey of fieldKeys) {
    const at = fieldKey.indexOf('=');
    (fields[fieldKey.slice(0, at)] ??= []).push(fieldKey.slice(at + 1));
  }
  return fields;
}

export function instanceRow(doc: InstanceDoc, uniqueKeys: readonly UniqueKeyDoc[]): StoredInstance {
  return { ...toInstance(doc), fields: fieldsOfKeys(doc.fieldKeys), uniqueKeys: uniqueKeys.map((k) => k.key).sort() };
}

export function instanceDocs(row: StoredInstance): { instance: InstanceDoc; keys: UniqueKeyDoc[] } {
  const { fields, uniqueKeys, ...record } = row;
  return {
    instance: { _id: instanceKey(row.kind, row.id), ...record, fieldKeys: fieldKeysOf(fields) },
    keys: uniqueKeys.map((key) => ({ _id: uniqueKeyId(row.kind, key), kind: row.kind, key, instanceId: row.id })),
  };
}

export function historyRow(doc: HistoryDoc): StoredHistory {
  return { kind: doc.kind, instanceId: doc.instanceId, ...toHistory(doc) };
}

export function historyDocOf(row: StoredHistory): HistoryDoc {
  const { kind, instanceId, ...entry } = row;
  return { _id: historyKey(kind, instanceId, row.seq), kind, instanceId, ...entry };
}

export function outboxRow(doc: OutboxDoc): StoredOutboxMessage {
  return { ...toMessage(doc), kind: doc.kind, instanceId: doc.instanceId, seq: doc.seq, leaseOwner: doc.leaseOwner ?? null, leaseUntil: doc.leaseUntil ?? null };
}

export function outboxDocOf(row: StoredOutboxMessage): OutboxDoc {
  const { id, ...rest } = row;
  return { _id: id, ...rest };
}

export function deadlineRow(doc: DeadlineDoc): StoredTimer {
  return { ...toTimer(doc), leaseOwner: doc.leaseOwner ?? null, leaseUntil: doc.leaseUntil ?? null, completedAt: doc.completedAt ?? null };
}

export function deadlineDocOf(row: StoredTimer): DeadlineDoc {
  const { id, ...rest } = row;
  return { _id: id, ...rest };
}

/** Reference tables, sequences, watches and webhooks: the record's key field becomes `_id`. */
export const KEY_FIELD = {
  economies: 'code',
  regulations: 'id',
  cabs: 'id',
  principals: 'id',
  api_keys: 'id',
  audit: 'id',
  sequences: 'name',
  watches: 'id',
  webhook_endpoints: 'id',
  webhook_deliveries: 'id',
} as const;
type KeyedTable = keyof typeof KEY_FIELD;

export function isKeyedTable(table: StoreTable): table is KeyedTable {
  return table in KEY_FIELD;
}

export function keyedRow<T extends KeyedTable>(table: T, doc: Doc): StoreRows[T] {
  // A principal's folded address is the store's own index key, not part of the record.
  if (table === 'principals') return principalOf(doc) as StoreRows[T];
  return fromKeyed<string, StoreRows[T]>(doc, KEY_FIELD[table]);
}

export function keyedDoc<T extends KeyedTable>(table: T, row: StoreRows[T]): Doc {
  if (table === 'principals') return principalDoc(row as PrincipalRecord);
  return toKeyed(row as Record<string, unknown>, KEY_FIELD[table]);
}
