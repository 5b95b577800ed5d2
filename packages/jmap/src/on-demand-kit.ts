import { PROVIDER } from './constants.js';
import { JMAPMethodError } from './errors.js';
import { JMAPCalendarObject } from './calendar-object.js';
import { call } from './method-call.js';
import { setErrors } from './set-result.js';
import { toServerEvent } from './server-event.js';
import { setOptions, toEvent } from './events.js';
import { invalid, requireId } from './validate.js';

/**
 * Everything the on-demand chunk (on-demand.ts) uses from the eagerly loaded code, handed to its
 * functions as their first argument. Static imports from the on-demand modules would make bundlers
 * move these helpers into an extra shared chunk that the entry imports, and two gzip streams cost more
 * than the code saves (measured: about 0.5 KB gzipped on the typical app). A plain object, not
 * `import * as`: esbuild's namespace helper would become yet another shared chunk. Same pattern as
 * @cal/caldav's on-demand kit.
 * @internal
 */
export const kit: Kit = { PROVIDER, JMAPMethodError, JMAPCalendarObject, call, setErrors, toServerEvent, setOptions, toEvent, invalid, requireId };

/** Type of {@link kit}, spelled out because TypeScript only calls assertion functions (`requireId`) through explicitly typed names. @internal */
export interface Kit {
  readonly PROVIDER: typeof PROVIDER;
  readonly JMAPMethodError: typeof JMAPMethodError;
  readonly JMAPCalendarObject: typeof JMAPCalendarObject;
  readonly call: typeof call;
  readonly setErrors: typeof setErrors;
  readonly toServerEvent: typeof toServerEvent;
  readonly setOptions: typeof setOptions;
  readonly toEvent: typeof toEvent;
  readonly invalid: typeof invalid;
  readonly requireId: typeof requireId;
}
