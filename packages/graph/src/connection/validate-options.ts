import { ValidationError, type ValidationDetail } from '@cal/core';
import type { GraphConnectionOptions } from './connection-options.js';

/** Tenants that are not a real tenant: the client credentials grant refuses them (v2-oauth2-client-creds-grant-flow.md). */
const MULTI_TENANT = new Set(['common', 'organizations', 'consumers']);

/** Checks {@link GraphConnectionOptions} before anything is sent; ValidationError lists every problem. @internal */
export function validateOptions(o: GraphConnectionOptions): void {
  const details: ValidationDetail[] = [];
  const flow = o.authFlowType ?? 'authorization';
  if (typeof o.clientId !== 'string' || !o.clientId) details.push({ field: 'clientId', description: 'required non-empty string' });
  if (!['authorization', 'public', 'credentials'].includes(flow)) details.push({ field: 'authFlowType', description: "one of 'authorization', 'public', 'credentials'" });
  if ((flow === 'authorization' || flow === 'credentials') && !o.clientSecret) {
    details.push({ field: 'clientSecret', description: `required for the '${flow}' flow (O365: credentials must be a (client_id, client_secret) pair)` });
  }
  if (flow === 'public' && o.clientSecret) details.push({ field: 'clientSecret', description: "a 'public' client must not send a secret" });
  const tenant = o.tenantId ?? 'common';
  if (typeof tenant !== 'string' || !/^[A-Za-z0-9.-]+$/.test(tenant)) details.push({ field: 'tenantId', description: 'a tenant GUID, domain, or common/organizations/consumers' });
  else if (flow === 'credentials' && MULTI_TENANT.has(tenant.toLowerCase())) {
    details.push({ field: 'tenantId', description: `the 'credentials' flow needs a real tenant id or domain, not '${tenant}'` });
  }
  const nonNegative = (field: keyof GraphConnectionOptions, integer: boolean) => {
    const v = o[field];
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (integer && !Number.isInteger(v))) {
      details.push({ field, description: integer ? 'a non-negative integer' : 'a non-negative number of milliseconds' });
    }
  };
  nonNegative('requestsDelay', false);
  nonNegative('requestRetries', true);
  nonNegative('timeout', false);
  if (o.timeout === 0) details.push({ field: 'timeout', description: 'must be greater than 0' });
  for (const field of ['baseUrl', 'authorityHost', 'redirectUri'] as const) {
    const v = o[field];
    if (v === undefined) continue;
    try {
      new URL(v);
    } catch {
      details.push({ field, description: 'an absolute URL' });
    }
  }
  if (o.scopes !== undefined && (!Array.isArray(o.scopes) || o.scopes.some((s) => typeof s !== 'string' || !s))) {
    details.push({ field: 'scopes', description: 'an array of non-empty strings' });
  }
  if (details.length) {
    throw new ValidationError(`Invalid GraphConnection options: ${details.map((d) => d.field).join(', ')}`, {
      provider: 'graph',
      operation: 'GraphConnection',
      details,
    });
  }
}
