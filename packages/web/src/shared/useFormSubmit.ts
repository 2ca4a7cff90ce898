import { useState } from 'react';
import type { FormInstance } from 'antd';
import { showServerErrors } from './form-errors';

/**
 * The submit cycle every form shares: clear the summary, run the action, and on failure put the server's
 * messages on the fields and in the summary at the top.
 */
export function useFormSubmit<T>(form: FormInstance<T>, action: (values: T) => Promise<void>) {
  const [summary, setSummary] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  async function submit(values: T) {
    setSummary(undefined);
    setSubmitting(true);
    try {
      await action(values);
    } catch (error) {
      setSummary(showServerErrors(form, error));
    } finally {
      setSubmitting(false);
    }
  }
  return { submit, submitting, summary, setSummary };
}
