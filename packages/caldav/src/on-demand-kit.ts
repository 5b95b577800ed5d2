// Everything the lazily loaded on-demand features use from the eager code, handed to them as one
// object. Static imports in those modules would make bundlers move these shared helpers into an
// extra shared chunk, and two gzip streams cost more than the code moved out saves. A plain object
// built on first use (not a namespace object, not at module evaluation: calendar.ts and this
// module import each other) keeps the eager bundle free of namespace helpers.
import { ConflictError, NotFoundError, ProtocolError, errorFromStatus } from '@cal/core';
import { child, childText, children, parseXml } from '@cal/core/xml';
import { durationToSeconds, formatDateTime, getProperty, nextRecurrence, parseDateTime, parseDuration, parseICalendar, readDateTime, removeProperty, serializeICalendar, setProperty, toDate } from '@cal/ical';
import { Calendar, checkRange, multiget, query, unsupported } from './calendar.js';
import { CalendarObject } from './calendar-object.js';
import { CALENDAR_PROPS, body, calendarQuery, esc, propfind, timeRange, utc } from './dav/bodies.js';
import { asCollection, pathKey } from './dav/href.js';
import { APPLE, CALDAV, DAV } from './dav/namespaces.js';
import { parseDavXml, parseMultistatus, prop, propText } from './dav/multistatus.js';
import { bad } from './errors.js';

let made: Kit | undefined;

function build() {
  return {
    ConflictError,
    NotFoundError,
    ProtocolError,
    errorFromStatus,
    parseXml,
    parseMultistatus,
    child,
    childText,
    children,
    durationToSeconds,
    formatDateTime,
    getProperty,
    nextRecurrence,
    parseDateTime,
    parseDuration,
    parseICalendar,
    readDateTime,
    removeProperty,
    serializeICalendar,
    setProperty,
    toDate,
    Calendar,
    CalendarObject,
    checkRange,
    multiget,
    query,
    unsupported,
    CALENDAR_PROPS,
    body,
    esc,
    timeRange,
    calendarQuery,
    propfind,
    utc,
    asCollection,
    pathKey,
    APPLE,
    CALDAV,
    DAV,
    parseDavXml,
    prop,
    propText,
    bad,
  };
}

/** The helpers, built once. */
export function kit(): Kit {
  return (made ??= build());
}

/** What on-demand modules receive as `k`. */
export type Kit = ReturnType<typeof build>;
