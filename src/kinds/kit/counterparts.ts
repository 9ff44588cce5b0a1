/**
 * Counterparts (MRA-ETR, docs/domain.md): which of the importing economy's regulations a foreign
 * requirement of a document (a regulation of the exporting economy, or a reference scheme) counts
 * for, and what it lacks to count. One kind provides them (`KindModule.counterparts`); the
 * registry finds it and the engine hands it to the rules in their context, so that a test report
 * or a certificate asks for its counterparts without knowing the kind that answers.
 */
import type { Reason, Kind } from '../types.js';
import type { InstanceStore } from '../../store/port.js';
import type { ForeignRequirements } from './requirements.js';
import type { RecordReader } from './reader.js';

/** What the counterparts say of a document's foreign requirements. */
export interface CounterpartJudgement {
  /** The importing economy's regulations the document counts for through them. */
  regulations: string[];
  /** Why the document cannot stand on them (a requirement with no counterpart, tests missing); empty when it can. */
  reasons: Reason[];
}

export interface CounterpartFindings extends CounterpartJudgement {
  /**
   * What was found, under the providing kind's own key: added to the document's facts, so the
   * creation's history entry keeps it.
   */
  facts: Readonly<Record<string, unknown>>;
}

export interface Counterparts {
  /** Finds and judges the counterparts of the document's foreign requirements, as of its date. */
  find(reader: RecordReader, documented: ForeignRequirements): Promise<CounterpartFindings>;
  /**
   * What the public coverage says a document counts through: the regulations it counts for and
   * the records that say so (read from its creation's facts), under their names in the answer.
   */
  coverage(store: InstanceStore, kind: Kind, id: string, regulations: readonly string[]): Promise<Readonly<Record<string, readonly string[]>>>;
  /** The schemas of the fields `coverage` answers with, for the OpenAPI document, in their order. */
  coverageProperties: Readonly<Record<string, object>>;
}
