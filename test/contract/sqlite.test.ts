/** The store contract against the embedded SQLite adapter, on a real file in a temp folder. */
import { sqliteTestStores } from '../helpers/stores/sqlite.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('SQLite (file in a temp folder, WAL, synchronous=FULL)', sqliteTestStores);
