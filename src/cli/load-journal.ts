/**
 * The journal of a bulk load (`npm run load -- --journal <file>`): one JSON line per step, written
 * and flushed after the step is committed, so a load that was interrupted resumes where it stopped
 * (`--resume`) and never writes a report twice. A batch is begun (`begin`), its reports created
 * in one transaction (`created`), then the regulator's acceptances in a second (`accepted`). A
 * crash can fall between a commit and its line: the resumed load then asks the store whether the
 * batch's first report exists (a batch is all or none) and which of its acceptances were made.
 */
import { appendFileSync, existsSync, openSync, closeSync, fsyncSync, readFileSync } from 'node:fs';

export type JournalEntry =
  | { load: { prefix: string; from: number; count: number } }
  | { begin: [number, number] }
  | { created: [number, number] }
  | { accepted: [number, number] };

/** Where a load stands: the next report to begin, and a batch begun but not known to be finished. */
export interface LoadProgress {
  prefix: string;
  from: number;
  count: number;
  /** Reports before this one are created and accepted. */
  next: number;
  /** A batch begun whose commits may or may not be in: `created` when its creation is journalled. */
  unfinished: { from: number; to: number; created: boolean } | null;
}

/** What the journal's lines say of the load. */
export function progressOf(entries: readonly JournalEntry[]): LoadProgress {
  const first = entries[0];
  if (first === undefined || !('load' in first)) throw new Error('The journal does not begin with its load (prefix, from, count)');
  const progress: LoadProgress = { ...first.load, next: first.load.from, unfinished: null };
  for (const entry of entries.slice(1)) {
    if ('begin' in entry) progress.unfinished = { from: entry.begin[0], to: entry.begin[1], created: false };
    else if ('created' in entry && progress.unfinished) progress.unfinished.created = true;
    else if ('accepted' in entry) {
      progress.next = entry.accepted[1];
      progress.unfinished = null;
    }
  }
  return progress;
}

/** A journal file: read whole, appended to line by line, each line flushed to disk before the load goes on. */
export class LoadJournal {
  readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  entries(): JournalEntry[] {
    if (!existsSync(this.path)) return [];
    return readFileSync(this.path, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as JournalEntry);
  }

  append(entry: JournalEntry): void {
    appendFileSync(this.path, `${JSON.stringify(entry)}\n`);
    const fd = openSync(this.path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}
