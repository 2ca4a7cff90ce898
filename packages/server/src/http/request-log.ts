import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * One log line per request: id, method, the route pattern (never the raw URL, whose path or query may carry an
 * ID number), status and duration. Replaces Fastify's default pair of "incoming request"/"request completed" lines.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(no route)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        ...(error && { aborted: true }),
      },
      'request',
    );
  }
}
