import assert from 'node:assert/strict';
import { Secret, TOTP } from 'otpauth';
import { DEMO_STAFF_PASSWORD } from '../../src/demo/demo-data';
import type { TestApp } from './app';
import { TestClient } from './client';

/** Signs a staff member in through both steps, enrolling TOTP when needed (secrets remembered per username). */
export async function staffSignIn(t: TestApp, username: string, password = DEMO_STAFF_PASSWORD, secrets = new Map<string, string>()) {
  const client = new TestClient(t.app);
  const step1 = await client.post('/api/admin/auth/password', { username, password });
  assert.equal(step1.statusCode, 200, step1.body);
  if (step1.json().next === 'ENROL_TOTP') {
    secrets.set(username, step1.json().secret);
    assert.match(step1.json().qrDataUrl, /^data:image\/png;base64,/);
    assert.match(step1.json().otpauthUri, /^otpauth:\/\/totp\//);
  }
  const totp = new TOTP({ secret: Secret.fromBase32(secrets.get(username)!), digits: 6, period: 30, algorithm: 'SHA1' });
  t.clock.advance(30_000); // a fresh time step, so a code is never a replay
  const step2 = await client.post('/api/admin/auth/totp', { code: totp.generate({ timestamp: t.clock.now().getTime() }) });
  assert.equal(step2.statusCode, 200, step2.body);
  return { client, totp };
}
