/**
 * Where MongoDB answered otherwise than SQLite, checked offline against SQLite itself (an
 * in-memory better-sqlite3 database says how SQLite folds and orders) and mingo: the look-up by
 * address folds as `COLLATE NOCASE` does, claimed items come in binary order, a foreign or
 * malformed cursor is refused with SQLite's words, and expired sessions and sign-in tokens carry
 * the date a TTL index removes them by.
 */
import Database from 'better-sqlite3';
import { expect } from 'chai';
import { find } from 'mingo';
import type { AnyObject } from 'mingo/types';
import { BSON } from 'mongodb';
import { isAppError } from '../../src/errors.js';
import { encodeCursor } from '../../src/store/cursor.js';
import { expiring } from '../../src/store/mongo/access.js';
import { byDue } from '../../src/store/mongo/claims.js';
import { MongoOutbox } from '../../src/store/mongo/queues.js';
import type { Runner } from '../../src/store/mongo/run.js';
import { storeMongoose } from '../../src/store/mongo/connect.js';
import { INDEXES } from '../../src/store/mongo/indexes.js';
import { defineModels } from '../../src/store/mongo/models.js';
import { principalDoc } from '../../src/store/mongo/principals.js';
import * as q from '../../src/store/mongo/queries.js';
import { toKeyed } from '../../src/store/mongo/shapes.js';
import type { PrincipalRecord } from '../../src/store/port.js';

const sqlite = new Database(':memory:');
after(() => sqlite.close());

const principal = (id: string, email: string): PrincipalRecord => ({ id, name: id, role: 'lab', email, language: 'vi', organisation: 'vn-lab' });

describe('MongoDB answers as SQLite does (SQLite and mingo, no MongoDB server)', () => {
  it('the look-up by address folds A-Z only, as SQLite\'s NOCASE does: `Đ` and `đ` are two addresses', () => {
    const docs = [principal('p1', 'Hoa.Nguyen@Lab.VN.example'), principal('p2', 'Đào@lab.vn.example'), principal('p3', 'hung@lab.vn.example')].map(principalDoc);
    const byAddress = (email: string) => find(docs as unknown as AnyObject[], q.principalsByEmail(email).filter).all().map((d) => d['_id']);
    const sqliteSays = (a: string, b: string) => sqlite.prepare('SELECT ? = ? COLLATE NOCASE AS same').get(a, b) as { same: number };
    expect(sqliteSays('Hoa.Nguyen@Lab.VN.example', 'hoa.nguyen@lab.vn.example').same).to.equal(1);
    expect(byAddress('hoa.nguyen@lab.vn.example')).to.deep.equal(['p1']);
    expect(sqliteSays('Đào@lab.vn.example', 'đào@lab.vn.example').same).to.equal(0);
    expect(byAddress('đào@lab.vn.example'), 'SQLite does not fold Đ, so neither does the look-up').to.deep.equal([]);
    expect(byAddress('ĐÀO@LAB.VN.EXAMPLE'), 'À is not A-Z either').to.deep.equal([]);
    expect(byAddress('Đào@LAB.vn.example')).to.deep.equal(['p2']);
    expect(byAddress('hung@lab.vn.example.*'), 'an address is never a pattern').to.deep.equal([]);
    const read = q.principalsByEmail('x@y');
    expect(Object.keys(read.filter), 'one equality, on the indexed folded address').to.deep.equal(['emailKey']);
    expect(INDEXES.find((i) => i.name === 'principals_by_email_key')?.key).to.deep.equal({ emailKey: 1, _id: 1 });
  });

  it('claimed items come in the order SQLite gives them: by due time, then id, in binary order', () => {
    const due = '2026-03-02T09:00:00.000Z';
    const ids = ['m-a', 'm-B', 'm-_', 'm-Z', 'm-ä', 'm-1'];
    sqlite.exec('CREATE TABLE IF NOT EXISTS outbox_order (id TEXT PRIMARY KEY, next_attempt_at TEXT)');
    const insert = sqlite.prepare('INSERT OR REPLACE INTO outbox_order VALUES (?, ?)');
    for (const id of ids) insert.run(id, due);
    const sqliteOrder = (sqlite.prepare('SELECT id FROM outbox_order ORDER BY next_attempt_at, id').all() as Array<{ id: string }>).map((r) => r.id);
    const mongoOrder = ids.map((id) => ({ _id: id, nextAttemptAt: due })).sort(byDue('nextAttemptAt')).map((d) => d._id);
    expect(mongoOrder).to.deep.equal(sqliteOrder);
    expect(mongoOrder.slice(0, 4)).to.deep.equal(['m-1', 'm-B', 'm-Z', 'm-_']);
  });

  it('a foreign or malformed cursor is refused with SQLite\'s words; one of its own goes on', () => {
    const refusal = (cursor: string): string | null => {
      try {
        q.findInstances('test-reports', { limit: 10, cursor });
        return null;
      } catch (error) {
        return isAppError(error, 'VALIDATION_FAILED') ? error.detail : `not refused as invalid: ${String(error)}`;
      }
    };
    const words = 'The cursor belongs to another query; start again without it.';
    expect(refusal(encodeCursor(['t', '42'])), 'SQLite\'s free-text cursor').to.equal(words);
    expect(refusal(encodeCursor(['2026-03-02T09:00:00.000Z'])), 'one key').to.equal(words);
    expect(refusal(encodeCursor(['2026-03-02T09:00:00.000Z', 'tr1', 'x'])), 'three keys').to.equal(words);
    expect(refusal(encodeCursor(['tr1', '2026-03-02T09:00:00.000Z'])), 'keys the wrong way round').to.equal(words);
    expect(refusal('not-a-cursor')).to.equal('The cursor is not one this service issued; start again without it.');
    expect(refusal(encodeCursor(['2026-03-02T09:00:00.000Z', 'tr1']))).to.equal(null);
  });

  it('outbox counts: pending and dead counted on their index, sent from the collection\'s own count, never a count over every sent message', async () => {
    const messages = [
      ...Array.from({ length: 7 }, (_, i) => ({ _id: `s${i}`, status: 'sent' })),
      { _id: 'p1', status: 'pending' },
      { _id: 'p2', status: 'pending' },
      { _id: 'd1', status: 'dead' },
    ];
    const counted: unknown[] = [];
    // A fake of our own Runner, answering from the messages above as MongoDB would.
    const run = {
      count(read: q.Read): Promise<number> {
        counted.push(read.filter);
        return Promise.resolve(find(messages as AnyObject[], read.filter).all().length);
      },
      estimatedCount: (collection: string) => Promise.resolve(collection === 'outbox' ? messages.length : 0),
    } as unknown as Runner;
    expect(await new MongoOutbox(run).outboxCounts()).to.deep.equal({ pending: 2, sent: 7, dead: 1 });
    expect(counted, 'the sent messages are never counted one by one').to.deep.equal([{ status: 'pending' }, { status: 'dead' }]);
  });

  it('sessions and sign-in tokens carry `expireAt`, a BSON date, which the TTL indexes remove them by', async () => {
    const session = { id: 's1', principalId: 'p1', data: { csrf: 'x' }, expiresAt: '2026-03-02T10:00:00.000Z' };
    const doc = expiring(toKeyed(session, 'id'), session.expiresAt);
    const stored = BSON.deserialize(BSON.serialize(doc));
    expect(stored['expireAt']).to.be.instanceOf(Date);
    expect((stored['expireAt'] as Date).toISOString()).to.equal(session.expiresAt);
    const models = defineModels(storeMongoose().createConnection());
    await new models.sessions(doc).validate();
    await new models.sign_in_tokens(expiring({ _id: 'h', principalId: 'p1', createdAt: session.expiresAt, expiresAt: session.expiresAt, usedAt: null }, session.expiresAt)).validate();
    const withoutDate = new models.sessions(toKeyed(session, 'id'));
    expect(await withoutDate.validate().then(() => 'taken', () => 'refused'), 'a session without its date is refused').to.equal('refused');
    for (const [collection, name] of [['sessions', 'sessions_expire'], ['sign_in_tokens', 'sign_in_tokens_expire']] as const) {
      expect(INDEXES.find((i) => i.name === name), name).to.deep.equal({ collection, name, key: { expireAt: 1 }, expireAfterSeconds: 0 });
    }
  });
});
