import { useState } from 'react';
import { Button, Space } from 'antd';
import { api } from '../../shared/api';

/** A masked value with 查看完整信息: one field revealed on request, and the server writes an audit row for it. */
export function RevealableValue({ caseId, field, masked, label }: { caseId: string; field: string; masked: string; label: string }) {
  const [value, setValue] = useState<string>();
  const [error, setError] = useState<string>();
  if (value) return <span data-testid={`revealed-${field}`}>{value}</span>;
  return (
    <Space size={4} wrap>
      <span>{masked}</span>
      <Button
        type="link"
        size="small"
        aria-label={`查看完整${label}`}
        onClick={() =>
          void api<{ value: string }>(`/api/admin/cases/${caseId}/reveal`, { body: { field } })
            .then((r) => setValue(r.value))
            .catch((e: Error) => setError(e.message))
        }
      >
        查看完整信息
      </Button>
      {error && <span role="alert">{error}</span>}
    </Space>
  );
}
