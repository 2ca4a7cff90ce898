import { useEffect, useState } from 'react';
import { Button, Modal, Typography } from 'antd';
import type { SessionTimes } from './session';

/**
 * Warns before the idle timeout ends the session (standards S5, WCAG 2.2.1): at least two minutes ahead, with a
 * button to stay signed in. When time is up, `onExpired` takes the person to the sign-in page.
 */
export function SessionTimeoutWarning({ times, onExtend, onExpired, onLogout }: { times: SessionTimes | undefined; onExtend: () => Promise<unknown>; onExpired: () => void; onLogout: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  const [extending, setExtending] = useState(false);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const expiresAt = times?.idleExpiresAt ? new Date(times.idleExpiresAt).getTime() : undefined;
  const warnMs = (times?.warnBeforeSeconds ?? 120) * 1000;
  const left = expiresAt === undefined ? undefined : expiresAt - now;
  useEffect(() => {
    if (left !== undefined && left <= 0) onExpired();
  }, [left, onExpired]);
  if (left === undefined || left > warnMs || left <= 0) return null;
  const seconds = Math.ceil(left / 1000);
  return (
    <Modal
      open
      title="登录即将超时"
      closable={false}
      maskClosable={false}
      footer={[
        <Button key="logout" onClick={onLogout}>
          退出登录
        </Button>,
        <Button
          key="extend"
          type="primary"
          loading={extending}
          onClick={async () => {
            setExtending(true);
            try {
              await onExtend();
            } finally {
              setExtending(false);
            }
          }}
        >
          继续登录
        </Button>,
      ]}
    >
      <Typography.Paragraph role="alert">
        为保护您的信息安全，长时间未操作将自动退出。您的登录将在 <strong>{Math.floor(seconds / 60)}分{seconds % 60}秒</strong> 后失效，如需继续办理，请点击“继续登录”。已填写的内容会自动保存。
      </Typography.Paragraph>
    </Modal>
  );
}
