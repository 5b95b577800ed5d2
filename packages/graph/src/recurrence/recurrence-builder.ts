import { ValidationError, type ValidationDetail } from '@cal/core';
import type { components } from '../generated/graph-calendar.js';

type S = components['schemas'];
/** Day names of `recurrencePattern.daysOfWeek`. @public */
export type DayOfWeek = S['microsoft.graph.dayOfWeek'];
/** `recurrencePattern.index`. @public */
export type WeekIndex = S['microsoft.graph.weekIndex'];
type Pattern = S['microsoft.graph.recurrencePattern'];
type Range = S['microsoft.graph.recurrenceRange'];
/** Graph `patternedRecurrence`. @public */
export type PatternedRecurrenceValue = S['microsoft.graph.patternedRecurrence'];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Builds a `patternedRecurrence` (patternedrecurrence.md; O365 `set_daily/set_weekly/…/set_range`).
 * Required fields per pattern/range type are checked in {@link RecurrenceBuilder.build}.
 * @example
 * ```ts
 * recurrence().weekly(['monday', 'wednesday']).from('2026-01-05').count(10).build()
 * ```
 * @public
 */
export class RecurrenceBuilder {
  private pattern: Pattern = {};
  private range: Range = { type: 'noEnd' };

  /** Every `interval` days. */
  daily(interval = 1): this {
    this.pattern = { type: 'daily', interval };
    return this;
  }
  /** On `daysOfWeek` every `interval` weeks. */
  weekly(daysOfWeek: DayOfWeek[], options: { interval?: number; firstDayOfWeek?: DayOfWeek } = {}): this {
    this.pattern = { type: 'weekly', interval: options.interval ?? 1, daysOfWeek, firstDayOfWeek: options.firstDayOfWeek ?? 'sunday' };
    return this;
  }
  /** On day `dayOfMonth` every `interval` months. */
  absoluteMonthly(dayOfMonth: number, interval = 1): this {
    this.pattern = { type: 'absoluteMonthly', interval, dayOfMonth };
    return this;
  }
  /** On the `index` `daysOfWeek` (e.g. first monday) every `interval` months. */
  relativeMonthly(daysOfWeek: DayOfWeek[], index: WeekIndex = 'first', interval = 1): this {
    this.pattern = { type: 'relativeMonthly', interval, daysOfWeek, index };
    return this;
  }
  /** On `month`/`dayOfMonth` every `interval` years. */
  absoluteYearly(month: number, dayOfMonth: number, interval = 1): this {
    this.pattern = { type: 'absoluteYearly', interval, month, dayOfMonth };
    return this;
  }
  /** On the `index` `daysOfWeek` of `month` every `interval` years. */
  relativeYearly(month: number, daysOfWeek: DayOfWeek[], index: WeekIndex = 'first', interval = 1): this {
    this.pattern = { type: 'relativeYearly', interval, month, daysOfWeek, index };
    return this;
  }
  /** First date (`YYYY-MM-DD`); must match the event's start date. */
  from(startDate: string): this {
    this.range = { ...this.range, startDate };
    return this;
  }
  /** Last date (inclusive). */
  until(endDate: string): this {
    const { numberOfOccurrences: _n, ...rest } = this.range;
    this.range = { ...rest, type: 'endDate', endDate };
    return this;
  }
  /** Number of occurrences. */
  count(numberOfOccurrences: number): this {
    const { endDate: _e, ...rest } = this.range;
    this.range = { ...rest, type: 'numbered', numberOfOccurrences };
    return this;
  }
  /** No end. */
  noEnd(): this {
    const { endDate: _e, numberOfOccurrences: _n, ...rest } = this.range;
    this.range = { ...rest, type: 'noEnd' };
    return this;
  }
  /** Zone of the range dates (defaults to the event's). */
  timeZone(recurrenceTimeZone: string): this {
    this.range = { ...this.range, recurrenceTimeZone };
    return this;
  }

  /** Validates and returns the `patternedRecurrence`; ValidationError lists every problem. */
  build(): PatternedRecurrenceValue {
    const p = this.pattern;
    const r = this.range;
    const d: ValidationDetail[] = [];
    if (!p.type) d.push({ field: 'pattern.type', description: 'call daily/weekly/absoluteMonthly/…' });
    if (!Number.isInteger(p.interval) || (p.interval ?? 0) < 1) d.push({ field: 'pattern.interval', description: 'integer ≥ 1' });
    if ((p.type === 'weekly' || p.type?.startsWith('relative')) && !p.daysOfWeek?.length) d.push({ field: 'pattern.daysOfWeek', description: `required for ${p.type}` });
    if (p.type?.startsWith('absolute') && !(Number.isInteger(p.dayOfMonth) && p.dayOfMonth! >= 1 && p.dayOfMonth! <= 31)) d.push({ field: 'pattern.dayOfMonth', description: '1–31' });
    if (p.type?.endsWith('Yearly') && !(Number.isInteger(p.month) && p.month! >= 1 && p.month! <= 12)) d.push({ field: 'pattern.month', description: '1–12' });
    if (!r.startDate || !DATE.test(r.startDate)) d.push({ field: 'range.startDate', description: 'YYYY-MM-DD (call from())' });
    if (r.type === 'endDate' && (!r.endDate || !DATE.test(r.endDate) || (r.startDate && r.endDate < r.startDate))) d.push({ field: 'range.endDate', description: 'YYYY-MM-DD on or after startDate' });
    if (r.type === 'numbered' && !(Number.isInteger(r.numberOfOccurrences) && r.numberOfOccurrences! > 0)) d.push({ field: 'range.numberOfOccurrences', description: 'positive integer' });
    if (d.length) throw new ValidationError('Invalid recurrence', { provider: 'graph', operation: 'recurrence', details: d });
    return { pattern: { ...p }, range: { ...r } };
  }
}

/** Starts a {@link RecurrenceBuilder}. @public */
export function recurrence(): RecurrenceBuilder {
  return new RecurrenceBuilder();
}
