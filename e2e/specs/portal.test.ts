import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { collectPageErrors, screenshot } from '../support/browser';
import { useServerAndBrowser } from '../support/server';

const SERVICES = ['道路运输驾驶员网上诚信考核', '道路运输从业人员从业资格证补发', '道路运输从业人员从业资格证换发', '道路运输从业人员从业资格证变更', '道路运输从业人员从业资格证注销'];

describe('portal and back-office shell in Chromium', () => {
  const env = useServerAndBrowser();

  it('home page lists the five high-frequency services with their materials', async () => {
    const page = await env.browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(env.server.url);
    for (const name of SERVICES) await page.getByRole('heading', { name }).waitFor();
    await assert.doesNotReject(page.getByRole('table').first().getByText('材料名称').waitFor());
    assert.ok(await page.getByText('新服务单位聘用合同').isVisible());
    assert.ok(await page.getByRole('heading', { name: '办理渠道' }).isVisible());
    assert.ok(await page.getByRole('link', { name: '登录' }).isVisible());
    assert.ok(await page.getByRole('link', { name: '注册' }).isVisible());
    await screenshot(page, 'portal-home');
    assert.deepEqual(errors, []);
  });

  it('home page works on a phone-sized screen', async () => {
    const page = await env.browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(env.server.url);
    await page.getByRole('heading', { name: SERVICES[0]! }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    await screenshot(page, 'portal-home-mobile');
  });

  it('/admin shows the back-office sign-in page', async () => {
    const page = await env.browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${env.server.url}/admin`);
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
    assert.ok(await page.getByLabel('用户名').isVisible());
    assert.ok(await page.getByLabel('密码').isVisible());
    await screenshot(page, 'admin-sign-in');
    assert.deepEqual(errors, []);
  });

  it('an unknown page shows the 404 page with a way home', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.server.url}/no-such-page`);
    await page.getByText('页面不存在', { exact: true }).waitFor();
    await page.getByRole('link', { name: '返回首页' }).click();
    await page.getByRole('heading', { name: SERVICES[0]! }).waitFor();
  });

  it('/api/docs serves the OpenAPI UI', async () => {
    const page = await env.browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${env.server.url}/api/docs`);
    await page.getByText('运政通 Yunzheng API').first().waitFor();
    await screenshot(page, 'api-docs');
    assert.deepEqual(errors, []);
  });
});
