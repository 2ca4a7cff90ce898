import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { PDFDocument } from '@pdfme/pdf-lib';
import { addDays, CATEGORIES, shanghaiDate } from '@yunzheng/domain';
import { DEMO_RESIDENTS } from '../../packages/server/src/demo/demo-data';
import { demoRegistry } from '../../packages/server/src/demo/demo-certificates';
import type { Page } from 'playwright-core';
import { collectPageErrors, openBrowser, screenshot } from '../support/browser';
import { signInVerifiedCitizen } from '../support/citizen';
import { useServerAndBrowser } from '../support/server';
import { actThroughApi, Authenticators, demoClerk, staffApi } from '../support/staff';

const LI = DEMO_RESIDENTS[1]!; // passenger driver, certificate expiring in 10 days

async function files() {
  const photo = await sharp({ create: { width: 413, height: 579, channels: 3, background: '#f2f2f2' } }).jpeg().toBuffer();
  const landscape = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#f2f2f2' } }).jpeg().toBuffer();
  const scan = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#ffffff' } }).jpeg().toBuffer();
  const doc = await PDFDocument.create();
  doc.addPage();
  return { photo, landscape, scan, pdf: Buffer.from(await doc.save()) };
}

/** 申请材料 → 确认信息 → 确认提交 → 我的办件; returns the 办件编号. */
async function uploadAndSubmit(page: Page, uploads: [string, { name: string; mimeType: string; buffer: Buffer }][], shot: string) {
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('heading', { name: '申请材料', level: 2 }).waitFor();
  for (const [code, file] of uploads) {
    await page.getByTestId(`material-${code}`).locator('input[type=file]').setInputFiles(file);
    await page.getByTestId(`material-${code}`).getByText(file.name).waitFor();
  }
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('heading', { name: '确认信息', level: 2 }).waitFor();
  await screenshot(page, shot);
  await page.getByRole('button', { name: '确认提交' }).click();
  await page.getByText('申请已提交').waitFor();
  const applyNo = (await page.getByTestId('apply-no').innerText()).trim();
  await page.getByRole('link', { name: '查看我的办件' }).click();
  await page.getByRole('cell', { name: applyNo, exact: true }).waitFor();
  return applyNo;
}

describe('online application in Chromium: 个人办事 → 在线办理 → 确认提交 → 我的办件', () => {
  const env = useServerAndBrowser();

  it('换发 with 邮寄 to a new address, checked uploads, submission, 我的办件 and 撤回', async () => {
    await signInVerifiedCitizen(env.browser, env.server.url, '13700009999', LI);
    const certNo = demoRegistry(shanghaiDate(new Date()), 10).certificates.find((c) => c.holderIdNumber === LI.idNumber)!.certNo;
    assert.equal((await env.browser.request.post(`${env.server.url}/api/me/certificates/bind`, { data: { certNo } })).status(), 200);
    const { photo, landscape, scan, pdf } = await files();

    const page = await env.browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(env.server.url);
    await page.getByRole('link', { name: '个人办事' }).click();
    await page.getByRole('link', { name: '在线办理：道路运输从业人员从业资格证换发' }).click();
    await page.getByRole('heading', { name: /换发 业务须知/ }).waitFor();
    await screenshot(page, 'apply-notice');
    await page.getByRole('button', { name: '同意并确认' }).click();

    await page.getByRole('heading', { name: '证照信息', level: 2 }).waitFor();
    await page.getByRole('radio', { name: `从业资格证 ${certNo}` }).check();
    await page.getByRole('checkbox', { name: /道路旅客运输驾驶员/ }).check();
    await screenshot(page, 'apply-certificate');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByRole('heading', { name: '个人信息', level: 2 }).waitFor();
    await page.getByRole('radio', { name: '邮寄' }).check();
    const dialog = page.getByRole('dialog', { name: '添加邮寄地址' });
    await dialog.waitFor();
    await dialog.getByLabel('收件人').fill(LI.name);
    await dialog.getByLabel('手机号').fill('13700009999');
    await dialog.getByLabel('所在地区').click();
    await page.getByRole('menuitemcheckbox', { name: '浙江省' }).click();
    await page.getByRole('menuitemcheckbox', { name: '杭州市' }).click();
    await page.getByRole('menuitemcheckbox', { name: '余杭区' }).click();
    await dialog.getByLabel('详细地址').fill('临平大道60号1幢101室');
    await dialog.getByLabel('邮政编码').fill('311100');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('radio', { name: /临平大道60号1幢101室/ }).waitFor();
    await screenshot(page, 'apply-personal');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByRole('heading', { name: '申请材料', level: 2 }).waitFor();
    const card = (code: string) => page.getByTestId(`material-${code}`);
    await card('PHOTO_2INCH').locator('input[type=file]').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: landscape });
    await card('PHOTO_2INCH').getByRole('alert').filter({ hasText: '照片应为竖版证件照' }).waitFor();
    await card('PHOTO_2INCH').locator('input[type=file]').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo });
    await card('PHOTO_2INCH').getByText('photo.jpg').waitFor();
    await card('DRIVING_LICENCE').locator('input[type=file]').setInputFiles({ name: 'licence.jpg', mimeType: 'image/jpeg', buffer: scan });
    await card('DRIVING_LICENCE').getByText('licence.jpg').waitFor();
    await card('QUAL_CERT_SCAN').locator('input[type=file]').setInputFiles({ name: 'card.pdf', mimeType: 'application/pdf', buffer: pdf });
    await card('QUAL_CERT_SCAN').getByText('card.pdf').waitFor();
    await screenshot(page, 'apply-materials');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByRole('heading', { name: '确认信息', level: 2 }).waitFor();
    await page.getByText('邮寄').first().waitFor();
    await screenshot(page, 'apply-confirm');
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.getByText('申请已提交').waitFor();
    const applyNo = (await page.getByTestId('apply-no').innerText()).trim();
    assert.match(applyNo, /^\d{14}$/);
    await screenshot(page, 'apply-submitted');

    await page.getByRole('link', { name: '查看我的办件' }).click();
    await page.getByRole('cell', { name: applyNo, exact: true }).waitFor();
    await page.getByText('已提交（待受理）').first().waitFor();
    await screenshot(page, 'my-applications');
    await page.getByRole('link', { name: `查看办件 ${applyNo}` }).click();
    await page.getByRole('button', { name: '撤回申请' }).click();
    await page.getByRole('button', { name: '撤回', exact: true }).click();
    await page.getByText('已撤回').first().waitFor();
    await screenshot(page, 'application-withdrawn');
    // The refused landscape photo is the one 4xx the browser reports.
    assert.deepEqual(errors.filter((e) => !/status of 422/.test(e)), []);
  });

  /** A fresh browser for a demo resident who registered, verified and bound the demo certificate. */
  async function residentPage(index: number | { name: string; idNumber: string; validFrom: string; validTo: string }, mobile: string) {
    const resident = typeof index === 'number' ? DEMO_RESIDENTS[index]! : index;
    const browser = await openBrowser();
    await signInVerifiedCitizen(browser, env.server.url, mobile, resident);
    const certNo = demoRegistry(shanghaiDate(new Date())).certificates.find((c) => c.holderIdNumber === resident.idNumber)!.certNo;
    assert.equal((await browser.request.post(`${env.server.url}/api/me/certificates/bind`, { data: { certNo } })).status(), 200);
    const page = await browser.newPage();
    return { browser, page, certNo };
  }

  async function start(page: Page, serviceLink: string, certNo: string, categories: RegExp[]) {
    await page.goto(`${env.server.url}/services`);
    await page.getByRole('link', { name: serviceLink }).click();
    await page.getByRole('button', { name: '同意并确认' }).click();
    await page.getByRole('heading', { name: '证照信息', level: 2 }).waitFor();
    await page.getByRole('radio', { name: `从业资格证 ${certNo}` }).check();
    for (const category of categories) await page.getByRole('checkbox', { name: category }).check();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: '个人信息', level: 2 }).waitFor();
  }

  it('补发 with 自取: the draft survives signing out and in again, and resumes at 个人信息', async () => {
    const { browser, page, certNo } = await residentPage(3, '13700001003');
    const { photo } = await files();
    await start(page, '在线办理：道路运输从业人员从业资格证补发', certNo, [/危险货物道路运输押运人员/]);
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('link', { name: '登录' }).waitFor();
    await page.goto(`${env.server.url}/login`);
    await page.getByLabel('账号', { exact: true }).fill('13700001003');
    await page.getByLabel('密码', { exact: true }).fill('Road-safety-2026');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { name: '个人空间' }).waitFor();
    await page.goto(`${env.server.url}/applications`);
    await page.getByRole('link', { name: '继续填写' }).click();
    await page.getByRole('heading', { name: '个人信息', level: 2 }).waitFor();
    await page.getByRole('radio', { name: '遗失' }).check();
    await page.getByRole('radio', { name: '自取' }).check();
    await page.getByText('领取地点').waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    // A program renamed to .jpg, and a file over 5 MB, are refused with the reason.
    const photoCard = page.getByTestId('material-PHOTO_2INCH');
    await photoCard.locator('input[type=file]').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(500)]) });
    await photoCard.getByRole('alert').filter({ hasText: '改文件扩展名不能改变文件类型' }).waitFor();
    await photoCard.locator('input[type=file]').setInputFiles({ name: 'big.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(5_500_000, 0xff) });
    await photoCard.getByRole('alert').filter({ hasText: '文件过大：每个文件不超过5MB' }).waitFor();
    await screenshot(page, 'apply-upload-refused');
    await page.getByRole('button', { name: '上一步' }).click();
    await page.getByRole('heading', { name: '个人信息', level: 2 }).waitFor();
    await uploadAndSubmit(page, [['PHOTO_2INCH', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo }]], 'apply-reissue-confirm');
    await browser.close();
  });

  it('诚信考核 of the cycle just ended', async () => {
    const { browser, page, certNo } = await residentPage(0, '13700001000');
    const { scan } = await files();
    await start(page, '在线办理：道路运输驾驶员网上诚信考核', certNo, [/道路货物运输驾驶员/]);
    await uploadAndSubmit(page, [['QUAL_CERT_SCAN', { name: 'card.jpg', mimeType: 'image/jpeg', buffer: scan }], ['CONT_EDU_RECORD', { name: 'edu.jpg', mimeType: 'image/jpeg', buffer: scan }]], 'apply-integrity-confirm');
    await browser.close();
  });

  it('变更 — 从业资格证信息变更 (no contract asked)', async () => {
    const { browser, page, certNo } = await residentPage(8, '13700001008');
    const { photo } = await files();
    await start(page, '在线办理：从业资格证信息变更', certNo, [/危险货物道路运输装卸管理人员/]);
    await page.getByLabel('新的联系电话').fill('13811112222');
    await page.getByRole('radio', { name: '自取' }).check();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: '申请材料', level: 2 }).waitFor();
    assert.equal(await page.getByTestId('material-LABOUR_CONTRACT').count(), 0);
    await page.getByRole('button', { name: '上一步' }).click();
    await page.getByRole('heading', { name: '个人信息', level: 2 }).waitFor();
    await uploadAndSubmit(page, [['PHOTO_2INCH', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo }]], 'apply-change-personal-confirm');
    await browser.close();
  });

  it('变更 — 服务单位变更 with the new employer and its contract', async () => {
    const { browser, page, certNo } = await residentPage(6, '13700001006');
    const { photo, pdf } = await files();
    await start(page, '在线办理：服务单位变更', certNo, [/道路旅客运输驾驶员/]);
    await page.getByLabel('新服务单位名称').fill('杭州公交集团有限公司');
    await page.getByLabel('统一社会信用代码').fill('91350100M000100Y44');
    await page.getByRole('radio', { name: '自取' }).check();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('统一社会信用代码校验位不正确，请核对营业执照').first().waitFor();
    await page.getByLabel('统一社会信用代码').fill('91350100M000100Y43');
    await uploadAndSubmit(page, [['PHOTO_2INCH', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo }], ['LABOUR_CONTRACT', { name: 'contract.pdf', mimeType: 'application/pdf', buffer: pdf }]], 'apply-change-employer-confirm');
    await browser.close();
  });

  it('注销 — 全部', async () => {
    const { browser, page, certNo } = await residentPage(5, '13700001005');
    const { scan } = await files();
    await start(page, '在线办理：道路运输从业人员从业资格证注销', certNo, []);
    await page.getByRole('radio', { name: '全部' }).check();
    await uploadAndSubmit(page, [['QUAL_CERT_SCAN', { name: 'card.jpg', mimeType: 'image/jpeg', buffer: scan }]], 'apply-cancel-confirm');
    await browser.close();
  });

  const keys = new Authenticators();
  /** A case worker acting through the API (the back-office pages have their own journeys in backoffice.test.ts). */
  const signedIn = new Map<string, Awaited<ReturnType<typeof staffApi>>>();
  async function caseWorker(username: string) {
    if (!signedIn.has(username)) signedIn.set(username, await staffApi(env.server.url, username, keys));
    const api = signedIn.get(username)!;
    return (id: string, body: Record<string, unknown>) => actThroughApi(api, id, body);
  }

  it('answers a 补正 by re-uploading the listed material, and rates the service after 办结', async () => {
    const today = shanghaiDate(new Date());
    const registry = demoRegistry(today);
    const expiring = registry.certificates.find((c, i) => i >= 9 && c.categories.length === 1 && c.categories[0]!.validTo === addDays(today, 10))!;
    const resident = registry.residents.find((r) => r.idNumber === expiring.holderIdNumber)!;
    const { browser, page, certNo } = await residentPage(resident, '13700001020');
    const { photo, scan } = await files();
    await start(page, '在线办理：道路运输从业人员从业资格证换发', certNo, [new RegExp(CATEGORIES.find((c) => c.code === expiring.categories[0]!.code)!.name.replace(/[()]/g, '.'))]);
    await page.getByRole('radio', { name: '自取' }).check();
    const applyNo = await uploadAndSubmit(page, [['PHOTO_2INCH', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo }], ['DRIVING_LICENCE', { name: 'licence.jpg', mimeType: 'image/jpeg', buffer: scan }], ['QUAL_CERT_SCAN', { name: 'card.jpg', mimeType: 'image/jpeg', buffer: scan }]], 'apply-renew-2-confirm');
    await page.getByRole('link', { name: `查看办件 ${applyNo}` }).click();
    const id = new URL(page.url()).pathname.split('/').pop()!;

    const intake = await caseWorker(demoClerk(expiring.issuingAuthorityCode, 'INTAKE'));
    await intake(id, { action: 'REQUEST_CORRECTION', opinion: '照片不符合要求', correctionItems: [{ materialCode: 'PHOTO_2INCH', note: '请上传白底彩色证件照' }] });
    await page.reload();
    const item = page.getByTestId('correction-PHOTO_2INCH');
    await item.getByText('补正要求：请上传白底彩色证件照').waitFor();
    await page.getByRole('button', { name: '补正后重新提交' }).click();
    await page.getByText('请重新上传：请上传白底彩色证件照').first().waitFor();
    await item.locator('input[type=file]').setInputFiles({ name: 'white.jpg', mimeType: 'image/jpeg', buffer: photo });
    await item.getByText('已重新上传：white.jpg').waitFor();
    await screenshot(page, 'application-correction');
    await page.getByRole('button', { name: '补正后重新提交' }).click();
    await page.getByText('已提交（待受理）').first().waitFor();

    await intake(id, { action: 'ACCEPT' });
    const reviewer = await caseWorker(demoClerk(expiring.issuingAuthorityCode, 'REVIEWER'));
    await reviewer(id, { action: 'START_REVIEW' });
    await reviewer(id, { action: 'APPROVE', opinion: '准予换发' });
    const producer = await caseWorker(demoClerk(expiring.issuingAuthorityCode, 'PRODUCER'));
    for (const action of ['PRODUCE', 'READY_FOR_PICKUP', 'COLLECT']) await producer(id, { action });

    await page.reload();
    await page.getByText('已办结').first().waitFor();
    await page.getByRole('radio', { name: '不满意', exact: true }).check();
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('请写明不满意的原因（至少5个字）').waitFor();
    await page.getByLabel('请告诉我们哪里做得不好').fill('补正通知可以更早一些');
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('不满意：补正通知可以更早一些').waitFor();
    await screenshot(page, 'application-evaluated');
    await browser.close();
  });
});
