import type { FormInstance } from 'antd';
import { ApiError } from './api';

/**
 * Puts the server's per-field messages on the form's fields (the server is the judge of every rule) and returns
 * the message for the error summary at the top of the form.
 */
export function showServerErrors(form: FormInstance, error: unknown): string {
  if (!(error instanceof ApiError)) return '系统出现异常，请稍后再试';
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const onFields = error.fieldErrors.filter((e) => known.has(e.field.split('.')[0] ?? ''));
  form.setFields(onFields.map((e) => ({ name: e.field.split('.'), errors: [e.message] })));
  return error.problem.detail ?? error.problem.title;
}
