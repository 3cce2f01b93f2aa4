/// <reference lib="dom" />

/** An error answer from the runtime, with its message for the person at the console. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function read<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new ApiError(response.status, body.error ?? `HTTP ${response.status}`);
  return body as T;
}

/** GETs a JSON resource of the runtime. */
export async function getJson<T>(path: string): Promise<T> {
  return read<T>(await fetch(path, { headers: { accept: 'application/json' } }));
}

/** POSTs JSON to the runtime and reads its JSON answer (204 gives undefined). */
export async function postJson<T>(path: string, body?: unknown): Promise<T | undefined> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined;
  return read<T>(response);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Long-polls /api/events and calls `onChange` after each change; `onLink` says whether the runtime is
 * reachable. Runs until `signal` aborts.
 */
export async function watchChanges(
  onChange: () => void,
  onLink: (live: boolean) => void,
  signal: AbortSignal,
): Promise<void> {
  let version: number | undefined;
  while (!signal.aborted) {
    try {
      const path = version === undefined ? '/api/events' : `/api/events?after=${version}`;
      const next = (await read<{ version: number }>(await fetch(path, { signal }))).version;
      onLink(true);
      if (version !== undefined && next !== version) onChange();
      version = next;
    } catch {
      if (signal.aborted) return;
      onLink(false);
      version = undefined;
      await sleep(2000);
      onChange(); // whatever happened while we were cut off
    }
  }
}
