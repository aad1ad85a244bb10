import { Component, useEffect, useState, type ReactNode } from "react";
import { get, storeKey, storedKey } from "../api";
import type { Activity } from "../logic/model";
import { WorkflowList } from "./WorkflowList";
import { WorkflowEditor } from "./WorkflowEditor";
import { RulesEditor } from "./RulesEditor";
import { CategoriesEditor } from "./CategoriesEditor";
import { PriorityEditor } from "./PriorityEditor";

type Screen =
    | { name: "workflows" }
    | { name: "editor"; id: string; version: number | "draft" }
    | { name: "rules" }
    | { name: "categories" }
    | { name: "priority" };

export function App() {
    const [key, setKey] = useState(storedKey());
    const [screen, setScreen] = useState<Screen>({ name: "workflows" });
    const [activities, setActivities] = useState<Activity[] | null>(null);
    const [error, setError] = useState<string | null>(null);

    useEffect(() => {
        if (key) {
            get<Activity[]>("/api/activities")
                .then(setActivities)
                .catch((e: Error) => setError(e.message));
        }
    }, [key]);

    if (!key) {
        return (
            <SignIn
                onKey={(k) => {
                    storeKey(k);
                    setError(null);
                    setKey(k);
                }}
            />
        );
    }

    return (
        <div className="app">
            <nav>
                <strong>Workflow designer</strong>
                <button onClick={() => setScreen({ name: "workflows" })}>Workflows</button>
                <button onClick={() => setScreen({ name: "rules" })}>Rules</button>
                <button onClick={() => setScreen({ name: "categories" })}>Categories</button>
                <button onClick={() => setScreen({ name: "priority" })}>Priority</button>
                <button
                    className="right"
                    onClick={() => {
                        storeKey(null);
                        setKey(null);
                    }}
                >
                    Sign out
                </button>
            </nav>
            {error && (
                <div className="message error" role="alert">
                    {error}{" "}
                    <button
                        onClick={() => {
                            storeKey(null);
                            setKey(null);
                        }}
                    >
                        Sign in again
                    </button>
                </div>
            )}
            <Boundary>
                {screen.name === "workflows" && (
                    <WorkflowList onOpen={(id, version) => setScreen({ name: "editor", id, version })} />
                )}
                {screen.name === "editor" && activities && (
                    <WorkflowEditor
                        key={`${screen.id}:${screen.version}`}
                        id={screen.id}
                        version={screen.version}
                        activities={activities}
                        onClose={() => setScreen({ name: "workflows" })}
                    />
                )}
                {screen.name === "rules" && <RulesEditor />}
                {screen.name === "categories" && <CategoriesEditor />}
                {screen.name === "priority" && <PriorityEditor />}
            </Boundary>
        </div>
    );
}

function SignIn({ onKey }: { onKey: (key: string) => void }) {
    const [text, setText] = useState("");
    return (
        <form
            className="signin"
            onSubmit={(e) => {
                e.preventDefault();
                if (text.trim()) onKey(text.trim());
            }}
        >
            <h2>Sign in</h2>
            <p>
                Paste an API key. A fresh installation prints the administrator key once, on its first start.
            </p>
            <input aria-label="API key" value={text} onChange={(e) => setText(e.target.value)} autoFocus />
            <button type="submit">Sign in</button>
        </form>
    );
}

/** A failure while drawing a screen is shown in words instead of leaving the page blank. */
class Boundary extends Component<{ children: ReactNode }, { error: Error | null }> {
    state = { error: null as Error | null };

    static getDerivedStateFromError(error: Error) {
        return { error };
    }

    render() {
        return this.state.error ? (
            <div className="message error" role="alert">
                This screen failed: {this.state.error.message}
                <button onClick={() => this.setState({ error: null })}>Try again</button>
            </div>
        ) : (
            this.props.children
        );
    }
}
