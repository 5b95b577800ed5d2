import type { AuthenticationError, NotFoundError, ProtocolError, ValidationError, errorFromStatus } from '@cal/core';
import type { CalendarPermissionError, MobiscrollConnectError } from '../errors.js';
import type { Provider } from '../models.js';
import type { isoTime, requireFields } from '../validate.js';
import type { toDate, toEvent } from '../models.js';

/**
 * What the on-demand operations share with the always-loaded code, handed over at load time
 * instead of imported. Why: a bundler splitting code at `import()` moves every statement that
 * both sides reach into a separate shared chunk that the app then loads up front, and gzip
 * compresses two files worse than one (measured: +0.2 KB min+gzip for the typical app, more than
 * the on-demand split saved). With the kit the on-demand modules import only each other at runtime.
 * @internal
 */
export interface Kit {
  readonly PROVIDER: string;
  readonly PROVIDERS: readonly Provider[];
  readonly requireFields: typeof requireFields;
  readonly isoTime: typeof isoTime;
  readonly toEvent: typeof toEvent;
  readonly toDate: typeof toDate;
  readonly ValidationError: typeof ValidationError;
  readonly ProtocolError: typeof ProtocolError;
  readonly NotFoundError: typeof NotFoundError;
  readonly AuthenticationError: typeof AuthenticationError;
  readonly MobiscrollConnectError: typeof MobiscrollConnectError;
  readonly CalendarPermissionError: typeof CalendarPermissionError;
  readonly errorFromStatus: typeof errorFromStatus;
}
