/** A urlencoded body, as a browser posts a `<form>` without enctype. */
export function urlEncoded(fields: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, item);
  }
  return params.toString();
}

/** A multipart/form-data body and its content type (with boundary), serialized by the platform's own FormData. */
export async function multipart(
  fields: Record<string, string | Blob>,
): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    body: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') ?? '',
  };
}

export const URLENCODED = 'application/x-www-form-urlencoded';
