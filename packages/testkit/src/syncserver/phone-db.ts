/**
 * Seeded phone model database. Vendor names and model counts are the ones in OCSS's own example
 * (`HTC 26, Nokia 188, LG 5, Sony Ericsson 84`); model names are made up.
 */
export interface SimVendor {
  id: string;
  name: string;
}
export interface SimModel {
  id: string;
  vendorId: string;
  name: string;
  imageUrl: string;
}

const KNOWN: Record<string, string[]> = {
  HTC: ['Hero', 'Magic', 'Touch Diamond', 'Touch Pro', 'Dream', 'Tattoo'],
  Nokia: ['N95', 'E71', '6300', 'N97', '5800 XpressMusic', 'E63'],
  LG: ['KU990 Viewty', 'KS360', 'GD510 Pop', 'KP500 Cookie', 'KM900 Arena'],
  'Sony Ericsson': ['K800i', 'W910i', 'C905', 'Xperia X1', 'T700'],
};
const COUNTS: Record<string, number> = { HTC: 26, Nokia: 188, LG: 5, 'Sony Ericsson': 84 };

// Version-1 style UUIDs like the documented `02978288-537f-102b-beff-000ea60275d1`.
const uuid = (n: number, tag: string): string => `${n.toString(16).padStart(8, '0')}-537f-102b-${tag}-000ea60275d1`;

export function seedPhoneDb(): { vendors: SimVendor[]; models: SimModel[] } {
  const vendors: SimVendor[] = [];
  const models: SimModel[] = [];
  let n = 0x02978288;
  Object.keys(COUNTS).forEach((name, vi) => {
    const vendor = { id: uuid(0x1000 + vi, 'aaaa'), name };
    vendors.push(vendor);
    const known = KNOWN[name] ?? [];
    for (let i = 0; i < (COUNTS[name] ?? 0); i++) {
      const id = uuid(n++, 'beff');
      models.push({ id, vendorId: vendor.id, name: known[i] ?? `${name} ${100 + i}`, imageUrl: `http://api.obexcode.com/static/phones/${id}.png` });
    }
  });
  return { vendors, models };
}
