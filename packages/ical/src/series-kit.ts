// The eager helpers that the lazily loaded series.ts uses, handed to it as one plain object (see
// series.ts why). Built on first use, not at module evaluation: recurrence.ts and this module
// import each other.
import { cloneComponent, getProperties, getProperty, removeProperty, setProperty } from './component.js';
import { dateTimeProperty, ianaZone, readDateTime, zonedToEpoch } from './datetime.js';
import { invalid } from './errors.js';
import { overlaps } from './recurrence.js';
import { serializeICalendar } from './serialize.js';

let made: SeriesKit | undefined;

function build() {
  return {
    cloneComponent,
    dateTimeProperty,
    getProperties,
    getProperty,
    ianaZone,
    invalid,
    overlaps,
    readDateTime,
    removeProperty,
    serializeICalendar,
    setProperty,
    zonedToEpoch,
  };
}

/** Helpers series.ts receives from the eager code. */
export type SeriesKit = ReturnType<typeof build>;

/** The helpers, built once. */
export function seriesKit(): SeriesKit {
  return (made ??= build());
}
