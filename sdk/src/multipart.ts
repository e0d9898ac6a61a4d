/** One part of a multipart/form-data body (`Name`: the field names an endpoint accepts). */
export interface FormPart<Name extends string = string> {
  name: Name;
  /** Text, or a Blob (a File in a browser, `fs.openAsBlob()` in Node: read as it is sent). */
  value: string | Blob;
  filename?: string;
  contentType?: string;
}

/** A multipart body that streams Blobs as it is read, with its exact length. */
export interface StreamedForm {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  length: number;
}

const encoder = new TextEncoder();

/** Quotes a header parameter as browsers do for form data (WHATWG HTML, "multipart/form-data encoding"). */
function quote(value: string): string {
  return value.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');
}

/**
 * Encodes parts as multipart/form-data that is read lazily: file contents are pulled from their
 * Blobs chunk by chunk while the request is sent, so memory stays flat for any size, and every
 * byte handed to the network is counted for progress.
 */
export function streamForm(parts: FormPart[], onProgress?: (sent: number, total: number) => void): StreamedForm {
  const boundary = `----reprise-${crypto.randomUUID()}`;
  const segments: Array<Uint8Array | Blob> = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${quote(part.name)}"`;
    if (part.filename !== undefined) head += `; filename="${quote(part.filename)}"`;
    head += '\r\n';
    if (part.contentType) head += `Content-Type: ${part.contentType}\r\n`;
    head += '\r\n';
    segments.push(encoder.encode(head));
    segments.push(typeof part.value === 'string' ? encoder.encode(part.value) : part.value);
    segments.push(encoder.encode('\r\n'));
  }
  segments.push(encoder.encode(`--${boundary}--\r\n`));
  const length = segments.reduce((total, segment) => total + (segment instanceof Blob ? segment.size : segment.byteLength), 0);

  let index = 0;
  let sent = 0;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        if (reader) {
          const { done, value } = await reader.read();
          if (!done) {
            sent += value.byteLength;
            onProgress?.(sent, length);
            controller.enqueue(value);
            return;
          }
          reader = undefined;
          index += 1;
          continue;
        }
        const segment = segments[index];
        if (segment === undefined) {
          controller.close();
          return;
        }
        if (segment instanceof Blob) {
          reader = segment.stream().getReader();
          continue;
        }
        index += 1;
        sent += segment.byteLength;
        onProgress?.(sent, length);
        controller.enqueue(segment);
        return;
      }
    },
    async cancel(reason) {
      await reader?.cancel(reason);
    },
  });
  return { body, contentType: `multipart/form-data; boundary=${boundary}`, length };
}

/** The same parts as a FormData (for browsers, which cannot stream request bodies over HTTP/1.1). */
export function formData(parts: FormPart[]): FormData {
  const form = new FormData();
  for (const part of parts) {
    if (typeof part.value === 'string') form.append(part.name, part.value);
    else form.append(part.name, part.value, part.filename ?? 'blob');
  }
  return form;
}
