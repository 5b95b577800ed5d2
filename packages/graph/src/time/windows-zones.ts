/**
 * IANA → Windows time-zone names (CLDR `windowsZones.xml`, the "001" territory rows, plus common
 * aliases). Graph's `Prefer: outlook.timezone` is only reliable with Windows names: an IANA name there
 * broke findMeetingTimes (`UnknownError`, Microsoft Q&A 1324397), and O365 maps the same way
 * (`O365/utils/windows_tz.py`).
 */
const IANA_TO_WINDOWS: Record<string, string> = {
  UTC: 'UTC',
  'Etc/UTC': 'UTC',
  'Etc/GMT': 'UTC',
  GMT: 'UTC',
  'Pacific/Honolulu': 'Hawaiian Standard Time',
  'America/Anchorage': 'Alaskan Standard Time',
  'America/Los_Angeles': 'Pacific Standard Time',
  'America/Vancouver': 'Pacific Standard Time',
  'America/Tijuana': 'Pacific Standard Time (Mexico)',
  'America/Phoenix': 'US Mountain Standard Time',
  'America/Denver': 'Mountain Standard Time',
  'America/Edmonton': 'Mountain Standard Time',
  'America/Chicago': 'Central Standard Time',
  'America/Winnipeg': 'Central Standard Time',
  'America/Mexico_City': 'Central Standard Time (Mexico)',
  'America/Regina': 'Canada Central Standard Time',
  'America/New_York': 'Eastern Standard Time',
  'America/Toronto': 'Eastern Standard Time',
  'America/Detroit': 'Eastern Standard Time',
  'America/Bogota': 'SA Pacific Standard Time',
  'America/Lima': 'SA Pacific Standard Time',
  'America/Halifax': 'Atlantic Standard Time',
  'America/Caracas': 'Venezuela Standard Time',
  'America/Santiago': 'Pacific SA Standard Time',
  'America/St_Johns': 'Newfoundland Standard Time',
  'America/Sao_Paulo': 'E. South America Standard Time',
  'America/Argentina/Buenos_Aires': 'Argentina Standard Time',
  'America/Buenos_Aires': 'Argentina Standard Time',
  'Atlantic/Reykjavik': 'Greenwich Standard Time',
  'Atlantic/Azores': 'Azores Standard Time',
  'Europe/London': 'GMT Standard Time',
  'Europe/Dublin': 'GMT Standard Time',
  'Europe/Lisbon': 'GMT Standard Time',
  'Europe/Berlin': 'W. Europe Standard Time',
  'Europe/Amsterdam': 'W. Europe Standard Time',
  'Europe/Rome': 'W. Europe Standard Time',
  'Europe/Stockholm': 'W. Europe Standard Time',
  'Europe/Vienna': 'W. Europe Standard Time',
  'Europe/Zurich': 'W. Europe Standard Time',
  'Europe/Oslo': 'W. Europe Standard Time',
  'Europe/Paris': 'Romance Standard Time',
  'Europe/Brussels': 'Romance Standard Time',
  'Europe/Madrid': 'Romance Standard Time',
  'Europe/Copenhagen': 'Romance Standard Time',
  'Europe/Budapest': 'Central Europe Standard Time',
  'Europe/Prague': 'Central Europe Standard Time',
  'Europe/Belgrade': 'Central Europe Standard Time',
  'Europe/Warsaw': 'Central European Standard Time',
  'Europe/Zagreb': 'Central European Standard Time',
  'Europe/Athens': 'GTB Standard Time',
  'Europe/Bucharest': 'GTB Standard Time',
  'Europe/Helsinki': 'FLE Standard Time',
  'Europe/Kiev': 'FLE Standard Time',
  'Europe/Kyiv': 'FLE Standard Time',
  'Europe/Riga': 'FLE Standard Time',
  'Europe/Vilnius': 'FLE Standard Time',
  'Europe/Tallinn': 'FLE Standard Time',
  'Europe/Istanbul': 'Turkey Standard Time',
  'Europe/Moscow': 'Russian Standard Time',
  'Africa/Cairo': 'Egypt Standard Time',
  'Africa/Johannesburg': 'South Africa Standard Time',
  'Africa/Lagos': 'W. Central Africa Standard Time',
  'Africa/Nairobi': 'E. Africa Standard Time',
  'Asia/Jerusalem': 'Israel Standard Time',
  'Asia/Dubai': 'Arabian Standard Time',
  'Asia/Riyadh': 'Arab Standard Time',
  'Asia/Tehran': 'Iran Standard Time',
  'Asia/Karachi': 'Pakistan Standard Time',
  'Asia/Kolkata': 'India Standard Time',
  'Asia/Calcutta': 'India Standard Time',
  'Asia/Kathmandu': 'Nepal Standard Time',
  'Asia/Dhaka': 'Bangladesh Standard Time',
  'Asia/Bangkok': 'SE Asia Standard Time',
  'Asia/Jakarta': 'SE Asia Standard Time',
  'Asia/Shanghai': 'China Standard Time',
  'Asia/Hong_Kong': 'China Standard Time',
  'Asia/Singapore': 'Singapore Standard Time',
  'Asia/Taipei': 'Taipei Standard Time',
  'Asia/Seoul': 'Korea Standard Time',
  'Asia/Tokyo': 'Tokyo Standard Time',
  'Australia/Perth': 'W. Australia Standard Time',
  'Australia/Adelaide': 'Cen. Australia Standard Time',
  'Australia/Brisbane': 'E. Australia Standard Time',
  'Australia/Sydney': 'AUS Eastern Standard Time',
  'Australia/Melbourne': 'AUS Eastern Standard Time',
  'Pacific/Auckland': 'New Zealand Standard Time',
};

/** Built on first use: a module-level `new Set()` would survive tree-shaking in every bundle. */
let windowsNames: Set<string> | undefined;
const names = (): Set<string> => (windowsNames ??= new Set(Object.values(IANA_TO_WINDOWS)));

/**
 * Graph-safe zone name: a Windows name passes through, a known IANA name is mapped to its Windows
 * name, anything else is returned unchanged (Graph also accepts some IANA names in `dateTimeTimeZone`).
 * @example toWindowsZone('Europe/Berlin') // 'W. Europe Standard Time'
 * @public
 */
export function toWindowsZone(name: string): string {
  if (names().has(name)) return name;
  return IANA_TO_WINDOWS[name] ?? name;
}

/** True when `name` is a Windows zone name this package knows. @public */
export function isWindowsZone(name: string): boolean {
  return names().has(name);
}

/** Windows → IANA, built on first use: the first IANA row of each Windows name is CLDR's "001" zone. */
let windowsToIana: Map<string, string> | undefined;

/**
 * IANA name for a zone Graph reported: a known Windows name is mapped to CLDR's primary IANA zone,
 * an IANA name passes through, anything else gives undefined (rather than a guess that would move
 * meetings).
 * @example toIanaZone('W. Europe Standard Time') // 'Europe/Berlin'
 * @public
 */
export function toIanaZone(name: string): string | undefined {
  if (!names().has(name)) return name.includes('/') || name === 'UTC' ? name : undefined;
  if (!windowsToIana) {
    windowsToIana = new Map();
    for (const [iana, windows] of Object.entries(IANA_TO_WINDOWS)) if (!windowsToIana.has(windows)) windowsToIana.set(windows, iana);
  }
  return windowsToIana.get(name);
}
