import { describe, expectTypeOf, it } from 'vitest';
import type { CommonEvent } from '@cal/core';
import { toCommonEvent, type CronofyEvent } from '@cal/cronofy';

describe('toCommonEvent types', () => {
  it('takes a CronofyEvent and keeps it typed in raw', () => {
    expectTypeOf(toCommonEvent).parameter(0).toEqualTypeOf<CronofyEvent>();
    expectTypeOf(toCommonEvent).returns.toEqualTypeOf<CommonEvent<CronofyEvent>>();
    expectTypeOf<ReturnType<typeof toCommonEvent>['raw']['event_uid']>().toEqualTypeOf<string | undefined>();
  });
});
