import { useState } from 'react';
import { Button, Card, Checkbox, Form, Radio, Space, Steps, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api } from '../shared/api';
import { ErrorSummary } from '../shared/ErrorSummary';
import { MobileAndCodeFields, NewPasswordFields } from '../shared/AccountFields';
import { useRefreshSessions } from '../shared/session';
import { useFormSubmit } from '../shared/useFormSubmit';
import { AgreementLinks } from './AgreementLinks';

interface RegisterValues {
  mobile: string;
  smsCode: string;
  password: string;
  confirmPassword: string;
  acceptAgreements: boolean;
}

/** 账号注册, as the seed guide walks it: 注册类型 → 自然人注册 → 下一步 → 必填项 → 立即注册 → 实名认证. */
export function RegisterPage() {
  const [step, setStep] = useState<0 | 1>(0);
  const [form] = Form.useForm<RegisterValues>();
  const navigate = useNavigate();
  const refreshSessions = useRefreshSessions();
  const { submit, submitting, summary, setSummary } = useFormSubmit(form, async (values) => {
    await api('/api/auth/register', { body: { mobile: values.mobile, smsCode: values.smsCode, password: values.password, acceptAgreements: values.acceptAgreements } });
    await refreshSessions();
    await navigate('/realname?from=register');
  });

  return (
    <Card style={{ maxWidth: 640, margin: '0 auto' }}>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        注册
      </Typography.Title>
      <Steps current={step} size="small" style={{ marginBottom: 24 }} items={[{ title: '选择注册类型' }, { title: '填写注册信息' }, { title: '实名认证' }]} />
      {step === 0 ? (
        <>
          <Typography.Paragraph>请选择注册类型。道路运输从业人员（驾驶员、押运人员、装卸管理人员）请选择“自然人注册”。</Typography.Paragraph>
          <Radio.Group value="NATURAL_PERSON" style={{ width: '100%' }} aria-label="注册类型">
            <Radio value="NATURAL_PERSON" style={{ fontSize: 17 }}>
              自然人注册
              <div style={{ color: '#555', fontSize: 14 }}>以本人手机号注册，注册后用本人居民身份证实名认证</div>
            </Radio>
          </Radio.Group>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            本系统办理从业人员个人事项，企业（法人）事项请到当地政务服务网办理。
          </Typography.Paragraph>
          <Space style={{ marginTop: 8 }}>
            <Button type="primary" size="large" onClick={() => setStep(1)}>
              下一步
            </Button>
            <Link to="/login">已有账号？去登录</Link>
          </Space>
        </>
      ) : (
        <>
          <ErrorSummary message={summary} />
          <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional" scrollToFirstError>
            <MobileAndCodeFields form={form} codeRequest={(mobile) => ({ mobile, purpose: 'REGISTER' })} onError={setSummary} />
            <NewPasswordFields name="password" label="设置密码" confirmLabel="确认密码" audience="citizen" />
            <Form.Item name="acceptAgreements" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('请阅读并同意用户服务协议和个人信息保护说明'))) }]}>
              <Checkbox>
                <AgreementLinks />
              </Checkbox>
            </Form.Item>
            <Space>
              <Button onClick={() => setStep(0)}>上一步</Button>
              <Button type="primary" htmlType="submit" size="large" loading={submitting}>
                立即注册
              </Button>
            </Space>
          </Form>
        </>
      )}
    </Card>
  );
}
