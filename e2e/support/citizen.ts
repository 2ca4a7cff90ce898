import assert from 'node:assert/strict';
import type { BrowserContext } from 'playwright-core';

/**
 * Registers and verifies a demo resident through the API with the browser's own cookie jar, for journeys that
 * start after 实名认证 (the registration journey itself is walked through the pages in accounts.test.ts).
 */
export async function signInVerifiedCitizen(browser: BrowserContext, baseUrl: string, mobile: string, resident: { name: string; idNumber: string; validFrom: string; validTo: string }) {
  const api = browser.request;
  assert.equal((await api.post(`${baseUrl}/api/auth/sms-codes`, { data: { mobile, purpose: 'REGISTER' } })).status(), 200);
  const outbox = (await (await api.get(`${baseUrl}/api/dev/sms`)).json()) as { mobile: string; text: string }[];
  const smsCode = /验证码(\d{6})/.exec(outbox.find((m) => m.mobile === mobile)!.text)![1];
  assert.equal((await api.post(`${baseUrl}/api/auth/register`, { data: { mobile, smsCode, password: 'Road-safety-2026', acceptAgreements: true } })).status(), 201);
  assert.equal((await api.post(`${baseUrl}/api/me/realname`, { data: resident })).status(), 200);
}
