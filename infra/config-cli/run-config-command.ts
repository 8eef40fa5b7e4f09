import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { type CommandIo, isParseArgsError, TABLE_OPTIONS, UsageError } from '#infra/local/cli/command-io.ts';
import { type TableOptions, TargetError, tableTarget } from '#infra/model-cli/table-target.ts';
import { DynamoDbConfigStore } from '#shared/adapters/dynamodb/dynamodb-config-store.ts';
import { configChanges } from '#shared/config/config-diff.ts';
import type { ConfigError, ConfigKind } from '#shared/config/config-kind.ts';
import type { ConfigVersion, PublishOutcome } from '#shared/config/config-version.ts';
import { publishConfig, seedVersion } from '#shared/config/publish-config.ts';
import { PUBLISHED_KINDS, publishedKind } from '#shared/config/published-kinds.ts';
import { rollbackConfig, UnknownConfigVersionError } from '#shared/config/rollback-config.ts';
import { formatChanges, formatHistoryLine } from './format-version.ts';

export const USAGE = `Usage: npm run config -- <command> [options]

Commands
  validate <kind> <file>                  checks a document and names each error with its path
  diff <kind> <file>                      what publishing the file would change in the version in force
  publish <kind> <file> --reason "…"      publishes the file as the next version (in force within a minute)
  history <kind>                          the versions, newest first: who, when, why
  show <kind> [--version <n>]             a version's document as JSON (the one in force by default)
  rollback <kind> <version> --reason "…"  publishes an earlier version again, as a new version
  audit                                   every publish and rollback of every kind, newest first

Kinds
  ${Object.values(PUBLISHED_KINDS)
    .map((kind) => `${kind.name.padEnd(38)}version 1 is ${kind.file}`)
    .join('\n  ')}

Where the configuration is (every command but validate)
  (default)                  the running \`npm start\`, found through .leadflow/local.json
  --endpoint <url>           a DynamoDB endpoint (DynamoDB Local), table leadflow-contacts unless --table
  --table <name>             a table in AWS (usual credentials; --region or AWS_REGION)
  --data-dir <dir>           where \`npm start\` keeps local.json (default .leadflow)

Other options
  --by <name>                who publishes, recorded with the version (default: cli:<your user name>)
  --limit <n>                how many versions history and audit list (default 20)
  --json                     machine-readable output
`;

/** A document that does not satisfy its kind's schema: exit code 2, each error on its own line. */
class InvalidDocumentError extends Error {
  override name = 'InvalidDocumentError';
}

/** Runs one `npm run config` command; the exit code: 0 done, 1 could not do it, 2 wrong usage or document. */
export async function runConfigCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        reason: { type: 'string' },
        by: { type: 'string' },
        version: { type: 'string' },
        limit: { type: 'string' },
        ...TABLE_OPTIONS,
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const [command, kindName, argument] = positionals;
    if (values.help || !command) {
      io.out(USAGE);
      return values.help ? 0 : 2;
    }
    const clock = () => io.now?.() ?? new Date();
    const json = (value: unknown) => io.out(`${JSON.stringify(value, null, 2)}\n`);
    const openStore = async () => {
      const target = await tableTarget({
        endpoint: values.endpoint,
        table: values.table,
        region: values.region,
        dataDir: values['data-dir'],
      } satisfies TableOptions);
      return {
        store: new DynamoDbConfigStore(target.documents, target.tableName),
        where: target.description,
      };
    };
    const limit = values.limit === undefined ? 20 : wholeNumber('--limit', values.limit);

    if (command === 'audit') {
      const { store, where } = await openStore();
      const entries = await store.audit(limit);
      if (values.json) json(entries);
      else
        io.out(
          `Publishes and rollbacks in ${where}:\n${entries.map((entry) => formatHistoryLine(entry, true)).join('') || '  (none)\n'}`,
        );
      return 0;
    }
    const kind = kindNamed(kindName);
    if (command === 'validate') {
      const { file, document } = await readDocument(kind, argument);
      validated(kind, document, file);
      io.out(`${file} is a valid ${kind.name}${label(kind, document)}.\n`);
      return 0;
    }
    const { store, where } = await openStore();
    const current = async () => (await store.current(kind.name)) ?? seedVersion(kind, clock());
    if (command === 'diff') {
      const { file, document } = await readDocument(kind, argument);
      validated(kind, document, file);
      const now = await current();
      const changes = configChanges(now.document, document);
      if (values.json) json(changes);
      else
        io.out(
          `${file} against ${kind.name} v${now.version} (${now.label}) in ${where}:\n${formatChanges(changes)}`,
        );
      return 0;
    }
    if (command === 'history') {
      const versions = await store.history(kind.name, limit);
      const shown = versions.length > 0 ? versions : [seedVersion(kind, clock())];
      if (values.json) json(shown.map(({ document: _document, ...version }) => version));
      else
        io.out(
          `${kind.name} in ${where}, newest first:\n${shown.map((version) => formatHistoryLine(version)).join('')}`,
        );
      return 0;
    }
    if (command === 'show') {
      const wanted = values.version === undefined ? undefined : wholeNumber('--version', values.version);
      const version =
        wanted === undefined
          ? await current()
          : ((await store.version(kind.name, wanted)) ??
            (wanted === 1 ? seedVersion(kind, clock()) : undefined));
      if (!version) throw new UnknownConfigVersionError(`${kind.name} has no version ${wanted}.`);
      json(version.document);
      return 0;
    }
    const author = { by: values.by ?? `cli:${userInfo().username}`, reason: requiredReason(values.reason) };
    if (command === 'publish') {
      const { file, document } = await readDocument(kind, argument);
      return report(
        await publishConfig(kind, document, author, { store, clock }),
        file,
        where,
        io,
        values.json,
      );
    }
    if (command === 'rollback') {
      const to = wholeNumber('<version>', argument ?? '');
      return report(
        await rollbackConfig(kind, to, author, { store, clock }),
        `v${to}`,
        where,
        io,
        values.json,
      );
    }
    throw new UsageError(`Unknown command "${command}".`);
  } catch (error) {
    if (error instanceof InvalidDocumentError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.err(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof TargetError || error instanceof UnknownConfigVersionError) {
      io.err(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function report(
  outcome: PublishOutcome,
  what: string,
  where: string,
  io: CommandIo,
  asJson: boolean,
): number {
  if (outcome.outcome === 'invalid') throw new InvalidDocumentError(describeErrors(what, outcome.errors));
  if (asJson) {
    io.out(`${JSON.stringify(outcome, null, 2)}\n`);
    return 0;
  }
  if (outcome.outcome === 'unchanged') {
    io.out(
      `${what} is already in force (v${outcome.current.version}, ${outcome.current.label}); nothing published.\n`,
    );
    return 0;
  }
  io.out(published(outcome.version, where));
  return 0;
}

function published(version: ConfigVersion, where: string): string {
  return (
    `Published ${version.kind} v${version.version} (${version.label}) to ${where}; ` +
    `the functions use it within a minute.\n${formatChanges(version.changes)}`
  );
}

function kindNamed(name: string | undefined): ConfigKind<unknown> {
  const kind = publishedKind(name ?? '');
  if (!kind) {
    throw new UsageError(
      `${name ? `There is no kind "${name}"` : 'Name a kind'}: ${Object.keys(PUBLISHED_KINDS).join(', ')}.`,
    );
  }
  return kind;
}

async function readDocument(kind: ConfigKind<unknown>, file: string | undefined) {
  if (!file) throw new UsageError(`Name the ${kind.name} file.`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`Cannot read ${file}.`);
  }
  try {
    return { file, document: JSON.parse(text) as unknown };
  } catch (error) {
    throw new InvalidDocumentError(`${file} is not JSON: ${(error as Error).message}.`);
  }
}

function validated(kind: ConfigKind<unknown>, document: unknown, file: string): void {
  const validation = kind.validate(document);
  if (!validation.ok) throw new InvalidDocumentError(describeErrors(file, validation.errors));
}

function describeErrors(what: string, errors: readonly ConfigError[]): string {
  return `${what} cannot be published:\n${errors.map((error) => `- ${error.path}: ${error.message}`).join('\n')}`;
}

function label(kind: ConfigKind<unknown>, document: unknown): string {
  const validation = kind.validate(document);
  return validation.ok && kind.label ? ` (${kind.label(validation.document)})` : '';
}

function requiredReason(reason: string | undefined): string {
  const trimmed = reason?.trim() ?? '';
  if (trimmed === '') throw new UsageError('Say why with --reason "…": it is kept with the version.');
  return trimmed;
}

function wholeNumber(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${name} takes a whole number from 1.`);
  return number;
}
