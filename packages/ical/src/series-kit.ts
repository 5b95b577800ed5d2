// The eager helpers that the lazily loaded series.ts uses, handed to it as one object (see there why).
export { cloneComponent, getProperties, getProperty, removeProperty, setProperty } from './component.js';
export { dateTimeProperty, ianaZone, readDateTime, zonedToEpoch } from './datetime.js';
export { invalid } from './errors.js';
export { overlaps } from './recurrence.js';
export { serializeICalendar } from './serialize.js';
