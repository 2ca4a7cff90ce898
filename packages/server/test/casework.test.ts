import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { seedDemo } from '../src/demo/seed';
import { inTransaction } from '../src/db/transaction';
import { insertStaff } from '../src/modules/staff/staff-admin';
import { createTestApp, type TestApp } from './support/app';
import { portraitPhoto, scanImage, submittedRenewal, uploadMaterial } from './support/applications';
import { testDatabaseKinds } from './support/databases';
import { staffSignIn } from './support/staff';

for (const kind of testDatabaseKinds()) {
  describe(`case actions, 补正 and 好差评 on ${kind}`, () => {
    let t: TestApp;
    const secrets = new Map<string, string>();
    let caseId = '';
    before(async () => {
      t = await createTestApp(kind);
      await seedDemo(t.ctx, { withStaff: true, practitioners: 10 });
    });
    after(async () => t.close());

    it('补正: one complete list, the applicant re-uploads exactly those and resubmits; then 受理 … 办结 and 好差评', async () => {
      const { client, application } = await submittedRenewal(t, 1);
      caseId = application.id;
      const intake = (await staffSignIn(t, 'shouli', undefined, secrets)).client;
      const act = (who: typeof intake, body: Record<string, unknown>) => who.post(`/api/admin/applications/${application.id}/actions`, body);

      assert.equal((await act(intake, { action: 'REQUEST_CORRECTION' })).json().errors[0].field, 'correctionItems');
      assert.equal((await act(intake, { action: 'REQUEST_CORRECTION', correctionItems: [{ materialCode: 'LABOUR_CONTRACT', note: 'x' }] })).statusCode, 422);
      const corrected = await act(intake, { action: 'REQUEST_CORRECTION', opinion: '照片背景不是白色', correctionItems: [{ materialCode: 'PHOTO_2INCH', note: '请上传白底照片' }] });
      assert.equal(corrected.json().statusName, '待补正');

      const view = (await client.get(`/api/applications/${application.id}`)).json();
      assert.deepEqual(view.correction.items, [{ materialCode: 'PHOTO_2INCH', note: '请上传白底照片', name: '近期二寸正面免冠彩色证件照片' }]);
      assert.deepEqual(view.allowedActions.sort(), ['RESUBMIT', 'WITHDRAW']);
      const early = await client.post(`/api/applications/${application.id}/resubmit`);
      assert.deepEqual(early.json().errors, [{ field: 'materials.PHOTO_2INCH', message: '请重新上传：请上传白底照片' }]);
      const notListed = await uploadMaterial(t, client, application.id, 'DRIVING_LICENCE', { name: 'l.jpg', bytes: await scanImage(), type: 'image/jpeg' });
      assert.equal(notListed.json().errors[0].message, '这项材料不在补正告知中');
      t.clock.advance(1_000);
      assert.equal((await uploadMaterial(t, client, application.id, 'PHOTO_2INCH', { name: 'white.jpg', bytes: await portraitPhoto(), type: 'image/jpeg' })).statusCode, 201);
      const resubmitted = await client.post(`/api/applications/${application.id}/resubmit`);
      assert.equal(resubmitted.json().statusName, '已提交（待受理）');
      assert.deepEqual(
        resubmitted.json().timeline.map((s: { actionName: string; by: string }) => `${s.by}:${s.actionName}`),
        ['申请人:提交申请', '杭州市道路运输管理服务中心:补正告知', '申请人:补正后重新提交'],
      );

      assert.equal((await act(intake, { action: 'REJECT' })).json().errors[0].field, 'opinion');
      assert.equal((await act(intake, { action: 'ACCEPT' })).json().statusName, '已受理');
      // 受理 on Tuesday 2026-11-24: 20 working days → 2026-12-22, the promised 5 → 2026-12-01.
      const accepted = (await client.get(`/api/applications/${application.id}`)).json();
      assert.deepEqual([accepted.legalDeadline, accepted.promisedDeadline], ['2026-12-22', '2026-12-01']);
      const wrongStep = await act(intake, { action: 'ACCEPT' });
      assert.equal(wrongStep.statusCode, 409);
      assert.equal((await client.post(`/api/applications/${application.id}/withdraw`)).statusCode, 409);
      const reviewer = (await staffSignIn(t, 'shenhe', undefined, secrets)).client;
      assert.equal((await act(reviewer, { action: 'START_REVIEW' })).json().statusName, '审核中');
      assert.equal((await act(reviewer, { action: 'APPROVE', opinion: '材料齐全，准予换发' })).json().statusName, '审核通过');
      const producer = (await staffSignIn(t, 'zhizheng', undefined, secrets)).client;
      assert.equal((await act(producer, { action: 'PRODUCE' })).json().statusName, '制证中');
      assert.equal((await act(producer, { action: 'MAIL' })).json().errors[0].field, 'trackingNo');
      assert.equal((await act(producer, { action: 'READY_FOR_PICKUP' })).json().statusName, '待领取');
      assert.equal((await act(producer, { action: 'COLLECT' })).json().statusName, '已办结');

      const unhappy = await client.post(`/api/applications/${application.id}/evaluation`, { level: 2 });
      assert.equal(unhappy.json().errors[0].field, 'comment');
      const rated = await client.post(`/api/applications/${application.id}/evaluation`, { level: 2, comment: '窗口等待时间太长了' });
      assert.deepEqual([rated.json().evaluation.levelName, rated.json().evaluation.comment], ['不满意', '窗口等待时间太长了']);
      assert.equal((await client.post(`/api/applications/${application.id}/evaluation`, { level: 5 })).statusCode, 409);
      assert.equal((await client.post(`/api/applications/${application.id}/evaluation`, { level: 6 })).statusCode, 422);
    });

    it('keeps each case to its authority tree (404 elsewhere) and each action to its role', async () => {
      // A clerk of 宁波 cannot see a case handled in 杭州.
      await inTransaction(t.ctx.db, (tx) => insertStaff(tx, t.ctx, { username: 'nb.clerk', name: '宁波受理', authorityCode: '330200', roles: ['INTAKE'], password: 'Ningbo#Clerk-2026' }, null));
      const ningbo = (await staffSignIn(t, 'nb.clerk', 'Ningbo#Clerk-2026', secrets)).client;
      assert.equal((await ningbo.post(`/api/admin/applications/${caseId}/actions`, { action: 'ACCEPT' })).statusCode, 404);
      assert.equal((await ningbo.post('/api/admin/applications/00000000-0000-4000-8000-000000000000/actions', { action: 'ACCEPT' })).statusCode, 404);
      // The auditor holds no case role.
      const auditor = (await staffSignIn(t, 'shenji', undefined, secrets)).client;
      const refused = await auditor.post(`/api/admin/applications/${caseId}/actions`, { action: 'COLLECT' });
      assert.equal(refused.statusCode, 409);
      assert.match(refused.json().detail, /您可以进行的操作：无/);
      assert.equal((await auditor.post(`/api/admin/applications/${caseId}/actions`, { action: 'FLY' })).statusCode, 422);
    });
  });
}
