/** What rules and facts read other records with: the store, and a record at its current machine version. */
import type { InstanceRecord, InstanceStore } from '../../store/port.js';

export interface RecordReader {
  store: InstanceStore;
  /**
   * The record as its kind's current machine version sees it: the engine's migrate-on-read, for
   * rules and facts that read other records. Refuses one this release cannot follow.
   */
  readonly current: (record: InstanceRecord) => InstanceRecord;
}
