/**
 * `@cal/core/oauth2`: OAuth 2 on oauth4webapi (an optional peer dependency of `@cal/core`, a
 * dependency of every provider package that uses OAuth), kept off the main entry so installing or
 * bundling `@cal/core` alone never pulls it in.
 * @packageDocumentation
 */
export { createOAuth2Auth, type AuthorizationRequest, type OAuth2Auth } from './oauth2/oauth2-auth.js';
export type { OAuth2Options } from './oauth2/options.js';
