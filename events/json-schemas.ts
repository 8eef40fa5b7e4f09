import * as z from 'zod/mini';
import { EVENT_CATALOG, INCOMING_CATALOG } from './catalog.ts';
import type { EventContract } from './contract.ts';

/** `Prospect Qualified` v1 → `prospect-qualified.v1.json`. */
export function schemaFileName(contract: EventContract<z.ZodMiniType>): string {
  return `${contract.detailType.toLowerCase().replaceAll(' ', '-')}.v${contract.version}.json`;
}

/**
 * The JSON Schema (draft 2020-12) of one event's `detail`, exported from the very zod schema the
 * producer and consumers check, so an integrator can generate types that cannot drift from ours:
 * what leadflow puts (`output`), or what another tool may put for leadflow (`input`).
 */
export function detailJsonSchema(
  contract: EventContract<z.ZodMiniType>,
  io: 'input' | 'output' = 'output',
): Record<string, unknown> {
  const { $schema, ...schema } = z.toJSONSchema(contract.schema, { io, unrepresentable: 'throw' });
  return {
    $schema,
    $id: `urn:leadflow:event:${schemaFileName(contract).replace(/\.json$/, '')}`,
    title: `${contract.detailType} (v${contract.version}) detail`,
    description: `The "detail" of an EventBridge event with source "${contract.source}" and detail-type "${contract.detailType}".`,
    ...schema,
  };
}

/** Every published schema file: name → content, as `npm run events:schemas` writes them. */
export function publishedSchemas(): Map<string, string> {
  const file = (contract: EventContract<z.ZodMiniType>, io: 'input' | 'output') =>
    [schemaFileName(contract), `${JSON.stringify(detailJsonSchema(contract, io), null, 2)}\n`] as const;
  return new Map([
    ...EVENT_CATALOG.map((contract) => file(contract, 'output')),
    ...INCOMING_CATALOG.map((contract) => file(contract, 'input')),
  ]);
}
