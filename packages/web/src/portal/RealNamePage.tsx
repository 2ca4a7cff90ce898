import { useEffect, useState } from 'react';
import { Button, Card, Checkbox, DatePicker, Form, Input, Result, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../shared/api';
import { ErrorSummary } from '../shared/ErrorSummary';
import { Loading } from '../shared/page-state';
import { useCitizenSession, useRefreshSessions } from '../shared/session';
import { useFormSubmit } from '../shared/useFormSubmit';

interface RealNameValues {
  name: string;
  idNumber: string;
  validFrom: Dayjs;
  validTo?: Dayjs;
  longTerm: boolean;
}

const REDIRECT_SECONDS = 5;

/** 实名认证: name, ID number and the validity dates from the back of the ID card, checked with public security. */
export function RealNamePage() {
  const session = useCitizenSession();
  const [form] = Form.useForm<RealNameValues>();
  const longTerm = Form.useWatch('longTerm', form);
  const [params] = useSearchParams();
  const fromRegistration = params.get('from') === 'register';
  const [done, setDone] = useState(false);
  const navigate = useNavigate();
  const refreshSessions = useRefreshSessions();
  const { submit, submitting, summary } = useFormSubmit(form, async (values) => {
    await api('/api/me/realname', {
      body: {
        name: values.name,
        idNumber: values.idNumber,
        validFrom: values.validFrom.format('YYYY-MM-DD'),
        validTo: values.longTerm ? 'LONG_TERM' : values.validTo?.format('YYYY-MM-DD'),
      },
    });
    if (fromRegistration) await api('/api/auth/logout', { method: 'POST' });
    await refreshSessions();
    setDone(true);
  });

  if (done) return <RealNameDone fromRegistration={fromRegistration} onGo={() => void navigate(fromRegistration ? '/login?registered=1' : '/me')} />;
  if (session.isPending) return <Loading />;
  if (!session.data?.authenticated) return <Navigate to="/login?next=/realname" replace />;
  if (session.data.citizen?.realNameStatus === 'VERIFIED') return <Navigate to="/me" replace />;

  return (
    <Card style={{ maxWidth: 640, margin: '0 auto' }}>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        实名认证
      </Typography.Title>
      <Typography.Paragraph>
        实名认证与公安机关身份信息核验服务连接，请按本人居民身份证如实填写。姓名应与身份证上的姓名完全一致，有效起始日期和有效截止日期见身份证背面“有效期限”。
      </Typography.Paragraph>
      <ErrorSummary message={summary} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional" initialValues={{ longTerm: false }} scrollToFirstError>
        <Form.Item label="姓名" name="name" rules={[{ required: true, message: '请输入姓名' }]}>
          <Input autoComplete="name" maxLength={30} />
        </Form.Item>
        <Form.Item label="身份证号" name="idNumber" rules={[{ required: true, message: '请输入身份证号' }, { pattern: /^\s*\d{17}[\dxX]\s*$/, message: '身份证号应为18位，最后一位可以是X' }]}>
          <Input maxLength={20} autoComplete="off" />
        </Form.Item>
        <Form.Item label="有效起始日期" name="validFrom" rules={[{ required: true, message: '请选择有效起始日期' }]} extra="身份证背面“有效期限”中的第一个日期">
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} placeholder="例如 2016-03-04" />
        </Form.Item>
        <Form.Item label="有效截止日期" required={!longTerm} extra="身份证背面“有效期限”中的第二个日期；写有“长期”的，请勾选“长期”">
          <Form.Item name="validTo" noStyle rules={[{ required: !longTerm, message: '请选择有效截止日期，或勾选“长期”' }]}>
            <DatePicker style={{ width: '100%' }} disabled={longTerm} placeholder="例如 2036-03-04" aria-label="有效截止日期" />
          </Form.Item>
          <Form.Item name="longTerm" valuePropName="checked" noStyle>
            <Checkbox style={{ marginTop: 8 }} onChange={() => form.setFieldValue('validTo', undefined)}>
              长期
            </Checkbox>
          </Form.Item>
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
          认证
        </Button>
      </Form>
    </Card>
  );
}

function RealNameDone({ fromRegistration, onGo }: { fromRegistration: boolean; onGo: () => void }) {
  const [left, setLeft] = useState(REDIRECT_SECONDS);
  useEffect(() => {
    if (left <= 0) {
      onGo();
      return;
    }
    const timer = setTimeout(() => setLeft(left - 1), 1000);
    return () => clearTimeout(timer);
  }, [left, onGo]);
  return (
    <Result
      status="success"
      title={fromRegistration ? '注册成功' : '实名认证成功'}
      subTitle={fromRegistration ? `实名认证已通过。系统将在${left}秒后自动跳转到登录页面，请用手机号或身份证号和密码登录。` : `实名认证已通过，${left}秒后返回个人空间。`}
      extra={
        <Button type="primary" onClick={onGo}>
          {fromRegistration ? '立即登录' : '返回个人空间'}
        </Button>
      }
    />
  );
}
