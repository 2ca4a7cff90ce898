import type { FastifyRequest } from 'fastify';

/** Where a request came from, for audit rows and the "my sessions" list. */
export function requestInfo(request: FastifyRequest): { ip: string; userAgent: string } {
  return { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '').slice(0, 300) };
}
