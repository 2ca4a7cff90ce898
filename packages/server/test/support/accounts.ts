import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { certificates } from '../../src/db/schema';
import { DEMO_RESIDENTS } from '../../src/demo/demo-data';
import { seedDemo } from '../../src/demo/seed';
import type { TestApp } from './app';
import { TestClient } from './client';
import { latestSmsCode } from './fakes';

export const GOOD_PASSWORD = 'Truck-driver-2026';
let mobileCounter = 0;

/** A fresh mobile number per call, so tests do not collide. */
export function newMobile(): string {
  mobileCounter++;
  return `139${String(process.pid % 10_000).padStart(4, '0')}${String(mobileCounter).padStart(4, '0')}`;
}

export async function seed(t: TestApp) {
  await seedDemo(t.ctx, { withStaff: true, practitioners: 0 });
}

/** Runs the seed guide's registration: code, 立即注册. Returns a signed-in client. */
export async function registerCitizen(t: TestApp, mobile = newMobile(), password = GOOD_PASSWORD): Promise<{ client: TestClient; mobile: string }> {
  const client = new TestClient(t.app);
  const sent = await client.post('/api/auth/sms-codes', { mobile, purpose: 'REGISTER' });
  assert.equal(sent.statusCode, 200, sent.body);
  const smsCode = await latestSmsCode(t.ctx, mobile);
  const registered = await client.post('/api/auth/register', { mobile, smsCode, password, acceptAgreements: true });
  assert.equal(registered.statusCode, 201, registered.body);
  t.clock.minutes(2); // the next code for this number may be sent
  return { client, mobile };
}

/** Registration plus 实名认证 as one of the demo residents. */
export async function verifiedCitizen(t: TestApp, residentIndex: number) {
  const resident = DEMO_RESIDENTS[residentIndex]!;
  const { client, mobile } = await registerCitizen(t);
  const response = await client.post('/api/me/realname', { name: resident.name, idNumber: resident.idNumber, validFrom: resident.validFrom, validTo: resident.validTo });
  assert.equal(response.statusCode, 200, response.body);
  return { client, mobile, resident };
}

/** A verified demo resident who has bound their demo certificate (the practitioners seed must include them). */
export async function boundCitizen(t: TestApp, residentIndex: number) {
  const { client } = await verifiedCitizen(t, residentIndex);
  const [cert] = await t.ctx.db.select().from(certificates).where(eq(certificates.holderIdBidx, t.ctx.cipher.blindIndex('id', DEMO_RESIDENTS[residentIndex]!.idNumber)));
  const response = await client.post('/api/me/certificates/bind', { certNo: cert!.certNo });
  assert.equal(response.statusCode, 200, response.body);
  return { client, cert: cert! };
}
