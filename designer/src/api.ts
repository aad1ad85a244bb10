/** The designer's only way to the engine: the public HTTP API with the key the user signed in with. */

const KeyItem = "workflow.apiKey";

export function storedKey(): string | null {
    return sessionStorage.getItem(KeyItem);
}

export function storeKey(key: string | null): void {
    if (key) {
        sessionStorage.setItem(KeyItem, key);
    } else {
        sessionStorage.removeItem(KeyItem);
    }
}

/**
 * An API refusal in words: the problem's title, detail and each field's messages; `fields` keeps the messages by
 * the field the server named, so a screen can show each beside its input.
 */
export class ApiError extends Error {
    constructor(
        readonly status: number,
        message: string,
        readonly fields: Record<string, string[]> = {},
    ) {
        super(message);
    }
}

export interface Answer<T> {
    body: T;
    etag: string | null;
}

export async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
): Promise<Answer<T>> {
    const init: RequestInit = {
        method,
        headers: { ...headers, Authorization: `Bearer ${storedKey() ?? ""}` },
    };
    if (body !== undefined) {
        init.body = JSON.stringify(body);
        (init.headers as Record<string, string>)["Content-Type"] = "application/json";
    }

    let response: Response;
    try {
        response = await fetch(path, init);
    } catch (e) {
        throw new ApiError(0, `The server could not be reached (${String(e)}).`);
    }

    const text = await response.text();
    if (!response.ok) {
        throw new ApiError(response.status, describe(response.status, text), fieldsOf(text));
    }

    return { body: (text ? JSON.parse(text) : undefined) as T, etag: response.headers.get("ETag") };
}

export async function get<T>(path: string): Promise<T> {
    return (await call<T>("GET", path)).body;
}

function fieldsOf(text: string): Record<string, string[]> {
    try {
        return (JSON.parse(text) as { errors?: Record<string, string[]> }).errors ?? {};
    } catch {
        return {};
    }
}

function describe(status: number, text: string): string {
    if (status === 401) {
        return "The API key was not accepted. Sign in again with a valid key.";
    }

    try {
        const problem = JSON.parse(text) as {
            title?: string;
            detail?: string;
            errors?: Record<string, string[]>;
        };
        const fields = Object.entries(problem.errors ?? {}).map(([f, m]) => `${f}: ${m.join(" ")}`);
        return [problem.title, problem.detail, ...fields].filter(Boolean).join(" ") || `HTTP ${status}`;
    } catch {
        return `HTTP ${status}: ${text.slice(0, 200) || "no details"}`;
    }
}
