/** What rules and facts read other records with: the store, and a record at its current machine version. */
import type { Kind } from '../types.js';
import type { InstanceRecord, InstanceStore } from '../../store/port.js';

/**
 * A record as the acting principal may see it: the record, or null when there is none or the
 * principal may not read it (docs/api.md, "Who may read and do what"). Every reference a body
 * carries is resolved through it, so that a record one may not read answers as one that is not
 * there, and none of its facts reach a record others read.
 */
export type ReadableRecord = (kind: Kind, id: string) => Promise<InstanceRecord | null>;

export interface RecordReader {
  store: InstanceStore;
  /**
   * The record as its kind's current machine version sees it: the engine's migrate-on-read, for
   * rules and facts that read other records. Refuses one this release cannot follow.
   */
  readonly current: (record: InstanceRecord) => InstanceRecord;
}
