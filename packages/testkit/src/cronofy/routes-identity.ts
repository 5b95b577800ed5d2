import type { CronofySimContext } from './context.js';
import { fieldError } from './wire.js';

/** /v1/account, /v1/userinfo, /v1/profiles, /v1/calendars (reference §3.1, §3.2). @internal */
export function mountIdentityRoutes(c: CronofySimContext): void {
  const { api } = c;
  api.route('GET', '/v1/account', (ctx) => {
    const { account } = c.user(ctx);
    return { body: { account: { account_id: account.accountId, email: account.email, name: account.name, scope: 'read_write', default_tzid: account.tzid } } };
  });
  api.route('GET', '/v1/userinfo', (ctx) => {
    const { account } = c.user(ctx);
    return {
      body: {
        sub: account.accountId,
        email: account.email,
        name: account.name,
        zoneinfo: account.tzid,
        'cronofy.type': 'account',
        'cronofy.data': { authorization: { scope: 'read_write', status: 'active' }, profiles: account.profiles.map((p) => ({ ...p, profile_calendars: [...account.calendars.values()].filter((cal) => cal.profile_id === p.profile_id) })) },
      },
    };
  });
  api.route('GET', '/v1/profiles', (ctx) => ({ body: { profiles: c.user(ctx).account.profiles } }));
  api.route('POST', '/v1/profiles/:profile_id/revoke', (ctx) => {
    const { account } = c.user(ctx);
    const profile = account.profiles.find((p) => p.profile_id === ctx.params['profile_id']);
    if (!profile) return { status: 404 };
    profile.profile_connected = false;
    return { status: 202 };
  });
  api.route('GET', '/v1/calendars', (ctx) => ({ body: { calendars: [...c.user(ctx).account.calendars.values()] } }));
  api.route('POST', '/v1/calendars', (ctx) => {
    const { account } = c.user(ctx);
    const body = ctx.json<{ profile_id?: string; name?: string; color?: string }>();
    if (!body.profile_id) throw fieldError('profile_id', 'errors.required', 'profile_id must be specified');
    if (!body.name) throw fieldError('name', 'errors.required', 'name must be specified');
    if (!account.profiles.some((p) => p.profile_id === body.profile_id)) throw fieldError('profile_id', 'errors.unknown', 'profile not found');
    if ([...account.calendars.values()].some((cal) => cal.calendar_name === body.name)) {
      throw fieldError('name', 'errors.duplicate_calendar_name', 'A calendar with this name already exists');
    }
    const calendar = c.state.addCalendar(account, { calendar_name: body.name, profile_id: body.profile_id });
    return { body: { calendar } };
  });
}
