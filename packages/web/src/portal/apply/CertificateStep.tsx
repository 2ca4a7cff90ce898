import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Empty, Radio, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { LinkButton } from '../../shared/LinkButton';
import { LoadError, Loading } from '../../shared/page-state';
import type { ApplicationView, Eligibility } from './types';

/** 证照信息: the bound certificates; each category selectable or disabled with the reason shown beside it. */
export function CertificateStep({ application, onSaved }: { application: ApplicationView; onSaved: (body: unknown) => Promise<void> }) {
  const query = application.variant ? `?variant=${application.variant}` : '';
  const eligibility = useQuery({ queryKey: ['eligibility', application.service, application.variant], queryFn: () => api<Eligibility>(`/api/services/${application.service}/eligibility${query}`) });
  // What the person picked; until then the saved draft, or — for the many drivers with one certificate — that one.
  const [chosenCertificate, setChosenCertificate] = useState<string>();
  const [chosenCodes, setChosenCodes] = useState<string[]>();
  const [error, setError] = useState<string>();
  const single = application.service === 'INTEGRITY_ASSESSMENT';
  const whole = application.service === 'CANCEL';
  if (eligibility.isPending) return <Loading />;
  if (eligibility.isError) return <LoadError error={eligibility.error} />;
  const certificates = eligibility.data.certificates;
  const only = certificates.length === 1 ? certificates[0] : undefined;
  const onlySelectable = only?.categories.filter((c) => c.selectable).map((c) => c.code) ?? [];
  const certificateId = chosenCertificate ?? application.certificate?.id ?? only?.certificateId;
  const codes = chosenCodes ?? (application.categories.length > 0 ? application.categories.map((c) => c.code) : onlySelectable.length === 1 ? onlySelectable : []);
  const setCodes = setChosenCodes;
  if (certificates.length === 0) {
    return <Empty description={<>您还没有绑定从业资格证。<LinkButton type="link" to="/me/certificates">去绑定</LinkButton></>} />;
  }

  async function next() {
    const cert = certificates.find((c) => c.certificateId === certificateId);
    const chosen = whole && cert ? cert.categories.filter((c) => c.selectable).map((c) => c.code) : codes;
    if (!cert || chosen.length === 0) {
      setError('请选择要办理的证件类别');
      return;
    }
    setError(undefined);
    try {
      await onSaved({ certificateId, categoryCodes: chosen });
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <>
      <ErrorSummary message={error} />
      <Typography.Paragraph>请选中要办理{application.serviceName.replace('道路运输从业人员从业资格证', '').replace('道路运输驾驶员网上', '')}业务的证件{whole ? '（注销的类别在下一步选择）' : '和类别'}。</Typography.Paragraph>
      <Radio.Group value={certificateId} onChange={(e) => { setChosenCertificate(e.target.value as string); setChosenCodes([]); }} style={{ width: '100%' }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {certificates.map((cert) => (
            <Card key={cert.certificateId} size="small">
              <Radio value={cert.certificateId}>从业资格证 {cert.certNo}</Radio>
              <div style={{ marginTop: 8, paddingLeft: 24 }}>
                {cert.categories.map((c) => (
                  <div key={c.code} style={{ marginBottom: 6 }}>
                    {whole ? (
                      <span>{c.name}</span>
                    ) : (
                      <Checkbox
                        disabled={!c.selectable || certificateId !== cert.certificateId}
                        checked={codes.includes(c.code) && certificateId === cert.certificateId}
                        onChange={(e) => setCodes(e.target.checked ? (single ? [c.code] : [...codes, c.code]) : codes.filter((x) => x !== c.code))}
                      >
                        {c.name}（有效期至 {c.validTo}）
                      </Checkbox>
                    )}
                    {!c.selectable && <Typography.Text type="secondary" style={{ display: 'block', paddingLeft: 24 }}>{c.reason}</Typography.Text>}
                    {c.cycle && <Typography.Text style={{ display: 'block', paddingLeft: 24 }}>考核周期：{c.cycle.start} 至 {c.cycle.end}</Typography.Text>}
                    {c.late && <Alert type="warning" showIcon title="已超过周期届满后20日，仍可申请，将标记为逾期申请" style={{ marginLeft: 24 }} />}
                  </div>
                ))}
              </div>
            </Card>
          ))}
        </Space>
      </Radio.Group>
      <Button type="primary" size="large" style={{ marginTop: 16 }} onClick={() => void next()}>
        下一步
      </Button>
    </>
  );
}
