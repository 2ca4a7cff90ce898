import type { FastifyReply } from 'fastify';

/**
 * Sends a stored file (an uploaded material, an issued PDF) with its own type only (nosniff), never cached, under
 * a name the server chose — never the uploader's.
 */
export function sendStoredFile(reply: FastifyReply, bytes: Buffer, file: { mime: string; filename: string; disposition: 'inline' | 'attachment' }) {
  return reply
    .header('Content-Type', file.mime)
    .header('Content-Disposition', `${file.disposition}; filename="${file.filename}"`)
    .header('Cache-Control', 'private, no-store')
    .header('X-Content-Type-Options', 'nosniff')
    .send(bytes);
}
