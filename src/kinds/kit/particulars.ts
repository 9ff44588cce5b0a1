/**
 * What identifies one record of a kind in an e-mail: its subject line's parts and a few labelled
 * lines (an agreement's economies, a test report's number and equipment). Each kind says which in
 * its own `particulars.ts`; the mail code lays them out and knows no kind.
 */

/** One labelled line: "Designation number: VN0001". */
export interface Particular {
  label: string;
  value: string;
}

/** A record as one reader sees it: its data, names instead of ids, dates in the reader's way. */
export interface RecordReading<L> {
  /** The kind's labels, in the reader's language. */
  labels: L;
  /** The instance's data after the transition. */
  data: Readonly<Record<string, unknown>>;
  /** The state entered. */
  to: string;
  text(key: string): string | undefined;
  list(key: string): string[];
  /** An economy's name in the reader's language. */
  economy(code: string): string;
  /** The CAB's name. */
  cab(): string;
  principal(id: string): string;
  date(iso: string): string;
  period(from: string, until: string): string;
  regulation(id: string): string;
}

/** A kind's particulars: what its subject line names (`S`) and its identifying lines. */
export interface Particulars<S, L> {
  subject(r: RecordReading<L>): S;
  lines(r: RecordReading<L>): Array<Particular | null>;
}

/** A line, or nothing when the value is missing or empty. */
export function particular(label: string, value: string | undefined): Particular | null {
  return value === undefined || value === '' ? null : { label, value };
}

/** Equipment as a line names it: "Acme X1 (router)". */
export function equipmentLine(data: Readonly<Record<string, unknown>>): string {
  const equipment = (data['equipment'] ?? {}) as { manufacturer?: string; model?: string; category?: string };
  return `${equipment.manufacturer ?? ''} ${equipment.model ?? ''}${equipment.category ? ` (${equipment.category})` : ''}`.trim();
}

/** The equipment's model, or empty. */
export function modelOf(data: Readonly<Record<string, unknown>>): string {
  return (data['equipment'] as { model?: string } | undefined)?.model ?? '';
}
