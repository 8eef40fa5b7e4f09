import type { FunctionDeclaration } from '#infra/wiring/types.ts';
import type { LocalEndpoints } from '../local-environment.ts';

export interface BannerInput {
  readonly urls: LocalEndpoints;
  readonly tableName: string;
  readonly eventBusName: string;
  readonly functions: Readonly<Record<string, FunctionDeclaration>>;
  readonly startedInMs: number;
  readonly dataDir: string | undefined;
}

/** The few lines `npm start` prints once everything is up: where each part is, and what is wired. */
export function formatBanner(input: BannerInput): string {
  const { urls } = input;
  const rows: [string, string][] = [
    ['Gateway', urls.gateway],
    ['Console', `${urls.gateway}/`],
    ['Health', `${urls.gateway}/health`],
    ['Events', `${urls.gateway}/_local/events`],
    ['Mail viewer', `${urls.ses}/`],
    ['DynamoDB', `${urls.dynamodb}  (table ${input.tableName})`],
    ['EventBridge', `${urls.eventbridge}  (bus ${input.eventBusName})`],
  ];
  const wiring: string[] = [];
  for (const [name, declaration] of Object.entries(input.functions)) {
    for (const trigger of declaration.triggers) {
      if (trigger.kind === 'http') wiring.push(`${trigger.method} ${trigger.path} → ${name}`);
      else if (trigger.kind === 'event') wiring.push(`rule ${trigger.ruleName} → ${name}`);
      else wiring.push(`schedule ${trigger.ruleName} ${trigger.expression} → ${name}`);
    }
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  return [
    `leadflow local runtime is up (${(input.startedInMs / 1000).toFixed(1)} s)`,
    '',
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    '',
    ...wiring.map((line) => `  ${line}`),
    '',
    input.dataDir ? `Data in ${input.dataDir}. Press Ctrl+C to stop.` : 'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}
