import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { maskAddress, noticeFor, resolveRegion, SERVICES } from '../src/index';

describe('业务须知', () => {
  it('has every section for every service, with a version to record', () => {
    for (const service of SERVICES) {
      const notice = noticeFor(service.code, service.variants?.[0]?.code);
      assert.deepEqual(notice.sections.map((s) => s.heading).slice(0, 5), ['设定依据', '申请条件', '申请材料', '办理时限', '收费标准']);
      assert.equal(notice.version, '2026-11-01');
      assert.ok(notice.title.startsWith(service.name));
    }
  });
  it('lists the materials of the chosen kind of 变更', () => {
    const personal = noticeFor('CHANGE', 'CHANGE_PERSONAL').sections.find((s) => s.heading === '申请材料')!.lines;
    const employer = noticeFor('CHANGE', 'CHANGE_EMPLOYER').sections.find((s) => s.heading === '申请材料')!.lines;
    assert.equal(personal.length, 1);
    assert.equal(employer.length, 2);
    assert.match(employer[1]!, /^新服务单位聘用合同/);
    assert.equal(noticeFor('CHANGE', 'CHANGE_EMPLOYER').title, '道路运输从业人员从业资格证变更（服务单位变更） 业务须知');
  });
  it('states the legal and promised deadlines and that it is free', () => {
    const renew = noticeFor('RENEW');
    assert.deepEqual(renew.sections.find((s) => s.heading === '办理时限')!.lines[0], '法定办结时限：受理之日起20个工作日。');
    assert.deepEqual(renew.sections.find((s) => s.heading === '收费标准')!.lines, ['不收费。']);
  });
});

describe('mailing address regions (GB/T 2260)', () => {
  it('accepts codes that belong together and returns their names', () => assert.deepEqual(resolveRegion('330000', '330100', '330106'), { province: '浙江省', city: '杭州市', district: '西湖区' }));
  it('names the level that does not fit', () => {
    assert.equal(resolveRegion('990000', '330100', '330106'), 'PROVINCE');
    assert.equal(resolveRegion('330000', '320100', '330106'), 'CITY');
    assert.equal(resolveRegion('330000', '330100', '330212'), 'DISTRICT');
    assert.equal(resolveRegion('330100', '330100', '330106'), 'PROVINCE');
  });
  it('masks an address to the district', () => assert.equal(maskAddress({ province: '浙江省', city: '杭州市', district: '西湖区' }), '浙江省杭州市西湖区****'));
});
