import { Button, Card, Form, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '../shared/api';
import { ErrorSummary } from '../shared/ErrorSummary';
import { MobileAndCodeFields, NewPasswordFields } from '../shared/AccountFields';
import { useFormSubmit } from '../shared/useFormSubmit';

/** 找回密码: a code to the registered mobile number, then a new password; every signed-in device is signed out. */
export function PasswordResetPage() {
  const [form] = Form.useForm<{ mobile: string; smsCode: string; newPassword: string; confirmNewPassword: string }>();
  const navigate = useNavigate();
  const { submit, submitting, summary, setSummary } = useFormSubmit(form, async (values) => {
    await api('/api/auth/password-reset', { body: { mobile: values.mobile, smsCode: values.smsCode, newPassword: values.newPassword } });
    await navigate('/login?reset=1');
  });
  return (
    <Card style={{ maxWidth: 520, margin: '0 auto' }}>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        找回密码
      </Typography.Title>
      <Typography.Paragraph>验证码将发送到注册时使用的手机号。重置后，所有已登录的设备都需要重新登录。</Typography.Paragraph>
      <ErrorSummary message={summary} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <MobileAndCodeFields form={form} codeRequest={(mobile) => ({ mobile, purpose: 'RESET_PASSWORD' })} onError={setSummary} />
        <NewPasswordFields name="newPassword" label="新密码" audience="citizen" />
        <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
          重置密码
        </Button>
      </Form>
    </Card>
  );
}
