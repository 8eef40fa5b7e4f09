import { isIPv4, isIPv6 } from 'node:net';
import type { EventPattern } from '#infra/wiring/types.ts';

/**
 * EventBridge event patterns, matched and validated the way EventBridge does it, so a rule that routes
 * locally routes the same events in AWS (EventBridge user guide: "Event patterns", "Content filtering",
 * "Arrays in event patterns", "Matching null values and empty strings").
 *
 * The model: a pattern field holding an object descends into the event; a field holding an array is a
 * leaf test that passes when any of its conditions holds for any leaf value found at that path. Leaf
 * values are the scalars at the path (`null` included); an array in the event contributes each of its
 * scalar elements, and an object contributes none (operators only work on leaf nodes). Where the event
 * holds an array of objects, each object is tried on its own, so two fields never match across two
 * different elements.
 */

const OR = '$or';
const OPERATORS = new Set([
  'prefix',
  'suffix',
  'equals-ignore-case',
  'wildcard',
  'anything-but',
  'numeric',
  'exists',
  'cidr',
]);
/** EventBridge's numeric matching range (Event Ruler README, "Numeric matching"). */
const NUMERIC_LIMIT = 5e9;

type JsonObject = Readonly<Record<string, unknown>>;
export type EventPatternValidation =
  | { readonly ok: true; readonly pattern: EventPattern }
  | { readonly ok: false; readonly message: string };

export function matchesEventPattern(pattern: EventPattern, event: unknown): boolean {
  return matchesObject(pattern, event);
}

/** Returns a human reason for every pattern EventBridge's `PutRule` / `TestEventPattern` would refuse. */
export function validateEventPattern(pattern: unknown): EventPatternValidation {
  if (!isObject(pattern)) return { ok: false, message: 'Filter is not an object' };
  const problem = objectProblem(pattern);
  return problem === undefined ? { ok: true, pattern } : { ok: false, message: problem };
}

// ---------------------------------------------------------------------------------------------- matching

function matchesObject(pattern: JsonObject, value: unknown): boolean {
  return Object.entries(pattern).every(([field, rule]) => {
    if (field === OR && isOrList(rule)) return rule.some((branch) => matchesObject(branch, value));
    const child = isObject(value) && Object.hasOwn(value, field) ? value[field] : undefined;
    if (Array.isArray(rule)) {
      const leaves = leafValues(child);
      return rule.some((condition) => matchesCondition(condition, leaves));
    }
    return isObject(rule) && candidates(child).some((candidate) => matchesObject(rule, candidate));
  });
}

function matchesCondition(condition: unknown, leaves: readonly unknown[]): boolean {
  if (!isObject(condition)) return leaves.some((leaf) => leaf === condition);
  const [operator, operand] = onlyEntry(condition);
  if (operator === 'exists') return operand === leaves.length > 0;
  if (operator === 'anything-but') return leaves.some((leaf) => !isExcluded(operand, leaf));
  return leaves.some((leaf) => matchesOperator(operator, operand, leaf));
}

function matchesOperator(operator: string, operand: unknown, leaf: unknown): boolean {
  if (typeof leaf === 'number') return operator === 'numeric' && numericHolds(operand, leaf);
  if (typeof leaf !== 'string') return false;
  switch (operator) {
    case 'prefix':
    case 'suffix': {
      const ignoreCase = isObject(operand) && typeof operand['equals-ignore-case'] === 'string';
      const affix = ignoreCase ? operand['equals-ignore-case'] : operand;
      if (typeof affix !== 'string') return false;
      const [text, wanted] = ignoreCase ? [leaf.toLowerCase(), affix.toLowerCase()] : [leaf, affix];
      return operator === 'prefix' ? text.startsWith(wanted) : text.endsWith(wanted);
    }
    case 'equals-ignore-case':
      return typeof operand === 'string' && leaf.toLowerCase() === operand.toLowerCase();
    case 'wildcard':
      return typeof operand === 'string' && wildcardRegExp(operand).test(leaf);
    case 'cidr':
      return typeof operand === 'string' && inCidr(operand, leaf);
    default:
      return false;
  }
}

/** `anything-but` excludes a value, a list of values, or whatever one nested string operator matches. */
function isExcluded(operand: unknown, leaf: unknown): boolean {
  if (Array.isArray(operand)) return operand.includes(leaf);
  if (!isObject(operand)) return leaf === operand;
  const [operator, inner] = onlyEntry(operand);
  const alternatives: readonly unknown[] = Array.isArray(inner) ? inner : [inner];
  return alternatives.some((alternative) => matchesOperator(operator, alternative, leaf));
}

const COMPARISONS = new Map<string, (value: number, bound: number) => boolean>([
  ['=', (value, bound) => value === bound],
  ['<', (value, bound) => value < bound],
  ['<=', (value, bound) => value <= bound],
  ['>', (value, bound) => value > bound],
  ['>=', (value, bound) => value >= bound],
]);

function numericHolds(spec: unknown, value: number): boolean {
  if (!Array.isArray(spec) || spec.length === 0) return false;
  for (let index = 0; index < spec.length; index += 2) {
    const compare = COMPARISONS.get(String(spec[index]));
    const bound: unknown = spec[index + 1];
    if (!compare || typeof bound !== 'number' || !compare(value, bound)) return false;
  }
  return true;
}

const wildcardCache = new Map<string, RegExp>();

/** `*` matches any run of characters; `\*` is a literal star and `\\` a literal backslash. */
function wildcardRegExp(pattern: string): RegExp {
  const cached = wildcardCache.get(pattern);
  if (cached) return cached;
  let source = '';
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index] ?? '';
    if (char === '\\') {
      index += 1;
      source += escapeRegExp(pattern[index] ?? '');
    } else source += char === '*' ? '.*' : escapeRegExp(char);
  }
  const compiled = new RegExp(`^${source}$`, 's');
  wildcardCache.set(pattern, compiled);
  return compiled;
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

interface Address {
  readonly bits: 32 | 128;
  readonly value: bigint;
}

function inCidr(cidr: string, text: string): boolean {
  const range = parseCidr(cidr);
  const address = parseAddress(text);
  if (typeof range === 'string' || !address || range.bits !== address.bits) return false;
  const hostBits = BigInt(range.bits - range.maskBits);
  const mask = ((1n << BigInt(range.bits)) - 1n) ^ ((1n << hostBits) - 1n);
  return (range.value & mask) === (address.value & mask);
}

/** Parses `address/maskBits`, or says (in EventBridge's words) what is wrong with it. */
function parseCidr(cidr: string): (Address & { readonly maskBits: number }) | string {
  const parts = cidr.split('/');
  if (parts.length !== 2) return "Malformed CIDR, one '/' required";
  const [network = '', maskText = ''] = parts;
  if (!/^\d+$/.test(maskText)) return 'Malformed CIDR, mask bits must be an integer';
  const address = parseAddress(network);
  if (!address) return `Nonstandard IP address: ${network}`;
  const maskBits = Number(maskText);
  if (maskBits > address.bits) return `Malformed CIDR, mask bits must be between 0 and ${address.bits}`;
  return { ...address, maskBits };
}

function parseAddress(text: string): Address | undefined {
  if (isIPv4(text)) return { bits: 32, value: ipv4Value(text) };
  if (!isIPv6(text)) return undefined;
  let address = text.split('%')[0] ?? '';
  const tail = address.slice(address.lastIndexOf(':') + 1);
  if (tail.includes('.')) {
    const v4 = ipv4Value(tail);
    address = `${address.slice(0, -tail.length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = '', rest] = address.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const restGroups = rest === undefined || rest === '' ? [] : rest.split(':');
  const zeros = rest === undefined ? [] : Array<string>(8 - headGroups.length - restGroups.length).fill('0');
  const groups = [...headGroups, ...zeros, ...restGroups];
  return { bits: 128, value: groups.reduce((sum, group) => (sum << 16n) | BigInt(`0x${group}`), 0n) };
}

function ipv4Value(text: string): bigint {
  return text.split('.').reduce((sum, octet) => (sum << 8n) | BigInt(Number(octet)), 0n);
}

/** Missing fields and objects have no leaf values; arrays contribute their scalar elements. */
function leafValues(value: unknown): readonly unknown[] {
  if (value === undefined || isObject(value)) return [];
  if (!Array.isArray(value)) return [value];
  return value.flat(Number.POSITIVE_INFINITY).filter((element) => !isObject(element));
}

/** The values a nested pattern is tried against: each element of an array, else the value itself. */
function candidates(value: unknown): readonly unknown[] {
  if (!Array.isArray(value)) return [value];
  const elements = value.flat(Number.POSITIVE_INFINITY);
  return elements.length === 0 ? [undefined] : elements;
}

// -------------------------------------------------------------------------------------------- validation

function objectProblem(pattern: JsonObject): string | undefined {
  const fields = Object.entries(pattern);
  if (fields.length === 0) return 'Empty objects are not allowed';
  for (const [field, rule] of fields) {
    const problem =
      field === OR && isOrList(rule) ? firstProblem(rule, objectProblem) : fieldProblem(field, rule);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function fieldProblem(field: string, rule: unknown): string | undefined {
  if (isObject(rule)) return objectProblem(rule);
  if (!Array.isArray(rule)) return `"${field}" must be an object or an array`;
  if (rule.length === 0) return 'Empty arrays are not allowed';
  return firstProblem(rule, conditionProblem);
}

function conditionProblem(condition: unknown): string | undefined {
  if (condition === null || ['string', 'number', 'boolean'].includes(typeof condition)) return undefined;
  if (!isObject(condition)) return 'Match value must be String, number, true, false, or null';
  const keys = Object.keys(condition);
  if (keys.length !== 1)
    return keys.length === 0 ? 'Empty objects are not allowed' : 'Only one key allowed in match expression';
  const [operator, operand] = onlyEntry(condition);
  const check = OPERAND_CHECKS.get(operator);
  return check ? check(operand) : `Unrecognized match type ${operator}`;
}

const OPERAND_CHECKS = new Map<string, (operand: unknown) => string | undefined>([
  ['prefix', (operand) => affixProblem('prefix', operand)],
  ['suffix', (operand) => affixProblem('suffix', operand)],
  ['equals-ignore-case', (operand) => stringProblem('equals-ignore-case', operand)],
  ['wildcard', (operand) => stringProblem('wildcard', operand) ?? wildcardProblem(operand as string)],
  [
    'exists',
    (operand) =>
      typeof operand === 'boolean' ? undefined : 'exists match pattern must be either true or false.',
  ],
  ['cidr', (operand) => stringProblem('cidr', operand) ?? cidrProblem(operand as string)],
  ['numeric', numericProblem],
  ['anything-but', anythingButProblem],
]);

function stringProblem(operator: string, operand: unknown): string | undefined {
  return typeof operand === 'string' ? undefined : `${operator} match pattern must be a string`;
}

/** `prefix` and `suffix` take a string or `{"equals-ignore-case": string}`. */
function affixProblem(operator: string, operand: unknown): string | undefined {
  if (!isObject(operand)) return stringProblem(operator, operand);
  const keys = Object.keys(operand);
  const valid = keys.length === 1 && keys[0] === 'equals-ignore-case';
  return valid
    ? stringProblem('equals-ignore-case', operand['equals-ignore-case'])
    : `Unsupported ${operator} pattern: ${keys.join(', ')}`;
}

function wildcardProblem(pattern: string): string | undefined {
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index];
    if (char === '*' && pattern[index + 1] === '*')
      return `Consecutive wildcard characters at pos ${index + 1}`;
    if (char === '\\') {
      const escaped = pattern[index + 1];
      if (escaped !== '*' && escaped !== '\\') return `Invalid escape character at pos ${index}`;
      index += 1;
    }
  }
  return undefined;
}

function cidrProblem(cidr: string): string | undefined {
  const parsed = parseCidr(cidr);
  return typeof parsed === 'string' ? parsed : undefined;
}

/** One comparison, or a lower bound (`>`, `>=`) and an upper bound (`<`, `<=`) above it, in either order. */
function numericProblem(spec: unknown): string | undefined {
  if (!Array.isArray(spec) || spec.length === 0) return 'Value of numeric must be an array.';
  const bounds = { lower: Number.NEGATIVE_INFINITY, upper: Number.POSITIVE_INFINITY };
  const seen = new Set<string>();
  for (let index = 0; index < spec.length; index += 2) {
    const operator: unknown = spec[index];
    const bound: unknown = spec[index + 1];
    if (typeof operator !== 'string' || !COMPARISONS.has(operator)) {
      return `Unrecognized numeric range operator: ${String(operator)}`;
    }
    if (typeof bound !== 'number') return `Value of ${operator} must be numeric`;
    if (Math.abs(bound) > NUMERIC_LIMIT)
      return `Value of ${operator} must be between -5.0E9 and 5.0E9 inclusive`;
    const side = operator === '=' ? '=' : operator.startsWith('>') ? 'lower' : 'upper';
    if (seen.has(side) || (side === '=' && spec.length !== 2))
      return `Bad numeric range operator: ${operator}`;
    seen.add(side);
    if (side !== '=') bounds[side] = bound;
  }
  return bounds.lower < bounds.upper
    ? undefined
    : 'Bad numeric range: the lower bound must be below the upper bound';
}

/** A string, a number, a list of only strings or only numbers, or one nested string operator. */
function anythingButProblem(operand: unknown): string | undefined {
  if (typeof operand === 'string' || typeof operand === 'number') return undefined;
  if (Array.isArray(operand)) {
    if (operand.length === 0) return 'Empty arrays are not allowed';
    const uniform = ['string', 'number'].some((type) => operand.every((value) => typeof value === type));
    return uniform ? undefined : 'Inside anything but list, start|null|boolean is not supported.';
  }
  if (!isObject(operand) || Object.keys(operand).length !== 1) {
    return 'Value of anything-but must be an array or single string/number value.';
  }
  const [operator, inner] = onlyEntry(operand);
  const values: readonly unknown[] = Array.isArray(inner) ? inner : [inner];
  if (isObject(inner) || values.length === 0) {
    return 'Value of anything-but must be an array or single string/number value.';
  }
  switch (operator) {
    case 'prefix':
    case 'suffix':
      if (!values.every((value) => typeof value === 'string'))
        return 'prefix/suffix match pattern must be a string';
      return values.includes('') ? `Null ${operator} not allowed in anything-but` : undefined;
    case 'wildcard':
      return firstProblem(
        values,
        (value) => stringProblem('wildcard', value) ?? wildcardProblem(value as string),
      );
    case 'equals-ignore-case':
      return values.every((value) => typeof value === 'string')
        ? undefined
        : 'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.';
    default:
      return `Unsupported anything-but pattern: ${operator}`;
  }
}

// --------------------------------------------------------------------------------------------- helpers

/** `$or` is the OR primitive only as a list of 2+ sub-patterns; otherwise it is an ordinary field name. */
function isOrList(rule: unknown): rule is readonly JsonObject[] {
  return (
    Array.isArray(rule) &&
    rule.length >= 2 &&
    rule.every((branch) => isObject(branch) && Object.keys(branch).every((key) => !OPERATORS.has(key)))
  );
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyEntry(object: JsonObject): readonly [string, unknown] {
  const [entry] = Object.entries(object);
  return entry ?? ['', undefined];
}

function firstProblem<T>(items: readonly T[], check: (item: T) => string | undefined): string | undefined {
  for (const item of items) {
    const problem = check(item);
    if (problem !== undefined) return problem;
  }
  return undefined;
}
