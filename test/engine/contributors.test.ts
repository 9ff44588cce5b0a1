/**
 * Effects plug into the engine as commit contributors (src/engine/README.md): what each adds is
 * written in the transition's own commit, so an effect that cannot be planned stops the
 * transition with nothing written, and an engine without an effect writes none of its rows.
 */
import { expect } from 'chai';
import type { CommitContributor } from '../../src/engine/contributors.js';
import { Engine } from '../../src/engine/engine.js';
import { commitContributors } from '../../src/effects/contributors.js';
import { World } from '../helpers/world.js';

describe('engine: effects as commit contributors', () => {
  let world: World;
  beforeEach(async () => (world = await World.create()));
  afterEach(async () => world.close());

  const engineWith = (contributors: readonly CommitContributor[]) =>
    new Engine({ contributors, store: world.store, clock: world.clock, durations: world.engine.durations, nodeId: 'contributors-test' });

  it('when a registered effect fails while the commit is planned, the transition is refused and nothing is written: no state, history, e-mail or deadline', async () => {
    const agreement = await world.agreement();
    const failing: CommitContributor = {
      name: 'failing',
      contribute: () => Promise.reject(new Error('the effect could not be planned')),
    };
    const before = await world.snapshot();
    const error = await engineWith([...commitContributors(), failing])
      .send('agreements', agreement.id, { type: 'SUSPEND', reason: 'Rà soát.' }, world.as('vn-regulator'))
      .then(
        () => null,
        (reason: unknown) => reason,
      );
    expect(String(error)).to.contain('the effect could not be planned');
    expect(await world.snapshot()).to.deep.equal(before);
  });

  it('writes what each registered effect adds, and nothing of an effect that is not registered', async () => {
    const agreement = await world.agreement();
    const suspended = await world.send('agreements', agreement.id, { type: 'SUSPEND', reason: 'Rà soát.' }, 'vn-regulator');
    expect(await world.mailOf('agreements', agreement.id, suspended.version)).not.to.deep.equal([]);

    const resumed = await engineWith([]).send('agreements', agreement.id, { type: 'RESUME' }, world.as('vn-regulator'));
    expect(resumed.state).to.not.equal(suspended.state);
    expect(await world.mailOf('agreements', agreement.id, resumed.version)).to.deep.equal([]);
    const history = await world.engine.history('agreements', agreement.id, world.as('admin'));
    expect(history.items.at(-1)).to.include({ seq: resumed.version, type: 'RESUME' });
  });
});
