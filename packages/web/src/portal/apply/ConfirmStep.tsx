import { useState } from 'react';
import { Button, Descriptions, Space } from 'antd';
import { ApiError } from '../../shared/api';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { CANCEL_SCOPES, REISSUE_REASONS, serviceTitle, type ApplicationView, type StepKey } from './types';

/** 确认信息: everything on one page with 修改 links back to each step, then 确认提交 (idempotent). */
export function ConfirmStep({ application, goTo, onSubmitted }: { application: ApplicationView; goTo: (step: StepKey) => void; onSubmitted: (view: ApplicationView) => void }) {
  // One key per visit of this page: a double click or a retry submits once.
  const [key] = useState(() => crypto.randomUUID());
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();
  const f = application.serviceFields;
  const change = (step: StepKey, label: string) => (
    <Button type="link" onClick={() => goTo(step)} aria-label={`修改${label}`}>
      修改
    </Button>
  );

  async function submit() {
    setSubmitting(true);
    setError(undefined);
    try {
      const response = await fetch(`/api/applications/${application.id}/submit`, { method: 'POST', headers: { 'Idempotency-Key': key, Accept: 'application/json' }, credentials: 'same-origin' });
      const body: unknown = await response.json();
      if (!response.ok) throw new ApiError(body as never);
      onSubmitted(body as ApplicationView);
    } catch (e) {
      setError(e instanceof ApiError ? [e.problem.detail ?? e.problem.title, ...e.fieldErrors.map((x) => x.message)].join('；') : '提交失败，请重试');
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <>
      <ErrorSummary message={error} />
      <Descriptions column={1} bordered size="middle">
        <Descriptions.Item label="办理事项">{serviceTitle(application)}</Descriptions.Item>
        <Descriptions.Item label="证照信息">
          {application.certificate?.certNo}：{application.categories.map((c) => c.name).join('、')} {change('certificate', '证照信息')}
        </Descriptions.Item>
        {f.reason && application.service === 'REISSUE' && <Descriptions.Item label="补发原因">{REISSUE_REASONS[f.reason]} {change('personal', '补发原因')}</Descriptions.Item>}
        {application.service === 'CANCEL' && <Descriptions.Item label="注销">本人申请，{CANCEL_SCOPES[f.scope ?? ''] ?? ''} {change('personal', '注销类型')}</Descriptions.Item>}
        {f.employerName && <Descriptions.Item label="新服务单位">{f.employerName}（{f.employerUscc}） {change('personal', '新服务单位')}</Descriptions.Item>}
        {(f.contactMobile || f.residentialAddress) && <Descriptions.Item label="变更信息">{[f.contactMobile && `联系电话 ${f.contactMobile}`, f.residentialAddress && `住址 ${f.residentialAddress}`].filter(Boolean).join('；')} {change('personal', '变更信息')}</Descriptions.Item>}
        {application.collectionMethod && (
          <Descriptions.Item label="证件领取方式">
            {application.collectionMethod === 'PICKUP' ? `自取（${application.handlingAuthority?.name ?? ''}）` : '邮寄'} {change('personal', '证件领取方式')}
          </Descriptions.Item>
        )}
        <Descriptions.Item label="申请材料">
          {application.requiredMaterials.map((m) => `${m.name} ${application.materials.filter((x) => x.materialCode === m.code).length}个文件`).join('；')} {change('materials', '申请材料')}
        </Descriptions.Item>
        <Descriptions.Item label="办理部门">{application.handlingAuthority?.name}</Descriptions.Item>
      </Descriptions>
      <Space style={{ marginTop: 16 }}>
        <Button onClick={() => goTo('materials')}>上一步</Button>
        <Button type="primary" size="large" loading={submitting} onClick={() => void submit()}>
          确认提交
        </Button>
      </Space>
    </>
  );
}
