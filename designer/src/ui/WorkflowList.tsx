import { useEffect, useState } from "react";
import { get } from "../api";
import { compare } from "../logic/edit";
import type { WorkflowDocument } from "../logic/model";

interface VersionRow {
    id: string;
    version: number;
    status: string;
    name: string | null;
    createdBy: string;
    publishedAt: string | null;
}

interface Summary {
    id: string;
    published: VersionRow | null;
    draft: VersionRow | null;
}

interface Props {
    onOpen: (id: string, version: number | "draft") => void;
}

/** Every workflow with its versions and their states; open one, start a new one, or compare two versions. */
export function WorkflowList({ onOpen }: Props) {
    const [workflows, setWorkflows] = useState<Summary[] | null>(null);
    const [history, setHistory] = useState<Record<string, VersionRow[]>>({});
    const [error, setError] = useState<string | null>(null);
    const [newId, setNewId] = useState("");
    const [diff, setDiff] = useState<{ title: string; lines: string[] } | null>(null);
    const [picked, setPicked] = useState<{ id: string; version: number } | null>(null);

    useEffect(() => {
        get<Summary[]>("/api/workflows")
            .then(async (list) => {
                setWorkflows(list);
                const rows = await Promise.all(
                    list.map((w) => get<VersionRow[]>(`/api/workflows/${encodeURIComponent(w.id)}/versions`)),
                );
                setHistory(Object.fromEntries(list.map((w, i) => [w.id, rows[i]])));
            })
            .catch((e: Error) => setError(e.message));
    }, []);

    async function pick(id: string, version: number) {
        if (!picked || picked.id !== id || picked.version === version) {
            setPicked({ id, version });
            setDiff(null);
            return;
        }

        const [a, b] = [picked.version, version].sort((x, y) => x - y);
        const url = (v: number) => `/api/workflows/${encodeURIComponent(id)}/versions/${v}`;
        try {
            const [older, newer] = await Promise.all([
                get<{ document: WorkflowDocument }>(url(a)),
                get<{ document: WorkflowDocument }>(url(b)),
            ]);
            setDiff({ title: `${id}: version ${a} → ${b}`, lines: compare(older.document, newer.document) });
        } catch (e) {
            setError((e as Error).message);
        }

        setPicked(null);
    }

    if (error) {
        return (
            <div className="message error" role="alert">
                {error}
            </div>
        );
    }

    if (!workflows) {
        return <p>Loading workflows…</p>;
    }

    return (
        <div className="list">
            <h2>Workflows</h2>
            <table>
                <thead>
                    <tr>
                        <th>Workflow</th>
                        <th>Versions (pick two to compare)</th>
                        <th />
                    </tr>
                </thead>
                <tbody>
                    {workflows.map((w) => (
                        <tr key={w.id} data-workflow={w.id}>
                            <td>
                                <strong>{w.id}</strong>
                                <div className="muted">{w.published?.name ?? w.draft?.name}</div>
                            </td>
                            <td>
                                {(history[w.id] ?? []).map((v) => (
                                    <span key={v.version} className="version">
                                        <button
                                            onClick={() =>
                                                onOpen(w.id, v.status === "Draft" ? "draft" : v.version)
                                            }
                                        >
                                            v{v.version} {v.status}
                                        </button>
                                        <input
                                            type="checkbox"
                                            aria-label={`compare ${w.id} v${v.version}`}
                                            checked={picked?.id === w.id && picked.version === v.version}
                                            onChange={() => void pick(w.id, v.version)}
                                        />
                                    </span>
                                ))}
                            </td>
                            <td>
                                <button onClick={() => onOpen(w.id, "draft")}>
                                    {w.draft ? "Edit draft" : "New draft"}
                                </button>
                            </td>
                        </tr>
                    ))}
                </tbody>
            </table>
            <p>
                <input
                    aria-label="new workflow id"
                    placeholder="new-workflow-id"
                    value={newId}
                    onChange={(e) => setNewId(e.target.value)}
                />
                <button disabled={!/^[a-z0-9][a-z0-9-]*$/.test(newId)} onClick={() => onOpen(newId, "draft")}>
                    New workflow
                </button>
            </p>
            {diff && (
                <section className="diff" aria-label="comparison">
                    <h3>{diff.title}</h3>
                    {diff.lines.length === 0 ? <p>No differences.</p> : <pre>{diff.lines.join("\n")}</pre>}
                </section>
            )}
        </div>
    );
}
