import { Component, useEffect, useState, type ReactNode } from "react";
import { get, signOut, storedKey, whoAmI } from "../api";
import type { Activity } from "../logic/model";
import { WorkflowList } from "./WorkflowList";
import { WorkflowEditor } from "./WorkflowEditor";
import { RulesEditor } from "./RulesEditor";
import { CategoriesEditor } from "./CategoriesEditor";
import { PriorityEditor } from "./PriorityEditor";
import { SignIn } from "./SignIn";

type Screen =
    | { name: "workflows" }
    | { name: "editor"; id: string; version: number | "draft" }
    | { name: "rules" }
    | { name: "categories" }
    | { name: "priority" };

export function App() {
    // Null while asking the server whether the session cookie from an earlier sign-in still stands.
    const [signedIn, setSignedIn] = useState<boolean | null>(storedKey() ? true : null);
    const [screen, setScreen] = useState<Screen>({ name: "workflows" });
    const [activities, setActivities] = useState<Activity[] | null>(null);
    const [error, setError] = useState<string | null>(null);

    useEffect(() => {
        if (signedIn === null) {
            whoAmI()
                .then((caller) => setSignedIn(caller !== null))
                .catch(() => setSignedIn(false));
        } else if (signedIn) {
            get<Activity[]>("/api/activities")
                .then(setActivities)
                .catch((e: Error) => setError(e.message));
        }
    }, [signedIn]);

    const leave = () => {
        void signOut().finally(() => setSignedIn(false));
    };

    if (signedIn === null) {
        return <p className="signin">Checking your sign-in…</p>;
    }

    if (!signedIn) {
        return (
            <SignIn
                onSignedIn={() => {
                    setError(null);
                    setSignedIn(true);
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
                <button className="right" onClick={leave}>
                    Sign out
                </button>
            </nav>
            {error && (
                <div className="message error" role="alert">
                    {error} <button onClick={leave}>Sign in again</button>
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
