import { digestStoreContract } from '../../support/contracts/digest-store-contract.ts';
import { InMemoryDigestStore } from '../../support/in-memory-digest-store.ts';

// The same contract runs against DynamoDB in test/integration/port-contracts.test.ts.
digestStoreContract('the in-memory digest store', async () => new InMemoryDigestStore());
