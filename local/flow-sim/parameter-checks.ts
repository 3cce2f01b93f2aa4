// Small readers for action parameters: flow exports hold every value as a string ("7", "True").
import { isSingleReference } from './references';

type Params = Record<string, unknown>;

/** Collects parameter problems as `Parameters.<name>: <message>`. */
export class ParameterProblems {
  constructor(
    readonly messages: string[] = [],
    private readonly prefix = 'Parameters.',
  ) {}

  /** Records a problem with parameter `name`. */
  add(name: string, message: string): void {
    this.messages.push(`${this.prefix}${name} ${message}`);
  }

  /** Problems of a nested object parameter, reported under `Parameters.<name>.`. */
  nested(name: string): ParameterProblems {
    return new ParameterProblems(this.messages, `${this.prefix}${name}.`);
  }

  /** A static whole number in [min, max]; absent is a problem only if `required`. */
  staticInt(params: Params, name: string, min: number, max: number, required: boolean): void {
    const value = params[name];
    if (value === undefined) {
      if (required) this.add(name, 'is missing');
      return;
    }
    const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
    if (!(n >= min && n <= max))
      this.add(name, `must be a static whole number from ${min} to ${max}, got ${show(value)}`);
  }

  /** A non-empty string (static or dynamic). */
  text(params: Params, name: string, required: boolean): void {
    const value = params[name];
    if (value === undefined) {
      if (required) this.add(name, 'is missing');
    } else if (typeof value !== 'string' || value === '')
      this.add(name, `must be a non-empty string, got ${show(value)}`);
  }

  /** One of a fixed set of static strings. */
  oneOf(params: Params, name: string, allowed: readonly string[], required: boolean): void {
    const value = params[name];
    if (value === undefined) {
      if (required) this.add(name, 'is missing');
    } else if (typeof value !== 'string' || !allowed.includes(value)) {
      this.add(name, `must be one of ${allowed.join(', ')}, got ${show(value)}`);
    }
  }

  /** A value that must be exactly one `$.` reference. */
  singleReference(params: Params, name: string): void {
    const value = params[name];
    if (typeof value !== 'string' || !isSingleReference(value)) {
      this.add(name, `must be a single reference such as $.Attributes.x, got ${show(value)}`);
    }
  }

  /** An object whose values are all strings. */
  stringMap(params: Params, name: string, required: boolean): void {
    const value = params[name];
    if (value === undefined) {
      if (required) this.add(name, 'is missing');
    } else if (!isStringMap(value)) this.add(name, 'must be an object of string values');
  }

  /** Exactly one prompt source among Text, SSML and PromptId. */
  prompt(params: Params, required: boolean): void {
    const given = ['Text', 'SSML', 'PromptId'].filter((k) => params[k] !== undefined);
    if (given.length > 1) this.add(given.join('/'), 'are exclusive: give only one of Text, SSML, PromptId');
    else if (given.length === 0 && required) this.add('Text', 'is missing (or SSML, or PromptId)');
    for (const key of given) this.text(params, key, true);
  }
}

/** Whether a value is an object of string values. */
export function isStringMap(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

/** Reads a parameter as a string, or undefined when absent or not a string. */
export function paramString(params: Params, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' ? value : undefined;
}

/** Reads a nested object parameter, or an empty object. */
export function paramObject(params: Params, name: string): Params {
  const value = params[name];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Params) : {};
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
