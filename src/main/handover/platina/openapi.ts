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
  /** Each schema resolved once: a document whose allOf refers to itself would otherwise branch without end. */
  private readonly resolved = new WeakMap<Schema, Schema>();

  constructor(private readonly doc: Schema) {
    // Anything in the document may be null or of another type: what is not an object is no operation.
    for (const [path, operations] of Object.entries(object(doc.paths) ?? {})) {
      const ops = object(operations);
      if (ops) this.paths.set(normalise(path), ops as Record<string, Schema>);
    }
  }

  /** The operation for a path relative to the API's base: the document's paths may carry any prefix (/api/v8.0, /v8). */
  operation(method: string, path: string): Schema | null {
    const wanted = `/${path}`;
    for (const [key, operations] of this.paths) {
      const operation = object(operations[method]);
      if ((key === wanted || key.endsWith(wanted)) && operation) return operation;
    }
    return null;
  }

  bodySchema(operation: Schema, media: 'application/json' | 'multipart/form-data'): Schema | null {
    const content = object(object(operation.requestBody)?.content);
    if (content) {
      const entry = Object.entries(content).find(([type]) => type.startsWith(media) || (media === 'application/json' && type.includes('json')));
      const schema = object(object(entry?.[1])?.schema);
      return schema ? this.resolve(schema) : null;
    }
    // Swagger 2: a body parameter, or formData parameters.
    const parameters = (Array.isArray(operation.parameters) ? operation.parameters : []).map(object).filter((p): p is Schema => p !== undefined);
    if (media === 'multipart/form-data') {
      const form = parameters.filter((p) => p.in === 'formData');
      return form.length ? { type: 'object', properties: Object.fromEntries(form.map((p) => [String(p.name), p])) } : null;
    }
    const schema = object(parameters.find((p) => p.in === 'body')?.schema);
    return schema ? this.resolve(schema) : null;
  }

  answerSchema(operation: Schema): Schema | null {
    const responses = object(operation.responses) ?? {};
    const ok = object(Object.entries(responses).find(([status]) => /^2\d\d$/.test(status))?.[1]);
    if (!ok) return null;
    const content = object(ok.content);
    if (content) {
      const schema = object(object(Object.entries(content).find(([type]) => type.includes('json'))?.[1])?.schema);
      return schema ? this.resolve(schema) : null;
    }
    const schema = object(ok.schema);
    return schema ? this.resolve(schema) : null;
  }

  /** Follows $ref and merges allOf, so a schema's properties and required fields can be read; each schema once, at most 20 deep. */
  resolve(schema: unknown, depth = 0): Schema {
    const node = object(schema);
    if (!node || depth > 20) return {};
    const known = this.resolved.get(node);
    if (known) return known;
    // A schema met again while it is being resolved refers to itself: it adds nothing more.
    this.resolved.set(node, {});
    let result = node;
    if (typeof node.$ref === 'string') {
      const target = node.$ref.replace(/^#\//, '').split('/').reduce<unknown>((at, key) => object(at)?.[key], this.doc);
      result = this.resolve(target, depth + 1);
    } else if (Array.isArray(node.allOf)) {
      const parts = node.allOf.map((part) => this.resolve(part, depth + 1));
      result = {
        type: 'object',
        properties: Object.assign({}, ...parts.map((part) => object(part.properties) ?? {})),
        required: parts.flatMap((part) => (Array.isArray(part.required) ? part.required.filter((r): r is string => typeof r === 'string') : [])),
      };
    }
    this.resolved.set(node, result);
    return result;
  }
}

/** The value as an object of the document, or undefined when it is null, a list or a plain value. */
function object(value: unknown): Schema | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Schema) : undefined;
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
    for (const name of Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []) {
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
