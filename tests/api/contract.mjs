// The API's contract: every response the API tests receive is checked against the OpenAPI
// document's schema for its route, method and status (or the route's `default`, which is
// problem+json). A response whose route, status or media type has no schema fails the test,
// so that the document cannot fall behind the server.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../web/package.json', import.meta.url));
const Ajv2020 = require('ajv/dist/2020').default;

export const openapi = JSON.parse(
  readFileSync(new URL('../../src/http/openapi.json', import.meta.url), 'utf8'),
);

const ajv = new Ajv2020({
  strict: false,
  allErrors: true,
  formats: { date: /^\d{4}-\d{2}-\d{2}$/, int64: true },
});
ajv.addSchema(openapi, 'openapi');

const routes = Object.keys(openapi.paths).map((pattern) => ({
  pattern,
  regex: new RegExp('^' + pattern.replace(/\{[^}]+\}/g, '[^/]+') + '$'),
}));
// Literal segments win over parameters (/projects/stats before /projects/{id}).
routes.sort(
  (a, b) => (a.pattern.match(/\{/g) ?? []).length - (b.pattern.match(/\{/g) ?? []).length,
);

const validators = new Map();
function validatorFor(pointer) {
  if (!validators.has(pointer))
    validators.set(pointer, ajv.compile({ $ref: `openapi#${pointer}` }));
  return validators.get(pointer);
}

const escape = (s) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const problemPointer = '/components/schemas/Problem';

// Throws when the response does not match the document. `path` may carry a query string.
export function checkResponse(method, path, res, json) {
  const bare = path.split('?')[0];
  if (!bare.startsWith('/api/')) return;
  const type = (res.headers.get('content-type') ?? '').split(';')[0].trim();
  const route = routes.find((r) => r.regex.test(bare));
  const op =
    route && openapi.paths[route.pattern][method === 'HEAD' ? 'get' : method.toLowerCase()];
  let pointer;
  if (!op) {
    // No such route or method: the answer is a problem.
    pointer = problemPointer;
  } else {
    const status = String(res.status);
    const key = status in op.responses ? status : 'default';
    const response = op.responses[key];
    if (!response)
      throw new Error(`${method} ${route.pattern}: status ${status} is not documented`);
    if (res.status === 204 || res.status === 304 || method === 'HEAD') return;
    const media = response.content?.[type];
    if (!media?.schema)
      throw new Error(
        `${method} ${route.pattern} ${status}: no schema for ${type || 'no content type'}`,
      );
    if (type !== 'application/json' && type !== 'application/problem+json') return;
    pointer = `/paths/${escape(route.pattern)}/${method === 'HEAD' ? 'get' : method.toLowerCase()}/responses/${key}/content/${escape(type)}/schema`;
  }
  if (res.status >= 400 && type !== 'application/problem+json')
    throw new Error(
      `${method} ${bare} ${res.status}: an error must be application/problem+json, not ${type}`,
    );
  const validate = validatorFor(pointer);
  if (!validate(json)) {
    throw new Error(
      `${method} ${bare} ${res.status} does not match the OpenAPI schema: ` +
        ajv.errorsText(validate.errors, { dataVar: 'body' }),
    );
  }
}
