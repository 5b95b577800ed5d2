/**
 * RFC 8620 §5.3 PatchObject application: keys are JSON Pointers (without the leading `/`); a `null`
 * value removes the property; the parent of a deep path must exist.
 * @packageDocumentation
 */

/** Applies a PatchObject; returns the invalid paths (empty on success). @internal */
export function applyPatch(target: Record<string, unknown>, patch: Record<string, unknown>): string[] {
  const bad: string[] = [];
  for (const [path, value] of Object.entries(patch)) {
    const parts = path.split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    let obj: Record<string, unknown> = target;
    let ok = true;
    for (const part of parts.slice(0, -1)) {
      const next = obj[part];
      if (typeof next !== 'object' || next === null || Array.isArray(next)) {
        ok = false;
        break;
      }
      obj = next as Record<string, unknown>;
    }
    const last = parts[parts.length - 1]!;
    if (!ok || last === '') {
      bad.push(path);
      continue;
    }
    if (value === null) delete obj[last];
    else obj[last] = value;
  }
  return bad;
}
