/**
 * The guarantees of docs/architecture.md that concern one step: a commit is all or nothing, a stale writer
 * loses with nothing written, a refused event writes nothing, reading never sends mail, and a
 * record from another machine version is migrated or refused, never guessed at.
 */
import { expect } from 'chai';
import { isAppError, type AppError } from '../../src/errors.js';
import { failure } from '../helpers/failure.js';
import { requireCommitFaults } from '../helpers/store-factory.js';
import { World } from '../helpers/world.js';


describe('engine: version conflicts', () => {
  let world: World;
  beforeEach(async () => (world = await World.create()));
  afterEach(async () => world.close());

  it('when two writers send with the same expected version, exactly one commits and the other gets a conflict with nothing written', async () => {
    const agreement = await world.agreement();
    const suspend = world.engine.send('agreements', agreement.id, { type: 'SUSPEND', reason: 'Rà soát.' }, world.as('vn-regulator'), {
      expectedVersion: agreement.version,
    });
    const amend = world.engine.send(
      'agreements',
      agreement.id,
      { type: 'AMEND_SCOPE', regulations: ['KR:KN 32'] },
      world.as('kr-regulator'),
      { expectedVersion: agreement.version },
    );
    const results = await Promise.allSettled([suspend, amend]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).to.have.length(1);
    expect(lost).to.have.length(1);
    expect(isAppError(lost[0]!.reason, 'VERSION_CONFLICT')).to.equal(true);

    const history = await world.engine.history('agreements', agreement.id, world.as('admin'));
    expect(history.items.map((h) => h.seq)).to.deep.equal([1, 2, 3, 4]);
    expect(await world.mailOf('agreements', agreement.id, 5)).to.deep.equal([]);
    const stored = await world.engine.get('agreements', agreement.id, world.as('admin'));
    expect(stored.version).to.equal(agreement.version + 1);
  });

  it('when the expected version is stale, refuses with the current version and writes nothing', async () => {
    const agreement = await world.agreement();
    await world.send('agreements', agreement.id, { type: 'SUSPEND', reason: 'Rà soát.' }, 'vn-regulator');
    const before = await world.snapshot();
    const error = await failure(() =>
      world.engine.send('agreements', agreement.id, { type: 'GIVE_NOTICE', reason: 'x' }, world.as('kr-regulator'), {
        expectedVersion: agreement.version,
      }),
    );
    expect(error.code).to.equal('VERSION_CONFLICT');
    expect(error.publicFields['currentVersion']).to.equal(agreement.version + 1);
    expect(await world.snapshot()).to.deep.equal(before);
  });

  it('when two senders race without an expected version, both events are judged on the state each finds', async () => {
    const agreement = await world.agreement();
    const [first, second] = await Promise.allSettled([
      world.send('agreements', agreement.id, { type: 'SUSPEND', reason: 'A' }, 'vn-regulator'),
      world.send('agreements', agreement.id, { type: 'SUSPEND', reason: 'B' }, 'vn-regulator'),
    ]);
    // One suspends; the other, judged again on the agreement Viet Nam already suspended, is not possible any more.
    const outcomes = [first, second].map((r) => (r.status === 'fulfilled' ? r.value.state : (r.reason as AppError).code)).sort();
    expect(outcomes).to.deep.equal(['EVENT_NOT_ACCEPTED', 'suspended']);
  });
});

describe('engine: a refused event writes nothing', () => {
  let world: World;
  before(async () => (world = await World.create()));
  after(async () => world.close());

  it('when the state does not take the event, answers EVENT_NOT_ACCEPTED naming what it takes, and writes no history, outbox or deadline row', async () => {
    const agreement = await world.agreement({ sign: false });
    const before = await world.snapshot();
    const error = await failure(() => world.send('agreements', agreement.id, { type: 'GIVE_NOTICE', reason: 'x' }, 'vn-regulator'));
    expect(error.code).to.equal('EVENT_NOT_ACCEPTED');
    expect(error.detail).to.contain('negotiating').and.to.contain('SIGN');
    expect(await world.snapshot()).to.deep.equal(before);
  });

  it("when a guard says no (the same side signs twice), answers EVENT_NOT_ACCEPTED and writes nothing", async () => {
    const agreement = await world.agreement({ sign: false });
    await world.send('agreements', agreement.id, { type: 'SIGN' }, 'vn-regulator');
    const before = await world.snapshot();
    const error = await failure(() => world.send('agreements', agreement.id, { type: 'SIGN' }, 'vn-regulator'));
    expect(error.code).to.equal('EVENT_NOT_ACCEPTED');
    expect(error.detail).to.contain('conditions are not met');
    expect(await world.snapshot()).to.deep.equal(before);
  });

  it('when the payload is invalid, answers VALIDATION_FAILED with a pointer per problem and writes nothing', async () => {
    const agreement = await world.agreement();
    const before = await world.snapshot();
    const error = await failure(() => world.send('agreements', agreement.id, { type: 'SUSPEND', because: 'x' }, 'vn-regulator'));
    expect(error.code).to.equal('VALIDATION_FAILED');
    expect(error.errors).to.deep.include({ pointer: '', message: 'missing required property "reason"', keyword: 'required', params: { missingProperty: 'reason' } });
    expect(error.errors).to.deep.include({ pointer: '', message: 'unknown property "because"', keyword: 'additionalProperties', params: { additionalProperty: 'because' } });
    expect(await world.snapshot()).to.deep.equal(before);
  });

  it('when the event type is unknown, lists the types the machine has', async () => {
    const agreement = await world.agreement();
    const error = await failure(() => world.send('agreements', agreement.id, { type: 'CANCEL' }, 'vn-regulator'));
    expect(error.code).to.equal('VALIDATION_FAILED');
    expect(error.detail).to.contain('SIGN').and.to.contain('TERMINATE');
  });

  it('when a recognition cannot be granted, the designation-number sequence is not touched', async () => {
    const agreement = await world.agreement();
    const lab = await world.addLab();
    await world.accreditation(lab.cabId!);
    const recognition = await world.recognition(agreement.id, lab.cabId!);
    const before = await world.snapshot();
    const error = await failure(() => world.send('recognitions', recognition.id, { type: 'RECOGNIZE' }, 'kr-regulator'));
    expect(error.code).to.equal('EVENT_NOT_ACCEPTED');
    expect(await world.snapshot()).to.deep.equal(before);
  });
});

describe('engine: a crash inside the commit', () => {
  let world: World;
  let crash = false;
  before(async function () {
    requireCommitFaults(this);
    world = await World.create({
      faults: {
        beforeCommitEnds: () => {
          if (crash) throw new Error('simulated crash after every write, before the transaction ends');
        },
      },
    });
  });
  after(async () => world?.close());

  it('when a transition fails after writing its rows, leaves the store exactly as it was', async () => {
    const agreement = await world.agreement();
    const before = await world.snapshot();
    crash = true;
    try {
      await world.send('agreements', agreement.id, { type: 'GIVE_NOTICE', reason: 'x' }, 'vn-regulator').then(
        () => expect.fail('the commit should have failed'),
        (error: Error) => expect(error.message).to.contain('simulated crash'),
      );
    } finally {
      crash = false;
    }
    expect(await world.snapshot()).to.deep.equal(before);
    const after = await world.engine.get('agreements', agreement.id, world.as('admin'));
    expect(after.state).to.equal('operational');
    expect(after.version).to.equal(agreement.version);
  });

  it('when a creation fails after writing its rows, leaves no trace of it, and the store goes on working', async () => {
    const before = await world.snapshot();
    crash = true;
    try {
      await world.agreement({ sign: false }).then(
        () => expect.fail('the commit should have failed'),
        (error: Error) => expect(error.message).to.contain('simulated crash'),
      );
    } finally {
      crash = false;
    }
    expect(await world.snapshot()).to.deep.equal(before);
    const agreement = await world.agreement();
    expect(agreement.state).to.equal('operational');
  });
});

describe('engine: reading', () => {
  let world: World;
  before(async () => (world = await World.create()));
  after(async () => world.close());

  it('restoring and reading an instance (get, list, history) writes nothing and queues no e-mail', async () => {
    const { recognition } = await world.recognizedLab();
    const before = await world.snapshot();
    for (const id of ['kr-regulator', 'vn-designating-authority', 'admin']) {
      await world.engine.get('recognitions', recognition.id, world.as(id));
      await world.engine.list('recognitions', { states: ['recognized'] }, world.as(id));
      await world.engine.history('recognitions', recognition.id, world.as(id));
    }
    expect(await world.snapshot()).to.deep.equal(before);
  });

  it('nextEvents lists only what this principal may send in this state', async () => {
    const { recognition } = await world.recognizedLab();
    const asRegulator = await world.engine.get('recognitions', recognition.id, world.as('kr-regulator'));
    const asAuthority = await world.engine.get('recognitions', recognition.id, world.as('vn-designating-authority'));
    const asImporter = await world.engine.get('recognitions', recognition.id, world.as('importer-hanbit'));
    // Withdrawal by the importing regulator goes through a contest first (21 CFR 26.68).
    expect(asRegulator.nextEvents).to.have.members(['SUSPEND', 'CONTEST']);
    expect(asAuthority.nextEvents).to.have.members(['SUSPEND', 'WITHDRAW', 'RENEW']);
    expect(asImporter.nextEvents).to.deep.equal([]);
  });
});

describe('engine: machine versions', () => {
  let world: World;
  before(async () => (world = await World.create()));
  after(async () => world.close());

  async function plant(id: string, state: string, machineVersion: number): Promise<void> {
    const context = { economies: ['VN', 'KR'], phase: 'I', scope: { VN: ['VN:QCVN 54:2020/BTTTT'], KR: ['KR:KN 32'] }, signatures: {} };
    await world.store.commit({
      kind: 'agreements',
      id,
      expectedVersion: 0,
      state,
      context,
      machineVersion,
      at: world.clock.now().toISOString(),
      fields: { economy: ['VN', 'KR'] },
      uniqueKeys: [],
      history: { at: world.clock.now().toISOString(), type: 'CREATE', actor: world.as('vn-regulator'), from: null, to: state, payload: {} },
      outbox: {
        notification: { kind: 'agreements', instanceId: id, seq: 1, event: 'CREATE', from: null, to: state, at: world.clock.now().toISOString(), actor: world.as('vn-regulator'), payload: {}, data: context, deadlines: [] },
        messages: [],
      },
      timers: { cancelStateDeadlines: false, add: [] },
    });
  }

  it('when a record was stored by version 1, migrates it step by step (in_force becomes operational) and the next commit stores version 4', async () => {
    await plant('agr-v1', 'in_force', 1);
    const read = await world.engine.get('agreements', 'agr-v1', world.as('admin'));
    expect(read).to.include({ state: 'operational', machineVersion: 4, version: 1 });
    // Version 4: an agreement of an older release keeps the importing regulator assigning designation numbers.
    expect(read.data['designationNumbers']).to.equal('importing_regulator');
    const suspended = await world.send('agreements', 'agr-v1', { type: 'SUSPEND', reason: 'Rà soát.' }, 'vn-regulator');
    expect(suspended).to.include({ state: 'suspended', machineVersion: 4, version: 2 });
    expect(suspended.data['suspendedBy']).to.deep.equal(['VN']);
    const stored = await world.store.load('agreements', 'agr-v1');
    expect(stored).to.include({ state: 'suspended', machineVersion: 4 });
  });

  it('when a record was stored by a version this code does not know, refuses it with MACHINE_VERSION_UNSUPPORTED and changes nothing', async () => {
    await plant('agr-v9', 'operational', 9);
    const before = await world.snapshot();
    const read = await failure(() => world.engine.get('agreements', 'agr-v9', world.as('admin')));
    expect(read.code).to.equal('MACHINE_VERSION_UNSUPPORTED');
    expect(read.detail).to.contain('version 9').and.to.contain('no migration');
    const sent = await failure(() => world.send('agreements', 'agr-v9', { type: 'SUSPEND', reason: 'x' }, 'vn-regulator'));
    expect(sent.code).to.equal('MACHINE_VERSION_UNSUPPORTED');
    expect(await world.snapshot()).to.deep.equal(before);
  });
});

describe('engine: uniqueness', () => {
  let world: World;
  before(async () => (world = await World.create()));
  after(async () => world.close());

  it('when a lab submits a report number it has used before, answers DUPLICATE naming the existing report and writes nothing', async () => {
    const { lab } = await world.recognizedLab();
    const first = await world.submit(lab, { reportNumber: 'RF190723E04' });
    const before = await world.snapshot();
    const error = await failure(() => world.submit(lab, { reportNumber: 'RF190723E04' }));
    expect(error.code).to.equal('DUPLICATE');
    expect(error.publicFields['existingId']).to.equal(first.id);
    expect(await world.snapshot()).to.deep.equal(before);
  });

  it('another lab may use the same report number', async () => {
    const { lab } = await world.recognizedLab();
    const report = await world.submit(lab, { reportNumber: 'RF190723E04' });
    expect(report.data['reportNumber']).to.equal('RF190723E04');
  });
});
