/** The store contract against MongoDB: a fresh database per test on the replica set of MONGODB_URI. */
import { describeWithMongo, openTestMongoStore } from '../helpers/mongo.js';
import { describeStoreContract } from './store-contract.js';

describeWithMongo('store contract against MongoDB', (uri) => {
  describeStoreContract('MongoDB (a database per test, majority writes, transactions)', { open: () => openTestMongoStore(uri) });
});
