import { Alert, Button, Result, Spin } from 'antd';
import { LinkButton } from './LinkButton';
import { ApiError } from './api';

export function Loading({ tip = '正在加载…' }: { tip?: string }) {
  return (
    <div style={{ padding: 48, textAlign: 'center' }} role="status" aria-live="polite">
      <Spin size="large" />
      <div style={{ marginTop: 12, color: '#555' }}>{tip}</div>
    </div>
  );
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : '页面加载失败，请稍后再试';
  return (
    <Alert
      type="error"
      showIcon
      title="加载失败"
      description={message}
      action={onRetry && <Button onClick={onRetry}>重试</Button>}
      role="alert"
    />
  );
}

export function NotFoundPage() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除。"
      extra={
        <LinkButton to="/" type="primary">
          返回首页
        </LinkButton>
      }
    />
  );
}
