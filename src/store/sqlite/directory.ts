/** Reference data in SQLite: economies, regulations, CABs, principals and named sequences. */
import type { Database } from 'better-sqlite3';
import type { PrincipalRole } from '../../../machines/types.js';
import type { CabRecord, EconomyRecord, Page, PrincipalRecord, RegulationRecord } from '../port.js';
import { decodeCursor, encodeCursor, parseJson } from './rows.js';

export class DirectoryTables {
  readonly #db: Database;
  readonly #sql;

  constructor(db: Database) {
    this.#db = db;
    this.#sql = {
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
        `INSERT INTO principals (id, role, economy, key_hash, data) VALUES (@id, @role, @economy, @keyHash, @data)
         ON CONFLICT (id) DO UPDATE SET role = excluded.role, economy = excluded.economy,
           key_hash = excluded.key_hash, data = excluded.data`,
      ),
      principal: db.prepare(`SELECT data FROM principals WHERE id = ?`).pluck(),
      principalByKey: db.prepare(`SELECT data FROM principals WHERE key_hash = ?`).pluck(),
      principalsByRole: db.prepare(`SELECT data FROM principals WHERE role = ? ORDER BY id`).pluck(),
      nextSequence: db
        .prepare(`INSERT INTO sequences (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`)
        .pluck(),
    };
  }

  isEmpty(): boolean {
    return this.#sql.anything.get() === 0;
  }

  putEconomy(economy: EconomyRecord): void {
    this.#sql.putEconomy.run(economy.code, JSON.stringify(economy));
  }

  listEconomies(): EconomyRecord[] {
    return (this.#sql.economies.all() as string[]).map((d) => parseJson<EconomyRecord>(d));
  }

  getEconomy(code: string): EconomyRecord | null {
    const data = this.#sql.economy.get(code) as string | undefined;
    return data === undefined ? null : parseJson(data);
  }

  putRegulation(regulation: RegulationRecord): void {
    this.#sql.putRegulation.run(regulation.id, regulation.economy, JSON.stringify(regulation));
  }

  getRegulations(ids: readonly string[]): RegulationRecord[] {
    if (ids.length === 0) return [];
    const rows = this.#db
      .prepare(`SELECT data FROM regulations WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`)
      .pluck()
      .all(...ids) as string[];
    return rows.map((d) => parseJson<RegulationRecord>(d));
  }

  listRegulations(query: { economy?: string }): RegulationRecord[] {
    return (this.#sql.regulations.all({ economy: query.economy ?? null }) as string[]).map((d) => parseJson<RegulationRecord>(d));
  }

  putCab(cab: CabRecord): void {
    this.#sql.putCab.run(cab.id, cab.economy, JSON.stringify(cab));
  }

  getCab(id: string): CabRecord | null {
    const data = this.#sql.cab.get(id) as string | undefined;
    return data === undefined ? null : parseJson(data);
  }

  listCabs(query: { economy?: string; limit: number; cursor?: string | null }): Page<CabRecord> {
    const after = query.cursor ? decodeCursor(query.cursor)[0] ?? null : null;
    const rows = this.#sql.cabs.all({ economy: query.economy ?? null, after, limit: query.limit + 1 }) as Array<{ id: string; data: string }>;
    const items = rows.slice(0, query.limit).map((r) => parseJson<CabRecord>(r.data));
    const last = items.at(-1);
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null };
  }

  putPrincipal(principal: PrincipalRecord): void {
    this.#sql.putPrincipal.run({
      id: principal.id,
      role: principal.role,
      economy: principal.economy ?? null,
      keyHash: principal.apiKeyHash,
      data: JSON.stringify(principal),
    });
  }

  getPrincipal(id: string): PrincipalRecord | null {
    const data = this.#sql.principal.get(id) as string | undefined;
    return data === undefined ? null : parseJson(data);
  }

  principalByKeyHash(hash: string): PrincipalRecord | null {
    const data = this.#sql.principalByKey.get(hash) as string | undefined;
    return data === undefined ? null : parseJson(data);
  }

  findPrincipals(query: { role: PrincipalRole; economies?: readonly string[] }): PrincipalRecord[] {
    const all = (this.#sql.principalsByRole.all(query.role) as string[]).map((d) => parseJson<PrincipalRecord>(d));
    const economies = query.economies;
    return economies === undefined ? all : all.filter((p) => p.economy !== undefined && economies.includes(p.economy));
  }

  nextSequence(name: string): number {
    return this.#sql.nextSequence.get(name) as number;
  }
}
