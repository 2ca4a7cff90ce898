import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { usccCheckCharacter } from '@yunzheng/domain';
import { seedDemo } from '../src/demo/seed';
import { inTransaction } from '../src/db/transaction';
import { insertStaff } from '../src/modules/staff/staff-admin';
import { applications, archiveTransfers, assessmentResults, auditLog, certificateCards, certificateCategories, certificates, smsOutbox } from '../src/db/schema';
import { sweepOverdueCases } from '../src/modules/casework/overdue-sweep';
import { createTestApp, type TestApp } from './support/app';
import { portraitPhoto, submittedApplication as submitted, submittedRenewal, uploadMaterial } from './support/applications';
import { testDatabaseKinds } from './support/databases';
import { caseWorker, staffSignIn } from './support/staff';
import { boundCitizen, registerCitizen } from './support/accounts';

const DAY = 86_400_000;

for (const kind of testDatabaseKinds()) {
  describe(`back office (受理审核) on ${kind}`, () => {
    let t: TestApp;
    const secrets = new Map<string, string>();
    before(async () => {
      t = await createTestApp(kind);
      await seedDemo(t.ctx, { withStaff: true, practitioners: 10 });
    });
    after(async () => t.close());

    // A resident registers and binds once; later applications of the same person reuse the account.
    const people = new Map<number, Awaited<ReturnType<typeof boundCitizen>>>();
    const submittedApplication = async (_: TestApp, index: number, plan: Parameters<typeof submitted>[2], known?: Awaited<ReturnType<typeof boundCitizen>>) => {
      if (!people.has(index)) people.set(index, known ?? (await boundCitizen(t, index)));
      return submitted(t, index, plan, people.get(index));
    };
    const smsTo = async () => (await t.ctx.db.select().from(smsOutbox)).map((m) => m.text);
    const auditActions = async (objectId: string) => (await t.ctx.db.select().from(auditLog).where(eq(auditLog.objectId, objectId))).map((r) => r.action);

    it('补正 round trip, then 受理 … 办结 with claims, deadlines, 站内信 + SMS and the 换发 registry effect', async () => {
      const { client, cert, application } = await submittedRenewal(t, 1);
      const intake = await caseWorker(t, 'shouli', secrets);
      const act = (body: Record<string, unknown>) => intake.act(application.id, body);

      // Acting before claiming is refused; the case page shows the claim button's state.
      assert.match((await intake.client.post(`/api/admin/applications/${application.id}/actions`, { action: 'ACCEPT' })).json().detail, /请先认领/);
      const page = (await intake.view(application.id)).json();
      assert.deepEqual([page.applicant.nameMasked, page.applicant.idNumberMasked.length, page.queue, page.deadlines.acceptanceDeadline], ['李**', 18, 'TO_ACCEPT', '2026-12-01']);
      assert.deepEqual(page.staffActions.sort(), ['ACCEPT', 'REJECT', 'REQUEST_CORRECTION']);

      assert.equal((await act({ action: 'REQUEST_CORRECTION' })).json().errors[0].field, 'correctionItems');
      assert.equal((await act({ action: 'REQUEST_CORRECTION', correctionItems: [{ materialCode: 'LABOUR_CONTRACT', note: 'x' }] })).statusCode, 422);
      assert.equal((await act({ action: 'REQUEST_CORRECTION', correctionItems: [{ materialCode: 'PHOTO_2INCH', note: 'a' }], correctionDeadline: '2026-11-24' })).json().errors[0].field, 'correctionDeadline');
      const corrected = await act({ action: 'REQUEST_CORRECTION', opinion: '照片背景不是白色', correctionItems: [{ materialCode: 'PHOTO_2INCH', note: '请上传白底照片' }] });
      assert.equal(corrected.json().statusName, '待补正');
      // The claim returned to the queue: the case now waits on the applicant.
      assert.equal((await intake.view(application.id)).json().claim.claimedByName, null);
      assert.match((await smsTo()).at(-1)!, /需要补正材料/);

      const view = (await client.get(`/api/applications/${application.id}`)).json();
      assert.deepEqual(view.correction.items, [{ materialCode: 'PHOTO_2INCH', note: '请上传白底照片', name: '近期二寸正面免冠彩色证件照片' }]);
      t.clock.advance(1_000);
      assert.equal((await uploadMaterial(t, client, application.id, 'PHOTO_2INCH', { name: 'white.jpg', bytes: await portraitPhoto(), type: 'image/jpeg' })).statusCode, 201);
      assert.equal((await client.post(`/api/applications/${application.id}/resubmit`)).json().statusName, '已提交（待受理）');

      assert.equal((await act({ action: 'REJECT' })).json().errors[0].field, 'opinion');
      assert.equal((await act({ action: 'ACCEPT' })).json().statusName, '已受理');
      // 受理 on Tuesday 2026-11-24: 20 working days → 2026-12-22, the promised 5 → 2026-12-01.
      const accepted = (await intake.view(application.id)).json();
      assert.deepEqual([accepted.deadlines.legalDeadline, accepted.deadlines.promisedDeadline, accepted.deadlines.dueDate, accepted.deadlines.status.state], ['2026-12-22', '2026-12-01', '2026-12-01', 'ON_TIME']);
      assert.equal((await act({ action: 'ACCEPT' })).statusCode, 409, 'accepted already: the clerk is told what they can do');

      const reviewer = await caseWorker(t, 'shenhe', secrets);
      await reviewer.steps(application.id, { action: 'START_REVIEW' }, { action: 'APPROVE', opinion: '材料齐全，准予换发' });
      const producer = await caseWorker(t, 'zhizheng', secrets);
      await producer.steps(application.id, { action: 'PRODUCE' });
      assert.equal((await producer.act(application.id, { action: 'MAIL', courier: 'EMS' })).json().errors[0].field, 'trackingNo');
      assert.equal((await producer.act(application.id, { action: 'MAIL', trackingNo: 'EA123456789CN' })).json().errors[0].field, 'courier');
      await producer.steps(application.id, { action: 'READY_FOR_PICKUP' }, { action: 'COLLECT' });

      const done = (await producer.view(application.id)).json();
      assert.equal(done.statusName, '已办结');
      assert.deepEqual(done.staffTimeline.map((s: { by: string; actionName: string }) => `${s.by}:${s.actionName}`), [
        '申请人:提交申请',
        '孙受理:补正告知',
        '申请人:补正后重新提交',
        '孙受理:受理',
        '钱审核:开始审核',
        '钱审核:审核通过',
        '郑制证:制证',
        '郑制证:通知领取',
        '郑制证:已领取',
      ]);
      // 换发: a new 6-year validity from today, the old card void and a new card with a 10-digit serial.
      const [category] = await t.ctx.db.select().from(certificateCategories).where(and(eq(certificateCategories.certificateId, cert.id), eq(certificateCategories.code, 'PASSENGER_DRIVER')));
      assert.deepEqual([category!.issueDate, category!.validTo], ['2026-11-24', '2032-11-24']);
      const cards = await t.ctx.db.select().from(certificateCards).where(eq(certificateCards.certificateId, cert.id));
      assert.deepEqual(cards.map((c) => c.status).sort(), ['VALID', 'VOID']);
      assert.match(cards.find((c) => c.status === 'VALID')!.serialNo!, /^\d{10}$/);
      assert.equal(done.result.cardSerialNo, cards.find((c) => c.status === 'VALID')!.serialNo);

      // The applicant's 站内信: every status change, newest first, with an unread count.
      const inbox = (await client.get('/api/me/notifications')).json();
      assert.deepEqual(inbox.items.map((n: { title: string }) => n.title).slice(0, 3), ['办件已办结', '证件可以领取', '证件制作中']);
      assert.equal(inbox.unread, inbox.items.length);
      assert.equal((await client.post('/api/me/notifications/read', { id: inbox.items[0].id })).json().unread, inbox.items.length - 1);
      assert.equal((await client.post('/api/me/notifications/read', {})).json().unread, 0);
      assert.equal((await client.post('/api/me/notifications/read', { id: 'x' })).statusCode, 422);
      assert.ok((await smsTo()).some((m) => m.includes('已由杭州市余杭区道路运输管理所受理')));
      assert.match((await smsTo()).at(-1)!, /已办结/);
    });

    it('lets exactly one of two clerks claim a case; the other is told who has it; release and 转办 by the administrator', async () => {
      // 周明 (慈溪) changes his phone number.
      const { application } = await submittedApplication(t, 8, { service: 'CHANGE', variant: 'CHANGE_PERSONAL', categoryCodes: ['DG_LOADING'], personal: { collectionMethod: 'PICKUP', serviceFields: { contactMobile: '13800001111' } } });
      assert.equal(application.handlingAuthority.code, '330282');
      const password = 'Cixi#Clerk-2026';
      await inTransaction(t.ctx.db, async (tx) => {
        await insertStaff(tx, t.ctx, { username: 'cixi.b', name: '慈溪二号', authorityCode: '330282', roles: ['INTAKE'], password }, null);
        await insertStaff(tx, t.ctx, { username: 'cixi.admin', name: '慈溪管理员', authorityCode: '330282', roles: ['ADMIN'], password }, null);
      });
      const first = await caseWorker(t, 'cixi', secrets);
      const second = await caseWorker(t, 'cixi.b', secrets, password);
      const answers = await Promise.all([first.claim(application.id), second.claim(application.id), first.claim(application.id), second.claim(application.id)]);
      assert.equal(new Set(answers.filter((a) => a.statusCode === 200).map((a) => a.json().claimedBy)).size, 1, 'one winner');
      const refused = answers.find((a) => a.statusCode === 409)!;
      assert.match(refused.json().detail, /该办件已由(慈溪办事员|慈溪二号)认领/);
      const [holder, loser] = (await first.view(application.id)).json().claim.claimedByMe ? [first, second] : [second, first];
      assert.match((await loser.client.post(`/api/admin/applications/${application.id}/actions`, { action: 'ACCEPT' })).json().detail, /已由他人认领/);
      assert.equal((await loser.client.post(`/api/admin/cases/${application.id}/release`)).statusCode, 409);
      assert.equal((await holder.client.post(`/api/admin/cases/${application.id}/release`)).json().claimedBy, null);

      // 转办: the authority's administrator gives the case to a colleague whose role can take the next step.
      const supervisor = (await staffSignIn(t, 'cixi.admin', password, secrets)).client;
      const assignees = (await supervisor.get(`/api/admin/cases/${application.id}/assignees`)).json() as { id: string; name: string }[];
      assert.deepEqual(assignees.map((a) => a.name).sort(), ['慈溪二号', '慈溪办事员']);
      const target = assignees.find((a) => a.name === '慈溪二号')!;
      assert.equal((await supervisor.post(`/api/admin/cases/${application.id}/assign`, { staffId: target.id })).json().claimedBy, target.id);
      const outsiderAdmin = (await staffSignIn(t, 'yuhang', undefined, secrets)).client;
      assert.equal((await outsiderAdmin.post(`/api/admin/cases/${application.id}/assign`, { staffId: target.id })).statusCode, 404);
      assert.ok((await auditActions(application.id)).includes('CASE_ASSIGN'));
    });

    it('checks the guards of 评级 and writes the assessment result; a B grade records continuing education', async () => {
      // 黄伟: cycle just ended with 20 points → B, handled by 鄞州.
      const { client, cert, application } = await submittedApplication(t, 7, { service: 'INTEGRITY_ASSESSMENT', categoryCodes: ['FREIGHT_DRIVER'], personal: { serviceFields: {} } });
      const clerk = await caseWorker(t, 'yinzhou', secrets);
      await clerk.steps(application.id, { action: 'ACCEPT' }, { action: 'START_REVIEW' });
      const page = (await clerk.view(application.id)).json();
      assert.equal(page.queue, 'TO_GRADE');
      assert.deepEqual([page.grading.totalPoints, page.grading.suggestedGrade], [20, 'B']);
      assert.deepEqual(page.staffActions.sort(), ['DENY', 'GRADE']);
      assert.equal((await clerk.act(application.id, { action: 'APPROVE' })).statusCode, 404, '诚信考核 is graded: 审核通过 is no action of it');
      assert.equal((await clerk.act(application.id, { action: 'GRADE' })).json().errors[0].field, 'grade');
      assert.equal((await clerk.act(application.id, { action: 'GRADE', grade: 'A' })).json().errors[0].message, '所选等级与按计分建议的等级（B）不同，请写明理由');
      assert.equal((await clerk.act(application.id, { action: 'GRADE', grade: 'S' })).statusCode, 422);

      // A point record revoked on appeal changes the suggestion; one added is audited.
      const record = page.grading.pointRecords.find((r: { points: number }) => r.points >= 5);
      const revoke = (body: Record<string, unknown>) => clerk.client.post(`/api/admin/cases/${application.id}/point-records/${record.id}/revoke`, body);
      assert.equal((await revoke({ reason: ' ' })).json().errors[0].field, 'reason');
      assert.equal((await revoke({ reason: '行政复议决定书 甬交复〔2026〕12号 撤销处罚' })).json().status, 'REVOKED');
      assert.equal((await revoke({ reason: '再次撤销' })).statusCode, 404);
      const add = (body: Record<string, unknown>) => clerk.client.post(`/api/admin/cases/${application.id}/point-records`, body);
      const inCycle = page.grading.cycle.start;
      assert.equal((await add({ occurredOn: inCycle, indicator: '超速', points: 4, decisionNo: '甬交罚〔2026〕1号' })).json().errors[0].field, 'points');
      assert.equal((await add({ occurredOn: '2020-01-01', indicator: '超速', points: 3, decisionNo: '甬交罚〔2026〕1号' })).json().errors[0].field, 'occurredOn');
      assert.equal((await add({ occurredOn: inCycle, indicator: '驾驶营运车辆超速', points: 20, decisionNo: '甬交罚〔2026〕88号' })).statusCode, 201);
      const regraded = (await clerk.view(application.id)).json().grading;
      assert.equal(regraded.suggestedGrade, 'B');
      assert.equal((await clerk.act(application.id, { action: 'GRADE', grade: 'B', opinion: '' })).json().statusName, '已评级');

      const [result] = await t.ctx.db.select().from(assessmentResults).where(eq(assessmentResults.applicationId, application.id));
      assert.deepEqual([result!.grade, result!.suggestedGrade, result!.continuingEducationRequired, result!.certificateId], ['B', 'B', true, cert.id]);
      const mine = (await client.get(`/api/applications/${application.id}`)).json();
      assert.equal(mine.statusName, '已评级');
      assert.ok((await client.get('/api/me/notifications')).json().items.some((n: { title: string; body: string }) => n.title === '诚信考核已评级' && n.body.includes('B（不合格）')));
      assert.ok((await auditActions(record.id)).includes('POINT_RECORD_REVOKE'));
    });

    it('changes the registry when cases complete: 补发, 服务单位变更 across authorities, 信息变更, 注销, and an overridden grade', async () => {
      // 张建国 (西湖): 信息变更 and 诚信考核 (8 points → AA, graded AAA with a reason).
      const zhang = await submittedApplication(t, 0, { service: 'CHANGE', variant: 'CHANGE_PERSONAL', categoryCodes: ['FREIGHT_DRIVER'], personal: { collectionMethod: 'PICKUP', serviceFields: { contactMobile: '13812345678', residentialAddress: '杭州市西湖区文三路100号' } } });
      // The new phone number and address are personal data: encrypted in the application row too.
      const [raw] = await t.ctx.db.select().from(applications).where(eq(applications.id, zhang.application.id));
      assert.ok(!JSON.stringify(raw).includes('13812345678') && !JSON.stringify(raw).includes('文三路'));
      assert.equal((await zhang.client.get(`/api/applications/${zhang.application.id}`)).json().serviceFields.contactMobile, '13812345678');
      const xihu = await caseWorker(t, 'xihu', secrets);
      await xihu.steps(zhang.application.id, { action: 'ACCEPT' }, { action: 'START_REVIEW' }, { action: 'APPROVE' }, { action: 'PRODUCE' }, { action: 'READY_FOR_PICKUP' }, { action: 'COLLECT' });
      const [changed] = await t.ctx.db.select().from(certificates).where(eq(certificates.id, zhang.cert.id));
      assert.equal(t.ctx.cipher.decrypt(changed!.contactMobileEnc!), '13812345678');
      assert.equal(t.ctx.cipher.decrypt(changed!.addressEnc!), '杭州市西湖区文三路100号');
      const graded = await submittedApplication(t, 0, { service: 'INTEGRITY_ASSESSMENT', categoryCodes: ['FREIGHT_DRIVER'], personal: { serviceFields: {} } }, { client: zhang.client, cert: zhang.cert });
      await xihu.steps(graded.application.id, { action: 'ACCEPT' }, { action: 'START_REVIEW' }, { action: 'GRADE', grade: 'AAA', opinion: '计分已于复议中撤销，经集体研究评为AAA' });
      const [aaa] = await t.ctx.db.select().from(assessmentResults).where(eq(assessmentResults.applicationId, graded.application.id));
      assert.deepEqual([aaa!.grade, aaa!.suggestedGrade, aaa!.gradeReason, aaa!.continuingEducationRequired], ['AAA', 'AA', '计分已于复议中撤销，经集体研究评为AAA', false]);

      // 杨军 (西湖) moves to an employer in 宁波: 宁波 handles it; 西湖 gets a 30-day archive-transfer task.
      const ningboUscc = `91330200MA2B12345${usccCheckCharacter('91330200MA2B12345')}`;
      const yang = await submittedApplication(t, 5, { service: 'CHANGE', variant: 'CHANGE_EMPLOYER', categoryCodes: ['DG_DRIVER'], personal: { collectionMethod: 'PICKUP', serviceFields: { employerName: '宁波港通运输有限公司', employerUscc: ningboUscc } } });
      const ningbo = await caseWorker(t, 'ningbo', secrets);
      await ningbo.steps(yang.application.id, { action: 'ACCEPT' }, { action: 'START_REVIEW' }, { action: 'APPROVE' }, { action: 'PRODUCE' }, { action: 'MAIL', courier: 'EMS', trackingNo: 'EA123456789CN' });
      assert.equal((await yang.client.get(`/api/applications/${yang.application.id}`)).json().statusName, '已寄出');
      assert.match((await smsTo()).at(-1)!, /EMS EA123456789CN/);
      await ningbo.steps(yang.application.id, { action: 'COMPLETE' });
      const [moved] = await t.ctx.db.select().from(certificates).where(eq(certificates.id, yang.cert.id));
      assert.deepEqual([moved!.employerName, moved!.employerUscc], ['宁波港通运输有限公司', ningboUscc]);
      const [task] = await t.ctx.db.select().from(archiveTransfers).where(eq(archiveTransfers.applicationId, yang.application.id));
      assert.deepEqual([task!.fromAuthorityCode, task!.toAuthorityCode, task!.dueDate, task!.status], ['330106', '330200', '2026-12-24', 'OPEN']);
      const tasks = (await xihu.client.get('/api/admin/archive-transfers')).json();
      assert.equal(tasks.find((x: { id: string }) => x.id === task!.id).to, '宁波市道路运输管理服务中心');
      assert.equal((await ningbo.client.post(`/api/admin/archive-transfers/${task!.id}/complete`)).statusCode, 404, 'only the old authority sends the archive');
      assert.equal((await xihu.client.post(`/api/admin/archive-transfers/${task!.id}/complete`)).json().status, 'DONE');
      assert.equal((await t.ctx.db.select().from(certificates).where(eq(certificates.id, yang.cert.id)))[0]!.issuingAuthorityCode, '330200');

      // 刘海燕 (慈溪) 补发: same validity, old card void, new card.
      const liu = await submittedApplication(t, 3, { service: 'REISSUE', categoryCodes: ['DG_ESCORT'], personal: { collectionMethod: 'PICKUP', serviceFields: { reason: 'DAMAGED' } } });
      const [previous] = await t.ctx.db.select().from(certificateCategories).where(eq(certificateCategories.certificateId, liu.cert.id));
      const cixi = await caseWorker(t, 'cixi', secrets);
      await cixi.steps(liu.application.id, { action: 'ACCEPT' }, { action: 'START_REVIEW' }, { action: 'APPROVE' }, { action: 'PRODUCE' }, { action: 'READY_FOR_PICKUP' }, { action: 'COLLECT' });
      const [reissued] = await t.ctx.db.select().from(certificateCategories).where(eq(certificateCategories.certificateId, liu.cert.id));
      assert.equal(reissued!.validTo, previous!.validTo);
      const liuCards = await t.ctx.db.select().from(certificateCards).where(eq(certificateCards.certificateId, liu.cert.id));
      assert.deepEqual(liuCards.map((c) => `${c.status}:${c.voidReason ?? ''}`).sort(), ['VALID:', 'VOID:补发（原证毁损）（系统启用前制发的证件）']);

      // 周明 (慈溪) 注销 全部: the certificate is cancelled, no card produced.
      const zhou = await submittedApplication(t, 8, { service: 'CANCEL', categoryCodes: ['DG_LOADING'], personal: { serviceFields: { reason: 'SELF_REQUEST', scope: 'ALL' } } });
      await cixi.steps(zhou.application.id, { action: 'ACCEPT' }, { action: 'START_REVIEW' }, { action: 'APPROVE' });
      assert.equal((await cixi.act(zhou.application.id, { action: 'PRODUCE' })).statusCode, 404, '注销 produces no card');
      await cixi.steps(zhou.application.id, { action: 'COMPLETE' });
      const [cancelled] = await t.ctx.db.select().from(certificates).where(eq(certificates.id, zhou.cert.id));
      assert.equal(cancelled!.status, 'CANCELLED');
      const [category] = await t.ctx.db.select().from(certificateCategories).where(eq(certificateCategories.certificateId, zhou.cert.id));
      assert.deepEqual([category!.status, category!.cancelledReason], ['CANCELLED', '本人申请']);
    });

    it('keeps cases to their authority (404 elsewhere), lets the province read only, and each action to its role', async () => {
      const { application } = await submittedApplication(t, 6, { service: 'INTEGRITY_ASSESSMENT', categoryCodes: ['PASSENGER_DRIVER'], personal: { serviceFields: {} } });
      const id = application.id;
      const material = (await (await caseWorker(t, 'shouli', secrets)).view(id)).json().materials[0].id;
      const outsiders = ['ningbo', 'hangzhou', 'xihu'];
      for (const username of outsiders) {
        const other = await caseWorker(t, username, secrets);
        for (const response of [
          await other.view(id),
          await other.claim(id),
          await other.client.post(`/api/admin/applications/${id}/actions`, { action: 'ACCEPT' }),
          await other.client.post(`/api/admin/cases/${id}/reveal`, { field: 'idNumber' }),
          await other.client.get(`/api/admin/cases/${id}/materials/${material}/file`),
          await other.client.post(`/api/admin/cases/${id}/point-records`, { occurredOn: '2026-01-01', indicator: 'x', points: 3, decisionNo: 'x' }),
        ]) {
          assert.equal(response.statusCode, 404, `${username}: ${response.body}`);
        }
        assert.ok(!(await other.client.get(`/api/admin/cases?q=${application.applyNo}`)).json().items.length);
      }
      // The province sees its subordinates' cases read-only: the page, but no claim and no action.
      await (async () => {
        const { client } = await staffSignIn(t, 'admin', undefined, secrets);
        const page = await client.get(`/api/admin/cases/${id}`);
        assert.equal(page.statusCode, 200);
        assert.deepEqual([page.json().readOnly, page.json().staffActions], [true, []]);
        assert.equal((await client.post(`/api/admin/cases/${id}/claim`)).statusCode, 404);
        assert.equal((await client.post(`/api/admin/applications/${id}/actions`, { action: 'ACCEPT' })).statusCode, 404);
        assert.equal((await client.get(`/api/admin/cases?q=${application.applyNo}`)).json().items[0].readOnly, true);
      })();
      // Own authority, wrong role: the action is not theirs (404); the right role at the wrong time is 409.
      const producer = await caseWorker(t, 'zhizheng', secrets);
      assert.equal((await producer.claim(id)).statusCode, 409);
      assert.equal((await producer.client.post(`/api/admin/applications/${id}/actions`, { action: 'ACCEPT' })).statusCode, 404);
      assert.equal((await producer.client.post(`/api/admin/applications/${id}/actions`, { action: 'COLLECT' })).statusCode, 404, '诚信考核 produces no card');
      const reviewer = await caseWorker(t, 'shenhe', secrets);
      const early = await reviewer.client.post(`/api/admin/applications/${id}/actions`, { action: 'START_REVIEW' });
      assert.deepEqual([early.statusCode, early.json().detail], [409, '当前状态下不能“开始审核”。您可以进行的操作：无']);
      const auditor = (await staffSignIn(t, 'shenji', undefined, secrets)).client;
      assert.equal((await auditor.get(`/api/admin/cases/${id}`)).statusCode, 403);
      assert.equal((await auditor.get('/api/admin/cases')).statusCode, 403);
      assert.equal((await auditor.post(`/api/admin/applications/${id}/actions`, { action: 'FLY' })).statusCode, 422);
      // Citizens and strangers get nothing from the back office.
      const { client: citizen } = await registerCitizen(t);
      assert.equal((await citizen.get(`/api/admin/cases/${id}`)).statusCode, 401);
    });

    it('lists queues with counts, filters and exact search (masked), reveals one field at a time (audited)', async () => {
      const intake = await caseWorker(t, 'shouli', secrets);
      const counts = (await intake.client.get('/api/admin/cases/counts')).json();
      const toAccept = (await intake.client.get('/api/admin/cases?queue=TO_ACCEPT')).json();
      assert.equal(toAccept.total, counts.TO_ACCEPT);
      assert.ok(toAccept.items.every((c: { statusName: string; applicantNameMasked: string }) => c.statusName === '已提交（待受理）' && /^\p{Script=Han}\*+$/u.test(c.applicantNameMasked)));
      const item = toAccept.items[0];
      const byNo = (await intake.client.get(`/api/admin/cases?q=${item.applyNo}`)).json();
      assert.deepEqual(byNo.items.map((c: { id: string }) => c.id), [item.id]);
      const zhao = '33011019790228082X';
      const byId = (await intake.client.get(`/api/admin/cases?q=${zhao.toLowerCase()}`)).json();
      assert.ok(byId.total >= 1 && byId.items.every((c: { certNoMasked: string }) => c.certNoMasked.includes('****')));
      assert.equal((await intake.client.get('/api/admin/cases?q=330110197902280820')).json().total, 0);
      assert.equal((await intake.client.get('/api/admin/cases?service=RENEW&queue=TO_ACCEPT')).json().items.filter((c: { service: string }) => c.service !== 'RENEW').length, 0);
      const bad = await intake.client.get('/api/admin/cases?queue=NOPE&submittedFrom=2026-13-01');
      assert.equal(bad.statusCode, 422);
      assert.equal((await intake.client.get('/api/admin/cases?page=0')).statusCode, 422);

      const reveal = await intake.client.post(`/api/admin/cases/${item.id}/reveal`, { field: 'idNumber' });
      assert.match(reveal.json().value, /^\d{17}[\dX]$/);
      assert.equal((await intake.client.post(`/api/admin/cases/${item.id}/reveal`, { field: 'passwordHash' })).statusCode, 422);
      const audit = await t.ctx.db.select().from(auditLog).where(and(eq(auditLog.objectId, item.id), eq(auditLog.action, 'PII_REVEAL')));
      assert.deepEqual(audit.map((a) => a.details.field), ['idNumber']);
      assert.ok(!JSON.stringify(audit).includes(reveal.json().value), 'the audit row names the field, never the value');
      // The auditor finds it by action, object, outcome and day.
      const auditor = (await staffSignIn(t, 'shenji', undefined, secrets)).client;
      const found = (await auditor.get(`/api/admin/audit?action=pii_reveal&objectId=${item.id}&outcome=SUCCESS&from=2026-11-24&to=2026-11-24`)).json();
      assert.deepEqual(found.rows.map((r: { details: { field: string } }) => r.details.field), ['idNumber']);
      assert.equal((await auditor.get(`/api/admin/audit?action=PII_REVEAL&objectId=${item.id}&from=2026-11-25`)).json().rows.length, 0);
      assert.equal((await auditor.get('/api/admin/audit?from=2026-02-30')).statusCode, 422);
      assert.equal((await intake.client.get('/api/admin/audit')).statusCode, 403);
      const file = await intake.client.get(`/api/admin/cases/${item.id}/materials/${(await intake.view(item.id)).json().materials[0].id}/file`);
      assert.deepEqual([file.statusCode, file.headers['x-content-type-options']], [200, 'nosniff']);
    });

    it('sets promised days per authority (管理员), publishes notice versions without touching earlier agreements', async () => {
      const admin = (await staffSignIn(t, 'yuhang', undefined, secrets)).client;
      assert.equal((await admin.request('PUT', '/api/admin/settings/services/RENEW', { promisedDays: 0 })).json().errors[0].field, 'promisedDays');
      assert.equal((await admin.request('PUT', '/api/admin/settings/services/RENEW', { promisedDays: 21 })).statusCode, 422);
      const set = (await admin.request('PUT', '/api/admin/settings/services/RENEW', { promisedDays: 2 })).json();
      assert.deepEqual(set.find((s: { service: string }) => s.service === 'RENEW'), { service: 'RENEW', serviceName: '道路运输从业人员从业资格证换发', promisedDays: 2, isDefault: false, defaultDays: 5, updatedAt: set.find((s: { service: string }) => s.service === 'RENEW').updatedAt });
      const clerk = (await staffSignIn(t, 'shouli', undefined, secrets)).client;
      assert.equal((await clerk.request('PUT', '/api/admin/settings/services/RENEW', { promisedDays: 3 })).statusCode, 403);

      const countyNotice = await admin.post('/api/admin/notices/RENEW', { sections: [{ heading: '申请条件', lines: ['x'] }] });
      assert.equal(countyNotice.statusCode, 403, 'notices are published by the province');
      const province = (await staffSignIn(t, 'admin', undefined, secrets)).client;
      const old = (await province.get('/api/admin/notices/RENEW')).json();
      assert.equal((await province.post('/api/admin/notices/RENEW', { sections: [{ heading: '', lines: ['x'] }] })).statusCode, 422);
      const published = (await province.post('/api/admin/notices/RENEW', { sections: [...old.sections, { heading: '温馨提示', lines: ['请提前准备白底证件照。'] }] })).json();
      assert.notEqual(published.version, old.version);
      assert.equal((await (await staffSignIn(t, 'admin', undefined, secrets)).client.get('/api/services/RENEW/notice')).json().version, published.version);
    });

    it('flags overdue cases once a day and closes 补正 requests left unanswered past their deadline', async () => {
      const { application } = await submittedApplication(t, 2, { service: 'RENEW', categoryCodes: ['FREIGHT_DRIVER'], personal: { collectionMethod: 'PICKUP', serviceFields: {} } });
      const yinzhou = await caseWorker(t, 'yinzhou', secrets);
      await yinzhou.steps(application.id, { action: 'REQUEST_CORRECTION', correctionItems: [{ materialCode: 'PHOTO_2INCH', note: '请上传白底照片' }], correctionDeadline: '2026-12-04' });
      t.clock.advance(14 * DAY);
      const first = await sweepOverdueCases(t.ctx);
      assert.ok(first.flagged >= 1, 'cases submitted two weeks ago and never accepted are overdue');
      assert.ok(first.closed >= 1);
      assert.deepEqual(await sweepOverdueCases(t.ctx), { flagged: 0, closed: 0 });
      const clerk = await caseWorker(t, 'shouli', secrets);
      const overdue = (await clerk.client.get('/api/admin/cases?deadline=OVERDUE')).json();
      assert.ok(overdue.total >= 1 && overdue.items.every((c: { deadline: { state: string; workingDaysLeft: number } }) => c.deadline.state === 'OVERDUE' && c.deadline.workingDaysLeft < 0));
      assert.equal((await clerk.client.get('/api/admin/cases/counts')).json().OVERDUE, overdue.total);
      // Two weeks later the morning's sessions are long gone: sign in again.
      const closed = (await (await caseWorker(t, 'yinzhou', secrets)).view(application.id)).json();
      assert.deepEqual([closed.statusName, closed.staffTimeline.at(-1).by], ['已关闭（逾期未补正）', '系统']);
      const dashboard = (await clerk.client.get('/api/admin/dashboard')).json();
      assert.equal(dashboard.overdue, overdue.total);
      assert.ok(dashboard.backlog.TO_ACCEPT >= 1);
      assert.ok((await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'CASE_OVERDUE'))).length >= 1);
    });
  });
}
