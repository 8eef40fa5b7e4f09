import { nurtureStoreContract } from '../../support/contracts/nurture-store-contract.ts';
import { InMemoryNurtureStore } from '../../support/in-memory-nurture-store.ts';

// The same contract runs against DynamoDB in test/integration/port-contracts.test.ts.
nurtureStoreContract('the in-memory nurture store', async () => new InMemoryNurtureStore());
