import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { collectPageErrors, openBrowser, screenshot } from '../support/browser';
import { startServer, useServerAndBrowser } from '../support/server';

// A demo resident of the embedded identity registry (README), and the demo staff password.
const RESIDENT = { name: '王志强', idNumber: '330212198211230332', validFrom: '2021-09-01', validTo: '2041-09-01' };
const PASSWORD = 'Road-safety-2026';
const STAFF_PASSWORD = 'Yunzheng#Demo2026';
const MOBILE = '13700001111';

/** Reads the newest code sent to a mobile number from the development SMS outbox page, as a person would. */
async function readSmsCode(browser: BrowserContext, baseUrl: string, mobile: string): Promise<string> {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}/dev/sms`);
  const row = page.getByRole('row').filter({ hasText: mobile }).first();
  await row.waitFor();
  const text = await row.innerText();
  await page.close();
  const code = /验证码(\d{6})/.exec(text)?.[1];
  assert.ok(code, `no code in: ${text}`);
  return code;
}

async function pickDate(page: Page, label: string, date: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Tab');
}

describe('accounts in Chromium: the seed guide’s 账号注册 and staff sign-in', () => {
  const env = useServerAndBrowser();

  it('注册 → 自然人注册 → 下一步 → 立即注册 → 实名认证 → 认证 → 登录页面 → 登录 → 退出', async () => {
    const page = await env.browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(env.server.url);
    await page.getByRole('link', { name: '注册' }).click();
    await page.getByText('自然人注册').first().waitFor();
    await screenshot(page, 'register-type');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByLabel('手机号').fill(MOBILE);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByRole('button', { name: /秒后重新获取/ }).waitFor();
    const code = await readSmsCode(env.browser, env.server.url, MOBILE);
    await page.getByLabel('短信验证码').fill(code);
    // A weak password is refused by the server with a message on the field.
    await page.getByLabel('设置密码').fill('password1');
    await page.getByLabel('确认密码').fill('password1');
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: '立即注册' }).click();
    await page.getByText('该密码过于常见，容易被猜中，请换一个').first().waitFor();
    await page.getByLabel('设置密码').fill(PASSWORD);
    await page.getByLabel('确认密码').fill(PASSWORD);
    await screenshot(page, 'register-form');
    await page.getByRole('button', { name: '立即注册' }).click();

    await page.getByRole('heading', { name: '实名认证' }).waitFor();
    await page.getByLabel('姓名').fill(RESIDENT.name);
    await page.getByLabel('身份证号').fill(RESIDENT.idNumber);
    await pickDate(page, '有效起始日期', RESIDENT.validFrom);
    // A wrong end date: the local rule explains what is wrong before public security is asked.
    await pickDate(page, '有效截止日期', '2031-09-01');
    await page.getByRole('button', { name: '认证' }).click();
    await page.getByText('有效期限与签发时的年龄不符，请核对证件背面的有效期限').first().waitFor();
    await pickDate(page, '有效截止日期', RESIDENT.validTo);
    await screenshot(page, 'realname-form');
    await page.getByRole('button', { name: '认证' }).click();
    await page.getByText('注册成功').first().waitFor();
    await screenshot(page, 'realname-success');

    // The system jumps to the login page by itself.
    await page.getByRole('heading', { name: '用户登录' }).waitFor({ timeout: 10_000 });
    await page.getByLabel('账号', { exact: true }).fill(RESIDENT.idNumber);
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await screenshot(page, 'login');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { name: '个人空间' }).waitFor();
    await page.getByText('已实名认证').waitFor();
    await page.getByText('330***********0332').waitFor();
    await screenshot(page, 'personal-space');

    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('link', { name: '登录' }).waitFor();
    await page.goto(`${env.server.url}/me`);
    await page.getByRole('heading', { name: '用户登录' }).waitFor();
    assert.deepEqual(errors.filter((e) => !/status of 4\d\d/.test(e)), []);
  });

  it('locks the account after 5 wrong passwords, then 找回密码 by SMS code lets the person in', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.server.url}/login`);
    const attempt = async (password: string) => {
      await page.getByLabel('账号', { exact: true }).fill(MOBILE);
      await page.getByLabel('密码', { exact: true }).fill(password);
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
      await page.locator('form button[type=submit]').first().click();
      return (await answered).status();
    };
    for (let i = 0; i < 5; i++) assert.equal(await attempt(`Wrong-pass-${i}`), 401);
    await page.getByRole('alert').filter({ hasText: '账号或密码错误' }).waitFor();
    assert.equal(await attempt(PASSWORD), 423);
    await page.getByRole('alert').filter({ hasText: '账号已锁定' }).waitFor();
    await screenshot(page, 'login-locked');

    await page.getByRole('link', { name: '忘记密码？' }).click();
    await page.getByLabel('手机号').fill(MOBILE);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByRole('button', { name: /秒后重新获取/ }).waitFor();
    await page.getByLabel('短信验证码').fill(await readSmsCode(env.browser, env.server.url, MOBILE));
    await page.getByLabel('新密码', { exact: true }).fill('Brand-new-pass-7');
    await page.getByLabel('确认新密码').fill('Brand-new-pass-7');
    await screenshot(page, 'password-reset');
    await page.getByRole('button', { name: '重置密码' }).click();
    await page.getByText('密码已重置，请用新密码登录').waitFor();
    await page.getByLabel('账号', { exact: true }).fill(MOBILE);
    await page.getByLabel('密码', { exact: true }).fill('Brand-new-pass-7');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { name: '个人空间' }).waitFor();
  });

  it('staff sign-in at /admin with password and TOTP enrolment, then the auditor sees the log', async () => {
    const staffBrowser = await openBrowser();
    const page = await staffBrowser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${env.server.url}/admin`);
    await page.getByLabel('用户名').fill('shenji');
    await page.getByLabel('密码', { exact: true }).fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByAltText('身份验证器绑定二维码').waitFor();
    const secret = (await page.getByTestId('totp-secret').innerText()).trim();
    await screenshot(page, 'admin-totp-enrol');
    const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
    await page.getByLabel('动态验证码').fill(totp.generate());
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    await screenshot(page, 'admin-home');
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.getByText(/哈希链校验通过/).waitFor();
    await page.getByRole('cell', { name: 'REALNAME_VERIFY' }).first().waitFor();
    await screenshot(page, 'admin-audit');
    assert.deepEqual(errors, []);
    await staffBrowser.close();
  });

  it('an administrator creates a staff account with a one-time password', async () => {
    const adminBrowser = await openBrowser();
    const page = await adminBrowser.newPage();
    await page.goto(`${env.server.url}/admin`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码', { exact: true }).fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: '下一步' }).click();
    const secret = (await page.getByTestId('totp-secret').innerText()).trim();
    await page.getByLabel('动态验证码').fill(new TOTP({ secret: Secret.fromBase32(secret) }).generate());
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('menuitem', { name: '工作人员管理' }).click();
    await page.getByRole('button', { name: '新增工作人员' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('xihu.clerk');
    await dialog.getByLabel('姓名').fill('周受理');
    await dialog.getByLabel('管理部门').click();
    await page.getByTitle('杭州市西湖区道路运输管理所').click();
    await dialog.getByRole('checkbox', { name: '受理员' }).check();
    await dialog.getByRole('button', { name: '创建' }).click();
    await page.getByTestId('initial-password').waitFor();
    await page.getByRole('cell', { name: 'xihu.clerk' }).waitFor();
    await screenshot(page, 'admin-staff');
    await adminBrowser.close();
  });

  it('/dev/sms exists in development only', async () => {
    const production = await startServer({ NODE_ENV: 'production', YZ_SESSION_SECRET: 'ab'.repeat(32), YZ_FIELD_KEY: 'cd'.repeat(32), YZ_SIGNING_KEY: 'ef'.repeat(32), COOKIE_SECURE: 'false' });
    try {
      const response = await fetch(`${production.url}/api/dev/sms`);
      assert.equal(response.status, 404);
      const page = await env.browser.newPage();
      await page.goto(`${production.url}/dev/sms`);
      await page.getByText('页面不存在', { exact: true }).waitFor();
    } finally {
      await production.stop();
    }
  });
});
