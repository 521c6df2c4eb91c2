import type { PlatinaCallCheck, PlatinaCallId, PlatinaFieldCheck } from '../../../shared/handover';

/** The JSON types a field can have, as OpenAPI names them. */
type FieldType = 'string' | 'integer' | 'object' | 'array';

interface Field {
  name: string;
  type: FieldType;
  /** An id from a reference list: Platina's ApiId, a string or an integer in the customer's API. */
  id?: boolean;
}

interface Expected {
  id: PlatinaCallId;
  method: 'get' | 'post';
  /** Relative to the API's base, with {} for each path parameter. */
  path: string;
  /** Fields Kanalarkiv sends in the JSON body. */
  body?: Field[];
  /** A multipart form field Kanalarkiv sends. */
  form?: string;
  /** Fields Kanalarkiv reads from the answer; `items.` for those of a list's entries. */
  answer: Field[];
  /** Needed only to create a collection case (caseMode per-round), or only to choose values. */
  needed: 'always' | 'per-round' | 'choosing';
}

const list = (...names: string[]): Field[] => [{ name: 'items', type: 'array' }, ...names.map((name) => ({ name: `items.${name}`, type: 'string' as const, id: name === 'id' }))];
const reference = (id: PlatinaCallId, path: string): Expected => ({ id, method: 'get', path, answer: list('id', 'name'), needed: 'choosing' });

/** Every call Kanalarkiv makes to Platina and every field of it, as client.ts makes them. */
const EXPECTED_CALLS: Expected[] = [
  { id: 'diaries', method: 'get', path: 'diaries', answer: list('id', 'name'), needed: 'always' },
  reference('caseStatuses', 'reference-data/journalized-case-statuses'),
  reference('origins', 'reference-data/journalized-case-origins'),
  reference('caseTypes', 'diaries/{}/case-types'),
  reference('businessCodes', 'reference-data/business-codes'),
  reference('pulLevels', 'reference-data/journalized-case-pul-levels'),
  reference('secrecyLevels', 'reference-data/journalized-case-secrecy-levels'),
  reference('confidentialParagraphs', 'reference-data/confidential-paragraphs'),
  reference('deedTypes', 'reference-data/deed-types'),
  reference('deedStatuses', 'reference-data/deed-statuses'),
  {
    id: 'createCase', method: 'post', path: 'diaries/{}/journalized-cases', needed: 'per-round',
    body: [
      { name: 'diaryNumber', type: 'string' }, { name: 'registrationDate', type: 'string' }, { name: 'inOutDate', type: 'string' },
      { name: 'statusId', type: 'string', id: true }, { name: 'origin', type: 'object' }, { name: 'businessCodeId', type: 'string', id: true },
      { name: 'caseTypeId', type: 'string', id: true }, { name: 'pulLevel', type: 'integer' }, { name: 'secrecyLevel', type: 'integer' },
      { name: 'confidentialParagraphs', type: 'array' }, { name: 'title', type: 'string' }, { name: 'description', type: 'string' },
      { name: 'initiators', type: 'array' },
    ],
    answer: [{ name: 'id', type: 'string', id: true }, { name: 'diaryNumber', type: 'string' }],
  },
  { id: 'deeds', method: 'get', path: 'journalized-cases/{}/deeds', answer: list('id', 'description'), needed: 'always' },
  {
    id: 'createDeed', method: 'post', path: 'journalized-cases/{}/deeds', needed: 'always',
    body: [
      { name: 'title', type: 'string' }, { name: 'description', type: 'string' }, { name: 'documentDate', type: 'string' },
      { name: 'registrationDate', type: 'string' }, { name: 'deedTypeId', type: 'string', id: true }, { name: 'statusId', type: 'string', id: true },
      { name: 'businessCodeId', type: 'string', id: true }, { name: 'pulLevel', type: 'integer' }, { name: 'secrecyLevel', type: 'integer' },
    ],
    answer: [{ name: 'id', type: 'string', id: true }],
  },
  { id: 'files', method: 'get', path: 'deeds/{}/files', answer: list('id', 'fileName'), needed: 'always' },
  { id: 'uploadFile', method: 'post', path: 'deeds/{}/files', form: 'file', answer: [{ name: 'id', type: 'string', id: true }], needed: 'always' },
];

type Schema = Record<string, unknown>;

/**
 * An OpenAPI 3 or Swagger 2 document, as Swashbuckle serves it for an ASP.NET API, reduced to what
 * the check needs: the schema of each call's body and answer, with $ref resolved.
 */
class Document {
  private readonly paths = new Map<string, Record<string, Schema>>();

  constructor(private readonly doc: Schema) {
    for (const [path, operations] of Object.entries((doc.paths ?? {}) as Record<string, Record<string, Schema>>)) {
      this.paths.set(normalise(path), operations);
    }
  }

  /** The operation for a path relative to the API's base: the document's paths may carry any prefix (/api/v8.0, /v8). */
  operation(method: string, path: string): Schema | null {
    const wanted = `/${path}`;
    for (const [key, operations] of this.paths) {
      if ((key === wanted || key.endsWith(wanted)) && operations[method]) return operations[method]!;
    }
    return null;
  }

  bodySchema(operation: Schema, media: 'application/json' | 'multipart/form-data'): Schema | null {
    const body = operation.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined;
    if (body?.content) {
      const content = Object.entries(body.content).find(([type]) => type.startsWith(media) || (media === 'application/json' && type.includes('json')));
      return content?.[1].schema ? this.resolve(content[1].schema) : null;
    }
    // Swagger 2: a body parameter, or formData parameters.
    const parameters = (operation.parameters ?? []) as Schema[];
    if (media === 'multipart/form-data') {
      const form = parameters.filter((p) => p.in === 'formData');
      return form.length ? { type: 'object', properties: Object.fromEntries(form.map((p) => [p.name as string, p])) } : null;
    }
    const inBody = parameters.find((p) => p.in === 'body');
    return inBody?.schema ? this.resolve(inBody.schema as Schema) : null;
  }

  answerSchema(operation: Schema): Schema | null {
    const responses = (operation.responses ?? {}) as Record<string, Schema>;
    const ok = Object.entries(responses).find(([status]) => /^2\d\d$/.test(status))?.[1];
    if (!ok) return null;
    if (ok.content) {
      const content = Object.entries(ok.content as Record<string, { schema?: Schema }>).find(([type]) => type.includes('json'));
      return content?.[1].schema ? this.resolve(content[1].schema) : null;
    }
    return ok.schema ? this.resolve(ok.schema as Schema) : null;
  }

  /** Follows $ref and merges allOf, so a schema's properties and required fields can be read. */
  resolve(schema: Schema, depth = 0): Schema {
    if (depth > 20) return schema;
    if (typeof schema.$ref === 'string') {
      const target = schema.$ref.replace(/^#\//, '').split('/').reduce<unknown>((node, key) => (node as Schema | undefined)?.[key], this.doc);
      return target ? this.resolve(target as Schema, depth + 1) : {};
    }
    if (Array.isArray(schema.allOf)) {
      const parts = (schema.allOf as Schema[]).map((part) => this.resolve(part, depth + 1));
      return {
        type: 'object',
        properties: Object.assign({}, ...parts.map((part) => part.properties ?? {})),
        required: parts.flatMap((part) => (part.required as string[] | undefined) ?? []),
      };
    }
    return schema;
  }
}

/** "/api/v8.0/diaries/{diaryId}/journalized-cases" → "/api/v8.0/diaries/{}/journalized-cases" */
function normalise(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '').toLowerCase();
}

function typeOf(schema: Schema | undefined): string | null {
  if (!schema) return null;
  const type = schema.type;
  if (Array.isArray(type)) return type.find((t) => t !== 'null') ?? null;
  if (typeof type === 'string') return type === 'number' ? 'integer' : type;
  return schema.properties ? 'object' : null;
}

/** The schema of a field by its path (`items.id`): the property, or the property of a list's entries. */
function fieldSchema(document: Document, schema: Schema | null, name: string): Schema | undefined {
  let node: Schema | undefined = schema ?? undefined;
  for (const part of name.split('.')) {
    if (!node) return undefined;
    node = document.resolve(node);
    if (node.type === 'array' && node.items && part !== 'items') node = document.resolve(node.items as Schema);
    const properties = (node.properties ?? {}) as Record<string, Schema>;
    const key = Object.keys(properties).find((k) => k.toLowerCase() === part.toLowerCase());
    node = key ? properties[key] : undefined;
    if (node && part === 'items' && name !== 'items') node = (document.resolve(node).items as Schema | undefined) ?? node;
  }
  return node ? document.resolve(node) : undefined;
}

function compareFields(document: Document, schema: Schema | null, fields: Field[], where: 'body' | 'answer'): PlatinaFieldCheck[] {
  const checks: PlatinaFieldCheck[] = fields.map((field) => {
    const found = typeOf(fieldSchema(document, schema, field.name));
    const matches = found === field.type || (field.id === true && (found === 'integer' || found === 'string'));
    return { name: field.name, where, expected: field.type, found, problem: found === null ? 'missing' : matches ? null : 'type' };
  });
  if (where === 'body' && schema) {
    // A field the customer's API requires that Kanalarkiv does not send makes every such call fail.
    const sent = new Set(fields.map((f) => f.name.toLowerCase()));
    for (const name of (schema.required as string[] | undefined) ?? []) {
      if (!sent.has(name.toLowerCase())) checks.push({ name, where, expected: null, found: typeOf(fieldSchema(document, schema, name)), problem: 'unsent' });
    }
  }
  return checks;
}

/** Each call Kanalarkiv makes, held against the customer's document: found or not, and field by field. */
export function compareWithOpenApi(doc: Record<string, unknown>, caseMode: 'per-round' | 'existing'): PlatinaCallCheck[] {
  const document = new Document(doc);
  return EXPECTED_CALLS.map((call) => {
    const required = call.needed === 'always' || (call.needed === 'per-round' && caseMode === 'per-round');
    const operation = document.operation(call.method, call.path);
    const base = { id: call.id, method: call.method.toUpperCase(), path: call.path.replace('{}', '{id}'), required };
    if (!operation) return { ...base, found: false, fields: [] };
    const fields = [
      ...(call.body ? compareFields(document, document.bodySchema(operation, 'application/json'), call.body, 'body') : []),
      ...(call.form ? compareFields(document, document.bodySchema(operation, 'multipart/form-data'), [{ name: call.form, type: 'string' }], 'body') : []),
      ...compareFields(document, document.answerSchema(operation), call.answer, 'answer'),
    ];
    return { ...base, found: true, fields };
  });
}

/**
 * Where Swashbuckle serves the document, tried in order: beside the API's base and at the server's
 * root, for the API's version and Swashbuckle's default "v1".
 */
export function openApiCandidates(baseUrl: string): string[] {
  const base = new URL(baseUrl.replace(/\/?$/, '/'));
  const version = /\/(v\d+(?:\.\d+)?)\/$/.exec(base.pathname)?.[1] ?? 'v8.0';
  const beforeApi = base.pathname.replace(/\/api\/.*$/, '/').replace(/\/v\d+(?:\.\d+)?\/$/, '/');
  const roots = [...new Set([beforeApi, '/'])];
  const major = version.replace(/\.0$/, '');
  const names = [...new Set([version, major, `${major}.0`, 'v1'])];
  return roots.flatMap((root) => [...names.map((name) => `${root}swagger/${name}/swagger.json`), `${root}swagger.json`]).map((path) => new URL(path, base.origin).toString());
}
