/**
 * The OpenAPI 3.1 document, built from the route table and the schemas of `src/schemas/`. Every
 * schema with an `$id` becomes a component and is referenced, so a body, its events and the
 * answers appear once each.
 */
import type { RouteSpec } from './route.js';

type Json = Record<string, unknown>;

function componentName(id: string): string {
  return id.replace(/^.*\/schemas\//, '').replace(/\//g, '.');
}

/**
 * The discriminator's `mapping` from each value of its property to the component that has it:
 * without it, generators (openapi-typescript) take the component's name for the value.
 */
function withMapping(object: Json): Json {
  const discriminator = object['discriminator'] as { propertyName: string; mapping?: Json } | undefined;
  if (!discriminator || discriminator.mapping || !Array.isArray(object['oneOf'])) return object;
  const mapping: Record<string, string> = {};
  for (const branch of object['oneOf'] as Json[]) {
    const value = (branch['properties'] as Record<string, { const?: unknown }> | undefined)?.[discriminator.propertyName]?.const;
    if (typeof branch['$id'] === 'string' && typeof value === 'string') mapping[value] = `#/components/schemas/${componentName(branch['$id'])}`;
  }
  return { ...object, discriminator: { ...discriminator, mapping } };
}

/** Puts every `$id` schema under `components`, leaving a `$ref` in its place. */
function referencer(components: Json): (schema: unknown) => unknown {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (value === null || typeof value !== 'object') return value;
    const object = withMapping(value as Json);
    const copy = Object.fromEntries(Object.entries(object).map(([k, v]) => [k, visit(v)]));
    if (typeof object['$id'] === 'string') {
      const name = componentName(object['$id']);
      components[name] = copy;
      return { $ref: `#/components/schemas/${name}` };
    }
    return copy;
  };
  return visit;
}

function operationId(spec: RouteSpec): string {
  const words = spec.path
    .split('/')
    .filter(Boolean)
    .map((segment) => (segment.startsWith('{') ? `By-${segment.slice(1, -1)}` : segment))
    .flatMap((segment) => segment.split('-'))
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return `${spec.method}${words.join('')}`;
}

function parameters(spec: RouteSpec, queryProperties: Json, required: readonly string[]): Json[] {
  const path = [...spec.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  const query = Object.entries(queryProperties).map(([name, schema]) => ({ name, in: 'query', required: required.includes(name), schema }));
  const headers = (spec.headers ?? []).map((h) => ({ name: h.name, in: 'header', required: false, description: h.description, schema: { type: 'string' } }));
  return [...path, ...query, ...headers];
}

/** The parts of a multipart request: the JSON body in its part, each file part with how many it takes. */
function multipartSchema(spec: RouteSpec, ref: (schema: unknown) => unknown): Json {
  const upload = spec.upload!;
  const properties: Json = {};
  if (upload.json && spec.body) properties[upload.json] = { ...(ref(spec.body.schema) as Json), description: 'The JSON body, as one part' };
  for (const file of upload.files) {
    const one = { type: 'string', contentMediaType: 'application/octet-stream', description: file.description };
    properties[file.part] = file.maxCount === 1 ? one : { type: 'array', items: one, maxItems: file.maxCount };
  }
  return { type: 'object', properties, ...(upload.json ? { required: [upload.json] } : {}) };
}

/** The schema of a body that is not JSON: text (CSV) as a string, anything else (XLSX) as bytes. */
function freeForm(contentType: string): object {
  return contentType.startsWith('text/') ? { type: 'string' } : { type: 'string', format: 'binary' };
}

/** The document for `routes`, with the package's version and licence (an SPDX identifier). */
export function openApiDocument(routes: readonly RouteSpec[], pkg: { version: string; license: string }): Json {
  const components: Json = {};
  const ref = referencer(components);
  const paths: Record<string, Json> = {};
  for (const spec of routes.filter((route) => route.documented !== false)) {
    const query = spec.query as { properties?: Json; required?: string[] };
    const operation: Json = {
      operationId: operationId(spec),
      summary: spec.summary,
      tags: [spec.tag],
      security: spec.access === 'principal' ? [{ apiKey: [] }] : [],
      parameters: parameters(spec, query.properties ?? {}, query.required ?? []),
      responses: Object.fromEntries(
        Object.entries(spec.responses).map(([status, doc]) => {
          const type = doc.contentType ?? (Number(status) >= 400 ? 'application/problem+json' : 'application/json');
          const main = doc.schema ? { [type]: { schema: ref(doc.schema) } } : doc.contentType ? { [type]: { schema: freeForm(type) } } : undefined;
          const content = main && doc.alsoAs ? { ...main, ...Object.fromEntries(doc.alsoAs.map((t) => [t, { schema: freeForm(t) }])) } : main;
          return [status, { description: doc.description, ...(content ? { content } : {}) }];
        }),
      ),
    };
    const content: Json = {};
    if (spec.body) content['application/json'] = { schema: ref(spec.body.schema) };
    if (spec.upload) content['multipart/form-data'] = { schema: multipartSchema(spec, ref) };
    if (spec.body || spec.upload) {
      operation['requestBody'] = {
        required: true,
        ...(spec.body?.description ? { description: spec.body.description } : {}),
        content,
      };
    }
    paths[spec.path] = { ...(paths[spec.path] ?? {}), [spec.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'MRA Engine',
      version: pkg.version,
      description:
        'Workflows of telecom Mutual Recognition Arrangements: agreements, accreditations, recognitions and test reports. ' +
        'Errors are application/problem+json (RFC 9457). Lists answer { items, nextCursor }.',
      license: { name: pkg.license, identifier: pkg.license },
    },
    // Relative: the document is served by the API it describes, wherever that runs.
    servers: [{ url: '/', description: 'this server' }],
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: components,
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer <API key>' } },
    },
  };
}
