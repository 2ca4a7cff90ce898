import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { PDFDocument } from '@pdfme/pdf-lib';
import { NOTICE_VERSION, usccCheckCharacter } from '@yunzheng/domain';
import { applicationActions } from '../src/db/schema';
import { seedDemo } from '../src/demo/seed';
import { createTestApp, type TestApp } from './support/app';
import { boundCitizen, registerCitizen, verifiedCitizen } from './support/accounts';
import { TestClient } from './support/client';
import { testDatabaseKinds } from './support/databases';

const ADDRESS = { recipientName: '李秀英', mobile: '13912340001', provinceCode: '330000', cityCode: '330100', districtCode: '330110', detail: '临平大道60号1幢101室', postcode: '311100' };

function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer; type: string }) {
  const boundary = '----yz' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const photo = () => sharp({ create: { width: 413, height: 579, channels: 3, background: '#f5f5f5' } }).jpeg().toBuffer();
const scan = () => sharp({ create: { width: 1200, height: 800, channels: 3, background: '#ffffff' } }).jpeg().toBuffer();
async function pdf() {
  const doc = await PDFDocument.create();
  doc.addPage();
  return Buffer.from(await doc.save());
}

for (const kind of testDatabaseKinds()) {
  describe(`online applications (在线办理, 我的办件) on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(kind);
      await seedDemo(t.ctx, { withStaff: false, practitioners: 10 });
    });
    after(async () => t.close());


    const upload = (client: TestClient, id: string, materialCode: string, file: { name: string; bytes: Buffer; type: string }) => {
      const body = multipart({ materialCode }, file);
      return t.app.inject({ method: 'POST', url: `/api/applications/${id}/materials`, payload: body.payload, headers: { ...body.headers, cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }, remoteAddress: client.ip });
    };
    const submit = (client: TestClient, id: string, key: string) =>
      t.app.inject({ method: 'POST', url: `/api/applications/${id}/submit`, headers: { 'idempotency-key': key, cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }, remoteAddress: client.ip });

    it('换发: notice → certificate → personal info with a mailing address → materials → 确认提交 → 我的办件 → 撤回', async () => {
      const { client, cert } = await boundCitizen(t, 1); // 李秀英: passenger driver, expires in 10 days
      assert.equal((await client.post('/api/applications', { service: 'RENEW', noticeVersion: 'old' })).statusCode, 409);
      const draft = (await client.post('/api/applications', { service: 'RENEW', noticeVersion: NOTICE_VERSION })).json();
      assert.equal(draft.status, 'DRAFT');
      assert.deepEqual(draft.requiredMaterials.map((m: { code: string }) => m.code), ['PHOTO_2INCH', 'DRIVING_LICENCE', 'QUAL_CERT_SCAN']);
      // Leaving and starting again resumes the same draft.
      assert.equal((await client.post('/api/applications', { service: 'RENEW', noticeVersion: NOTICE_VERSION })).json().id, draft.id);

      assert.equal((await client.request('PUT', `/api/applications/${draft.id}/certificate`, { certificateId: cert.id, categoryCodes: ['PASSENGER_DRIVER'] })).statusCode, 200);
      const noAddress = await client.request('PUT', `/api/applications/${draft.id}/personal`, { collectionMethod: 'MAIL', serviceFields: {} });
      assert.equal(noAddress.json().errors[0].field, 'mailingAddressId');
      const address = (await client.post('/api/me/addresses', ADDRESS)).json();
      assert.equal((await client.request('PUT', `/api/applications/${draft.id}/personal`, { collectionMethod: 'MAIL', mailingAddressId: address.id, serviceFields: {} })).statusCode, 200);

      const incomplete = await submit(client, draft.id, 'key-incomplete-0001');
      assert.equal(incomplete.statusCode, 422);
      assert.deepEqual(incomplete.json().errors.map((e: { field: string }) => e.field), ['materials.PHOTO_2INCH', 'materials.DRIVING_LICENCE', 'materials.QUAL_CERT_SCAN']);

      assert.equal((await upload(client, draft.id, 'PHOTO_2INCH', { name: 'me.jpg', bytes: await photo(), type: 'image/jpeg' })).statusCode, 201);
      assert.equal((await upload(client, draft.id, 'DRIVING_LICENCE', { name: 'licence.jpg', bytes: await scan(), type: 'image/jpeg' })).statusCode, 201);
      const withPdf = await upload(client, draft.id, 'QUAL_CERT_SCAN', { name: 'card.pdf', bytes: await pdf(), type: 'application/pdf' });
      assert.equal(withPdf.statusCode, 201, withPdf.body);
      const material = withPdf.json().materials[2];
      const file = await client.get(`/api/applications/${draft.id}/materials/${material.id}/file`);
      assert.equal(file.headers['content-type'], 'application/pdf');
      assert.equal(file.headers['x-content-type-options'], 'nosniff');

      const submitted = await submit(client, draft.id, 'key-renew-0000000001');
      assert.equal(submitted.statusCode, 200, submitted.body);
      const application = submitted.json();
      assert.equal(application.status, 'SUBMITTED');
      assert.equal(application.statusName, '已提交（待受理）');
      assert.match(application.applyNo, /^\d{8}\d{6}$/);
      assert.equal(application.handlingAuthority.name, '杭州市余杭区道路运输管理所');
      assert.equal(application.mailingAddress.mobileMasked, '139****0001');
      assert.deepEqual(application.allowedActions, ['WITHDRAW']);

      const replay = await submit(client, draft.id, 'key-renew-0000000001');
      assert.equal(replay.json().applyNo, application.applyNo);
      assert.equal(replay.headers['idempotent-replayed'], 'true');

      // A second 换发 of the same certificate is refused while the first is open.
      const second = (await client.post('/api/applications', { service: 'RENEW', noticeVersion: NOTICE_VERSION })).json();
      const refused = await client.request('PUT', `/api/applications/${second.id}/certificate`, { certificateId: cert.id, categoryCodes: ['PASSENGER_DRIVER'] });
      assert.match(refused.json().errors[0].message, new RegExp(`已有正在办理的换发申请（办件编号 ${application.applyNo}）`));

      const list = (await client.get('/api/applications')).json();
      assert.ok(list.some((a: { applyNo: string; statusName: string }) => a.applyNo === application.applyNo && a.statusName === '已提交（待受理）'));
      assert.equal((await client.request('PUT', `/api/applications/${draft.id}/certificate`, { certificateId: cert.id, categoryCodes: ['PASSENGER_DRIVER'] })).statusCode, 409);

      const withdrawn = await client.post(`/api/applications/${draft.id}/withdraw`);
      assert.equal(withdrawn.json().statusName, '已撤回');
      assert.deepEqual(withdrawn.json().timeline.map((s: { actionName: string; by: string }) => [s.actionName, s.by]), [['提交申请', '申请人'], ['撤回', '申请人']]);
      assert.equal((await client.post(`/api/applications/${draft.id}/withdraw`)).statusCode, 409);
    });

    it('submits exactly once when the same key arrives many times at once', async () => {
      const { client, cert } = await boundCitizen(t, 0); // 张建国: integrity assessment of the cycle just ended
      const draft = (await client.post('/api/applications', { service: 'INTEGRITY_ASSESSMENT', noticeVersion: NOTICE_VERSION })).json();
      const two = await client.request('PUT', `/api/applications/${draft.id}/certificate`, { certificateId: cert.id, categoryCodes: ['FREIGHT_DRIVER', 'DG_DRIVER'] });
      assert.equal(two.json().errors[0].message, '诚信考核请每次选择一个驾驶员类别');
      await client.request('PUT', `/api/applications/${draft.id}/certificate`, { certificateId: cert.id, categoryCodes: ['FREIGHT_DRIVER'] });
      assert.equal((await client.request('PUT', `/api/applications/${draft.id}/personal`, { serviceFields: {} })).statusCode, 200);
      await upload(client, draft.id, 'QUAL_CERT_SCAN', { name: 'card.jpg', bytes: await scan(), type: 'image/jpeg' });
      await upload(client, draft.id, 'CONT_EDU_RECORD', { name: 'edu.jpg', bytes: await scan(), type: 'image/jpeg' });
      const answers = await Promise.all(Array.from({ length: 100 }, () => submit(client, draft.id, 'key-integrity-00000001')));
      const ok = answers.filter((a) => a.statusCode === 200);
      assert.ok(ok.length >= 1);
      assert.ok(answers.every((a) => a.statusCode === 200 || a.statusCode === 409));
      assert.equal(new Set(ok.map((a) => a.json().applyNo)).size, 1);
      const submits = await t.ctx.db.select().from(applicationActions).where(eq(applicationActions.applicationId, draft.id));
      assert.equal(submits.length, 1);
      const other = await submit(client, draft.id, 'key-integrity-00000002');
      assert.equal(other.statusCode, 409);
    });

    it('refuses uploads that are not what they claim, and materials the service does not ask for', async () => {
      const { client } = await boundCitizen(t, 3); // 刘海燕: escort, valid
      const draft = (await client.post('/api/applications', { service: 'REISSUE', noticeVersion: NOTICE_VERSION })).json();
      const exe = await upload(client, draft.id, 'PHOTO_2INCH', { name: 'photo.jpg', bytes: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300)]), type: 'image/jpeg' });
      assert.equal(exe.statusCode, 422);
      assert.match(exe.json().detail, /改文件扩展名不能改变文件类型/);
      const landscape = await upload(client, draft.id, 'PHOTO_2INCH', { name: 'p.jpg', bytes: await scan(), type: 'image/jpeg' });
      assert.match(landscape.json().detail, /照片应为竖版证件照/);
      const notAsked = await upload(client, draft.id, 'DRIVING_LICENCE', { name: 'x.jpg', bytes: await scan(), type: 'image/jpeg' });
      assert.equal(notAsked.json().errors[0].field, 'materialCode');
    });

    it('checks the answers of 补发, 服务单位变更 and 注销', async () => {
      const { client, cert } = await boundCitizen(t, 5); // 杨军: dangerous-goods driver valid, loading manager cancelled
      const reissue = (await client.post('/api/applications', { service: 'REISSUE', noticeVersion: NOTICE_VERSION })).json();
      await client.request('PUT', `/api/applications/${reissue.id}/certificate`, { certificateId: cert.id, categoryCodes: ['DG_DRIVER'] });
      assert.equal((await client.request('PUT', `/api/applications/${reissue.id}/personal`, { collectionMethod: 'PICKUP', serviceFields: { reason: 'STOLEN' } })).json().errors[0].message, '请选择补发原因：遗失 或 毁损');
      assert.equal((await client.request('PUT', `/api/applications/${reissue.id}/personal`, { collectionMethod: 'PICKUP', serviceFields: { reason: 'LOST' } })).statusCode, 200);
      const cancelledCategory = await client.request('PUT', `/api/applications/${reissue.id}/certificate`, { certificateId: cert.id, categoryCodes: ['DG_LOADING'] });
      assert.equal(cancelledCategory.json().errors[0].message, '该类别已注销');

      const change = await client.post('/api/applications', { service: 'CHANGE', noticeVersion: NOTICE_VERSION });
      assert.equal(change.json().errors[0].field, 'variant');
      const employer = (await client.post('/api/applications', { service: 'CHANGE', variant: 'CHANGE_EMPLOYER', noticeVersion: NOTICE_VERSION })).json();
      await client.request('PUT', `/api/applications/${employer.id}/certificate`, { certificateId: cert.id, categoryCodes: ['DG_DRIVER'] });
      const badUscc = await client.request('PUT', `/api/applications/${employer.id}/personal`, { collectionMethod: 'PICKUP', serviceFields: { employerName: '浙江安运危险品运输有限公司', employerUscc: '91350100M000100Y44' } });
      assert.equal(badUscc.json().errors[0].field, 'serviceFields.employerUscc');
      // A new employer registered in 宁波 (division 330200 inside its code): 宁波 handles the 服务单位变更.
      const ningboUscc = `91330200MA2B12345${usccCheckCharacter('91330200MA2B12345')}`;
      assert.equal((await client.request('PUT', `/api/applications/${employer.id}/personal`, { collectionMethod: 'PICKUP', serviceFields: { employerName: '宁波港通运输有限公司', employerUscc: ningboUscc } })).statusCode, 200);
      await upload(client, employer.id, 'PHOTO_2INCH', { name: 'me.jpg', bytes: await photo(), type: 'image/jpeg' });
      await upload(client, employer.id, 'LABOUR_CONTRACT', { name: 'contract.pdf', bytes: await pdf(), type: 'application/pdf' });
      const moved = await submit(client, employer.id, 'key-employer-00000001');
      assert.equal(moved.json().handlingAuthority.name, '宁波市道路运输管理服务中心');

      const cancel = (await client.post('/api/applications', { service: 'CANCEL', noticeVersion: NOTICE_VERSION })).json();
      await client.request('PUT', `/api/applications/${cancel.id}/certificate`, { certificateId: cert.id, categoryCodes: ['DG_DRIVER'] });
      const partialAll = await client.request('PUT', `/api/applications/${cancel.id}/personal`, { serviceFields: { reason: 'SELF_REQUEST', scope: 'PARTIAL' }, categoryCodes: ['DG_DRIVER'] });
      assert.equal(partialAll.json().errors[0].message, '已勾选全部类别，请选择注销类型“全部”');
      const all = await client.request('PUT', `/api/applications/${cancel.id}/personal`, { serviceFields: { reason: 'SELF_REQUEST', scope: 'ALL' } });
      assert.deepEqual(all.json().categories.map((c: { code: string }) => c.code), ['DG_DRIVER']);
    });

    it('shows nothing of an application to anyone but its applicant (404), and needs 实名认证', async () => {
      const { client, cert } = await boundCitizen(t, 8); // 周明
      const draft = (await client.post('/api/applications', { service: 'REISSUE', noticeVersion: NOTICE_VERSION })).json();
      await client.request('PUT', `/api/applications/${draft.id}/certificate`, { certificateId: cert.id, categoryCodes: ['DG_LOADING'] });
      const withFile = await upload(client, draft.id, 'PHOTO_2INCH', { name: 'me.jpg', bytes: await photo(), type: 'image/jpeg' });
      const materialId = withFile.json().materials[0].id;
      const stranger = await verifiedCitizen(t, 6);
      for (const [method, url] of [
        ['GET', `/api/applications/${draft.id}`],
        ['PUT', `/api/applications/${draft.id}/certificate`],
        ['DELETE', `/api/applications/${draft.id}/materials/${materialId}`],
        ['GET', `/api/applications/${draft.id}/materials/${materialId}/file`],
        ['POST', `/api/applications/${draft.id}/withdraw`],
      ] as const) {
        const response = await stranger.client.request(method, url, method === 'PUT' ? { certificateId: cert.id, categoryCodes: ['DG_LOADING'] } : undefined);
        assert.equal(response.statusCode, method === 'PUT' ? 404 : 404, `${method} ${url}`);
      }
      assert.equal((await submit(stranger.client, draft.id, 'key-stranger-0000001')).statusCode, 404);
      assert.equal((await stranger.client.request('PUT', `/api/applications/${draft.id}/certificate`, { certificateId: cert.id, categoryCodes: ['DG_LOADING'] })).statusCode, 404);
      assert.deepEqual((await stranger.client.get('/api/applications')).json(), []);
      const unverified = await registerCitizen(t);
      assert.equal((await unverified.client.post('/api/applications', { service: 'REISSUE', noticeVersion: NOTICE_VERSION })).json().code, 'YZ-ACC-010');
      assert.equal((await new TestClient(t.app).get('/api/applications')).statusCode, 401);
      assert.equal((await client.delete(`/api/applications/${draft.id}/materials/${materialId}`)).statusCode, 200);
    });
  });
}
