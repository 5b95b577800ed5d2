import type { Middleware } from '@cal/core';

/**
 * Adds default headers to every request. `Prefer` is special: preferences are comma-joined with the
 * caller's instead of being overwritten — overwriting silently drops one (davmail PR #476), and O365
 * merges them the same way. The caller's value wins for a preference named in both.
 * @internal
 */
export function defaultHeadersMiddleware(defaults: Record<string, string>): Middleware {
  const entries = Object.entries(defaults);
  return {
    name: 'graph-default-headers',
    onRequest({ request }) {
      if (!entries.length) return;
      const headers = new Headers(request.headers);
      for (const [name, value] of entries) {
        const current = headers.get(name);
        if (current === null) headers.set(name, value);
        else if (name.toLowerCase() === 'prefer') headers.set(name, mergePrefer(current, value));
      }
      return new Request(request, { headers });
    },
  };
}

/** Comma-joins two `Prefer` values; preferences already in `primary` (by name) are not repeated. @internal */
export function mergePrefer(primary: string, extra: string): string {
  const name = (p: string) => p.split('=')[0]?.trim().toLowerCase() ?? '';
  const have = new Set(primary.split(',').map(name));
  const add = extra.split(',').filter((p) => p.trim() && !have.has(name(p)));
  return [primary, ...add.map((p) => p.trim())].filter(Boolean).join(', ');
}
