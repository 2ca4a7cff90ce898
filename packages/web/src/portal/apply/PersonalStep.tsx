import { useState } from 'react';
import { Button, Checkbox, Descriptions, Form, Input, Radio, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { Loading } from '../../shared/page-state';
import { useFormSubmit } from '../../shared/useFormSubmit';
import { AddressDialog } from './AddressDialog';
import { CANCEL_SCOPES, regionText, REISSUE_REASONS, type ApplicationView, type Eligibility, type MailingAddress } from './types';

interface Profile {
  name: string | null;
  idNumberMasked: string | null;
  mobileMasked: string;
}

interface Values {
  collectionMethod?: 'PICKUP' | 'MAIL';
  mailingAddressId?: string;
  reason?: string;
  scope?: 'ALL' | 'PARTIAL';
  categoryCodes?: string[];
  contactMobile?: string;
  residentialAddress?: string;
  employerName?: string;
  employerUscc?: string;
}

/** 个人信息: what the system knows is shown, not asked; then how to receive the card and this service's questions. */
export function PersonalStep({ application, onSaved, onBack }: { application: ApplicationView; onSaved: (body: unknown) => Promise<void>; onBack: () => void }) {
  const profile = useQuery({ queryKey: ['me'], queryFn: () => api<Profile>('/api/me') });
  const addresses = useQuery({ queryKey: ['me', 'addresses'], queryFn: () => api<MailingAddress[]>('/api/me/addresses') });
  const eligibility = useQuery({
    queryKey: ['eligibility', application.service, application.variant],
    queryFn: () => api<Eligibility>(`/api/services/${application.service}/eligibility${application.variant ? `?variant=${application.variant}` : ''}`),
    enabled: application.service === 'CANCEL',
  });
  const [form] = Form.useForm<Values>();
  const [adding, setAdding] = useState(false);
  const method = Form.useWatch('collectionMethod', form);
  const scope = Form.useWatch('scope', form);
  const service = application.service;
  const needsDelivery = service !== 'INTEGRITY_ASSESSMENT' && service !== 'CANCEL';
  const fields = application.serviceFields;
  const { submit, submitting, summary } = useFormSubmit(form, async (v) => {
    const serviceFields: Record<string, string> =
      service === 'REISSUE' ? { reason: v.reason ?? '' }
      : service === 'CANCEL' ? { reason: 'SELF_REQUEST', scope: v.scope ?? '' }
      : application.variant === 'CHANGE_EMPLOYER' ? { employerName: v.employerName ?? '', employerUscc: v.employerUscc ?? '' }
      : application.variant === 'CHANGE_PERSONAL' ? { contactMobile: v.contactMobile ?? '', residentialAddress: v.residentialAddress ?? '' }
      : {};
    await onSaved({
      serviceFields,
      ...(needsDelivery && v.collectionMethod && { collectionMethod: v.collectionMethod }),
      ...(v.collectionMethod === 'MAIL' && v.mailingAddressId && { mailingAddressId: v.mailingAddressId }),
      ...(service === 'CANCEL' && { categoryCodes: v.scope === 'PARTIAL' ? (v.categoryCodes ?? []) : [] }),
    });
  });
  if (profile.isPending || addresses.isPending) return <Loading />;
  const held = eligibility.data?.certificates.find((c) => c.certificateId === application.certificate?.id)?.categories.filter((c) => c.selectable) ?? [];

  return (
    <>
      <Descriptions column={{ xs: 1, md: 3 }} bordered size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="姓名">{profile.data?.name}</Descriptions.Item>
        <Descriptions.Item label="身份证号">{profile.data?.idNumberMasked}</Descriptions.Item>
        <Descriptions.Item label="手机号">{profile.data?.mobileMasked}</Descriptions.Item>
      </Descriptions>
      <ErrorSummary message={summary} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark="optional"
        initialValues={{
          collectionMethod: application.collectionMethod ?? undefined,
          mailingAddressId: application.mailingAddressId ?? addresses.data?.find((a) => a.isDefault)?.id,
          reason: fields.reason,
          scope: fields.scope,
          categoryCodes: application.categories.map((c) => c.code),
          contactMobile: fields.contactMobile,
          residentialAddress: fields.residentialAddress,
          employerName: fields.employerName,
          employerUscc: fields.employerUscc,
        }}
      >
        {service === 'REISSUE' && (
          <Form.Item label="补发原因" name="reason" rules={[{ required: true, message: '请选择补发原因' }]}>
            <Radio.Group options={Object.entries(REISSUE_REASONS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        )}
        {application.variant === 'CHANGE_PERSONAL' && (
          <>
            <Typography.Paragraph>请填写需要变更的信息（至少一项）。</Typography.Paragraph>
            <Form.Item label="新的联系电话" name="contactMobile" rules={[{ pattern: /^1[3-9]\d{9}$/, message: '请输入11位手机号，以1开头' }]}>
              <Input inputMode="numeric" maxLength={11} />
            </Form.Item>
            <Form.Item label="新的住址" name="residentialAddress">
              <Input maxLength={120} />
            </Form.Item>
          </>
        )}
        {application.variant === 'CHANGE_EMPLOYER' && (
          <>
            <Form.Item label="新服务单位名称" name="employerName" rules={[{ required: true, message: '请填写新服务单位全称' }]}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item label="统一社会信用代码" name="employerUscc" extra="18位，见营业执照" rules={[{ required: true, message: '请填写统一社会信用代码' }]}>
              <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </>
        )}
        {service === 'CANCEL' && (
          <>
            <Form.Item label="注销原因">
              <Typography.Text>本人申请</Typography.Text>
            </Form.Item>
            <Form.Item label="注销类型" name="scope" extra="“全部”注销该证件的全部类别；“部分”可勾选注销其中一个或几个类别" rules={[{ required: true, message: '请选择注销类型' }]}>
              <Radio.Group options={Object.entries(CANCEL_SCOPES).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            {scope === 'PARTIAL' && (
              <Form.Item label="注销的类别" name="categoryCodes" rules={[{ required: true, message: '请至少勾选一个要注销的类别' }]}>
                <Checkbox.Group options={held.map((c) => ({ value: c.code, label: c.name }))} />
              </Form.Item>
            )}
          </>
        )}
        {needsDelivery && (
          <Form.Item label="证件领取方式" name="collectionMethod" rules={[{ required: true, message: '请选择证件领取方式' }]}>
            <Radio.Group
              options={[
                { value: 'PICKUP', label: '自取' },
                { value: 'MAIL', label: '邮寄' },
              ]}
              onChange={(e) => {
                if (e.target.value === 'MAIL' && (addresses.data ?? []).length === 0) setAdding(true);
              }}
            />
          </Form.Item>
        )}
        {needsDelivery && method === 'PICKUP' && application.handlingAuthority && (
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }} title="领取地点">
            <Descriptions.Item label="窗口">{application.handlingAuthority.name}</Descriptions.Item>
            <Descriptions.Item label="地址">{application.handlingAuthority.address}</Descriptions.Item>
            <Descriptions.Item label="办公时间">{application.handlingAuthority.serviceHours}</Descriptions.Item>
            <Descriptions.Item label="电话">{application.handlingAuthority.phone}</Descriptions.Item>
          </Descriptions>
        )}
        {needsDelivery && method === 'MAIL' && (
          <Form.Item label="邮寄地址" name="mailingAddressId" rules={[{ required: true, message: '请选择或添加邮寄地址' }]}>
            <Radio.Group style={{ width: '100%' }}>
              <Space direction="vertical">
                {(addresses.data ?? []).map((a) => (
                  <Radio key={a.id} value={a.id}>
                    {a.recipientName} {a.mobileMasked} {regionText(a.regionNames)} {a.detail}
                  </Radio>
                ))}
                <Button onClick={() => setAdding(true)}>添加邮寄地址</Button>
              </Space>
            </Radio.Group>
          </Form.Item>
        )}
        <Space>
          <Button onClick={onBack}>上一步</Button>
          <Button type="primary" htmlType="submit" size="large" loading={submitting}>
            下一步
          </Button>
        </Space>
      </Form>
      {adding && (
        <AddressDialog
          onClose={() => setAdding(false)}
          onAdded={(address) => {
            setAdding(false);
            void addresses.refetch().then(() => form.setFieldValue('mailingAddressId', address.id));
          }}
        />
      )}
    </>
  );
}
