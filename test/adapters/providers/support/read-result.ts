// A finished attempt's files as the task driver takes them, but into memory: for tests that look
// at a vendor adapter's result without a file store.
import { ResultRefused, type OutputFile, type ProviderStatus, type StreamedFiles } from "../../../../src/services/ports/provider.ts";

/** Reads every streamed file to its end, in the order of `names`. */
export async function readIntoMemory(streamed: StreamedFiles): Promise<OutputFile[]> {
  const read = new Map<string, OutputFile>();
  await streamed.read(async (file) => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of file.body) chunks.push(chunk);
    read.set(file.name, { name: file.name, mediaType: file.mediaType, data: Buffer.concat(chunks) });
  });
  return streamed.names.map((name) => read.get(name)!);
}

/**
 * `status` with its streamed files read into `files`; a read refused (`ResultRefused`) is the
 * final failure the driver makes of it. Any other error of the read throws.
 */
export async function withFilesRead(status: ProviderStatus): Promise<ProviderStatus> {
  if (status.state !== "finished" || !status.streamed) return status;
  try {
    const streamed = await readIntoMemory(status.streamed);
    const { streamed: _read, ...rest } = status;
    return Object.assign(rest, { files: [...status.files, ...streamed] });
  } catch (error) {
    if (error instanceof ResultRefused) return { state: "failed", error: error.message, retryable: false };
    throw error;
  }
}
