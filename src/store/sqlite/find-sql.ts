/**
 * The SQL of a `find`, built from the query's shape so that an index always selects the
 * candidates (FindQuery, port.ts): the longest free-text fragment through the FTS5 trigram index
 * of each instance's row of all its text (a fragment in one field is then checked in that field's row),
 * else the first field through the fields' own key (kind, field, value, created_at, id), else the
 * state or the kind through the instances' own indexes. Every other condition filters those
 * candidates by primary key. Newest first walks the same index backwards (`DESC`), the cursor's
 * comparison turned round.
 * Exported so a test can ask SQLite for the plan of exactly the text `find` runs.
 */
import type { Kind } from '../../kinds/types.js';
import type { FindQuery, TextCondition } from '../port.js';
import { AppError } from '../../errors.js';
import { decodeCursor } from '../cursor.js';

/** The text field that holds all of an instance's text. */
export const ALL_TEXT = '*';

export interface FindSql {
  sql: string;
  params: unknown[];
  /** Which sort key the cursor of a page carries. */
  order: 'text' | 'created';
}

/** An FTS5 query for one fragment: a phrase, which the trigram tokenizer matches as a substring. */
function phrase(fragment: string): string {
  return `"${fragment.replace(/"/g, '""')}"`;
}

function states(query: FindQuery): { sql: string; params: string[] } {
  const list = query.states ?? [];
  return list.length === 0 ? { sql: '', params: [] } : { sql: `AND i.state IN (${list.map(() => '?').join(', ')})`, params: [...list] };
}

/**
 * created_at is part of the fields' key: with it each probe is one key lookup, however many
 * instances share the value.
 */
function fieldFilters(where: ReadonlyArray<[string, string]>): { sql: string[]; params: string[] } {
  return {
    sql: where.map(() => 'AND EXISTS (SELECT 1 FROM instance_fields f WHERE f.kind = i.kind AND f.field = ? AND f.value = ? AND f.created_at = i.created_at AND f.id = i.id)'),
    params: where.flat(),
  };
}

function textFilters(conditions: readonly TextCondition[]): { sql: string[]; params: string[] } {
  return {
    sql: conditions.map(
      () => 'AND EXISTS (SELECT 1 FROM text_keys t WHERE t.kind = i.kind AND t.id = i.id AND t.field = ? AND instr(t.value, ?) > 0)',
    ),
    params: conditions.flatMap((c) => [c.field ?? ALL_TEXT, c.fragment]),
  };
}

/** A text page's cursor is `['t', n]`, any other `[createdAt, id]`; one of the wrong kind is refused. */
function cursorKey(cursor: string | null | undefined, text: boolean): string[] | null {
  if (!cursor) return null;
  const key = decodeCursor(cursor);
  if (key.length !== 2 || (key[0] === 't') !== text || (text && !/^\d+$/.test(key[1]!))) {
    throw new AppError({ code: 'VALIDATION_FAILED', detail: 'The cursor belongs to another query; start again without it.' });
  }
  return key;
}

export function findSql(kind: Kind, query: FindQuery): FindSql {
  const where = Object.entries(query.where ?? {});
  const text = [...(query.text ?? [])];
  const after = cursorKey(query.cursor, text.length > 0);
  const stateFilter = states(query);
  const newest = query.order === 'newest';
  const beyond = newest ? '<' : '>';
  const direction = newest ? ' DESC' : '';

  if (text.length > 0) {
    const driver = text.reduce((longest, c) => (c.fragment.length > longest.fragment.length ? c : longest));
    // The index holds only the row of all the instance's text: a driver that names a field must
    // also occur in that field's own row, checked on each candidate as the other conditions are.
    const others = textFilters([...(driver.field === undefined ? [] : [driver]), ...text.filter((c) => c !== driver)]);
    const fields = fieldFilters(where);
    const sql = [
      'SELECT i.*, k.n AS text_n FROM text_index x',
      'JOIN text_keys k ON k.n = x.rowid',
      'JOIN instances i ON i.kind = k.kind AND i.id = k.id',
      'WHERE x.value MATCH ? AND k.kind = ? AND k.field = ?',
      after ? `AND x.rowid ${beyond} ?` : '',
      stateFilter.sql,
      ...fields.sql,
      ...others.sql,
      `ORDER BY x.rowid${direction} LIMIT ?`,
    ];
    const params = [phrase(driver.fragment), kind, ALL_TEXT, ...(after ? [Number(after[1])] : []), ...stateFilter.params, ...fields.params, ...others.params, query.limit + 1];
    return { sql: sql.filter(Boolean).join(' '), params, order: 'text' };
  }

  if (where.length > 0) {
    const [[field, value], ...rest] = where as [[string, string], ...Array<[string, string]>];
    const fields = fieldFilters(rest);
    const sql = [
      'SELECT i.* FROM instance_fields d JOIN instances i ON i.kind = d.kind AND i.id = d.id',
      'WHERE d.kind = ? AND d.field = ? AND d.value = ?',
      after ? `AND (d.created_at, d.id) ${beyond} (?, ?)` : '',
      stateFilter.sql,
      ...fields.sql,
      `ORDER BY d.created_at${direction}, d.id${direction} LIMIT ?`,
    ];
    return { sql: sql.filter(Boolean).join(' '), params: [kind, field, value, ...(after ?? []), ...stateFilter.params, ...fields.params, query.limit + 1], order: 'created' };
  }

  const sql = [
    'SELECT i.* FROM instances i WHERE i.kind = ?',
    stateFilter.sql,
    after ? `AND (i.created_at, i.id) ${beyond} (?, ?)` : '',
    `ORDER BY i.created_at${direction}, i.id${direction} LIMIT ?`,
  ];
  return { sql: sql.filter(Boolean).join(' '), params: [kind, ...stateFilter.params, ...(after ?? []), query.limit + 1], order: 'created' };
}
