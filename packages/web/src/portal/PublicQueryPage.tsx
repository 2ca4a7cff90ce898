import { useState } from 'react';
import { Button, Card, Empty, Form, Image, Input, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../shared/api';
import { ErrorSummary } from '../shared/ErrorSummary';
import { useFormSubmit } from '../shared/useFormSubmit';
import { STATE_TONES, type CategoryView } from './certificates-api';
import { StatusTag } from '../shared/StatusTag';

interface QueryResult {
  holderName: string;
  holderIdNumber: string;
  certNo: string;
  issuingAuthority: string;
  categories: { name: string; validTo: string; state: CategoryView['state']; stateName: string }[];
}

/** 从业资格查询: anyone may check a practitioner's qualification by name and ID number (masked answer). */
export function PublicQueryPage() {
  const [kind, setKind] = useState<'image' | 'text'>('image');
  const captcha = useQuery({ queryKey: ['captcha', kind], queryFn: () => api<{ id: string; image?: string; question?: string }>('/api/public/captcha', { body: { kind } }), staleTime: Infinity, gcTime: 0 });
  const [form] = Form.useForm<{ name: string; idNumber: string; captchaAnswer: string }>();
  const [results, setResults] = useState<QueryResult[]>();
  const { submit, submitting, summary } = useFormSubmit(form, async (values) => {
    try {
      const answer = await api<{ results: QueryResult[] }>('/api/public/certificate-query', { body: { ...values, captchaId: captcha.data?.id } });
      setResults(answer.results);
    } finally {
      // Each challenge is good for one try.
      form.setFieldValue('captchaAnswer', '');
      void captcha.refetch();
    }
  });

  return (
    <Card style={{ maxWidth: 860, margin: '0 auto' }}>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        从业资格查询
      </Typography.Title>
      <Typography.Paragraph>输入姓名和身份证号，查询道路运输从业人员从业资格证的类别、有效期和状态。查询结果中的个人信息已脱敏。</Typography.Paragraph>
      <ErrorSummary message={summary} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional" style={{ maxWidth: 480 }}>
        <Form.Item label="姓名" name="name" rules={[{ required: true, message: '请输入姓名' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="身份证号" name="idNumber" rules={[{ required: true, message: '请输入身份证号' }]}>
          <Input autoComplete="off" maxLength={20} />
        </Form.Item>
        <Form.Item label="验证码" required extra={kind === 'image' ? '请输入图片中的字符，不区分大小写' : '请用数字回答上面的问题'}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {captcha.data?.image && <Image src={captcha.data.image} alt="图片验证码，看不清可改用文字题" preview={false} width={150} height={50} />}
            {captcha.data?.question && (
              <Typography.Text strong aria-live="polite" data-testid="captcha-question">
                {captcha.data.question}
              </Typography.Text>
            )}
            <Space wrap>
              <Form.Item name="captchaAnswer" noStyle rules={[{ required: true, message: '请输入验证码' }]}>
                <Input style={{ width: 160 }} autoComplete="off" aria-label="验证码答案" />
              </Form.Item>
              <Button onClick={() => void captcha.refetch()}>换一个</Button>
              <Button type="link" onClick={() => setKind(kind === 'image' ? 'text' : 'image')}>
                {kind === 'image' ? '看不清？改用文字题' : '改用图片验证码'}
              </Button>
            </Space>
          </Space>
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" loading={submitting}>
          查询
        </Button>
      </Form>
      {results && (
        <div style={{ marginTop: 24 }} aria-live="polite">
          <Typography.Title level={2} style={{ fontSize: 20 }}>
            查询结果
          </Typography.Title>
          {results.length === 0 ? (
            <Empty description="未查询到与该姓名和身份证号一致的从业资格证" />
          ) : (
            results.map((r) => (
              <Card key={r.certNo} size="small" title={`${r.holderName}（${r.holderIdNumber}）· 证号 ${r.certNo}`} style={{ marginBottom: 12 }}>
                <Typography.Paragraph>发证机关：{r.issuingAuthority}</Typography.Paragraph>
                <Table
                  size="small"
                  rowKey="name"
                  pagination={false}
                  dataSource={r.categories}
                  columns={[
                    { title: '从业资格类别', dataIndex: 'name' },
                    { title: '有效期至', dataIndex: 'validTo' },
                    { title: '状态', render: (_, c) => <StatusTag tone={STATE_TONES[c.state]}>{c.stateName}</StatusTag> },
                  ]}
                />
              </Card>
            ))
          )}
        </div>
      )}
    </Card>
  );
}
