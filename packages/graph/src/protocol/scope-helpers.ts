/**
 * O365's scope helpers (`DEFAULT_SCOPES` in O365/connection.py): short names that expand to Graph
 * permission names. Raw scopes pass through unchanged.
 * @public
 */
export const SCOPE_HELPERS = {
  basic: ['User.Read'],
  mailbox: ['Mail.Read'],
  mailbox_shared: ['Mail.Read.Shared'],
  mailbox_settings: ['MailboxSettings.ReadWrite'],
  settings_all: ['MailboxSettings.ReadWrite'],
  message_send: ['Mail.Send'],
  message_send_shared: ['Mail.Send.Shared'],
  message_all: ['Mail.ReadWrite', 'Mail.Send'],
  message_all_shared: ['Mail.ReadWrite.Shared', 'Mail.Send.Shared'],
  address_book: ['Contacts.Read'],
  address_book_shared: ['Contacts.Read.Shared'],
  address_book_all: ['Contacts.ReadWrite'],
  address_book_all_shared: ['Contacts.ReadWrite.Shared'],
  calendar: ['Calendars.Read'],
  calendar_shared: ['Calendars.Read.Shared'],
  calendar_all: ['Calendars.ReadWrite'],
  calendar_shared_all: ['Calendars.ReadWrite.Shared'],
  users: ['User.ReadBasic.All'],
  onedrive: ['Files.Read.All'],
  onedrive_all: ['Files.ReadWrite.All'],
  sharepoint: ['Sites.Read.All'],
  sharepoint_all: ['Sites.ReadWrite.All'],
  tasks: ['Tasks.Read'],
  tasks_all: ['Tasks.ReadWrite'],
  presence: ['Presence.Read'],
} as const satisfies Record<string, readonly string[]>;

/** A scope helper name. @public */
export type ScopeHelper = keyof typeof SCOPE_HELPERS;

/** OpenID / offline scopes that never take the resource prefix (v2-permissions-and-consent.md). */
export const RESERVED_SCOPES: ReadonlySet<string> = new Set(['openid', 'profile', 'email', 'offline_access']);
