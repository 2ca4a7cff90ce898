import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { count, eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { auditLog, certificateCategories, certificates } from '../src/db/schema';
import { DEMO_RESIDENTS } from '../src/demo/demo-data';
import { seedDemo } from '../src/demo/seed';
import { importCertificates } from '../src/modules/certificates/import-certificates';
import { IMPORT_COLUMNS, rejectedReport } from '../src/modules/certificates/import-csv';
import { createTestApp, type TestApp } from './support/app';
import { registerCitizen, verifiedCitizen } from './support/accounts';
import { TestClient } from './support/client';
import { testDatabaseKinds } from './support/databases';

const HEADER = IMPORT_COLUMNS.join(',');
// Two people of the demo registry: 吴红梅 holds no certificate in the demo data, so imports can give her some.
const WU = DEMO_RESIDENTS[9]!;
const row = (cells: Partial<Record<(typeof IMPORT_COLUMNS)[number], string>>) =>
  IMPORT_COLUMNS.map((c) => cells[c] ?? { 证号: 'T330106000001', 姓名: WU.name, 身份证号: WU.idNumber, 从业资格类别: '道路货物运输驾驶员(普通货运)', 初次领证日期: '2014-05-01', 发证日期: '2020-05-01', 有效期至: '2026-05-01', 类别状态: '有效', 发证机关代码: '330106', 服务单位名称: '杭州顺达物流有限公司', 统一社会信用代码: '91350100M000100Y43', 档案号: 'A001' }[c]).join(',');

/** The arithmetic alternative to the picture challenge, answered as a person would. */
function answerQuestion(question: string): string {
  const digits = '零一二三四五六七八九';
  const value = (words: string) => (words === '十' ? 10 : words.startsWith('十') ? 10 + digits.indexOf(words[1]!) : digits.indexOf(words));
  const [, a, b] = /^(.+?)加(.+?)等于/.exec(question)!;
  return String(value(a!) + value(b!));
}

/** Asks for the text challenge and answers it. */
async function textChallenge(client: TestClient) {
  const challenge = (await client.post('/api/public/captcha', { kind: 'text' })).json();
  assert.match(challenge.question, /加.+等于多少/);
  return { captchaId: challenge.id as string, captchaAnswer: answerQuestion(challenge.question) };
}

for (const kind of testDatabaseKinds()) {
  describe(`certificate registry, import, 我的证件 and public query on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(kind);
      await seedDemo(t.ctx, { withStaff: false, practitioners: 20 });
    });
    after(async () => t.close());

    describe('import-certificates', () => {
      const good = [HEADER, row({}), row({ 从业资格类别: '危险货物道路运输驾驶员', 初次领证日期: '2018-03-01', 发证日期: '2024-03-01', 有效期至: '2030-03-01' }), row({ 证号: 'T330106000002', 从业资格类别: '危险货物道路运输押运人员' })].join('\n');

      it('imports a good file, and importing it again changes nothing', async () => {
        const first = await importCertificates(t.ctx, Buffer.from(good), 'good.csv');
        assert.deepEqual({ created: first.created, updated: first.updated, rows: first.rowsImported, rejected: first.rejected }, { created: 2, updated: 0, rows: 3, rejected: [] });
        const again = await importCertificates(t.ctx, Buffer.from('\uFEFF' + good), 'good.csv');
        assert.deepEqual({ created: again.created, updated: again.updated }, { created: 0, updated: 2 });
        const [certs] = await t.ctx.db.select({ n: count() }).from(certificates).where(eq(certificates.holderIdBidx, t.ctx.cipher.blindIndex('id', WU.idNumber)));
        assert.equal(certs!.n, 2);
        const [cert] = await t.ctx.db.select().from(certificates).where(eq(certificates.certNo, 'T330106000001'));
        assert.equal((await t.ctx.db.select().from(certificateCategories).where(eq(certificateCategories.certificateId, cert!.id))).length, 2);
        assert.notEqual(cert!.holderIdEnc, WU.idNumber);
      });

      it('reads a GBK-encoded legacy export', async () => {
        const gbk = iconv.encode([HEADER, row({ 证号: 'T330106000003', 从业资格类别: '危险货物道路运输装卸管理人员' })].join('\r\n'), 'gbk');
        assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk));
        const result = await importCertificates(t.ctx, gbk, 'gbk.csv');
        assert.equal(result.created, 1);
        const [cert] = await t.ctx.db.select().from(certificates).where(eq(certificates.certNo, 'T330106000003'));
        assert.equal(cert!.holderName, WU.name);
        assert.equal(cert!.employerName, '杭州顺达物流有限公司');
      });

      it('rejects each kind of bad row with its line number and reason, and keeps the good ones of a mixed file', async () => {
        const lines = [
          HEADER,
          row({ 证号: 'T330106000010' }), // line 2: good
          row({ 证号: 'T330106000011', 身份证号: WU.idNumber.slice(0, 17) + (WU.idNumber[17] === '1' ? '2' : '1') }),
          row({ 证号: 'T330106000012', 从业资格类别: '出租车驾驶员' }),
          row({ 证号: 'T330106000013', 有效期至: '2026-02-30' }),
          row({ 证号: 'T330106000014', 发证机关代码: '999999' }),
          row({ 证号: 'T330106000015', 统一社会信用代码: '91350100M000100Y44' }),
          row({ 证号: 'T330106000016', 有效期至: '2019-01-01' }),
          row({ 证号: 'T330106000017', 类别状态: '暂扣' }),
          row({ 证号: 'T330106000018' }), // line 10: good row of a certificate whose other row is bad
          row({ 证号: 'T330106000018', 从业资格类别: '危险货物道路运输驾驶员', 发证日期: '2010-01-01' }),
          row({ 证号: 'bad no!' }),
        ].join('\n');
        const result = await importCertificates(t.ctx, Buffer.from(lines), 'mixed.csv');
        assert.equal(result.created, 1);
        assert.deepEqual(
          result.rejected.map((r) => [r.line, r.reason]),
          [
            [3, '身份证号校验位不正确，请核对后重新输入'],
            [4, '从业资格类别“出租车驾驶员”不存在，应为：道路旅客运输驾驶员、道路货物运输驾驶员(普通货运)、危险货物道路运输驾驶员、危险货物道路运输押运人员、危险货物道路运输装卸管理人员'],
            [5, '有效期至“2026-02-30”不是有效的日期（格式 YYYY-MM-DD）'],
            [6, '发证机关代码“999999”不存在'],
            [7, '统一社会信用代码校验位不正确，请核对营业执照'],
            [8, '有效期至应晚于发证日期'],
            [9, '类别状态“暂扣”不正确，应为 有效、注销、吊销 或 作废'],
            [10, '同一证号的其他行有误，整张证件未导入'],
            [11, '发证日期早于初次领证日期'],
            [12, '证号应为6至32位数字或字母'],
          ],
        );
        const [half] = await t.ctx.db.select({ n: count() }).from(certificates).where(eq(certificates.certNo, 'T330106000018'));
        assert.equal(half!.n, 0, 'a certificate with a bad row is not half-imported');
        assert.match(rejectedReport(result.rejected), /^\uFEFF行号,证号,原因\n"3","T330106000011","身份证号校验位不正确/);
      });

      it('refuses a file without the required columns', async () => {
        const result = await importCertificates(t.ctx, Buffer.from('证号,姓名\nX1,张三\n'), 'short.csv');
        assert.match(result.rejected[0]!.reason, /^缺少列：身份证号/);
      });
    });

    describe('我的证件', () => {
      it('sends a citizen without 实名认证 to verify first', async () => {
        const { client } = await registerCitizen(t);
        const response = await client.get('/api/me/certificates');
        assert.equal(response.statusCode, 403);
        assert.equal(response.json().code, 'YZ-ACC-010');
      });

      it('offers the own certificates, binds one after the full 证号, and shows its state and integrity record', async () => {
        const { client } = await verifiedCitizen(t, 0); // 张建国: freight + dangerous-goods driver, cycle just ended, 8 points
        const list = (await client.get('/api/me/certificates')).json();
        assert.equal(list.bound.length, 0);
        assert.equal(list.bindable.length, 1);
        assert.match(list.bindable[0].certNoHint, /^3301\*+0001$/);
        assert.deepEqual(list.bindable[0].categories, ['道路货物运输驾驶员(普通货运)', '危险货物道路运输驾驶员']);

        const [cert] = await t.ctx.db.select().from(certificates).where(eq(certificates.holderIdBidx, t.ctx.cipher.blindIndex('id', DEMO_RESIDENTS[0]!.idNumber)));
        const wrong = await client.post('/api/me/certificates/bind', { certNo: `${cert!.certNo.slice(0, -1)}9` });
        assert.equal(wrong.statusCode, 404);
        assert.equal(wrong.json().errors[0].field, 'certNo');

        const bound = await client.post('/api/me/certificates/bind', { certNo: cert!.certNo.toLowerCase() });
        assert.equal(bound.statusCode, 200, bound.body);
        const view = bound.json();
        assert.equal(view.holderIdMasked, '330***********0115');
        const freight = view.categories.find((c: { code: string }) => c.code === 'FREIGHT_DRIVER');
        assert.equal(freight.stateName, '有效');
        assert.equal(freight.integrity.lastEndedCycle.totalPoints, 8);
        assert.equal(freight.integrity.lastEndedCycle.suggestedGrade, 'AA');
        assert.equal(freight.integrity.lastEndedCycleAssessed, false);
        assert.ok(freight.integrity.results.length >= 1);

        assert.equal((await client.post('/api/me/certificates/bind', { certNo: cert!.certNo })).statusCode, 409);
        const afterBinding = (await client.get('/api/me/certificates')).json();
        assert.deepEqual([afterBinding.bound.length, afterBinding.bindable.length], [1, 0]);
        assert.equal((await client.get(`/api/me/certificates/${cert!.id}`)).statusCode, 200);
        const reads = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'CERTIFICATE_BIND'));
        assert.deepEqual(reads.map((r) => r.outcome).sort(), ['FAILURE', 'SUCCESS']);
      });

      it('shows renewal windows in words (expiring in 10 days)', async () => {
        const { client } = await verifiedCitizen(t, 1); // 李秀英
        const [cert] = await t.ctx.db.select().from(certificates).where(eq(certificates.holderIdBidx, t.ctx.cipher.blindIndex('id', DEMO_RESIDENTS[1]!.idNumber)));
        const view = (await client.post('/api/me/certificates/bind', { certNo: cert!.certNo })).json();
        assert.equal(view.categories[0].stateName, '即将到期');
        assert.match(view.categories[0].nextStep, /可办理换发/);
      });

      it('makes binding someone else’s certificate impossible, and their certificate invisible (404)', async () => {
        const { client } = await verifiedCitizen(t, 3); // 刘海燕
        const [other] = await t.ctx.db.select().from(certificates).where(eq(certificates.holderIdBidx, t.ctx.cipher.blindIndex('id', DEMO_RESIDENTS[4]!.idNumber)));
        const attempt = await client.post('/api/me/certificates/bind', { certNo: other!.certNo });
        assert.equal(attempt.statusCode, 404);
        assert.equal((await client.get(`/api/me/certificates/${other!.id}`)).statusCode, 404);
        const [unchanged] = await t.ctx.db.select().from(certificates).where(eq(certificates.id, other!.id));
        assert.equal(unchanged!.boundCitizenId, null);
        const [zhang] = await t.ctx.db.select().from(certificates).where(eq(certificates.holderIdBidx, t.ctx.cipher.blindIndex('id', DEMO_RESIDENTS[0]!.idNumber)));
        assert.equal((await client.get(`/api/me/certificates/${zhang!.id}`)).statusCode, 404);
      });

      it('refuses bad input and strangers', async () => {
        const { client } = await verifiedCitizen(t, 5);
        assert.equal((await client.post('/api/me/certificates/bind', { certNo: '' })).statusCode, 422);
        assert.equal((await client.post('/api/me/certificates/bind', { certNo: 'x'.repeat(40) })).statusCode, 422);
        assert.equal((await client.get('/api/me/certificates/not-a-uuid')).statusCode, 422);
        const stranger = new TestClient(t.app);
        assert.equal((await stranger.get('/api/me/certificates')).statusCode, 401);
        assert.equal((await stranger.post('/api/me/certificates/bind', { certNo: 'T330106000001' })).statusCode, 401);
      });
    });

    describe('从业资格查询 (public)', () => {
      it('offers a picture challenge and a text alternative', async () => {
        const client = new TestClient(t.app);
        const image = (await client.post('/api/public/captcha', { kind: 'image' })).json();
        assert.match(image.image, /^data:image\/svg\+xml;base64,/);
        assert.equal(image.question, undefined);
      });

      it('shows the masked holder, categories, validity and status for a matching name and ID number', async () => {
        const client = new TestClient(t.app);
        const r = DEMO_RESIDENTS[5]!; // 杨军: 装卸 cancelled
        const response = await client.post('/api/public/certificate-query', { name: r.name, idNumber: r.idNumber, ...(await textChallenge(client)) });
        assert.equal(response.statusCode, 200, response.body);
        const [result] = response.json().results;
        assert.equal(result.holderName, '杨*');
        assert.equal(result.holderIdNumber, '330***********0713');
        assert.deepEqual(result.categories.map((c: { stateName: string }) => c.stateName).sort(), ['已注销', '有效']);
        assert.doesNotMatch(response.body, new RegExp(r.idNumber));
        const audited = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'PUBLIC_CERTIFICATE_QUERY'));
        assert.ok(audited.length >= 1);
      });

      it('finds nothing when the name does not match the ID number', async () => {
        const client = new TestClient(t.app);
        const response = await client.post('/api/public/certificate-query', { name: '王五', idNumber: DEMO_RESIDENTS[5]!.idNumber, ...(await textChallenge(client)) });
        assert.deepEqual(response.json().results, []);
      });

      it('refuses a wrong answer, then the same challenge again', async () => {
        const client = new TestClient(t.app);
        const challenge = await textChallenge(client);
        const body = { name: DEMO_RESIDENTS[5]!.name, idNumber: DEMO_RESIDENTS[5]!.idNumber, captchaId: challenge.captchaId };
        const wrong = await client.post('/api/public/certificate-query', { ...body, captchaAnswer: String(Number(challenge.captchaAnswer) + 1) });
        assert.equal(wrong.statusCode, 422);
        assert.equal(wrong.json().errors[0].field, 'captchaAnswer');
        const reused = await client.post('/api/public/certificate-query', { ...body, captchaAnswer: challenge.captchaAnswer });
        assert.equal(reused.json().errors[0].message, '验证码已失效，请换一个');
      });

      it('validates the ID number before anything else', async () => {
        const response = await new TestClient(t.app).post('/api/public/certificate-query', { name: '杨军', idNumber: '123', captchaId: '00000000-0000-4000-8000-000000000000', captchaAnswer: '1' });
        assert.equal(response.statusCode, 422);
        assert.equal(response.json().errors[0].field, 'idNumber');
      });
    });
  });
}
