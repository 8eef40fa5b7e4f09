/**
 * Builds a DynamoDB update expression from named parts, so callers never hand-assemble
 * `#name`/`:value` placeholders (and never collide with reserved words such as `name`).
 */
export class UpdateExpressionBuilder {
  private readonly sets: string[] = [];
  private readonly adds: string[] = [];
  private readonly removes: string[] = [];
  readonly names: Record<string, string> = {};
  readonly values: Record<string, unknown> = {};

  /** `attribute = value`; undefined values are skipped, so absent fields leave stored ones untouched. */
  set(attribute: string, value: unknown): this {
    if (value === undefined) return this;
    this.sets.push(`${this.name(attribute)} = ${this.value(value)}`);
    return this;
  }

  /** Sets the attribute only when the item does not have it yet. */
  setIfAbsent(attribute: string, value: unknown): this {
    if (value === undefined) return this;
    const name = this.name(attribute);
    this.sets.push(`${name} = if_not_exists(${name}, ${this.value(value)})`);
    return this;
  }

  add(attribute: string, amount: number): this {
    this.adds.push(`${this.name(attribute)} ${this.value(amount)}`);
    return this;
  }

  remove(attribute: string): this {
    this.removes.push(this.name(attribute));
    return this;
  }

  /** A placeholder for a value to use in a condition expression. */
  value(value: unknown): string {
    const placeholder = `:v${Object.keys(this.values).length}`;
    this.values[placeholder] = value;
    return placeholder;
  }

  /** A placeholder for an attribute name (dotted paths become one placeholder per segment). */
  name(attribute: string): string {
    return attribute
      .split('.')
      .map((segment) => {
        const placeholder = `#${segment.replace(/[^A-Za-z0-9_]/g, '_')}`;
        this.names[placeholder] = segment;
        return placeholder;
      })
      .join('.');
  }

  expression(): string {
    return [
      this.sets.length ? `SET ${this.sets.join(', ')}` : '',
      this.adds.length ? `ADD ${this.adds.join(', ')}` : '',
      this.removes.length ? `REMOVE ${this.removes.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' ');
  }
}
