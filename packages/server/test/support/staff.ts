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

/** A signed-in case worker who claims (认领) a case before each action, as the back office requires. */
export async function caseWorker(t: TestApp, username: string, secrets: Map<string, string>, password?: string) {
  const { client } = await staffSignIn(t, username, password, secrets);
  return {
    client,
    claim: (id: string) => client.post(`/api/admin/cases/${id}/claim`),
    view: (id: string) => client.get(`/api/admin/cases/${id}`),
    /** Claims (a no-op when already held) and acts; answers the action's response. */
    async act(id: string, body: Record<string, unknown>) {
      await client.post(`/api/admin/cases/${id}/claim`);
      return client.post(`/api/admin/applications/${id}/actions`, body);
    },
    /** Several actions in a row, each expected to succeed. */
    async steps(id: string, ...bodies: Record<string, unknown>[]) {
      for (const body of bodies) {
        const response = await this.act(id, body);
        assert.equal(response.statusCode, 200, `${String(body.action)}: ${response.body}`);
      }
    },
  };
}
