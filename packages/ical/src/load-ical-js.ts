// ical.js is only typed loosely on purpose: it is loaded lazily and we touch a tiny surface.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { NetworkError } from '@cal/core';
import { seriesKit, type SeriesKit } from './series-kit.js';

/** The ical.js module namespace (loosely typed). */
export type IcalModule = any;
export type { SeriesKit };

let icalPromise: Promise<IcalModule> | undefined;
let seriesPromise: Promise<typeof import('./series.js')> | undefined;

/**
 * Loads ical.js (~23 KB gzip) and our code that drives it (`series.ts`: RRULE iteration,
 * overrides, VTIMEZONE) together, in parallel, and only when a series really needs expanding or a
 * TZID needs a VTIMEZONE: apps that only list, create and sync events never download either.
 * Both promises are cached, so the modules load once.
 */
export async function loadSeries(): Promise<[typeof import('./series.js'), IcalModule, SeriesKit]> {
  icalPromise ??= import('ical.js').then((m: any) => m.default ?? m);
  seriesPromise ??= import('./series.js');
  try {
    const [series, ICAL] = await Promise.all([seriesPromise, icalPromise]);
    return [series, ICAL, seriesKit()];
  } catch (cause) {
    // A chunk that fails to load (offline, a redeployed app) is a typed, retryable error, never a
    // raw TypeError from the loader; the next call tries again.
    icalPromise = seriesPromise = undefined;
    throw new NetworkError('Could not load ical.js for recurrence expansion', { provider: 'ical', cause });
  }
}
