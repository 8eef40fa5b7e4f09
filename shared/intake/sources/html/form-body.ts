import { Busboy } from '@fastify/busboy';
import { HttpProblem, problemType } from '#shared/http/problem.ts';
import { parseJson } from '#shared/http/request.ts';

/** Field name → every value posted under it (checkbox groups repeat a name), in posting order. */
export type FormFields = ReadonlyMap<string, readonly string[]>;

/** No lead form has more; past this the post is refused rather than parsed further. */
const MAX_FIELDS = 200;
/** Far above any contact field's own limit, so those limits decide; this one only bounds parsing. */
const MAX_FIELD_BYTES = 64 * 1024;
const MAX_FIELD_NAME_BYTES = 200;

export const HTML_FORM_MEDIA_TYPES = [
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'application/json',
] as const;

/**
 * Parses what a browser posts: a plain `<form>` (urlencoded or multipart, the latter with busboy),
 * or a flat JSON object from `fetch()`. Files are skipped, never read into memory. Names are kept in
 * a Map, so a field called `__proto__` is just a field.
 */
export async function parseFormBody(body: Buffer, contentType: string): Promise<FormFields> {
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'application/x-www-form-urlencoded') return urlEncodedFields(body);
  if (mediaType === 'multipart/form-data') return multipartFields(body, contentType);
  if (mediaType === 'application/json') return jsonFields(body);
  throw new HttpProblem({
    status: 415,
    type: problemType('unsupported-media-type'),
    title: 'Unsupported media type',
    detail: `A form must be posted as ${HTML_FORM_MEDIA_TYPES.join(', ')}, not "${contentType.slice(0, 100) || 'none'}".`,
  });
}

function urlEncodedFields(body: Buffer): FormFields {
  const fields = new FieldCollector();
  for (const [name, value] of new URLSearchParams(body.toString('utf8'))) fields.add(name, value);
  return fields.done();
}

function multipartFields(body: Buffer, contentType: string): Promise<FormFields> {
  return new Promise((resolve, reject) => {
    const fields = new FieldCollector();
    let parser: ReturnType<typeof Busboy>;
    try {
      parser = Busboy({
        headers: { 'content-type': contentType },
        limits: {
          fields: MAX_FIELDS,
          parts: MAX_FIELDS,
          fieldSize: MAX_FIELD_BYTES,
          fieldNameSize: MAX_FIELD_NAME_BYTES,
        },
      });
    } catch {
      reject(malformedBody('The multipart body has no boundary in its content type.'));
      return;
    }
    parser.on('field', (name, value, nameTruncated, valueTruncated) => {
      try {
        if (nameTruncated || valueTruncated) throw fieldTooLong();
        fields.add(name, value);
      } catch (error) {
        reject(error);
      }
    });
    parser.on('file', (_name, stream) => stream.resume());
    parser.on('fieldsLimit', () => reject(tooManyFields()));
    parser.on('partsLimit', () => reject(tooManyFields()));
    parser.on('error', () => reject(malformedBody('The multipart body is malformed.')));
    parser.on('finish', () => {
      try {
        resolve(fields.done());
      } catch (error) {
        reject(error);
      }
    });
    parser.end(body);
  });
}

function jsonFields(body: Buffer): FormFields {
  const value = parseJson(body.toString('utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw malformedBody('A JSON form body must be an object of field names to values.');
  }
  const fields = new FieldCollector();
  for (const [name, member] of Object.entries(value)) {
    const values = Array.isArray(member) ? member : [member];
    for (const item of values) {
      if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
        fields.add(name, String(item));
      }
    }
  }
  return fields.done();
}

/** Collects fields under the same limits whatever the encoding. */
class FieldCollector {
  private readonly fields = new Map<string, string[]>();
  private count = 0;

  add(name: string, value: string): void {
    this.count += 1;
    if (this.count > MAX_FIELDS) throw tooManyFields();
    if (Buffer.byteLength(name) > MAX_FIELD_NAME_BYTES || Buffer.byteLength(value) > MAX_FIELD_BYTES) {
      throw fieldTooLong();
    }
    this.fields.set(name, [...(this.fields.get(name) ?? []), value]);
  }

  done(): FormFields {
    return this.fields;
  }
}

function malformedBody(detail: string): HttpProblem {
  return new HttpProblem({
    status: 400,
    type: problemType('malformed-body'),
    title: 'Malformed body',
    detail,
  });
}

function tooManyFields(): HttpProblem {
  return new HttpProblem({
    status: 400,
    type: problemType('too-many-fields'),
    title: 'Too many fields',
    detail: `A form may post at most ${MAX_FIELDS} fields.`,
  });
}

function fieldTooLong(): HttpProblem {
  return new HttpProblem({
    status: 400,
    type: problemType('field-too-long'),
    title: 'Field too long',
    detail: `Field names are limited to ${MAX_FIELD_NAME_BYTES} bytes and values to ${MAX_FIELD_BYTES} bytes.`,
  });
}
