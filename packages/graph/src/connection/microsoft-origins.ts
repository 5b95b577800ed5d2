/**
 * Origins that may receive a Graph token besides the configured base URL: Microsoft Graph in the
 * global and national clouds (national-cloud-deployments.md) and Business Central. A server-sent
 * URL (`@odata.nextLink`, `Location`) on any other origin is refused with `ProtocolError` by core's
 * origin guard, so a hostile link cannot exfiltrate the token.
 * @public
 */
export const MICROSOFT_GRAPH_ORIGINS: readonly string[] = [
  'https://graph.microsoft.com',
  'https://graph.microsoft.us',
  'https://dod-graph.microsoft.us',
  'https://microsoftgraph.chinacloudapi.cn',
  'https://api.businesscentral.dynamics.com',
];

/** The identity platform's default host (v2-protocols.md). @public */
export const MICROSOFT_AUTHORITY = 'https://login.microsoftonline.com';

/** The O365 default redirect URI for native/public apps. @public */
export const NATIVE_CLIENT_REDIRECT = 'https://login.microsoftonline.com/common/oauth2/nativeclient';
