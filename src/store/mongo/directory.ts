/** Economies, regulations, CABs, principals and sequences in MongoDB, each document keyed by its id. */
import type { PrincipalRole } from '../../kinds/types.js';
import type { AuditEntry, CabRecord, DirectoryStore, EconomyRecord, Page, PrincipalRecord, RegulationRecord } from '../port.js';
import { page } from './page.js';
import * as q from './queries.js';
import { isDuplicateKey, type Runner } from './run.js';
import type { InTransaction } from './transaction.js';
import { principalDoc, principalOf } from './principals.js';
import { COLLECTIONS, fromKeyed, toKeyed, type SequenceDoc } from './shapes.js';

export class MongoDirectory implements DirectoryStore {
  readonly #run: Runner;
  readonly #inTransaction: InTransaction;

  constructor(run: Runner, inTransaction: InTransaction) {
    this.#run = run;
    this.#inTransaction = inTransaction;
  }

  async isEmpty(): Promise<boolean> {
    const [economy, principal] = await Promise.all([
      this.#run.one(q.anyOf(COLLECTIONS.economies)),
      this.#run.one(q.anyOf(COLLECTIONS.principals)),
    ]);
    return economy === null && principal === null;
  }

  putEconomy(economy: EconomyRecord): Promise<void> {
    return this.#run.put(COLLECTIONS.economies, toKeyed(economy, 'code'));
  }

  async listEconomies(): Promise<EconomyRecord[]> {
    return (await this.#run.all<{ _id: string }>(q.allEconomies())).map((d) => fromKeyed<'code', EconomyRecord>(d, 'code'));
  }

  async getEconomy(code: string): Promise<EconomyRecord | null> {
    const doc = await this.#run.one<{ _id: string }>(q.byId(COLLECTIONS.economies, code));
    return doc === null ? null : fromKeyed<'code', EconomyRecord>(doc, 'code');
  }

  putRegulation(regulation: RegulationRecord): Promise<void> {
    return this.#run.put(COLLECTIONS.regulations, toKeyed(regulation, 'id'));
  }

  async getRegulations(ids: readonly string[]): Promise<RegulationRecord[]> {
    if (ids.length === 0) return [];
    return (await this.#run.all<{ _id: string }>(q.regulationsByIds(ids))).map((d) => fromKeyed<'id', RegulationRecord>(d, 'id'));
  }

  async listRegulations(query: { economy?: string }): Promise<RegulationRecord[]> {
    return (await this.#run.all<{ _id: string }>(q.regulationsOf(query))).map((d) => fromKeyed<'id', RegulationRecord>(d, 'id'));
  }

  putCab(cab: CabRecord): Promise<void> {
    return this.#run.put(COLLECTIONS.cabs, toKeyed(cab, 'id'));
  }

  async getCab(id: string): Promise<CabRecord | null> {
    const doc = await this.#run.one<{ _id: string }>(q.byId(COLLECTIONS.cabs, id));
    return doc === null ? null : fromKeyed<'id', CabRecord>(doc, 'id');
  }

  async listCabs(query: { economy?: string; limit: number; cursor?: string | null }): Promise<Page<CabRecord>> {
    const docs = await this.#run.all<{ _id: string }>(q.cabsPage(query));
    return page(docs, query.limit, (d) => fromKeyed<'id', CabRecord>(d, 'id'), (c) => [c.id]);
  }

  /** The principal and its audit entry in one transaction, as the port promises: never one without the other. */
  async putPrincipal(principal: PrincipalRecord, audit?: AuditEntry): Promise<void> {
    if (!audit) return this.#run.put(COLLECTIONS.principals, principalDoc(principal));
    await this.#inTransaction(async (session) => {
      await this.#run.put(COLLECTIONS.principals, principalDoc(principal), session);
      await this.#run.put(COLLECTIONS.audit, toKeyed(audit, 'id'), session);
    });
  }

  async getPrincipal(id: string): Promise<PrincipalRecord | null> {
    const doc = await this.#run.one<{ _id: string }>(q.byId(COLLECTIONS.principals, id));
    return doc === null ? null : principalOf(doc);
  }

  async principalByEmail(email: string): Promise<PrincipalRecord | null> {
    const found = (await this.#run.all<{ _id: string }>(q.principalsByEmail(email))).map((d) => principalOf(d));
    return found.find((p) => p.disabledAt === undefined) ?? found[0] ?? null;
  }

  async findPrincipals(query: { role?: PrincipalRole; organisation?: string; economies?: readonly string[] }): Promise<PrincipalRecord[]> {
    const { role, organisation, economies } = query;
    const read = role !== undefined ? q.principalsOfRole(role) : organisation !== undefined ? q.principalsOf(organisation) : null;
    if (read === null) return [];
    const all = (await this.#run.all<{ _id: string }>(read)).map((d) => principalOf(d));
    return all.filter(
      (p) =>
        p.disabledAt === undefined &&
        (organisation === undefined || p.organisation === organisation) &&
        (economies === undefined || (p.economy !== undefined && economies.includes(p.economy))),
    );
  }

  async listPrincipals(query: { organisation?: string; economy?: string; limit: number; cursor?: string | null }): Promise<Page<PrincipalRecord>> {
    const docs = await this.#run.all<{ _id: string }>(q.principalsPage(query));
    return page(docs, query.limit, (d) => principalOf(d), (p) => [p.id]);
  }

  async nextSequence(name: string): Promise<number> {
    // Two first upserts of one name can race; the loser's E11000 is retried once, as MongoDB advises.
    for (let attempt = 0; ; attempt += 1) {
      try {
        const doc = await this.#run.update<SequenceDoc>(q.nextSequence(name), null, { upsert: true });
        return doc!.value;
      } catch (error) {
        if (!isDuplicateKey(error) || attempt > 0) throw error;
      }
    }
  }
}
