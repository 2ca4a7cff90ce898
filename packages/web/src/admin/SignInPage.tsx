import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../shared/api';
import { ErrorSummary } from '../shared/ErrorSummary';
import { Loading } from '../shared/page-state';
import { useRefreshSessions, useStaffSession } from '../shared/session';
import { useFormSubmit } from '../shared/useFormSubmit';

type PasswordStep = { next: 'TOTP' } | { next: 'ENROL_TOTP'; otpauthUri: string; qrDataUrl: string; secret: string };

/** Staff sign-in: user name and password, then the 6-digit code of the authenticator app (enrolled on first use). */
export function SignInPage() {
  const session = useStaffSession();
  const [step, setStep] = useState<PasswordStep>();
  const [params] = useSearchParams();
  if (session.isPending) return <Loading />;
  if (session.data?.authenticated) return <Navigate to="/admin/home" replace />;
  return (
    <Card style={{ maxWidth: 480, margin: '32px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        工作人员登录
      </Typography.Title>
      {params.get('expired') && !step && <Alert type="warning" showIcon title="登录已超时，请重新登录" style={{ marginBottom: 16 }} />}
      {step ? <TotpStep step={step} /> : <PasswordForm onDone={setStep} />}
    </Card>
  );
}

function PasswordForm({ onDone }: { onDone: (step: PasswordStep) => void }) {
  const [form] = Form.useForm<{ username: string; password: string }>();
  const { submit, submitting, summary } = useFormSubmit(form, async (values) => onDone(await api<PasswordStep>('/api/admin/auth/password', { body: values })));
  return (
    <>
      <ErrorSummary message={summary} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          下一步
        </Button>
      </Form>
    </>
  );
}

function TotpStep({ step }: { step: PasswordStep }) {
  const [form] = Form.useForm<{ code: string }>();
  const navigate = useNavigate();
  const refresh = useRefreshSessions();
  const { submit, submitting, summary } = useFormSubmit(form, async (values) => {
    await api('/api/admin/auth/totp', { body: values });
    await refresh();
    await navigate('/admin/home');
  });
  return (
    <>
      {step.next === 'ENROL_TOTP' ? (
        <>
          <Typography.Paragraph>
            首次登录需绑定身份验证器。请在手机上打开身份验证器应用（如“腾讯身份验证器”“Google Authenticator”或“Microsoft Authenticator”），扫描下方二维码；无法扫码时，可手动输入密钥。
          </Typography.Paragraph>
          <div style={{ textAlign: 'center' }}>
            <img src={step.qrDataUrl} alt="身份验证器绑定二维码" width={220} height={220} />
            <Typography.Paragraph copyable={{ text: step.secret }} style={{ fontFamily: 'monospace', wordBreak: 'break-all' }} data-testid="totp-secret">
              {step.secret}
            </Typography.Paragraph>
          </div>
        </>
      ) : (
        <Typography.Paragraph>请输入身份验证器中当前显示的6位动态验证码。</Typography.Paragraph>
      )}
      <ErrorSummary message={summary} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label="动态验证码" name="code" rules={[{ required: true, message: '请输入动态验证码' }, { pattern: /^\d{6}$/, message: '动态验证码为6位数字' }]}>
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          登录
        </Button>
      </Form>
    </>
  );
}
