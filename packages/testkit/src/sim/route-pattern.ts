/**
 * Route patterns: `/v1.0/users/:id/events`, `/calendars/:cal.ics`, `/dav/*`.
 * `:name` captures one path segment (no `/`), a trailing `*` captures the rest (possibly empty).
 * Matching runs on the raw (percent-encoded) path; captured values are percent-decoded.
 */

/** A compiled pattern. @internal */
export interface CompiledPattern {
  readonly source: string;
  readonly regex: RegExp;
  readonly names: readonly string[];
  /** Per-segment specificity, compared lexicographically: 3 literal, 2 has a param, 1 wildcard. */
  readonly score: readonly number[];
}

const PARAM = /:([A-Za-z_][A-Za-z0-9_]*)/g;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiles a route pattern. @internal */
export function compilePattern(pattern: string): CompiledPattern {
  const wildcard = pattern.endsWith('*');
  const body = wildcard ? pattern.slice(0, -1) : pattern;
  const names: string[] = [];
  const score: number[] = [];
  const scored = wildcard && body.endsWith('/') ? body.slice(0, -1) : body;
  for (const segment of scored.split('/').slice(1)) {
    score.push(segment.includes(':') ? 2 : 3);
  }
  if (wildcard) score.push(1);
  let source = '';
  let last = 0;
  for (const m of body.matchAll(PARAM)) {
    source += escapeRegex(body.slice(last, m.index));
    source += '([^/]+?)';
    names.push(m[1] as string);
    last = m.index + m[0].length;
  }
  source += escapeRegex(body.slice(last));
  if (wildcard) {
    names.push('*');
    // `/dav/*` also matches `/dav` itself: clients disagree on the trailing slash of collection URLs.
    if (source.endsWith('/')) source = `${source.slice(0, -1)}(?:/(.*))?`;
    else source += '(.*)';
  }
  return { source: pattern, regex: new RegExp(`^${source}$`), names, score };
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Matches `path` against a compiled pattern; returns decoded params or `undefined`. @internal */
export function matchPattern(compiled: CompiledPattern, path: string): Record<string, string> | undefined {
  const m = compiled.regex.exec(path);
  if (!m) return undefined;
  const params: Record<string, string> = {};
  compiled.names.forEach((name, i) => {
    params[name] = decode(m[i + 1] ?? '');
  });
  return params;
}

/** Positive when `a` is more specific than `b`. @internal */
export function compareSpecificity(a: CompiledPattern, b: CompiledPattern): number {
  const n = Math.max(a.score.length, b.score.length);
  for (let i = 0; i < n; i++) {
    const x = a.score[i] ?? 0;
    const y = b.score[i] ?? 0;
    if (x !== y) return x - y;
  }
  return 0;
}
