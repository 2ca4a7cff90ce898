import { Alert, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ApiError } from '../../shared/api';
import { LoadError, Loading } from '../../shared/page-state';
import { useCitizenSession } from '../../shared/session';
import type { ApplicationView } from './types';

interface Notice {
  title: string;
  version: string;
  sections: { heading: string; lines: string[] }[];
}

/** 业务须知: read in full, then 同意并确认 starts (or resumes) the application. */
export function NoticePage() {
  const { service = '' } = useParams();
  const [params] = useSearchParams();
  const variant = params.get('variant');
  const session = useCitizenSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const [starting, setStarting] = useState(false);
  const query = variant ? `?variant=${variant}` : '';
  const notice = useQuery({ queryKey: ['notice', service, variant], queryFn: () => api<Notice>(`/api/services/${service}/notice${query}`) });

  if (session.isPending || notice.isPending) return <Loading />;
  if (!session.data?.authenticated) return <Navigate to={`/login?next=${encodeURIComponent(`/apply/${service}${query}`)}`} replace />;
  if (session.data.citizen?.realNameStatus !== 'VERIFIED') return <Navigate to="/realname" replace />;
  if (notice.isError) return <LoadError error={notice.error} />;

  async function agree() {
    setStarting(true);
    setError(undefined);
    try {
      const draft = await api<ApplicationView>('/api/applications', { body: { service, ...(variant && { variant }), noticeVersion: notice.data!.version } });
      await navigate(`/applications/${draft.id}/edit`);
    } catch (e) {
      setError(e instanceof ApiError ? (e.problem.detail ?? e.problem.title) : '系统出现异常，请稍后再试');
    } finally {
      setStarting(false);
    }
  }

  return (
    <Card style={{ maxWidth: 860, margin: '0 auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {notice.data.title}
      </Typography.Title>
      <Typography.Text type="secondary">版本 {notice.data.version}</Typography.Text>
      {notice.data.sections.map((s) => (
        <section key={s.heading} style={{ marginTop: 16 }}>
          <Typography.Title level={2} style={{ fontSize: 18 }}>
            {s.heading}
          </Typography.Title>
          <ul style={{ paddingLeft: 20, margin: 0 }}>
            {s.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      ))}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 16 }} />}
      <Typography.Paragraph style={{ marginTop: 24 }}>点击“同意并确认”，表示您已阅读上述业务须知，并承诺所填信息和所传材料真实有效。</Typography.Paragraph>
      <Space>
        <Button onClick={() => void navigate('/services')}>返回</Button>
        <Button type="primary" size="large" loading={starting} onClick={() => void agree()}>
          同意并确认
        </Button>
      </Space>
    </Card>
  );
}
