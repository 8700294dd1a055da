import crypto from 'node:crypto';
import type { Client } from '../testing/harness';

/** A multipart/form-data body with one file field, as a browser sends it (for API tests). */
export function multipartBody(filename: string, content: Buffer, mime = 'application/octet-stream', field = 'file') {
  const boundary = `----fazhi${crypto.randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`, 'utf8');
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  return { body: Buffer.concat([head, content, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** POSTs one file as multipart through a logged-in test client. */
export function uploadTo(client: Client, url: string, filename: string, content: Buffer, mime?: string) {
  const { body, contentType } = multipartBody(filename, content, mime);
  return client.request('POST', url, body, { 'content-type': contentType });
}
