import { ValidationError } from '../errors/classes.js';

// RFC 9110 §5.1 token, and §5.5 field values (no NUL, CR or LF: header injection).
const NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const BAD_VALUE = /[\0\r\n]/;

/**
 * The headers of a request draft: lower-case names over a plain record, validated on `set`. Only
 * what the pipeline uses (`set`, `forEach`); middleware that need more read `params.request`.
 *
 * Why not `Headers`: fetch copies whatever it is given, and undici copies a `Headers` through its
 * sorted iterator, while a plain record goes through a fast `Object.keys` path; with the
 * `Headers` validation on every `set` that was about 2% of a loopback request (bench/core). A bad
 * name or value is a `ValidationError` before any request, where `Headers` threw a raw TypeError.
 * @internal
 */
export class DraftHeaders {
  /**
   * What fetch receives. A plain object (a null-prototype one is a slow dictionary in V8);
   * `set` refuses the one header name that would touch the prototype, `__proto__`.
   */
  readonly record: Record<string, string> = {};

  constructor(init?: HeadersInit | DraftHeaders) {
    if (init) this.merge(init);
  }

  /** Sets every header of `init` over the current ones. */
  merge(init: HeadersInit | DraftHeaders): this {
    if (init instanceof DraftHeaders) Object.assign(this.record, init.record);
    else for (const [k, v] of init instanceof Headers || Array.isArray(init) ? init : Object.entries(init)) this.set(k!, v!);
    return this;
  }

  set(name: string, value: string): void {
    // Like Headers, drops surrounding whitespace (trim() also takes Unicode spaces no value needs).
    const v = String(value).trim();
    if (!NAME.test(name) || BAD_VALUE.test(v) || name === '__proto__') {
      // The value itself is left out: it may be a credential.
      throw new ValidationError(`Invalid request header ${JSON.stringify(name)}`, {
        details: [{ field: `headers.${name}`, key: 'invalid', description: 'needs a token name and no NUL, CR or LF' }],
      });
    }
    this.record[name.toLowerCase()] = v;
  }

  /** Sets `name` (lower-case) unless the request already has it: User-Agent, Accept, Content-Type. */
  fallback(name: string, value: string): void {
    if (!Object.hasOwn(this.record, name)) this.set(name, value);
  }

  forEach(callback: (value: string, name: string) => void): void {
    for (const k of Object.keys(this.record)) callback(this.record[k]!, k);
  }
}
