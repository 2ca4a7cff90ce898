import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_RESIDENTS } from '../../packages/server/src/demo/demo-data';
import { violations } from '../support/axe';
import { signInVerifiedCitizen } from '../support/citizen';
import { useServerAndBrowser } from '../support/server';


/** No violation on any page a person reaches; the back-office pages are checked in backoffice.test.ts. */
describe('accessibility (axe-core, WCAG 2.2 AA) in Chromium', () => {
  const env = useServerAndBrowser();

  for (const [path, heading] of [
    ['/', '高频服务事项'],
    ['/login', '用户登录'],
    ['/register', '注册'],
    ['/password-reset', '找回密码'],
    ['/query', '从业资格查询'],
    ['/services', '个人办事'],
    ['/admin', '工作人员登录'],
    ['/no-such-page', '页面不存在'],
  ] as const) {
    it(`${path} has no violations`, async () => {
      const page = await env.browser.newPage();
      await page.goto(`${env.server.url}${path}`);
      await page.getByText(heading, { exact: true }).first().waitFor();
      assert.deepEqual(await violations(page), []);
      await page.close();
    });
  }

  it('个人空间, 我的证件, 业务须知, 证照信息 and 我的办件 have no violations', async () => {
    await signInVerifiedCitizen(env.browser, env.server.url, '13500003333', DEMO_RESIDENTS[7]!);
    const page = await env.browser.newPage();
    await page.goto(`${env.server.url}/me`);
    await page.getByText('已实名认证').waitFor();
    assert.deepEqual(await violations(page), []);
    await page.goto(`${env.server.url}/me/certificates`);
    await page.getByText('绑定从业资格证').first().waitFor();
    assert.deepEqual(await violations(page), []);
    await page.goto(`${env.server.url}/apply/RENEW`);
    await page.getByRole('button', { name: '同意并确认' }).waitFor();
    assert.deepEqual(await violations(page), []);
    await page.getByRole('button', { name: '同意并确认' }).click();
    await page.getByRole('heading', { name: '证照信息', level: 2 }).waitFor();
    assert.deepEqual(await violations(page), []);
    await page.goto(`${env.server.url}/applications`);
    await page.getByRole('heading', { name: '我的办件' }).waitFor();
    assert.deepEqual(await violations(page), []);
  });
});
