import { useEffect, useState } from 'react';
import { Button, type FormInstance } from 'antd';
import { api, ApiError } from './api';

/**
 * 获取验证码: validates the mobile field, asks the server to send a code, then counts down to the resend time
 * the server gives (60 s). Errors go onto the mobile field or to `onError`.
 */
export function SmsCodeButton({ form, mobileField = 'mobile', endpoint = '/api/auth/sms-codes', body, onError }: { form: FormInstance; mobileField?: string; endpoint?: string; body: (mobile: string) => unknown; onError: (message: string | undefined) => void }) {
  const [wait, setWait] = useState(0);
  const [sending, setSending] = useState(false);
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait(wait - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  async function send() {
    onError(undefined);
    let mobile: string;
    try {
      mobile = (await form.validateFields([mobileField]))[mobileField] as string;
    } catch {
      return;
    }
    setSending(true);
    try {
      const result = await api<{ resendAfterSeconds: number }>(endpoint, { body: body(mobile) });
      setWait(result.resendAfterSeconds);
    } catch (error) {
      if (error instanceof ApiError) {
        const onField = error.fieldErrors.find((e) => e.field === mobileField || e.field === 'newMobile' || e.field === 'password');
        if (onField) form.setFields([{ name: onField.field, errors: [onField.message] }]);
        onError(error.problem.detail ?? error.problem.title);
      } else onError('短信发送失败，请稍后再试');
    } finally {
      setSending(false);
    }
  }

  return (
    <Button onClick={send} disabled={wait > 0} loading={sending} style={{ minWidth: 132 }}>
      {wait > 0 ? `${wait}秒后重新获取` : '获取验证码'}
    </Button>
  );
}
