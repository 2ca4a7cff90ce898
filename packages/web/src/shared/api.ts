import type { FieldError, Problem } from '@yunzheng/domain';

/** An API answer other than 2xx, carrying the server's zh-CN title, detail and per-field messages. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

const NETWORK_PROBLEM: Problem = {
  type: 'about:blank',
  code: 'YZ-GEN-503',
  title: '网络连接异常，请检查网络后重试',
  status: 0,
};

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && 'code' in body && 'title' in body;
}

/** Calls the API with JSON in and out; throws ApiError with the server's problem (or a network problem). */
export async function api<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: init.body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
      signal: init.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(NETWORK_PROBLEM);
  }
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    throw new ApiError(isProblem(body) ? body : { ...NETWORK_PROBLEM, code: 'YZ-GEN-500', title: '系统出现异常，请稍后再试', status: response.status });
  }
  return body as T;
}
