/**
 * The error-code registry: every error the API can answer, with its HTTP status and a zh-CN title a citizen
 * understands. Responses carry the code (`YZ-<AREA>-<NNN>`) so the web and support staff can tell them apart.
 */
export interface ErrorSpec {
  status: number;
  title: string;
}

export const ERRORS = {
  'YZ-GEN-400': { status: 400, title: '请求格式有误' },
  'YZ-GEN-401': { status: 401, title: '请先登录' },
  'YZ-GEN-404': { status: 404, title: '您访问的内容不存在' },
  'YZ-GEN-405': { status: 405, title: '不支持该操作方式' },
  'YZ-GEN-409': { status: 409, title: '操作与当前状态冲突，请刷新后重试' },
  'YZ-GEN-413': { status: 413, title: '提交的内容过大' },
  'YZ-GEN-415': { status: 415, title: '不支持该内容格式' },
  'YZ-GEN-422': { status: 422, title: '填写的内容有误，请按提示修改' },
  'YZ-GEN-429': { status: 429, title: '操作过于频繁，请稍后再试' },
  'YZ-GEN-500': { status: 500, title: '系统出现异常，请稍后再试' },
  'YZ-GEN-503': { status: 503, title: '服务暂时不可用，请稍后再试' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;

export function errorSpec(code: ErrorCode): ErrorSpec {
  return ERRORS[code];
}

/** One field's problem, named by its path in the request (e.g. `idNumber`, `address.postcode`). */
export interface FieldError {
  field: string;
  message: string;
}

/** The body of every error response (`application/problem+json`, RFC 9457). */
export interface Problem {
  type: string;
  code: ErrorCode;
  title: string;
  status: number;
  detail?: string;
  requestId?: string;
  errors?: FieldError[];
}
