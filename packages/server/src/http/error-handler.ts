import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode, FieldError } from '@yunzheng/domain';
import { AppError, problemOf } from './problem';

const PROBLEM_JSON = 'application/problem+json; charset=utf-8';

/** Fastify's own client-error codes, mapped to registry codes (anything else a client causes is a 400). */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'YZ-GEN-413',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'YZ-GEN-415',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'YZ-GEN-400',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'YZ-GEN-400',
  FST_REQ_FILE_TOO_LARGE: 'YZ-GEN-413',
  FST_FILES_LIMIT: 'YZ-GEN-413',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'YZ-GEN-415',
};

function sendProblem(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, extra: { detail?: string; errors?: FieldError[] } = {}) {
  const problem = problemOf(code, { ...extra, requestId: request.id });
  return reply.status(problem.status).type(PROBLEM_JSON).send(problem);
}

/** `/address/postcode` in the body → `address.postcode`; query and path fields are named the same way. */
function fieldName(instancePath: string): string {
  return instancePath.replace(/^\//, '').replaceAll('/', '.');
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(reply, request, error.code, {
        ...(error.detail !== undefined && { detail: error.detail }),
        ...(error.fieldErrors !== undefined && { errors: error.fieldErrors }),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => ({ field: fieldName(v.instancePath) || error.validationContext || 'body', message: v.message ?? '格式不正确' }));
      return sendProblem(reply, request, 'YZ-GEN-422', { errors });
    }
    if (error.statusCode === 429) {
      return sendProblem(reply, request, 'YZ-GEN-429');
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return sendProblem(reply, request, mapped);
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      // A malformed request Fastify caught itself (bad JSON, bad header): say so without echoing internals.
      return sendProblem(reply, request, 'YZ-GEN-400');
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, 'YZ-GEN-500', { detail: `如需帮助，请提供请求编号 ${request.id}` });
  });
}

export { sendProblem };
