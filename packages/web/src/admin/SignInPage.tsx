import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { api } from '../shared/api';
import { showServerErrors } from '../shared/form-errors';

interface SignInValues {
  username: string;
  password: string;
}

/** Staff sign-in: user name and password, then the TOTP step. */
export function SignInPage() {
  const [form] = Form.useForm<SignInValues>();
  const [summary, setSummary] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  async function submit(values: SignInValues) {
    setSummary(undefined);
    setSubmitting(true);
    try {
      await api('/api/admin/auth/password', { body: values });
    } catch (error) {
      setSummary(showServerErrors(form, error));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Card style={{ maxWidth: 440, margin: '32px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        工作人员登录
      </Typography.Title>
      {summary && <Alert type="error" showIcon title={summary} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          登录
        </Button>
      </Form>
    </Card>
  );
}
