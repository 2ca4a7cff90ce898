import { after, before, describe, it } from 'node:test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import jsQR from 'jsqr';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { usccCheckCharacter } from '@yunzheng/domain';
import { DEMO_RESIDENTS } from '../../packages/server/src/demo/demo-data';
import { collectPageErrors, openBrowser, screenshot } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';
import { submitThroughApi, type Plan } from '../support/applicant';
import { Authenticators, signInStaffPage } from '../support/staff';
import { violations } from '../support/axe';

/** The text of the QR code on a PDF's first page: rendered by pdftoppm, read by jsQR. */
async function qrCodeOf(pdfFile: string): Promise<string> {
  const prefix = pdfFile.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', pdfFile, prefix]);
  const { data, info } = await sharp(`${prefix}.png`).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const found = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
  assert.ok(found, 'a QR code on the page');
  return found.data;
}

interface Step {
  /** The action button's name, e.g. 受理. */
  action: string;
  /** The status the case shows afterwards. */
  shows: string;
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>;
}

/**
 * The back office in Chromium (issue 6): for each service the citizen's application goes through 受理, 审核 or
 * 评级, 制证 and 发证 (by 邮寄 with a tracking number, or at the window) in the case workers' pages, and the citizen
 * sees the result and the 站内信. Then a 补正 round trip, a 不予受理, and the overdue display after the clock moves.
 */
describe('back office (受理审核) in Chromium', () => {
  let server: RunningServer;
  const keys = new Authenticators();
  const staffPages = new Map<string, { browser: BrowserContext; page: Page; errors: string[] }>();
  const citizens: BrowserContext[] = [];

  before(async () => {
    server = await startServer();
  });
  after(async () => {
    for (const { browser } of staffPages.values()) await browser.close();
    for (const browser of citizens) await browser.close();
    await server.stop();
  });

  /** One signed-in browser per case worker, kept for the suite (as a clerk keeps their workstation). */
  async function staffPage(username: string) {
    if (!staffPages.has(username)) {
      const browser = await openBrowser();
      const page = await browser.newPage();
      const errors = collectPageErrors(page);
      await signInStaffPage(page, server.url, username, keys);
      staffPages.set(username, { browser, page, errors });
    }
    return staffPages.get(username)!.page;
  }

  async function citizen(residentIndex: number, mobile: string, plan: Plan) {
    const browser = await openBrowser();
    citizens.push(browser);
    const application = await submitThroughApi(browser, server.url, mobile, DEMO_RESIDENTS[residentIndex]!, plan);
    return { browser, ...application };
  }

  /** Finds the case by its 办件编号, claims it and takes the steps through the case page's dialogs. */
  async function work(username: string, applyNo: string, steps: Step[], shot?: string) {
    const page = await staffPage(username);
    await page.goto(`${server.url}/admin/cases?q=${applyNo}`);
    await page.getByRole('link', { name: applyNo }).click();
    await page.getByRole('heading', { name: new RegExp(applyNo) }).waitFor();
    if (await page.getByRole('button', { name: '认领', exact: true }).isVisible()) {
      await page.getByRole('button', { name: '认领', exact: true }).click();
      await page.getByText('您已认领本办件。').waitFor();
    }
    for (const step of steps) {
      await page.getByRole('button', { name: step.action, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: step.action });
      await dialog.waitFor();
      if (step.fill) await step.fill(dialog);
      if (shot && step === steps.at(-1)) await screenshot(page, `${shot}-dialog`);
      await dialog.getByRole('button', { name: `确认${step.action}` }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.locator('.ant-card').first().locator('.ant-tag').getByText(step.shows, { exact: true }).waitFor();
    }
    if (shot) await screenshot(page, shot);
    return page;
  }

  async function citizenSees(browser: BrowserContext, id: string, status: string, messageTitle: string, shot?: string) {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(`${server.url}/applications/${id}`);
    await page.getByText(status).first().waitFor();
    if (shot) await screenshot(page, shot);
    await page.getByRole('link', { name: /个人空间.*条未读消息/ }).click();
    await page.getByRole('tab', { name: /站内信/ }).waitFor();
    await page.getByText(messageTitle).first().waitFor();
    if (shot) await screenshot(page, `${shot}-messages`);
    return page;
  }

  it('换发: 受理员 accepts, 审核员 approves, 制证发证员 mails it with a tracking number; the citizen sees 已办结 and the 站内信', async () => {
    const li = await citizen(1, '13600000001', { service: 'RENEW', categoryCodes: ['PASSENGER_DRIVER'], personal: { collectionMethod: 'PICKUP', serviceFields: {} } });
    const queue = await staffPage('shouli');
    await queue.goto(`${server.url}/admin/cases`);
    await queue.getByRole('link', { name: li.applyNo }).waitFor();
    await screenshot(queue, 'backoffice-queue');
    await work('shouli', li.applyNo, [{ action: '受理', shows: '已受理' }], 'backoffice-case-accepted');
    await work('shenhe', li.applyNo, [{ action: '开始审核', shows: '审核中' }, { action: '审核通过', shows: '审核通过', fill: (d) => d.getByLabel('办理意见').fill('材料齐全，准予换发') }]);
    await work('zhizheng', li.applyNo, [
      { action: '制证', shows: '制证中' },
      { action: '邮寄', shows: '已寄出', fill: async (d) => { await d.getByLabel('快递公司').fill('EMS'); await d.getByLabel('邮寄单号').fill('EA123456789CN'); } },
      { action: '办结', shows: '已办结' },
    ], 'backoffice-case-mailed');
    const page = await citizenSees(li.browser, li.id, '已办结', '办件已办结', 'backoffice-citizen-completed');
    await page.goto(`${server.url}/applications/${li.id}`);
    await page.getByText('EMS EA123456789CN').waitFor();
  });

  it('诚信考核: the reviewer sees the points and the suggested grade, grades it; the citizen sees 已评级, downloads the voucher and its QR code verifies it', async () => {
    const zhao = await citizen(6, '13600000002', { service: 'INTEGRITY_ASSESSMENT', categoryCodes: ['PASSENGER_DRIVER'], personal: { serviceFields: {} } });
    await work('shouli', zhao.applyNo, [{ action: '受理', shows: '已受理' }]);
    const reviewer = await work('shenhe', zhao.applyNo, [{ action: '开始审核', shows: '审核中' }]);
    await reviewer.getByText('本周期无计分记录').waitFor();
    await reviewer.getByText('AAA（优良）').first().waitFor();
    await screenshot(reviewer, 'backoffice-grading');
    await work('shenhe', zhao.applyNo, [{ action: '评级', shows: '已评级' }], 'backoffice-graded');
    const page = await citizenSees(zhao.browser, zhao.id, '已评级', '诚信考核已评级', 'backoffice-citizen-graded');

    // Seed guide step 7–8: 已评级 ⇒ 下载凭证; the QR code on it opens the public verification page.
    await page.goto(`${server.url}/applications/${zhao.id}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /下载凭证/ }).click()]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yz-voucher-')), download.suggestedFilename());
    await download.saveAs(file);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const words of ['道路运输驾驶员诚信考核凭证', '赵丽娟', 'AAA（优良）', '杭州市余杭区道路运输管理所']) assert.ok(text.includes(words), `voucher lacks ${words}`);
    const url = await qrCodeOf(file);
    assert.match(url, new RegExp(`^${server.url}/verify/[0-9A-Z]{12}$`));
    const verifier = await openBrowser({ viewport: { width: 390, height: 844 } });
    citizens.push(verifier);
    const phone = await verifier.newPage();
    await phone.goto(url);
    await phone.getByTestId('verification').getByText('有效', { exact: true }).waitFor();
    await phone.getByText('赵**').waitFor();
    await screenshot(phone, 'verify-voucher-phone');
    assert.deepEqual(await violations(phone), []);
    await phone.locator('input[type=file]').setInputFiles(file);
    await phone.getByTestId('upload-result').getByText('与运政通签发的原件完全一致').waitFor();
    await screenshot(phone, 'verify-upload-phone');
  });

  it('补发 at the window, 信息变更, 服务单位变更 to 宁波 with the archive transfer, and 注销: each through to the citizen', async () => {
    const liu = await citizen(3, '13600000003', { service: 'REISSUE', categoryCodes: ['DG_ESCORT'], personal: { collectionMethod: 'PICKUP', serviceFields: { reason: 'LOST' } } });
    await work('cixi', liu.applyNo, [
      { action: '受理', shows: '已受理' },
      { action: '开始审核', shows: '审核中' },
      { action: '审核通过', shows: '审核通过' },
      { action: '制证', shows: '制证中' },
      { action: '通知领取', shows: '待领取' },
      { action: '已领取', shows: '已办结' },
    ]);
    await citizenSees(liu.browser, liu.id, '已办结', '办件已办结');

    const zhang = await citizen(0, '13600000004', { service: 'CHANGE', variant: 'CHANGE_PERSONAL', categoryCodes: ['FREIGHT_DRIVER'], personal: { collectionMethod: 'PICKUP', serviceFields: { contactMobile: '13812345678' } } });
    const changePage = await work('xihu', zhang.applyNo, [{ action: '受理', shows: '已受理' }]);
    // 查看完整信息 reveals one field.
    await changePage.getByRole('button', { name: '查看完整联系电话' }).click();
    await changePage.getByTestId('revealed-contactMobile').getByText('13812345678').waitFor();
    await work('xihu', zhang.applyNo, [{ action: '开始审核', shows: '审核中' }, { action: '审核通过', shows: '审核通过' }, { action: '制证', shows: '制证中' }, { action: '通知领取', shows: '待领取' }, { action: '已领取', shows: '已办结' }]);
    await citizenSees(zhang.browser, zhang.id, '已办结', '办件已办结');

    const ningboUscc = `91330200MA2B12345${usccCheckCharacter('91330200MA2B12345')}`;
    const yang = await citizen(5, '13600000005', { service: 'CHANGE', variant: 'CHANGE_EMPLOYER', categoryCodes: ['DG_DRIVER'], personal: { collectionMethod: 'PICKUP', serviceFields: { employerName: '宁波港通运输有限公司', employerUscc: ningboUscc } } });
    assert.equal(yang.authority, '330200');
    const contract = await work('ningbo', yang.applyNo, []);
    // The labour contract (a PDF) is drawn inline by pdf.js.
    await contract.getByRole('img', { name: /聘用合同.*第1页/ }).waitFor();
    await screenshot(contract, 'backoffice-pdf-material');
    await work('ningbo', yang.applyNo, [{ action: '受理', shows: '已受理' }, { action: '开始审核', shows: '审核中' }, { action: '审核通过', shows: '审核通过' }, { action: '制证', shows: '制证中' }, { action: '通知领取', shows: '待领取' }, { action: '已领取', shows: '已办结' }]);
    await citizenSees(yang.browser, yang.id, '已办结', '办件已办结');
    const xihu = await staffPage('xihu');
    await xihu.getByRole('menuitem', { name: '档案转出' }).click();
    await xihu.getByRole('cell', { name: yang.applyNo }).waitFor();
    await screenshot(xihu, 'backoffice-archive-transfer');
    await xihu.getByRole('button', { name: '已转出' }).click();
    await xihu.getByText('已转出', { exact: true }).first().waitFor();

    const zhou = await citizen(8, '13600000006', { service: 'CANCEL', categoryCodes: ['DG_LOADING'], personal: { serviceFields: { reason: 'SELF_REQUEST', scope: 'ALL' } } });
    await work('cixi', zhou.applyNo, [{ action: '受理', shows: '已受理' }, { action: '开始审核', shows: '审核中' }, { action: '审核通过', shows: '审核通过' }, { action: '办结', shows: '已办结' }]);
    await citizenSees(zhou.browser, zhou.id, '已办结', '办件已办结');
  });

  it('补正 round trip from the clerk’s list, then 不予受理 with its reason', async () => {
    const wang = await citizen(2, '13600000007', { service: 'RENEW', categoryCodes: ['FREIGHT_DRIVER'], personal: { collectionMethod: 'PICKUP', serviceFields: {} } });
    await work('yinzhou', wang.applyNo, [
      {
        action: '补正告知',
        shows: '待补正',
        fill: async (d) => {
          await d.getByRole('checkbox', { name: '近期二寸正面免冠彩色证件照片' }).check();
          await d.getByLabel('近期二寸正面免冠彩色证件照片的补正要求').fill('请上传白底彩色证件照');
          assert.deepEqual(await violations(await staffPage('yinzhou')), [], 'correction dialog');
        },
      },
    ], 'backoffice-correction');
    const page = wang.browser.pages()[0] ?? (await wang.browser.newPage());
    await page.goto(`${server.url}/applications/${wang.id}`);
    const item = page.getByTestId('correction-PHOTO_2INCH');
    await item.getByText('补正要求：请上传白底彩色证件照').waitFor();
    await item.locator('input[type=file]').setInputFiles({ name: 'white.jpg', mimeType: 'image/jpeg', buffer: await sharp({ create: { width: 413, height: 579, channels: 3, background: '#ffffff' } }).jpeg().toBuffer() });
    await item.getByText('已重新上传：white.jpg').waitFor();
    await page.getByRole('button', { name: '补正后重新提交' }).click();
    await page.getByText('已提交（待受理）').first().waitFor();
    // The resubmission is back in 待受理.
    const clerk = await staffPage('yinzhou');
    await clerk.goto(`${server.url}/admin/cases?tab=TO_ACCEPT`);
    await clerk.getByRole('link', { name: wang.applyNo }).waitFor();
    await work('yinzhou', wang.applyNo, [{ action: '不予受理', shows: '不予受理', fill: (d) => d.getByLabel('理由（必填，将告知申请人）').fill('申请人有未处理完毕的道路运输违法行为') }], 'backoffice-rejected');
    await citizenSees(wang.browser, wang.id, '不予受理', '申请不予受理');
  });

  it('has no accessibility violations on the queue, the case page, the dashboard, 事项设置, 档案转出 and 站内信', async () => {
    const page = await staffPage('yinzhou');
    await page.goto(`${server.url}/admin/cases?tab=DONE`);
    await page.locator('.ant-radio-button-wrapper-checked', { hasText: '已办结' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    assert.deepEqual(await violations(page), [], 'queue');
    await page.locator('.ant-table-row').first().getByRole('link').click();
    await page.getByText('办理过程').waitFor();
    assert.deepEqual(await violations(page), [], 'case page');
    await page.goto(`${server.url}/admin/home`);
    await page.getByText('各队列积压').waitFor();
    assert.deepEqual(await violations(page), [], 'dashboard');
    await page.goto(`${server.url}/admin/archive-transfers`);
    await page.getByRole('heading', { name: '档案转出' }).waitFor();
    assert.deepEqual(await violations(page), [], 'archive transfers');
    const admin = await staffPage('admin');
    await admin.getByRole('menuitem', { name: '事项设置' }).click();
    await admin.getByText('发布新版本').waitFor();
    await screenshot(admin, 'backoffice-settings');
    assert.deepEqual(await violations(admin), [], 'settings');
    const messages = citizens[0]!.pages()[0]!;
    await messages.goto(`${server.url}/me/messages`);
    await messages.getByText('办件已办结').first().waitFor();
    assert.deepEqual(await violations(messages), [], '站内信');
  });

  it('shows a case as 已超期 once the clock has moved past its due date, and the dashboard counts it', async () => {
    const huang = await citizen(7, '13600000008', { service: 'INTEGRITY_ASSESSMENT', categoryCodes: ['FREIGHT_DRIVER'], personal: { serviceFields: {} } });
    await work('yinzhou', huang.applyNo, [{ action: '受理', shows: '已受理' }]);
    for (const [, { errors }] of staffPages) assert.deepEqual(errors, []);
    for (const { browser } of staffPages.values()) await browser.close();
    staffPages.clear();
    // Ten days later: the same data, the server's clock travelled (development only).
    await server.stop();
    server = await startServer({ DATA_DIR: server.dataDir, CLOCK_OFFSET_DAYS: '10' });
    keys.offsetMs = 10 * 86_400_000;
    const page = await staffPage('yinzhou');
    await page.getByText('当前超期').waitFor();
    await screenshot(page, 'backoffice-dashboard-overdue');
    await page.goto(`${server.url}/admin/cases?tab=OVERDUE`);
    const row = page.getByRole('row', { name: new RegExp(huang.applyNo) });
    await row.getByText(/已超期\d+个工作日/).waitFor();
    await screenshot(page, 'backoffice-overdue');
  });
});
