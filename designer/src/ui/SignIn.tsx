import { useState } from "react";
import { signIn, storeKey } from "../api";

/** User name and password for a session, or an API key pasted instead. */
export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
    const [userName, setUserName] = useState("");
    const [password, setPassword] = useState("");
    const [key, setKey] = useState("");
    const [error, setError] = useState<string | null>(null);
    const [busy, setBusy] = useState(false);

    async function submit() {
        setError(null);
        if (key.trim()) {
            storeKey(key.trim());
            onSignedIn();
            return;
        }

        if (!userName.trim() || !password) {
            setError("Enter your user name and password, or an API key.");
            return;
        }

        setBusy(true);
        try {
            await signIn(userName.trim(), password);
            onSignedIn();
        } catch (e) {
            setError((e as Error).message);
        } finally {
            setBusy(false);
        }
    }

    return (
        <form
            className="signin"
            onSubmit={(e) => {
                e.preventDefault();
                void submit();
            }}
        >
            <h2>Sign in</h2>
            <label>
                User name
                <input
                    value={userName}
                    onChange={(e) => setUserName(e.target.value)}
                    autoComplete="username"
                    autoFocus
                />
            </label>
            <label>
                Password
                <input
                    type="password"
                    value={password}
                    onChange={(e) => setPassword(e.target.value)}
                    autoComplete="current-password"
                />
            </label>
            <p>
                Or use an API key instead: a fresh installation prints the administrator key once, on its
                first start.
            </p>
            <label>
                API key
                <input value={key} onChange={(e) => setKey(e.target.value)} autoComplete="off" />
            </label>
            {error && (
                <div className="message error" role="alert">
                    {error}
                </div>
            )}
            <button type="submit" disabled={busy}>
                Sign in
            </button>
        </form>
    );
}
