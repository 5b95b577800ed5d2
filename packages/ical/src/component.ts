import type { ICalComponent, ICalProperty } from './model.js';

/** First property named `name` (case-insensitive). @public */
export function getProperty(comp: ICalComponent, name: string): ICalProperty | undefined {
  const n = name.toUpperCase();
  return comp.properties.find((p) => p.name === n);
}

/** All properties named `name`. @public */
export function getProperties(comp: ICalComponent, name: string): ICalProperty[] {
  const n = name.toUpperCase();
  return comp.properties.filter((p) => p.name === n);
}

/** Replaces every property of that name with `prop` (appended when absent). @public */
export function setProperty(comp: ICalComponent, prop: ICalProperty): void {
  const i = comp.properties.findIndex((p) => p.name === prop.name);
  if (i === -1) {
    comp.properties.push(prop);
    return;
  }
  comp.properties[i] = prop;
  comp.properties = comp.properties.filter((p, j) => j <= i || p.name !== prop.name);
}

/** Removes every property named `name`. @public */
export function removeProperty(comp: ICalComponent, name: string): void {
  const n = name.toUpperCase();
  comp.properties = comp.properties.filter((p) => p.name !== n);
}

/** Direct sub-components named `name` (e.g. the VEVENTs of a VCALENDAR). @public */
export function getComponents(comp: ICalComponent, name: string): ICalComponent[] {
  const n = name.toUpperCase();
  return comp.components.filter((c) => c.name === n);
}

/**
 * The "main" component of a calendar object resource: the first VEVENT/VTODO/VJOURNAL/VFREEBUSY,
 * preferring the master (no RECURRENCE-ID) over overrides.
 * @public
 */
export function mainComponent(cal: ICalComponent): ICalComponent | undefined {
  const items = cal.components.filter((c) => c.name === 'VEVENT' || c.name === 'VTODO' || c.name === 'VJOURNAL' || c.name === 'VFREEBUSY');
  return items.find((c) => !getProperty(c, 'RECURRENCE-ID')) ?? items[0];
}

/** Deep copy of a component tree. @public */
export function cloneComponent(comp: ICalComponent): ICalComponent {
  return {
    name: comp.name,
    properties: comp.properties.map((p) => ({ name: p.name, params: { ...p.params }, value: p.value })),
    components: comp.components.map(cloneComponent),
  };
}
