/**
 * Capability URNs and fixed strings of the JMAP specs this package speaks.
 * @packageDocumentation
 */

/** RFC 8620 core capability. @public */
export const CAPABILITY_CORE = 'urn:ietf:params:jmap:core';
/** JMAP for Calendars (draft-ietf-jmap-calendars; served by Cyrus 3.10). @public */
export const CAPABILITY_CALENDARS = 'urn:ietf:params:jmap:calendars';
/** JMAP Tasks (draft-ietf-jmap-tasks). @public */
export const CAPABILITY_TASKS = 'urn:ietf:params:jmap:tasks';

/** Provider name put on every error. @internal */
export const PROVIDER = 'jmap';
/** User-Agent product token. @internal */
export const USER_AGENT = '@cal/jmap/0.1.0';
