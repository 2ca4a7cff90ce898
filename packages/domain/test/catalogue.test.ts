import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MATERIAL_FORMS, SERVICES, findService, materialsFor } from '../src/index';

const names = (code: string) => materialsFor(findService(code)!, code === 'CHANGE' ? 'CHANGE_EMPLOYER' : undefined).map((m) => m.name);

describe('service catalogue (seed guide)', () => {
  it('lists the five high-frequency services by their seed-guide names', () => {
    assert.deepEqual(
      SERVICES.map((s) => s.name),
      ['道路运输驾驶员网上诚信考核', '道路运输从业人员从业资格证补发', '道路运输从业人员从业资格证换发', '道路运输从业人员从业资格证变更', '道路运输从业人员从业资格证注销'],
    );
  });
  it('gives each service its materials table', () => {
    assert.deepEqual(names('INTEGRITY_ASSESSMENT'), ['从业资格证', '考核周期学习教育情况']);
    assert.deepEqual(names('REISSUE'), ['近期二寸正面免冠彩色证件照片']);
    assert.deepEqual(names('RENEW'), ['近期二寸正面免冠彩色证件照片', '机动车驾驶证', '从业资格证']);
    assert.deepEqual(names('CHANGE'), ['近期二寸正面免冠彩色证件照片', '新服务单位聘用合同']);
    assert.deepEqual(names('CANCEL'), ['从业资格证']);
  });
  it('does not ask for the new employer contract for 信息变更', () => {
    assert.deepEqual(materialsFor(findService('CHANGE')!, 'CHANGE_PERSONAL').map((m) => m.code), ['PHOTO_2INCH']);
  });
  it('uses the seed guide forms and marks every material 必要', () => {
    assert.equal(MATERIAL_FORMS.PHOTO, '电子版照片');
    for (const service of SERVICES) for (const m of service.materials) assert.equal(m.required, true);
  });
  it('offers integrity assessment to drivers only', () => {
    assert.deepEqual(findService('INTEGRITY_ASSESSMENT')!.eligibleCategories, ['PASSENGER_DRIVER', 'FREIGHT_DRIVER', 'DG_DRIVER']);
  });
  it('charges no fee', () => assert.ok(SERVICES.every((s) => s.fee === 0)));
});
