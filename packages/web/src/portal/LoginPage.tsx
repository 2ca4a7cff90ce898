import { Alert, Button, Card, Form, Input, Space, Tabs, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../shared/api';
import { ErrorSummary } from '../shared/ErrorSummary';
import { MobileAndCodeFields } from '../shared/AccountFields';
import { useRefreshSessions } from '../shared/session';
import { useFormSubmit } from '../shared/useFormSubmit';

/** Only paths inside the portal may be returned to after sign-in (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/admin') ? next : '/me';
}

function useAfterLogin() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const refreshSessions = useRefreshSessions();
  return async (result: { realNameStatus: 'NONE' | 'VERIFIED' }) => {
    await refreshSessions();
    await navigate(result.realNameStatus === 'NONE' ? '/realname' : safeNext(params.get('next')));
  };
}

function PasswordLogin() {
  const [form] = Form.useForm<{ account: string; password: string }>();
  const afterLogin = useAfterLogin();
  const { submit, submitting, summary } = useFormSubmit(form, async (values) => afterLogin(await api('/api/auth/login', { body: values })));
  return (
    <>
      <ErrorSummary message={summary} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label="账号" name="account" extra="手机号或身份证号" rules={[{ required: true, message: '请输入手机号或身份证号' }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
          登录
        </Button>
      </Form>
    </>
  );
}

function SmsLogin() {
  const [form] = Form.useForm<{ mobile: string; smsCode: string }>();
  const afterLogin = useAfterLogin();
  const { submit, submitting, summary, setSummary } = useFormSubmit(form, async (values) => afterLogin(await api('/api/auth/login-sms', { body: values })));
  return (
    <>
      <ErrorSummary message={summary} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <MobileAndCodeFields form={form} codeRequest={(mobile) => ({ mobile, purpose: 'LOGIN' })} onError={setSummary} />
        <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
          登录
        </Button>
      </Form>
    </>
  );
}

export function LoginPage() {
  const [params] = useSearchParams();
  return (
    <Card style={{ maxWidth: 480, margin: '0 auto' }}>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        用户登录
      </Typography.Title>
      {params.get('registered') && <Alert type="success" showIcon title="注册成功，请登录" style={{ marginBottom: 16 }} />}
      {params.get('expired') && <Alert type="warning" showIcon title="登录已超时，请重新登录。已填写的内容已保存。" style={{ marginBottom: 16 }} />}
      {params.get('reset') && <Alert type="success" showIcon title="密码已重置，请用新密码登录" style={{ marginBottom: 16 }} />}
      <Tabs
        items={[
          { key: 'password', label: '密码登录', children: <PasswordLogin /> },
          { key: 'sms', label: '短信验证码登录', children: <SmsLogin /> },
        ]}
      />
      <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 16 }}>
        <Link to="/password-reset">忘记密码？</Link>
        <Link to="/register">没有账号？立即注册</Link>
      </Space>
    </Card>
  );
}
