import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OwnerRouting } from '#shared/routing/assign-owner.ts';
import type { RoutingConfig } from '#shared/routing/routing-config.ts';

const turnsKey = (team: string) => ({ pk: `ROUTING#${team}`, sk: 'TURNS' });

/**
 * The routing rules with their round-robin turns kept in the table (`ROUTING#<team>`, `TURNS`): an
 * atomic ADD per hand-off, so concurrent scorers in any function never hand out the same turn.
 */
export function dynamoDbOwnerRouting(
  client: DynamoDBDocumentClient,
  tableName: string,
  config: RoutingConfig,
): OwnerRouting {
  return {
    config,
    async nextTurn(team: string): Promise<number> {
      const { Attributes } = await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: turnsKey(team),
          UpdateExpression: 'ADD turns :one SET entity = :entity',
          ExpressionAttributeValues: { ':one': 1, ':entity': 'routing-turns' },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(Attributes?.turns ?? 1);
    },
  };
}
