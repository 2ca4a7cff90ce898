import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { mailingAddresses } from '../src/db/schema';
import { seedDemo } from '../src/demo/seed';
import { createTestApp, type TestApp } from './support/app';
import { boundCitizen, registerCitizen } from './support/accounts';
import { TestClient } from './support/client';
import { testDatabaseKinds } from './support/databases';

const ADDRESS = { recipientName: '张建国', mobile: '13912340000', provinceCode: '330000', cityCode: '330100', districtCode: '330106', detail: '文三路100号3幢502室', postcode: '310012' };

for (const kind of testDatabaseKinds()) {
  describe(`业务须知, 证照信息 and 邮寄地址 on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(kind);
      await seedDemo(t.ctx, { withStaff: false, practitioners: 10 });
    });
    after(async () => t.close());


    it('serves the notice of every service without signing in, and asks which kind of 变更', async () => {
      const client = new TestClient(t.app);
      const renew = (await client.get('/api/services/RENEW/notice')).json();
      assert.equal(renew.version, '2026-11-01');
      assert.equal(renew.title, '道路运输从业人员从业资格证换发 业务须知');
      const change = await client.get('/api/services/CHANGE/notice');
      assert.equal(change.statusCode, 422);
      assert.equal(change.json().errors[0].field, 'variant');
      assert.equal((await client.get('/api/services/CHANGE/notice?variant=CHANGE_EMPLOYER')).statusCode, 200);
      assert.equal((await client.get('/api/services/TAXI/notice')).statusCode, 422);
    });

    it('explains per category what may be applied for (换发 window, 诚信考核 cycle)', async () => {
      const { client } = await boundCitizen(t, 0); // 张建国: freight + dangerous goods, cycle just ended, valid to far ahead
      const renew = (await client.get('/api/services/RENEW/eligibility')).json();
      const category = renew.certificates[0].categories[0];
      assert.equal(category.selectable, false);
      assert.match(category.reason, /到期前30日内方可申请换发/);
      const integrity = (await client.get('/api/services/INTEGRITY_ASSESSMENT/eligibility')).json();
      assert.ok(integrity.certificates[0].categories.every((c: { selectable: boolean }) => c.selectable));
      assert.ok(integrity.certificates[0].categories[0].cycle.end < '2026-11-24');
    });

    it('opens 换发 for a certificate expiring in 10 days', async () => {
      const { client } = await boundCitizen(t, 1); // 李秀英
      const renew = (await client.get('/api/services/RENEW/eligibility')).json();
      assert.equal(renew.certificates[0].categories[0].selectable, true);
      const integrity = (await client.get('/api/services/INTEGRITY_ASSESSMENT/eligibility')).json();
      assert.ok(integrity.certificates[0].categories.length === 1);
    });

    it('sends a citizen without 实名认证 to verify first, and strangers to sign in', async () => {
      const { client } = await registerCitizen(t);
      assert.equal((await client.get('/api/services/RENEW/eligibility')).json().code, 'YZ-ACC-010');
      assert.equal((await new TestClient(t.app).get('/api/services/RENEW/eligibility')).statusCode, 401);
    });

    it('keeps an address book with the mobile masked and the street encrypted at rest', async () => {
      const { client } = await registerCitizen(t);
      const added = await client.post('/api/me/addresses', ADDRESS);
      assert.equal(added.statusCode, 201, added.body);
      assert.deepEqual(added.json().regionNames, { province: '浙江省', city: '杭州市', district: '西湖区' });
      assert.equal(added.json().mobileMasked, '139****0000');
      assert.equal(added.json().isDefault, true);
      const second = (await client.post('/api/me/addresses', { ...ADDRESS, detail: '天目山路50号', isDefault: true })).json();
      const list = (await client.get('/api/me/addresses')).json();
      assert.deepEqual(list.map((a: { id: string; isDefault: boolean }) => [a.id, a.isDefault]), [[second.id, true], [added.json().id, false]]);
      const [row] = await t.ctx.db.select().from(mailingAddresses).where(eq(mailingAddresses.id, second.id));
      assert.ok(!row!.detailEnc.includes('天目山路') && !row!.mobileEnc.includes('13912340000'));
      assert.equal((await client.delete(`/api/me/addresses/${second.id}`)).statusCode, 200);
      assert.equal((await client.get('/api/me/addresses')).json().length, 1);
    });

    it('refuses bad addresses with the field named', async () => {
      const { client } = await registerCitizen(t);
      const cases: [Record<string, string>, string, string][] = [
        [{ districtCode: '330212' }, 'districtCode', '所选区县不属于所选城市'],
        [{ cityCode: '320100' }, 'cityCode', '所选城市不属于所选省份'],
        [{ postcode: '31001' }, 'postcode', '邮政编码为6位数字'],
        [{ mobile: '2391234000' }, 'mobile', '请输入11位手机号，以1开头'],
        [{ detail: '路' }, 'detail', '详细地址至少5个字，写明街道、门牌号'],
        [{ detail: '路'.repeat(121) }, 'detail', '详细地址不能超过120个字'],
      ];
      for (const [overrides, field, message] of cases) {
        const response = await client.post('/api/me/addresses', { ...ADDRESS, ...overrides });
        assert.equal(response.statusCode, 422, field);
        assert.deepEqual(response.json().errors.find((e: { field: string }) => e.field === field)?.message, message);
      }
    });

    it('makes another citizen’s address invisible and undeletable (404)', async () => {
      const owner = await registerCitizen(t);
      const address = (await owner.client.post('/api/me/addresses', ADDRESS)).json();
      const stranger = await registerCitizen(t);
      assert.equal((await stranger.client.delete(`/api/me/addresses/${address.id}`)).statusCode, 404);
      assert.deepEqual((await stranger.client.get('/api/me/addresses')).json(), []);
      assert.equal((await owner.client.get('/api/me/addresses')).json().length, 1);
      assert.equal((await new TestClient(t.app).get('/api/me/addresses')).statusCode, 401);
    });
  });
}
