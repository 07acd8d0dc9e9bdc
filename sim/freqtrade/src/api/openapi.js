/** `/openapi.json` built from the live route table, so it always matches what is served. */
export function buildOpenApi(routes) {
  const paths = {};
  for (const r of routes) {
    const full = `/api/v1${r.path}`;
    const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: m[1] === 'tradeid' || m[1] === 'lockid' ? 'integer' : 'string', title: m[1] },
    }));
    paths[full] ??= {};
    paths[full][r.method.toLowerCase()] = {
      summary: r.path
        .slice(1)
        .replace(/[/_{}]+/g, ' ')
        .trim(),
      operationId: `${r.path.replace(/[^\w]+/g, '_').replace(/^_|_$/g, '')}_api_v1_${r.method.toLowerCase()}`,
      tags: [
        r.auth === 'user'
          ? r.mode === 'W'
            ? 'webserver'
            : 'botcontrol'
          : r.auth === 'public'
            ? 'info'
            : 'auth',
      ],
      ...(params.length ? { parameters: params } : {}),
      responses: {
        200: {
          description: 'Successful Response',
          content: { 'application/json': { schema: {} } },
        },
        ...(params.length || ['POST', 'DELETE'].includes(r.method)
          ? {
              422: {
                description: 'Validation Error',
                content: {
                  'application/json': {
                    schema: { $ref: '#/components/schemas/HTTPValidationError' },
                  },
                },
              },
            }
          : {}),
      },
      ...(r.auth === 'user' ? { security: [{ HTTPBasic: [] }, { OAuth2PasswordBearer: [] }] } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Freqtrade API', version: '0.1.0' },
    paths,
    components: {
      schemas: {
        HTTPValidationError: {
          properties: {
            detail: {
              items: { $ref: '#/components/schemas/ValidationError' },
              type: 'array',
              title: 'Detail',
            },
          },
          type: 'object',
          title: 'HTTPValidationError',
        },
        ValidationError: {
          properties: {
            loc: {
              items: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
              type: 'array',
              title: 'Location',
            },
            msg: { type: 'string', title: 'Message' },
            type: { type: 'string', title: 'Error Type' },
          },
          type: 'object',
          required: ['loc', 'msg', 'type'],
          title: 'ValidationError',
        },
      },
      securitySchemes: {
        HTTPBasic: { type: 'http', scheme: 'basic' },
        OAuth2PasswordBearer: {
          type: 'oauth2',
          flows: { password: { scopes: {}, tokenUrl: 'token' } },
        },
      },
    },
  };
}
