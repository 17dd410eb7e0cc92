// How a kept record is written before it is encrypted: gzipped JSON, built and read without blocking
// the page (run-cache-store.ts encrypts and stores what this makes).
import type { RunCacheRecord } from '@/domain/sync-runs/fetching/run-cache';

const yieldToMain = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Gzipped UTF-8 JSON, built in slices of runs, each encoded on its own with a yield between them:
 * a long history never blocks the page (one JSON string of 8,640 runs, joined and encoded, was a
 * 300 ms task). Compressed, it is a tenth of the size to read back from IndexedDB and decrypt.
 */
export async function serialize(record: RunCacheRecord): Promise<Uint8Array<ArrayBuffer>> {
  const encoder = new TextEncoder();
  const parts: Uint8Array<ArrayBuffer>[] = [
    encoder.encode(
      `{"since":${record.since},"until":${record.until},"savedAt":${record.savedAt},"runs":[`,
    ),
  ];
  for (let i = 0; i < record.runs.length; i += 500) {
    const text = JSON.stringify(record.runs.slice(i, i + 500));
    if (text.length > 2) parts.push(encoder.encode((i > 0 ? ',' : '') + text.slice(1, -1)));
    await yieldToMain();
  }
  parts.push(encoder.encode(']}'));
  return through(parts, new CompressionStream('gzip'), yieldToMain);
}

/** The record a decrypted entry holds (gzipped JSON), parsed. */
export async function deserialize(plain: ArrayBuffer): Promise<unknown> {
  const bytes = await through([new Uint8Array(plain)], new DecompressionStream('gzip'));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/**
 * Bytes passed through a (de)compression stream, read chunk by chunk (a third faster than through
 * a Response). A stream hands chunks on in microtasks, so everything written at once is one task:
 * `between` is awaited before each further part.
 */
async function through(
  parts: Uint8Array<ArrayBuffer>[],
  transform: CompressionStream | DecompressionStream,
  between?: () => Promise<void>,
) {
  const writer = transform.writable.getWriter();
  const write = async () => {
    for (const [i, part] of parts.entries()) {
      if (i > 0 && between) await between();
      await writer.write(part);
    }
    await writer.close();
  };
  const read = async () => {
    const reader = transform.readable.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      chunks.push(next.value);
      size += next.value.length;
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  };
  const [, bytes] = await Promise.all([write(), read()]);
  return bytes;
}
