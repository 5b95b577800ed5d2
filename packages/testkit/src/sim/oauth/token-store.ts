import { randomBytes } from 'node:crypto';

/** One authorization grant ("token family"): every token descending from one code / seed. @internal */
export interface GrantRecord {
  id: string;
  userId: string;
  clientId: string;
  scope: string;
  revoked: boolean;
  /** The refresh token currently valid for this grant (undefined for client_credentials). */
  currentRefresh: string | undefined;
}

interface AccessRecord {
  grantId: string;
  /** May be narrower than the grant's (RFC 6749 §6 `scope` on refresh). */
  scope: string;
  expiresAt: number;
  revoked: boolean;
}

interface RefreshRecord {
  grantId: string;
  /** Set once this token has been exchanged under rotation. */
  rotated: boolean;
  revoked: boolean;
}

/** Opaque random token; the prefix only helps humans reading logs. @internal */
export function randomToken(prefix: string): string {
  return `${prefix}${randomBytes(24).toString('base64url')}`;
}

/** In-memory token bookkeeping for the OAuth simulator. @internal */
export class TokenStore {
  readonly grants = new Map<string, GrantRecord>();
  readonly #access = new Map<string, AccessRecord>();
  readonly #refresh = new Map<string, RefreshRecord>();

  clear(): void {
    this.grants.clear();
    this.#access.clear();
    this.#refresh.clear();
  }

  createGrant(userId: string, clientId: string, scope: string, withRefresh: boolean): GrantRecord {
    const id = randomToken('grant_');
    const currentRefresh = withRefresh ? this.#newRefresh(id) : undefined;
    const grant: GrantRecord = { id, userId, clientId, scope, revoked: false, currentRefresh };
    this.grants.set(id, grant);
    return grant;
  }

  issueAccess(grant: GrantRecord, expiresAt: number, scope: string = grant.scope): string {
    const token = randomToken('at_');
    this.#access.set(token, { grantId: grant.id, scope, expiresAt, revoked: false });
    return token;
  }

  /** Rotates: the old refresh token is marked used, a new one becomes current. */
  rotateRefresh(grant: GrantRecord): string {
    const old = grant.currentRefresh === undefined ? undefined : this.#refresh.get(grant.currentRefresh);
    if (old) old.rotated = true;
    grant.currentRefresh = this.#newRefresh(grant.id);
    return grant.currentRefresh;
  }

  /** The grant (and the token's own scope) behind a live access token, or undefined. */
  lookupAccess(token: string, now: number): { grant: GrantRecord; scope: string } | undefined {
    const rec = this.#access.get(token);
    if (!rec || rec.revoked || rec.expiresAt <= now) return undefined;
    const grant = this.grants.get(rec.grantId);
    return grant && !grant.revoked ? { grant, scope: rec.scope } : undefined;
  }

  /** Refresh-token state: unknown, revoked (grant or token), already rotated, or live. */
  lookupRefresh(token: string): { state: 'unknown' | 'revoked' } | { state: 'rotated' | 'live'; grant: GrantRecord } {
    const rec = this.#refresh.get(token);
    if (!rec) return { state: 'unknown' };
    const grant = this.grants.get(rec.grantId);
    if (!grant || grant.revoked || rec.revoked) return { state: 'revoked' };
    return { state: rec.rotated ? 'rotated' : 'live', grant };
  }

  expireAllAccess(now: number): void {
    for (const rec of this.#access.values()) rec.expiresAt = Math.min(rec.expiresAt, now - 1);
  }

  revokeGrant(grantId: string): void {
    const grant = this.grants.get(grantId);
    if (grant) grant.revoked = true;
  }

  /** RFC 7009 §2.1: revokes one token; for a refresh token the whole grant goes with it. Returns the grant touched. */
  revokeToken(token: string): GrantRecord | undefined {
    const access = this.#access.get(token);
    if (access) {
      access.revoked = true;
      return this.grants.get(access.grantId);
    }
    const refresh = this.#refresh.get(token);
    if (refresh) {
      refresh.revoked = true;
      this.revokeGrant(refresh.grantId);
      return this.grants.get(refresh.grantId);
    }
    return undefined;
  }

  /** The grant a token (access or refresh) belongs to, revoked or not. */
  grantOf(token: string): GrantRecord | undefined {
    const id = this.#access.get(token)?.grantId ?? this.#refresh.get(token)?.grantId;
    return id === undefined ? undefined : this.grants.get(id);
  }

  #newRefresh(grantId: string): string {
    const token = randomToken('rt_');
    this.#refresh.set(token, { grantId, rotated: false, revoked: false });
    return token;
  }
}
