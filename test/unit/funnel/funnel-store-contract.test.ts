import { funnelStoreContract } from '../../support/contracts/funnel-store-contract.ts';
import { InMemoryFunnelStore } from '../../support/in-memory-funnel-store.ts';

funnelStoreContract('the in-memory funnel store', async () => new InMemoryFunnelStore());
