/* eslint-disable @typescript-eslint/require-await -- better-sqlite3 is synchronous and the port is not: these methods answer settled promises on purpose. */
/**
 * Reference data in SQLite: economies, regulations, CABs, principals and named sequences.
 *
 * CABs and principals are read on every transition (who to e-mail) and every request (whose key
 * this is), and change rarely, so they are cached. The cache is dropped on this connection's own
 * writes at once, and within a second of another process committing to the same file (checking
 * `PRAGMA data_version` on every read would cost as much as the reads it saves).
 */

const RECHECK_MS = 1000;
import type { Database } from 'better-sqlite3';
import type { PrincipalRole } from '../../kinds/types.js';
import type { AuditEntry, CabRecord, DirectoryStore, EconomyRecord, Page, PrincipalRecord, RegulationRecord } from '../port.js';
import type { AuditTable } from './access.js';
import { decodeCursor, encodeCursor, parseJson } from './rows.js';

interface Cache {
  dataVersion: number;
  checkedAt: number;
  cabs: Map<string, CabRecord | null>;
  principals: Map<string, PrincipalRecord | null>;
  principalsByRole: Map<string, PrincipalRecord[]>;
}

export class DirectoryTables implements DirectoryStore {
  readonly #db: Database;
  readonly #sql;
  #cache: Cache | null = null;

  readonly #audit: AuditTable;

  constructor(db: Database, audit: AuditTable) {
    this.#db = db;
    this.#audit = audit;
    this.#sql = {
      dataVersion: db.prepare('PRAGMA data_version').pluck(),
      anything: db.prepare(`SELECT EXISTS (SELECT 1 FROM economies) OR EXISTS (SELECT 1 FROM principals)`).pluck(),
      putEconomy: db.prepare(`INSERT INTO economies (code, data) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET data = excluded.data`),
      economies: db.prepare(`SELECT data FROM economies ORDER BY code`).pluck(),
      economy: db.prepare(`SELECT data FROM economies WHERE code = ?`).pluck(),
      putRegulation: db.prepare(
        `INSERT INTO regulations (id, economy, data) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET economy = excluded.economy, data = excluded.data`,
      ),
      regulations: db.prepare(`SELECT data FROM regulations WHERE (@economy IS NULL OR economy = @economy) ORDER BY id`).pluck(),
      putCab: db.prepare(
        `INSERT INTO cabs (id, economy, data) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET economy = excluded.economy, data = excluded.data`,
      ),
      cab: db.prepare(`SELECT data FROM cabs WHERE id = ?`).pluck(),
      cabs: db.prepare(
        `SELECT id, data FROM cabs WHERE (@economy IS NULL OR economy = @economy) AND (@after IS NULL OR id > @after)
         ORDER BY id LIMIT @limit`,
      ),
      putPrincipal: db.prepare(
        `INSERT INTO principals (id, role, economy, organisation, email, disabled, data)
         VALUES (@id, @role, @economy, @organisation, @email, @disabled, @data)
         ON CONFLICT (id) DO UPDATE SET role = excluded.role, economy = excluded.economy, organisation = excluded.organisation,
           email = excluded.email, disabled = excluded.disabled, data = excluded.data`,
      ),
      principal: db.prepare(`SELECT data FROM principals WHERE id = ?`).pluck(),
      principalByEmail: db.prepare(`SELECT data FROM principals WHERE email = ? ORDER BY disabled, id LIMIT 1`).pluck(),
      principalsByRole: db.prepare(`SELECT data FROM principals WHERE role = ? AND disabled = 0 ORDER BY id`).pluck(),
      principalsOf: db.prepare(`SELECT data FROM principals WHERE organisation = ? AND disabled = 0 ORDER BY id`).pluck(),
      listPrincipals: db.prepare(
        `SELECT id, data FROM principals
         WHERE (@organisation IS NULL OR organisation = @organisation) AND (@economy IS NULL OR economy = @economy)
           AND (@after IS NULL OR id > @after)
         ORDER BY id LIMIT @limit`,
      ),
      nextSequence: db
        .prepare(`INSERT INTO sequences (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`)
        .pluck(),
    };
  }

  #fresh(): Cache {
    const now = performance.now();
    if (this.#cache && now - this.#cache.checkedAt < RECHECK_MS) return this.#cache;
    const dataVersion = this.#sql.dataVersion.get() as number;
    if (this.#cache?.dataVersion === dataVersion) {
      this.#cache.checkedAt = now;
    } else {
      this.#cache = { dataVersion, checkedAt: now, cabs: new Map(), principals: new Map(), principalsByRole: new Map() };
    }
    return this.#cache;
  }

  #cached<K, V>(map: Map<K, V>, key: K, read: () => V): V {
    if (map.has(key)) return map.get(key)!;
    const value = read();
    map.set(key, value);
    return value;
  }

  async isEmpty(): Promise<boolean> {
    return this.#sql.anything.get() === 0;
  }

  async putEconomy(economy: EconomyRecord): Promise<void> {
    this.#sql.putEconomy.run(economy.code, JSON.stringify(economy));
  }

  async listEconomies(): Promise<EconomyRecord[]> {
    return (this.#sql.economies.all() as string[]).map((d) => parseJson<EconomyRecord>(d));
  }

  async getEconomy(code: string): Promise<EconomyRecord | null> {
    const data = this.#sql.economy.get(code) as string | undefined;
    return data === undefined ? null : parseJson(data);
  }

  async putRegulation(regulation: RegulationRecord): Promise<void> {
    this.#sql.putRegulation.run(regulation.id, regulation.economy, JSON.stringify(regulation));
  }

  async getRegulations(ids: readonly string[]): Promise<RegulationRecord[]> {
    if (ids.length === 0) return [];
    const rows = this.#db
      .prepare(`SELECT data FROM regulations WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`)
      .pluck()
      .all(...ids) as string[];
    return rows.map((d) => parseJson<RegulationRecord>(d));
  }

  async listRegulations(query: { economy?: string }): Promise<RegulationRecord[]> {
    return (this.#sql.regulations.all({ economy: query.economy ?? null }) as string[]).map((d) => parseJson<RegulationRecord>(d));
  }

  async putCab(cab: CabRecord): Promise<void> {
    this.#sql.putCab.run(cab.id, cab.economy, JSON.stringify(cab));
    this.#cache = null;
  }

  async getCab(id: string): Promise<CabRecord | null> {
    return this.#cached(this.#fresh().cabs, id, () => {
      const data = this.#sql.cab.get(id) as string | undefined;
      return data === undefined ? null : Object.freeze(parseJson<CabRecord>(data));
    });
  }

  async listCabs(query: { economy?: string; limit: number; cursor?: string | null }): Promise<Page<CabRecord>> {
    const after = query.cursor ? decodeCursor(query.cursor)[0] ?? null : null;
    const rows = this.#sql.cabs.all({ economy: query.economy ?? null, after, limit: query.limit + 1 }) as Array<{ id: string; data: string }>;
    const items = rows.slice(0, query.limit).map((r) => parseJson<CabRecord>(r.data));
    const last = items.at(-1);
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null };
  }

  async putPrincipal(principal: PrincipalRecord, audit?: AuditEntry): Promise<void> {
    this.#db.transaction(() => {
      this.#sql.putPrincipal.run({
        id: principal.id,
        role: principal.role,
        economy: principal.economy ?? null,
        organisation: principal.organisation,
        email: principal.email,
        disabled: principal.disabledAt === undefined ? 0 : 1,
        data: JSON.stringify(principal),
      });
      if (audit) this.#audit.append(audit);
    })();
    this.#cache = null;
  }

  async getPrincipal(id: string): Promise<PrincipalRecord | null> {
    return this.#cached(this.#fresh().principals, id, () => {
      const data = this.#sql.principal.get(id) as string | undefined;
      return data === undefined ? null : Object.freeze(parseJson<PrincipalRecord>(data));
    });
  }

  async principalByEmail(email: string): Promise<PrincipalRecord | null> {
    const data = this.#sql.principalByEmail.get(email) as string | undefined;
    return data === undefined ? null : parseJson<PrincipalRecord>(data);
  }

  async findPrincipals(query: { role?: PrincipalRole; organisation?: string; economies?: readonly string[] }): Promise<PrincipalRecord[]> {
    const { role, organisation, economies } = query;
    const all =
      role !== undefined
        ? this.#cached(this.#fresh().principalsByRole, role, () => this.#parseAll(this.#sql.principalsByRole.all(role) as string[]))
        : organisation !== undefined
          ? this.#parseAll(this.#sql.principalsOf.all(organisation) as string[])
          : [];
    return all.filter(
      (p) =>
        (organisation === undefined || p.organisation === organisation) &&
        (economies === undefined || (p.economy !== undefined && economies.includes(p.economy))),
    );
  }

  async listPrincipals(query: { organisation?: string; economy?: string; limit: number; cursor?: string | null }): Promise<Page<PrincipalRecord>> {
    const after = query.cursor ? decodeCursor(query.cursor)[0] ?? null : null;
    const rows = this.#sql.listPrincipals.all({
      organisation: query.organisation ?? null,
      economy: query.economy ?? null,
      after,
      limit: query.limit + 1,
    }) as Array<{ id: string; data: string }>;
    const items = rows.slice(0, query.limit).map((r) => parseJson<PrincipalRecord>(r.data));
    const last = items.at(-1);
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null };
  }

  #parseAll(rows: string[]): PrincipalRecord[] {
    return rows.map((d) => Object.freeze(parseJson<PrincipalRecord>(d)));
  }

  async nextSequence(name: string): Promise<number> {
    return this.#sql.nextSequence.get(name) as number;
  }
}
