/**
 * The designer's only way to the engine: the public HTTP API, with the API key the user pasted or else the
 * session cookie a sign-in with user name and password set (HttpOnly, so this code never sees it).
 */

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
    // The server refuses a change made by cookie without X-Requested-With, which no other site can add.
    const key = storedKey();
    const init: RequestInit = {
        method,
        credentials: "same-origin",
        headers: {
            ...headers,
            "X-Requested-With": "XMLHttpRequest",
            ...(key ? { Authorization: `Bearer ${key}` } : {}),
        },
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
        throw new ApiError(response.status, describe(response.status, text, path), fieldsOf(text));
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

/** Who the caller is, as GET /api/me says. */
export interface Caller {
    name: string;
    role: string;
    displayName: string | null;
    signedIn: boolean;
}

/** The caller behind the stored key or the session cookie; null when neither is accepted. */
export async function whoAmI(): Promise<Caller | null> {
    try {
        return await get<Caller>("/api/me");
    } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
    }
}

/** Signs in with a user name and password; the answer sets the session cookie. */
export async function signIn(userName: string, password: string): Promise<Caller> {
    storeKey(null);
    return (await call<Caller>("POST", SessionPath, { userName, password })).body;
}

/** Forgets the key, or ends the session on the server so the cookie is worthless even if copied. */
export async function signOut(): Promise<void> {
    if (storedKey()) {
        storeKey(null);
        return;
    }

    try {
        await call("DELETE", SessionPath);
    } catch {
        // Already signed out, or the server is gone: either way nothing is left to end.
    }
}

const SessionPath = "/api/session";

function describe(status: number, text: string, path: string): string {
    if (status === 401 && path !== SessionPath) {
        return "You are not signed in, or your session or API key is no longer accepted. Sign in again.";
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
