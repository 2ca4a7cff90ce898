import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

let nextAddress = 1;

/**
 * A browser stand-in for inject(): keeps the cookies the server sets and sends them back, and comes from its own
 * address so per-address rate limits of one test do not spill into another.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  readonly ip = `10.77.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;

  constructor(private readonly app: FastifyInstance) {}

  async request(method: InjectOptions['method'], url: string, payload?: unknown): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: { ...(cookie && { cookie }), 'user-agent': 'yz-test' },
      ...(payload !== undefined && { payload: payload as InjectOptions['payload'] }),
    });
    for (const c of response.cookies) {
      if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0) || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return response;
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, payload: unknown = {}) {
    return this.request('POST', url, payload);
  }
  patch(url: string, payload: unknown) {
    return this.request('PATCH', url, payload);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}
