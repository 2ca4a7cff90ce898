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
  'YZ-GEN-403': { status: 403, title: '您没有执行该操作的权限' },
  'YZ-GEN-404': { status: 404, title: '您访问的内容不存在' },
  'YZ-GEN-405': { status: 405, title: '不支持该操作方式' },
  'YZ-GEN-409': { status: 409, title: '操作与当前状态冲突，请刷新后重试' },
  'YZ-GEN-413': { status: 413, title: '提交的内容过大' },
  'YZ-GEN-415': { status: 415, title: '不支持该内容格式' },
  'YZ-GEN-422': { status: 422, title: '填写的内容有误，请按提示修改' },
  'YZ-GEN-429': { status: 429, title: '操作过于频繁，请稍后再试' },
  'YZ-GEN-500': { status: 500, title: '系统出现异常，请稍后再试' },
  'YZ-GEN-503': { status: 503, title: '服务暂时不可用，请稍后再试' },

  'YZ-ACC-001': { status: 401, title: '账号或密码错误' },
  'YZ-ACC-002': { status: 423, title: '登录失败次数过多，账号已临时锁定' },
  'YZ-ACC-003': { status: 422, title: '短信验证码错误或已失效' },
  'YZ-ACC-004': { status: 429, title: '验证码发送过于频繁' },
  'YZ-ACC-005': { status: 409, title: '该手机号已注册' },
  'YZ-ACC-006': { status: 409, title: '该身份证号已被其他账号实名认证' },
  'YZ-ACC-007': { status: 422, title: '实名认证未通过' },
  'YZ-ACC-008': { status: 503, title: '身份核验服务暂不可用，请稍后再试' },
  'YZ-ACC-009': { status: 401, title: '登录已超时，请重新登录' },
  'YZ-ACC-010': { status: 403, title: '请先完成实名认证' },
  'YZ-ACC-011': { status: 409, title: '您已完成实名认证' },
  'YZ-ACC-012': { status: 401, title: '动态验证码错误' },
  'YZ-ACC-013': { status: 422, title: '密码不符合要求' },
  'YZ-ACC-014': { status: 409, title: '用户名已存在' },

  'YZ-IDM-001': { status: 409, title: '相同的请求正在处理中，请稍候查看结果' },
  'YZ-IDM-002': { status: 422, title: '该请求编号已用于另一份内容不同的提交，请刷新页面后重试' },
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
