import { Alert } from 'antd';

/** The error summary at the top of a form (GOV.UK pattern): focusable, announced, in words not colour alone. */
export function ErrorSummary({ message }: { message: string | undefined }) {
  if (!message) return null;
  return <Alert type="error" showIcon title={message} role="alert" style={{ marginBottom: 16 }} />;
}
