import { describe, expect, it } from 'vitest';
import { CRONOFY_HMAC_HEADER, signCronofyNotification, verifyCronofyNotification } from '@cal/cronofy';
import { cronofyHmac } from '@cal/testkit/cronofy';

// Reference §6: three vectors over the body {"example":"well-known"}, checked with Python hmac.
const BODY = '{"example":"well-known"}';
const VECTORS = [
  ['pDY0Oi7TJSP2hfNmZNkm5', '6r2/HjBkqymGegX0wOfifieeUXbbHwtV/LohHS+jv6c='], // docs
  ['opposable thumbs', '38ArsN7+J/O8joGsgirVEdV16a/+eb+5QgHGIiuv4hk='], // pycronofy tests
  ['aPPwd-ASDFAsdfasdfasdfsadfasdfASDFSADF_asdfasdfasdf', '0g6bhIumRlRffctPXuASSl3u6AXOxnYRw+hiTp7IvTg='], // node tests
] as const;

describe('verifyCronofyNotification', () => {
  it.each(VECTORS)('matches the documented vector for secret %s', async (secret, expected) => {
    expect(await signCronofyNotification(BODY, secret)).toBe(expected);
    expect(await verifyCronofyNotification(BODY, expected, secret)).toBe(true);
    expect(await verifyCronofyNotification(new TextEncoder().encode(BODY), expected, secret)).toBe(true);
    expect(await verifyCronofyNotification(new TextEncoder().encode(BODY).buffer, expected, secret)).toBe(true);
  });

  it('accepts any of several comma-separated signatures (secret rotation)', async () => {
    const [a, b] = [VECTORS[1][1], VECTORS[0][1]];
    expect(await verifyCronofyNotification(BODY, `${a},${b}`, VECTORS[0][0])).toBe(true);
    expect(await verifyCronofyNotification(BODY, `${a}, ${b}`, VECTORS[0][0])).toBe(true);
    expect(await verifyCronofyNotification(BODY, `${a},${VECTORS[2][1]}`, VECTORS[0][0])).toBe(false);
  });

  it('rejects a changed body, a wrong secret, a truncated value and empty input', async () => {
    const [secret, sig] = VECTORS[0];
    expect(await verifyCronofyNotification(`${BODY} `, sig, secret)).toBe(false);
    expect(await verifyCronofyNotification(BODY, sig, 'other')).toBe(false);
    expect(await verifyCronofyNotification(BODY, sig.slice(0, -1), secret)).toBe(false);
    expect(await verifyCronofyNotification(BODY, `${sig}A`, secret)).toBe(false);
    expect(await verifyCronofyNotification(BODY, '', secret)).toBe(false);
    expect(await verifyCronofyNotification(BODY, null, secret)).toBe(false);
    expect(await verifyCronofyNotification(BODY, undefined, secret)).toBe(false);
    expect(await verifyCronofyNotification(BODY, sig, '')).toBe(false);
  });

  it('the simulator signs with the same scheme (documented vectors, comma-joined while rotating)', () => {
    expect(cronofyHmac(BODY, [VECTORS[0][0]])).toBe(VECTORS[0][1]);
    expect(cronofyHmac(BODY, [VECTORS[1][0], VECTORS[2][0]])).toBe(`${VECTORS[1][1]},${VECTORS[2][1]}`);
  });

  it('names the header', () => {
    expect(CRONOFY_HMAC_HEADER).toBe('Cronofy-HMAC-SHA256');
  });
});
