import { ValidationError } from '@cal/core';
import { unwrap, type GraphApi } from './graph-api.js';
import type { GraphUser } from './types.js';

/** The signed-in user (`GET /me`; delegated tokens only). @public */
export async function getMe(api: GraphApi, options: { select?: string[] } = {}): Promise<GraphUser> {
  return unwrap(api, api.client.GET('/me', { params: { query: options.select ? { $select: options.select } : {} } }));
}

/** A user by id or UPN (`GET /users/{id}`; app-only tokens need User.Read.All). @public */
export async function getUser(api: GraphApi, idOrUpn: string, options: { select?: string[] } = {}): Promise<GraphUser> {
  if (typeof idOrUpn !== 'string' || !idOrUpn) throw new ValidationError('idOrUpn is required', { provider: 'graph', operation: 'getUser', details: [{ field: 'idOrUpn', description: 'user id or userPrincipalName' }] });
  return unwrap(api, api.client.GET('/users/{user-id}', { params: { path: { 'user-id': idOrUpn }, query: options.select ? { $select: options.select } : {} } }));
}
