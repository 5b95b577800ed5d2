/**
 * RFC 8620 §3.7 result references: `#name` arguments resolved against earlier responses in the same
 * request, with JSON Pointer paths where `*` maps over an array (and flattens nested arrays).
 * @packageDocumentation
 */

type Invocation = [string, Record<string, unknown>, string];

function walk(value: unknown, parts: string[]): unknown {
  if (parts.length === 0) return value;
  const [head, ...rest] = parts as [string, ...string[]];
  if (head === '*') {
    if (!Array.isArray(value)) throw new Error('not an array');
    return value.flatMap((v) => {
      const r = walk(v, rest);
      return Array.isArray(r) ? r : [r];
    });
  }
  if (typeof value !== 'object' || value === null) throw new Error('no such path');
  const key = head.replace(/~1/g, '/').replace(/~0/g, '~');
  if (!(key in value)) throw new Error('no such path');
  return walk((value as Record<string, unknown>)[key], rest);
}

/** Resolves every `#x` argument; returns undefined when a reference is invalid (→ invalidResultReference). @internal */
export function resolveReferences(args: Record<string, unknown>, responses: readonly Invocation[]): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) {
    if (!k.startsWith('#')) {
      out[k] = v;
      continue;
    }
    const ref = v as { resultOf?: unknown; name?: unknown; path?: unknown };
    const source = responses.find(([name, , id]) => id === ref.resultOf && name === ref.name);
    if (!source || typeof ref.path !== 'string' || k.slice(1) in args) return undefined;
    try {
      out[k.slice(1)] = walk(source[1], ref.path.split('/').slice(1));
    } catch {
      return undefined;
    }
  }
  return out;
}
