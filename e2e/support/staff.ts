import assert from 'node:assert/strict';
import { request as playwrightRequest, type APIRequestContext, type Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { DEMO_ALL_ROUND_CLERK } from '../../packages/server/src/demo/demo-data';

export const STAFF_PASSWORD = 'Yunzheng#Demo2026';
const STEP_MS = 30_000;

/**
 * Staff authenticator apps for a suite: the secret each account enrolled, and the last time step used, so that a
 * second sign-in within the same 30 seconds takes the next code (the server refuses a replayed one). `offsetMs`
 * follows a server whose clock was travelled (CLOCK_OFFSET_DAYS).
 */
export class Authenticators {
  private readonly secrets = new Map<string, string>();
  private readonly lastStep = new Map<string, number>();
  offsetMs = 0;

  enrol(username: string, secret: string) {
    this.secrets.set(username, secret);
  }

  code(username: string): string {
    const secret = this.secrets.get(username);
    assert.ok(secret, `no TOTP secret for ${username}`);
    const now = Math.floor((Date.now() + this.offsetMs) / STEP_MS);
    const step = Math.max(now, (this.lastStep.get(username) ?? 0) + 1);
    this.lastStep.set(username, step);
    return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: step * STEP_MS });
  }
}

/** Signs in at /admin through the pages (enrolling TOTP the first time) and waits for 工作台. */
export async function signInStaffPage(page: Page, baseUrl: string, username: string, keys: Authenticators) {
  await page.goto(`${baseUrl}/admin`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('动态验证码').waitFor();
  if (await page.getByTestId('totp-secret').isVisible()) keys.enrol(username, (await page.getByTestId('totp-secret').innerText()).trim());
  await page.getByLabel('动态验证码').fill(keys.code(username));
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '工作台' }).waitFor();
}

/** A staff member working through the API (for set-up steps that are not what a test looks at). */
export async function staffApi(baseUrl: string, username: string, keys: Authenticators): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL: baseUrl });
  const step = await (await api.post('/api/admin/auth/password', { data: { username, password: STAFF_PASSWORD } })).json();
  if (step.next === 'ENROL_TOTP') keys.enrol(username, step.secret as string);
  const signedIn = await api.post('/api/admin/auth/totp', { data: { code: keys.code(username) } });
  assert.equal(signedIn.status(), 200, await signedIn.text());
  return api;
}

/** Claims the case and takes the actions in order, through the API. */
export async function actThroughApi(api: APIRequestContext, id: string, ...bodies: Record<string, unknown>[]) {
  for (const body of bodies) {
    await api.post(`/api/admin/cases/${id}/claim`);
    const response = await api.post(`/api/admin/applications/${id}/actions`, { data: body });
    assert.equal(response.status(), 200, await response.text());
  }
}

/** The demo account that takes a given step of a case handled by this authority (see DEMO_STAFF). */
export function demoClerk(authorityCode: string, role: 'INTAKE' | 'REVIEWER' | 'PRODUCER'): string {
  if (authorityCode === '330110') return { INTAKE: 'shouli', REVIEWER: 'shenhe', PRODUCER: 'zhizheng' }[role];
  const clerk = DEMO_ALL_ROUND_CLERK[authorityCode];
  assert.ok(clerk, `no demo clerk for authority ${authorityCode}`);
  return clerk;
}
