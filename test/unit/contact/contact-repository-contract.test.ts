import { contactRepositoryContract } from '../../support/contracts/contact-repository-contract.ts';
import { InMemoryContactRepository } from '../../support/in-memory-contact-repository.ts';

contactRepositoryContract('the in-memory contact repository', async () => new InMemoryContactRepository());
