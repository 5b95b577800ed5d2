import { AuthenticationError, NetworkError, NotFoundError, ProtocolError, ValidationError, errorFromStatus } from '@cal/core';
import { CalendarPermissionError, MobiscrollConnectError, PROVIDER } from '../errors.js';
import { PROVIDERS, toDate, toEvent } from '../models.js';
import { isoTime, requireFields } from '../validate.js';
import type { Operations } from './operations.js';

// The operations a typical app does not run on every page (event writes, calendars, webhook
// subscriptions, the code exchange, connection status, disconnect, revoke, health) load with
// `import()` on first use, once per process.
let loading: Promise<Operations> | undefined;

/**
 * The on-demand operations. A failed load (a chunk download failed) is not cached, so the next
 * call retries; it surfaces as a `NetworkError`, like any other failed transfer.
 * @internal
 */
export function operations(): Promise<Operations> {
  loading ??= import('./operations.js').then(
    (m) =>
      m.createOperations({
        PROVIDER, PROVIDERS, requireFields, isoTime, toEvent, toDate,
        ValidationError, ProtocolError, NotFoundError, AuthenticationError, MobiscrollConnectError, CalendarPermissionError,
        errorFromStatus,
      }),
    (cause: unknown) => {
      loading = undefined;
      throw new NetworkError('Could not load @cal/mobiscroll operation code', { cause, provider: PROVIDER });
    },
  );
  return loading;
}
