/**
 * A test world: a fresh store from the active test store factory (a real SQLite file in a temp
 * folder by default; see `store-factory.ts`), the seed's reference data (economies,
 * regulations, CABs, principals; no scenario), an engine on a manual clock, and builders for the
 * usual preconditions (an operational agreement, an accreditation, a recognised lab).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor, Kind } from '../../src/kinds/types.js';
import { SYSTEM_ACTOR } from '../../src/kinds/types.js';
import { ManualClock } from '../../src/clock.js';
import { Durations } from '../../src/kinds/durations-table.js';
import { DocumentKeeper } from '../../src/engine/documents.js';
import { Engine } from '../../src/engine/engine.js';
import { commitContributors } from '../../src/effects/contributors.js';
import type { Resource } from '../../src/engine/resource.js';
import { KeyHasher } from '../../src/access/key-hash.js';
import { DEVELOPMENT_KEY_SECRET } from '../../src/config.js';
import { actorOf } from '../../src/principals.js';
import { loadReferenceData } from '../../src/seed/apply-seed.js';
import { readSeed } from '../../src/seed/read-seed.js';
import { FileBlobStore } from '../../src/store/blobs.js';
import type { CommitFaults, Store } from '../../src/store/port.js';
import { Validator } from '../../src/validation.js';
import { testStores, type StoreProbe, type StoreSnapshot, type TestStore } from './store-factory.js';
import { designate, type DesignationRequest } from './designations.js';

/** A Monday, so working-day arithmetic in tests is easy to follow. */
export const BASE = '2026-01-05T09:00:00.000Z';
export const DAY = 86_400_000;

export function daysFrom(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY).toISOString();
}

export function tempDir(prefix = 'mra-test-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const validator = new Validator();
/** The hasher of the test worlds' keys, as the service has it without MRA_KEY_SECRET. */
export const testKeyHasher = new KeyHasher(DEVELOPMENT_KEY_SECRET);

export const KR_SCOPE = ['KR:KN 301 489', 'KR:KN 32', 'KR:KN 35'];
export const VN_SCOPE = ['VN:QCVN 54:2020/BTTTT', 'VN:QCVN 65:2021/BTTTT', 'VN:QCVN 117:2020/BTTTT'];

export class World {
  readonly store: Store;
  /** Reads what the store holds beyond the port (counts, every deadline); see `stores/probe.ts`. */
  readonly probe: StoreProbe;
  /** Attached files, in a temp folder of the world's own. */
  readonly blobs: FileBlobStore;
  readonly uploadMaxBytes: number;
  readonly engine: Engine;
  readonly clock: ManualClock;
  readonly actors: Map<string, Actor>;
  readonly #opened: TestStore;
  readonly #removeFiles: () => void;
  #counter = 0;

  private constructor(
    opened: TestStore,
    files: { blobs: FileBlobStore; uploadMaxBytes: number; remove: () => void },
    engine: Engine,
    clock: ManualClock,
    actors: Map<string, Actor>,
  ) {
    this.store = opened.store;
    this.probe = opened.probe;
    this.blobs = files.blobs;
    this.uploadMaxBytes = files.uploadMaxBytes;
    this.#removeFiles = files.remove;
    this.engine = engine;
    this.clock = clock;
    this.actors = actors;
    this.#opened = opened;
  }

  static async create(
    options: {
      /** Needs a factory that supports faults: call `requireCommitFaults` in the suite's `before` first. */
      faults?: CommitFaults;
      durations?: Record<string, string>;
      start?: string;
      /** The largest file one may attach (default 1 MiB). */
      uploadMaxBytes?: number;
      /** Where background failures go; by default they fail the test. */
      reportError?: (error: unknown) => void;
    } = {},
  ): Promise<World> {
    if (options.faults && !testStores.supportsFaults) throw new Error(`The ${testStores.name} test store cannot inject commit faults`);
    const opened = await testStores.open(options.faults ? { faults: options.faults } : {});
    const store = opened.store;
    const actors = await loadReferenceData(store, await readSeed(join(import.meta.dirname, '..', '..', 'seed'), validator));
    const clock = new ManualClock(options.start ?? BASE);
    const { dir, remove } = tempDir('mra-files-');
    const blobs = new FileBlobStore(dir);
    const uploadMaxBytes = options.uploadMaxBytes ?? 1024 * 1024;
    const engine = new Engine({
      contributors: commitContributors(),
      store,
      clock,
      validator,
      documents: new DocumentKeeper({ blobs, store, maxBytes: uploadMaxBytes }),
      durations: new Durations(options.durations ?? {}),
      nodeId: 'test-node',
      reportError:
        options.reportError ??
        ((error) => {
          throw error;
        }),
    });
    return new World(opened, { blobs, uploadMaxBytes, remove }, engine, clock, actors);
  }

  async close(): Promise<void> {
    await this.#opened.dispose();
    this.#removeFiles();
  }

  /** Another connection to the world's store, as a second node would have; closed with the world. */
  connect(): Promise<Store> {
    return this.#opened.connect();
  }

  /** The actor of a seeded principal, or the system. */
  as(id: string): Actor {
    if (id === 'system') return SYSTEM_ACTOR;
    const actor = this.actors.get(id);
    if (!actor) throw new Error(`No principal ${id} in the test world`);
    return actor;
  }

  /** A unique suffix for ids, report and certificate numbers. */
  next(prefix: string): string {
    this.#counter += 1;
    return `${prefix}-${this.#counter}`;
  }

  /** A new lab of `economy` with its own principal; answers the lab principal's actor. */
  async addLab(economy = 'VN'): Promise<Actor> {
    const cabId = this.next('lab');
    await this.store.putCab({ id: cabId, name: `Phòng thử nghiệm ${cabId}`, economy, type: 'lab', email: `${cabId}@lab.example`, language: 'vi' });
    const principal = {
      id: `${cabId}-user`,
      name: `Người dùng ${cabId}`,
      role: 'lab' as const,
      economy,
      cabId,
      organisation: cabId,
      email: `${cabId}-user@lab.example`,
      language: 'vi' as const,
    };
    await this.store.putPrincipal(principal);
    const at = this.clock.now().toISOString();
    await this.store.putApiKey({
      id: `${cabId}-key`,
      principalId: principal.id,
      name: 'test key',
      prefix: `${cabId}-key`,
      hash: testKeyHasher.hash(`${cabId}-key-0123456789`),
      hashScheme: 'hmac-sha256',
      createdAt: at,
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
    });
    const actor = actorOf(principal);
    this.actors.set(actor.id, actor);
    return actor;
  }

  async agreement(options: { economies?: [string, string]; scope?: Record<string, string[]>; sign?: boolean } = {}): Promise<Resource> {
    const [a, b] = options.economies ?? ['VN', 'KR'];
    const scope = options.scope ?? { VN: VN_SCOPE, KR: KR_SCOPE };
    const created = await this.engine.create('agreements', { economies: [a, b], phase: 'I', scope }, this.as(`${a.toLowerCase()}-regulator`));
    if (options.sign === false) return created;
    await this.engine.send('agreements', created.id, { type: 'SIGN' }, this.as(`${a.toLowerCase()}-regulator`));
    return this.engine.send('agreements', created.id, { type: 'SIGN' }, this.as(`${b.toLowerCase()}-regulator`));
  }

  async accreditation(cabId: string, options: { scope?: string[]; validFrom?: string; validUntil?: string } = {}): Promise<Resource> {
    const now = this.clock.now().toISOString();
    return this.engine.create(
      'accreditations',
      {
        cabId,
        standard: 'ISO/IEC 17025',
        certificateNumber: this.next('VILAS'),
        scope: options.scope ?? [...KR_SCOPE, ...VN_SCOPE],
        validFrom: options.validFrom ?? daysFrom(now, -100),
        validUntil: options.validUntil ?? daysFrom(now, 700),
      },
      this.as('vn-accreditation-body'),
    );
  }

  /** A designation in force at home of a CAB for KR (or another importing economy): the step before recognition. */
  async designation(agreementId: string, cabId: string, options: Partial<Omit<DesignationRequest, 'agreementId' | 'cabId'>> = {}): Promise<Resource> {
    return designate(
      { engine: this.engine, store: this.store, as: (id) => this.as(id), now: () => this.clock.now() },
      { agreementId, cabId, scope: options.scope ?? KR_SCOPE, ...options },
    );
  }

  /** A CAB designated at home, then put forward to KR and (unless `recognize` is false) recognised. */
  async recognition(agreementId: string, cabId: string, options: { scope?: string[]; recognize?: boolean } = {}): Promise<Resource> {
    const scope = options.scope ?? KR_SCOPE;
    const designation = await this.designation(agreementId, cabId, { scope });
    const created = await this.engine.create(
      'recognitions',
      { agreementId, cabId, importingEconomy: 'KR', scope, designationId: designation.id },
      this.as('vn-designating-authority'),
    );
    if (options.recognize === false) return created;
    return this.engine.send('recognitions', created.id, { type: 'RECOGNIZE' }, this.as('kr-regulator'));
  }

  /** An operational VN-KR agreement and a new VN lab, accredited and recognised by KR from now. */
  async recognizedLab(): Promise<{ lab: Actor; agreement: Resource; accreditation: Resource; recognition: Resource }> {
    const agreement = await this.agreement();
    const lab = await this.addLab();
    const accreditation = await this.accreditation(lab.cabId!);
    const recognition = await this.recognition(agreement.id, lab.cabId!);
    return { lab, agreement, accreditation, recognition };
  }

  reportBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const now = this.clock.now().toISOString();
    return {
      reportNumber: this.next('RF'),
      importingEconomy: 'KR',
      regulations: ['KR:KN 301 489'],
      equipment: { manufacturer: 'Công ty Cổ phần Thiết bị Mạng Phương Nam', model: 'PN-AX3000', category: 'Wi-Fi router' },
      testedAt: daysFrom(now, -2),
      issuedAt: daysFrom(now, -1),
      importerId: 'importer-hanbit',
      ...overrides,
    };
  }

  async submit(lab: Actor, overrides: Record<string, unknown> = {}): Promise<Resource> {
    return this.engine.create('test-reports', this.reportBody(overrides), lab);
  }

  /**
   * Fires every deadline due at the clock's time, round after round until none is left (a state
   * entered by one may set another that is already due), as the scheduler does. Answers what was
   * applied, as `kind:event`.
   */
  async fireDue(): Promise<string[]> {
    const applied: string[] = [];
    for (;;) {
      const due = await this.store.claimDueDeadlines({ owner: 'test', now: this.clock.now().toISOString(), leaseMs: 60_000, limit: 50 });
      if (due.length === 0) return applied;
      for (const timer of due) {
        const outcome = await this.engine.fireTimer(timer, 'test');
        if (outcome === 'applied') applied.push(`${timer.kind}:${timer.event}`);
      }
    }
  }

  /** Moves the clock forward by whole days. */
  advanceDays(days: number): void {
    this.clock.advance(days * DAY);
  }

  /** Everything the store holds, counted: equal before and after when nothing was written. */
  snapshot(): Promise<StoreSnapshot> {
    return this.probe.snapshot();
  }

  /** The e-mails queued by one transition (history `seq`) of an instance, or by all of them. */
  async mailOf(kind: Kind, id: string, seq?: number): Promise<Array<{ address: string; language: string; party: string; event: string; to: string }>> {
    return (await this.probe.mailOf(kind, id, seq)).map(({ recipient, notification }) => ({
      address: recipient.address,
      language: recipient.language,
      party: recipient.party,
      event: notification.event,
      to: notification.to,
    }));
  }

  /** Sends and answers the resource, for paths in tests. */
  send(kind: Kind, id: string, body: Record<string, unknown> & { type: string }, actorId: string): Promise<Resource> {
    return this.engine.send(kind, id, body, this.as(actorId));
  }
}
