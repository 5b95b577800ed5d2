import { ValidationError } from '@cal/core';
import { RESERVED_SCOPES, SCOPE_HELPERS } from './scope-helpers.js';
import { toWindowsZone } from '../time/windows-zones.js';

/** Options of {@link Protocol}. @public */
export interface ProtocolOptions {
  /** Service root, e.g. `https://graph.microsoft.com/`. */
  protocolUrl: string;
  /** API version path segment, e.g. `v1.0`. */
  apiVersion: string;
  /** Default resource (`me`, `users/{id}`); O365's `default_resource`. @default 'me' */
  defaultResource?: string;
  /** Prefix of permission scopes, e.g. `https://graph.microsoft.com/`. */
  scopePrefix: string;
  /** Casing of API keywords. @default lowerCamelCase */
  casing?: (key: string) => string;
  /** Preferred time zone (IANA or Windows name) for `Prefer: outlook.timezone`; IANA names are mapped to Windows names. */
  timeZone?: string;
  /** Largest `$top` the service accepts. @default 999 (O365 `max_top_value`) */
  maxTopValue?: number;
}

/** Service keywords (O365's `keyword_data_store`). */
const KEYWORDS: Record<string, string> = {
  file_attachment_type: '#microsoft.graph.fileAttachment',
  item_attachment_type: '#microsoft.graph.itemAttachment',
  event_message_type: '#microsoft.graph.eventMessage',
  prefer_timezone_header: 'outlook.timezone',
};

/** lowerCamelCase of a snake_case or PascalCase key (`start_date_time` → `startDateTime`). @public */
export function toCamelCase(key: string): string {
  const parts = key.split('_').filter(Boolean);
  return parts.map((p, i) => (i === 0 ? p.charAt(0).toLowerCase() + p.slice(1) : p.charAt(0).toUpperCase() + p.slice(1))).join('');
}

/** PascalCase of a snake_case or camelCase key. @public */
export function toPascalCase(key: string): string {
  const camel = toCamelCase(key);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

/**
 * Base of the service protocols (O365 `Protocol`): where the API lives, how keys are cased and how
 * scopes are prefixed.
 * @public
 */
export class Protocol {
  readonly protocolUrl: string;
  readonly apiVersion: string;
  readonly serviceUrl: string;
  readonly defaultResource: string;
  readonly scopePrefix: string;
  readonly timeZone: string | undefined;
  readonly maxTopValue: number;
  private readonly casing: (key: string) => string;

  constructor(options: ProtocolOptions) {
    if (!options.protocolUrl || !options.apiVersion) {
      throw new ValidationError('protocolUrl and apiVersion are required', {
        provider: 'graph',
        operation: 'Protocol',
        details: [{ field: options.protocolUrl ? 'apiVersion' : 'protocolUrl', description: 'required' }],
      });
    }
    this.protocolUrl = options.protocolUrl.endsWith('/') ? options.protocolUrl : `${options.protocolUrl}/`;
    this.apiVersion = options.apiVersion;
    this.serviceUrl = `${this.protocolUrl}${this.apiVersion}/`;
    this.defaultResource = options.defaultResource ?? 'me';
    this.scopePrefix = options.scopePrefix;
    this.casing = options.casing ?? toCamelCase;
    this.timeZone = options.timeZone ? toWindowsZone(options.timeZone) : undefined;
    this.maxTopValue = options.maxTopValue ?? 999;
  }

  /** Converts a key with this protocol's casing (Graph: lowerCamelCase). */
  convertCase(key: string): string {
    return this.casing(key);
  }

  /** Converts an API key back to snake_case (`startDateTime` → `start_date_time`). */
  toApiCase(key: string): string {
    return Protocol.toApiCase(key);
  }

  /** Static form of {@link Protocol.toApiCase} (O365 `to_api_case` is a staticmethod). */
  static toApiCase(key: string): string {
    return key
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
      .toLowerCase();
  }

  /** A service keyword (`file_attachment_type` → `#microsoft.graph.fileAttachment`). */
  getServiceKeyword(keyword: string): string | undefined {
    return KEYWORDS[keyword];
  }

  /** Adds the resource prefix to a scope unless it is already absolute or reserved (`offline_access`). */
  prefixScope(scope: string): string {
    if (!this.scopePrefix || RESERVED_SCOPES.has(scope) || /^[a-z][a-z0-9+.-]*:\/\//i.test(scope) || scope.startsWith('api://')) return scope;
    return `${this.scopePrefix}${scope}`;
  }

  /**
   * Expands scope helpers (`calendar_all` → `Calendars.ReadWrite`) and prefixes every scope.
   * Duplicates are dropped, order kept.
   */
  getScopesFor(scopes: string | readonly string[] | undefined): string[] {
    if (scopes === undefined) return [];
    if (typeof scopes !== 'string' && !Array.isArray(scopes)) {
      throw new ValidationError('scopes must be a string or an array of strings', { provider: 'graph', operation: 'getScopesFor', details: [{ field: 'scopes', description: 'string or string[]' }] });
    }
    const list = typeof scopes === 'string' ? [scopes] : scopes;
    const out: string[] = [];
    for (const s of list) {
      if (typeof s !== 'string' || !s) throw new ValidationError('scopes must be non-empty strings', { provider: 'graph', operation: 'getScopesFor', details: [{ field: 'scopes', description: 'non-empty string' }] });
      const expanded = (SCOPE_HELPERS as Record<string, readonly string[]>)[s] ?? [s];
      for (const e of expanded) {
        const full = this.prefixScope(e);
        if (!out.includes(full)) out.push(full);
      }
    }
    return out;
  }
}

/**
 * Microsoft Graph (`https://graph.microsoft.com/v1.0/`, lowerCamelCase, scope prefix
 * `https://graph.microsoft.com/`).
 * @public
 */
export class MSGraphProtocol extends Protocol {
  constructor(options: { apiVersion?: string; defaultResource?: string; timeZone?: string; protocolUrl?: string } = {}) {
    super({
      protocolUrl: options.protocolUrl ?? 'https://graph.microsoft.com/',
      apiVersion: options.apiVersion ?? 'v1.0',
      scopePrefix: 'https://graph.microsoft.com/',
      ...(options.defaultResource ? { defaultResource: options.defaultResource } : {}),
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    });
  }
}

/**
 * Dynamics 365 Business Central (`https://api.businesscentral.dynamics.com/v1.0/api/` or
 * `v2.0/<environment>/api/`), scope prefix `https://api.businesscentral.dynamics.com/`.
 * @public
 */
export class MSBusinessCentral365Protocol extends Protocol {
  readonly environment: string | undefined;

  constructor(options: { apiVersion?: string; defaultResource?: string; environment?: string; timeZone?: string } = {}) {
    const version = options.environment ? `v2.0/${options.environment}/api` : `${options.apiVersion ?? 'v1.0'}/api`;
    super({
      protocolUrl: 'https://api.businesscentral.dynamics.com/',
      apiVersion: version,
      scopePrefix: 'https://api.businesscentral.dynamics.com/',
      defaultResource: options.defaultResource ?? '',
      maxTopValue: 500,
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    });
    this.environment = options.environment;
  }
}
