import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';

const MAX_TRANSACTION_CONFLICT_RETRIES = 5;

/**
 * Runs a transaction whose conditions decide it: `conflict` when one the caller names decisive
 * failed (an expected outcome, nothing written). DynamoDB cancels concurrent transactions on the
 * same item with `TransactionConflict`; those are retried, since the other writer has finished by then.
 */
export async function transactConditionally(
  client: DynamoDBDocumentClient,
  command: TransactWriteCommand,
  decisive: (codes: readonly (string | undefined)[]) => boolean,
): Promise<'saved' | 'conflict'> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await client.send(command);
      return 'saved';
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code);
      if (decisive(codes)) return 'conflict';
      if (!codes.includes('TransactionConflict') || attempt >= MAX_TRANSACTION_CONFLICT_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt * Math.random()));
    }
  }
}
