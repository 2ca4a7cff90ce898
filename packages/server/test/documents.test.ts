import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { PDFDocument } from '@pdfme/pdf-lib';
import sharp from 'sharp';
import jsQR from 'jsqr';
import { seedDemo } from '../src/demo/seed';
import { auditLog, documents } from '../src/db/schema';
import { createTestApp, type TestApp } from './support/app';
import { submittedApplication } from './support/applications';
import { boundCitizen, registerCitizen } from './support/accounts';
import { testDatabaseKinds } from './support/databases';
import { caseWorker } from './support/staff';
import type { TestClient } from './support/client';

/** Where the rendered pages land for a person to look at (gitignored, like the browser screenshots). */
const SHOTS = path.resolve(import.meta.dirname, '../../../e2e/screenshots');

/** The PDF's text (pdftotext) and its first page as PNG (pdftoppm), both from poppler. */
function inspectPdf(bytes: Buffer, name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-doc-'));
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '110', '-singlefile', file, path.join(dir, name)]);
  const png = fs.readFileSync(path.join(dir, `${name}.png`));
  fs.mkdirSync(SHOTS, { recursive: true });
  fs.writeFileSync(path.join(SHOTS, `document-${name}.png`), png);
  const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
  return { text: text.replace(/\s+/g, ''), png, images, qr: () => qrCodeOf(png) };
}

const download = (client: TestClient, applicationId: string, documentId: string) => client.get(`/api/applications/${applicationId}/documents/${documentId}/file`);

/** The text of the QR code on a rendered page (jsQR reads it as a phone camera would). */
async function qrCodeOf(png: Buffer): Promise<string | undefined> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data;
}

async function upload(t: TestApp, bytes: Buffer, type = 'application/pdf') {
  const boundary = '----yzverify';
  const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="doc.pdf"\r\nContent-Type: ${type}\r\n\r\n`), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return t.app.inject({ method: 'POST', url: '/api/verify/upload', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, remoteAddress: '10.9.9.9' });
}

for (const kind of testDatabaseKinds()) {
  describe(`issued documents (凭证, 电子证照, 回执) and 核验 on ${kind}`, () => {
    let t: TestApp;
    const secrets = new Map<string, string>();
    before(async () => {
      t = await createTestApp(kind);
      await seedDemo(t.ctx, { withStaff: true, practitioners: 10 });
    });
    after(async () => t.close());

    const verify = (code: string, ip = '10.0.0.1') => t.app.inject({ method: 'GET', url: `/api/verify/${encodeURIComponent(code)}`, remoteAddress: ip });

    it('issues a 办件回执 at submission and a signed 诚信考核凭证 at 评级, in Chinese, with a QR code, for the owner only', async () => {
      // 张建国: cycle just ended with 8 points → AA, graded by 西湖.
      const { client, application } = await submittedApplication(t, 0, { service: 'INTEGRITY_ASSESSMENT', categoryCodes: ['FREIGHT_DRIVER'], personal: { serviceFields: {} } });
      const submitted = (await client.get(`/api/applications/${application.id}`)).json();
      const receipt = submitted.documents.find((d: { kind: string }) => d.kind === 'RECEIPT');
      assert.match(receipt.docNo, /^HZ20261124\d{6}$/);
      const receiptPdf = inspectPdf((await download(client, application.id, receipt.id)).rawPayload, 'receipt');
      for (const words of ['办件回执', application.applyNo, '道路运输驾驶员网上诚信考核', '张建国', '从业资格证', '杭州市西湖区道路运输管理所', '自受理之日起2个工作日内办结']) assert.ok(receiptPdf.text.includes(words), `receipt lacks ${words}`);

      const clerk = await caseWorker(t, 'xihu', secrets);
      await clerk.steps(application.id, { action: 'ACCEPT' }, { action: 'START_REVIEW' }, { action: 'GRADE', grade: 'AA' });
      const graded = (await client.get(`/api/applications/${application.id}`)).json();
      const voucher = graded.documents.find((d: { kind: string }) => d.kind === 'VOUCHER');
      assert.deepEqual([voucher.kindName, voucher.downloadName, voucher.statusName], ['道路运输驾驶员诚信考核凭证', '下载凭证', '有效']);
      const file = await download(client, application.id, voucher.id);
      assert.deepEqual([file.statusCode, file.headers['content-type'], file.headers['content-disposition']], [200, 'application/pdf', `attachment; filename="${voucher.docNo}.pdf"`]);
      const pdf = inspectPdf(file.rawPayload, 'voucher');
      for (const words of ['道路运输驾驶员诚信考核凭证', `编号：${voucher.docNo}`, '张建国', '330***********0115', '3301062000000001', '道路货物运输驾驶员', '8分', 'AA（合格）', '杭州市西湖区道路运输管理所', '签发日期：2026-11-24', '扫码核验真伪']) {
        assert.ok(pdf.text.includes(words), `voucher lacks ${words}: ${pdf.text.slice(0, 300)}`);
      }
      assert.ok(!pdf.text.includes('330106196803150115'), 'the full ID number is never printed');
      assert.equal(await pdf.qr(), `${t.config.publicBaseUrl}/verify/${voucher.verifyCode}`, 'the QR code leads to the verify page');
      assert.ok(pdf.png.length > 10_000);
      const fonts = execFileSync('pdffonts', ['-'], { input: file.rawPayload, encoding: 'utf8' });
      assert.match(fonts, /NotoSansSC.*CID TrueType.*yes/, 'the CJK font is embedded');
      assert.ok(file.rawPayload.length < 200_000, 'only the glyphs used (the whole font is 10 MB)');

      // Nobody else downloads it: another citizen, a stranger, staff through the citizen route.
      const other = await registerCitizen(t);
      assert.equal((await download(other.client, application.id, voucher.id)).statusCode, 404);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/applications/${application.id}/documents/${voucher.id}/file` })).statusCode, 401);
      const ningbo = await caseWorker(t, 'ningbo', secrets);
      assert.equal((await ningbo.client.get(`/api/admin/cases/${application.id}/documents/${voucher.id}/file`)).statusCode, 404);
      assert.equal((await clerk.client.get(`/api/admin/cases/${application.id}/documents/${voucher.id}/file`)).statusCode, 200);
      const audits = await t.ctx.db.select().from(auditLog).where(eq(auditLog.objectId, voucher.id));
      assert.deepEqual(audits.map((a) => a.action).sort(), ['DOCUMENT_DOWNLOAD', 'DOCUMENT_ISSUE', 'DOCUMENT_VIEW']);
    });

    it('verifies by code (public, masked), by an uploaded PDF, and tells altered, superseded and unknown apart', async () => {
      const [voucher] = await t.ctx.db.select().from(documents).where(eq(documents.kind, 'VOUCHER'));
      const code = voucher!.verifyCode;
      const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4, 8)} ${code.slice(8)}`;
      const view = (await verify(typed)).json();
      assert.deepEqual([view.kindName, view.holderMasked, view.issuingAuthority, view.verdict, view.verdictName], ['道路运输驾驶员诚信考核凭证', '张**', '杭州市西湖区道路运输管理所', 'VALID', '有效']);
      assert.deepEqual(view.facts.find((f: { label: string }) => f.label === '考核等级'), { label: '考核等级', value: 'AA' });
      assert.ok(!/19680315|\*{4}0115/.test(JSON.stringify(view)), 'no ID number, not even masked, on the public page');
      assert.equal((await verify('not-a-code!')).statusCode, 422);
      assert.equal((await verify('0000-0000-0000')).statusCode, 404);

      const original = await t.ctx.storage.get(voucher!.pdfKey);
      const authentic = (await upload(t, original)).json();
      assert.deepEqual([authentic.result, authentic.document.docNo], ['AUTHENTIC', voucher!.docNo]);
      // One changed byte in the page content: still claims its 编号, no longer the issued file.
      const tampered = Buffer.from(original);
      const middle = Math.floor(tampered.length / 2);
      tampered.writeUInt8(tampered.readUInt8(middle) ^ 0x20, middle);
      const altered = (await upload(t, tampered)).json();
      assert.deepEqual([altered.result, altered.document.docNo], ['ALTERED', voucher!.docNo]);
      // Re-saved with a changed title by another tool: the 编号 is still found in the keywords.
      const edited = await PDFDocument.load(original);
      edited.setTitle('诚信考核凭证 AAA');
      assert.equal((await upload(t, Buffer.from(await edited.save()))).json().result, 'ALTERED');
      const foreign = await PDFDocument.create();
      foreign.addPage();
      assert.equal((await upload(t, Buffer.from(await foreign.save()))).json().result, 'UNKNOWN');
      assert.equal((await upload(t, Buffer.from('GIF89a not a pdf'), 'image/gif')).statusCode, 422);

      // A reprint supersedes; the old code says so.
      const clerk = await caseWorker(t, 'xihu', secrets);
      const reprint = await clerk.client.post(`/api/admin/cases/${voucher!.applicationId}/documents/${voucher!.id}/reprint`);
      assert.equal(reprint.statusCode, 201);
      assert.notEqual(reprint.json().verifyCode, code);
      const old = (await verify(code)).json();
      assert.deepEqual([old.verdict, old.valid], ['SUPERSEDED', false]);
      assert.match(old.verdictName, /已被新版本替代/);
      assert.equal((await verify(reprint.json().verifyCode)).json().verdict, 'VALID');
      assert.equal((await clerk.client.post(`/api/admin/cases/${voucher!.applicationId}/documents/${voucher!.id}/reprint`)).statusCode, 409);
      const outsider = await caseWorker(t, 'ningbo', secrets);
      assert.equal((await outsider.client.post(`/api/admin/cases/${voucher!.applicationId}/documents/${reprint.json().id}/reprint`)).statusCode, 404);

      // A record changed in the database no longer matches its SM2 signature.
      const [current] = await t.ctx.db.select().from(documents).where(eq(documents.id, reprint.json().id));
      if (!current?.content.includes('"grade":"AA"')) return assert.fail('the reprint certifies grade AA');
      await t.ctx.db.update(documents).set({ content: current.content.replace('"grade":"AA"', '"grade":"AAA"') }).where(eq(documents.id, current.id));
      const forged = (await verify(current.verifyCode)).json();
      assert.deepEqual([forged.verdict, forged.valid], ['ALTERED', false]);
    });

    it('issues an 电子从业资格证 with the photo after 补发, and shows it void once the certificate is cancelled', async () => {
      // 刘海燕 (慈溪): 补发, then 注销 of all categories.
      const bound = await boundCitizen(t, 3);
      const reissue = await submittedApplication(t, 3, { service: 'REISSUE', categoryCodes: ['DG_ESCORT'], personal: { collectionMethod: 'PICKUP', serviceFields: { reason: 'LOST' } } }, bound);
      const cixi = await caseWorker(t, 'cixi', secrets);
      await cixi.steps(reissue.application.id, { action: 'ACCEPT' }, { action: 'START_REVIEW' }, { action: 'APPROVE' }, { action: 'PRODUCE' }, { action: 'READY_FOR_PICKUP' }, { action: 'COLLECT' });
      const done = (await bound.client.get(`/api/applications/${reissue.application.id}`)).json();
      const eCert = done.documents.find((d: { kind: string }) => d.kind === 'E_CERTIFICATE');
      assert.equal(eCert.downloadName, '下载电子证照');
      const pdf = inspectPdf((await download(bound.client, reissue.application.id, eCert.id)).rawPayload, 'e-certificate');
      for (const words of ['电子从业资格证', '刘海燕', '女', '危险货物道路运输押运人员', done.result.cardSerialNo, '慈溪市道路运输管理所']) assert.ok(pdf.text.includes(words), `e-certificate lacks ${words}`);
      assert.equal(pdf.images.trim().split('\n').length - 2, 1, 'the photo (the QR code is drawn as vectors)');
      assert.equal(await pdf.qr(), `${t.config.publicBaseUrl}/verify/${eCert.verifyCode}`);
      assert.equal((await verify(eCert.verifyCode)).json().verdict, 'VALID');

      const cancel = await submittedApplication(t, 3, { service: 'CANCEL', categoryCodes: ['DG_ESCORT'], personal: { serviceFields: { reason: 'SELF_REQUEST', scope: 'ALL' } } }, bound);
      await cixi.steps(cancel.application.id, { action: 'ACCEPT' }, { action: 'START_REVIEW' }, { action: 'APPROVE' }, { action: 'COMPLETE' });
      const voided = (await verify(eCert.verifyCode)).json();
      assert.deepEqual([voided.verdict, voided.verdictName], ['VOID', '已失效（证件已作废或注销）']);
    });

    it('limits verification to 20 a minute per address', async () => {
      const answers = await Promise.all(Array.from({ length: 22 }, () => verify('0000-0000-0001', '10.7.7.7')));
      assert.ok(answers.some((a) => a.statusCode === 429));
    });
  });
}
