import { Form, Input, Space, type FormInstance } from 'antd';
import type { PasswordAudience } from '@yunzheng/domain';
import { PasswordRules } from './PasswordRules';
import { SmsCodeButton } from './SmsCodeButton';

export const MOBILE_RULES = [
  { required: true, message: '请输入手机号' },
  { pattern: /^1[3-9]\d{9}$/, message: '请输入11位手机号，以1开头' },
];

/** A new password with the rules shown first, and its confirmation (the server judges the rules again). */
export function NewPasswordFields({ name, label, confirmLabel = `确认${label}`, audience }: { name: string; label: string; confirmLabel?: string; audience: PasswordAudience }) {
  const confirmName = `confirm${name[0]!.toUpperCase()}${name.slice(1)}`;
  return (
    <>
      <Form.Item label={label} name={name} extra={<PasswordRules audience={audience} id={`${name}-rules`} />} rules={[{ required: true, message: `请输入${label}` }]}>
        <Input.Password autoComplete="new-password" aria-describedby={`${name}-rules`} />
      </Form.Item>
      <Form.Item
        label={confirmLabel}
        name={confirmName}
        dependencies={[name]}
        rules={[
          { required: true, message: `请再次输入${label}` },
          ({ getFieldValue }) => ({ validator: (_, value) => (!value || value === getFieldValue(name) ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

/** 手机号 + 短信验证码 with the 获取验证码 button. */
export function MobileAndCodeFields({
  form,
  mobileName = 'mobile',
  mobileLabel = '手机号',
  endpoint,
  codeRequest,
  onError,
}: {
  form: FormInstance;
  mobileName?: string;
  mobileLabel?: string;
  endpoint?: string;
  codeRequest: (mobile: string) => unknown;
  onError: (message: string | undefined) => void;
}) {
  return (
    <>
      <Form.Item label={mobileLabel} name={mobileName} rules={MOBILE_RULES}>
        <Input inputMode="numeric" autoComplete="tel" maxLength={11} />
      </Form.Item>
      <Form.Item label="短信验证码" required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="smsCode" noStyle rules={[{ required: true, message: '请输入短信验证码' }, { pattern: /^\d{6}$/, message: '短信验证码为6位数字' }]}>
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} aria-label="短信验证码" />
          </Form.Item>
          <SmsCodeButton form={form} mobileField={mobileName} {...(endpoint && { endpoint })} body={codeRequest} onError={onError} />
        </Space.Compact>
      </Form.Item>
    </>
  );
}
