import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { shanghaiDate } from '@yunzheng/domain';
import { DEMO_RESIDENTS } from '../../packages/server/src/demo/demo-data';
import { demoRegistry } from '../../packages/server/src/demo/demo-certificates';
import { collectPageErrors, screenshot } from '../support/browser';
import { signInVerifiedCitizen } from '../support/citizen';
import { useServerAndBrowser } from '../support/server';

const ZHANG = DEMO_RESIDENTS[0]!;
const YANG = DEMO_RESIDENTS[5]!;

/** The arithmetic alternative to the picture challenge, answered as a person would. */
function answerQuestion(question: string): string {
  const digits = '零一二三四五六七八九';
  const value = (w: string) => (w === '十' ? 10 : w.startsWith('十') ? 10 + digits.indexOf(w[1]!) : digits.indexOf(w));
  const [, a, b] = /^(.+?)加(.+?)等于/.exec(question)!;
  return String(value(a!) + value(b!));
}

describe('certificates in Chromium: 我的证件 and 从业资格查询', () => {
  const env = useServerAndBrowser();

  it('诚信考核 in the header leads to 个人空间 — 我的证件, where the certificate is bound with its 证号', async () => {
    // A registered, verified 张建国 (the registration journey itself is covered by accounts.test.ts).
    await signInVerifiedCitizen(env.browser, env.server.url, '13600002222', ZHANG);

    const page = await env.browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(env.server.url);
    await page.getByRole('link', { name: '诚信考核' }).click();
    await page.getByRole('tab', { name: '我的证件', selected: true }).waitFor();
    await page.getByText('绑定从业资格证').first().waitFor();
    await screenshot(page, 'my-certificates-bind');

    const certNo = demoRegistry(shanghaiDate(new Date()), 10).certificates.find((c) => c.holderIdNumber === ZHANG.idNumber)!.certNo;
    await page.getByLabel('证号').fill(`${certNo.slice(0, -1)}0`);
    await page.getByRole('button', { name: '绑定' }).click();
    await page.getByText('未找到与您实名信息一致的该证号从业资格证').first().waitFor();
    await page.getByLabel('证号').fill(certNo);
    await page.getByRole('button', { name: '绑定' }).click();
    await page.getByTestId('bound-certificate').waitFor();
    await page.getByText('周期已届满，可申请诚信考核').first().waitFor();
    assert.ok(await page.getByRole('cell', { name: '道路货物运输驾驶员(普通货运)' }).isVisible());
    await screenshot(page, 'my-certificates-bound');
    assert.deepEqual(errors.filter((e) => !/status of 404/.test(e)), []);
  });

  it('从业资格查询 without signing in, with the text alternative to the picture challenge', async () => {
    const page = await env.browser.newPage();
    await page.goto(env.server.url);
    await page.getByRole('link', { name: '从业资格查询' }).click();
    await page.getByAltText(/图片验证码/).waitFor();
    await page.getByLabel('姓名').fill(YANG.name);
    await page.getByLabel('身份证号').fill(YANG.idNumber);
    await page.getByRole('button', { name: '看不清？改用文字题' }).click();
    const question = await page.getByTestId('captcha-question').innerText();
    await page.getByLabel('验证码答案').fill(answerQuestion(question));
    await screenshot(page, 'public-query-form');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('heading', { name: '查询结果' }).waitFor();
    await page.getByText('杨*（330***********0713）', { exact: false }).waitFor();
    await page.getByText('已注销').waitFor();
    await screenshot(page, 'public-query-result');
  });
});
