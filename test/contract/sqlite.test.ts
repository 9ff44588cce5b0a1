/** The store contract against the embedded SQLite adapter, on a real file in a temp folder. */
import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDir } from '../helpers/world.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('SQLite (file in a temp folder, WAL, synchronous=FULL)', {
  open() {
    const { dir, remove } = tempDir('mra-contract-');
    const store = new SqliteStore({ path: join(dir, 'contract.sqlite') });
    return Promise.resolve({
      store,
      dispose: async () => {
        await store.close();
        remove();
      },
    });
  },
});
