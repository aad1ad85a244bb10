import { useCallback, useEffect, useState } from "react";
import { ApiError, call, get } from "../api";
import { RuleRow, type CompileError, type Rule } from "./RuleRow";
import { SimulationResult, TryResult, type SimulationView, type TryView } from "./RuleTrials";

interface RuleSet {
    id: string;
    name?: string;
    rules: Rule[];
}

interface VersionRow {
    version: number;
    status: string;
    revision: number;
    createdBy: string;
}

/** The company rules of one rule set as a table, with compile check, try-it, simulation and publish. */
export function RulesEditor() {
    const [setId, setSetId] = useState("company");
    const [doc, setDoc] = useState<RuleSet>({ id: "company", rules: [] });
    const [versions, setVersions] = useState<VersionRow[]>([]);
    const [etag, setEtag] = useState<string | null>(null);
    const [dirty, setDirty] = useState(false);
    const [errors, setErrors] = useState<CompileError[]>([]);
    const [message, setMessage] = useState<{ kind: string; text: string } | null>(null);
    const [sample, setSample] = useState({ subject: "VPN drops every ten minutes", ticketId: "" });
    const [tried, setTried] = useState<TryView | null>(null);
    const [simulation, setSimulation] = useState<SimulationView | null>(null);

    const load = useCallback(async (id: string) => {
        setMessage(null);
        setErrors([]);
        setTried(null);
        setSimulation(null);
        try {
            const rows = await get<VersionRow[]>(`/api/rule-sets/${encodeURIComponent(id)}/versions`);
            setVersions(rows);
            const draft = rows.find((r) => r.status === "Draft");
            const newest = draft ?? rows[rows.length - 1];
            const loaded = await get<RuleSet>(
                `/api/rule-sets/${encodeURIComponent(id)}/versions/${newest.version}`,
            );
            setDoc({ ...loaded, rules: loaded.rules ?? [] });
            setEtag(draft ? `"${draft.revision}"` : null);
        } catch (e) {
            if (e instanceof ApiError && e.status === 404) {
                setVersions([]);
                setDoc({ id, rules: [] });
                setEtag(null);
                setMessage({
                    kind: "info",
                    text: `Rule set '${id}' has no versions yet; add rules and save a draft.`,
                });
            } else {
                setMessage({ kind: "error", text: (e as Error).message });
            }
        }

        setDirty(false);
    }, []);

    useEffect(() => {
        void load("company");
    }, [load]);

    function update(index: number, patch: Partial<Rule>) {
        setDoc((d) => ({ ...d, rules: d.rules.map((r, i) => (i === index ? { ...r, ...patch } : r)) }));
        setDirty(true);
    }

    function remove(index: number) {
        setDoc((d) => ({ ...d, rules: d.rules.filter((_, j) => j !== index) }));
        setDirty(true);
    }

    async function run(action: () => Promise<void>) {
        try {
            await action();
        } catch (e) {
            setMessage({ kind: "error", text: (e as Error).message });
        }
    }

    async function check(): Promise<boolean> {
        const answer = await call<{ compiles: boolean; errors: CompileError[] }>(
            "POST",
            "/api/rule-sets/check",
            doc,
        );
        setErrors(answer.body.errors);
        setMessage(
            answer.body.compiles
                ? { kind: "info", text: `All ${doc.rules.length} rules compile.` }
                : {
                      kind: "error",
                      text: `${answer.body.errors.length} compile error(s); each is shown on its rule.`,
                  },
        );
        return answer.body.compiles;
    }

    async function save(): Promise<boolean> {
        try {
            const headers: Record<string, string> = etag ? { "If-Match": etag } : { "If-None-Match": "*" };
            const answer = await call<VersionRow>(
                "PUT",
                `/api/rule-sets/${encodeURIComponent(doc.id)}/draft`,
                doc,
                headers,
            );
            setEtag(answer.etag);
            setDirty(false);
            setVersions(await get<VersionRow[]>(`/api/rule-sets/${encodeURIComponent(doc.id)}/versions`));
            setMessage({ kind: "info", text: `Draft saved (version ${answer.body.version}).` });
            return true;
        } catch (e) {
            const text =
                e instanceof ApiError && (e.status === 409 || e.status === 412)
                    ? `Someone else saved this draft first; your changes were not saved. Reload to see theirs. ${e.message}`
                    : (e as Error).message;
            setMessage({ kind: "conflict", text });
            return false;
        }
    }

    async function saved(): Promise<boolean> {
        return !dirty && etag !== null ? true : save();
    }

    async function tryIt() {
        if (!(await saved())) {
            return;
        }

        const body = sample.ticketId ? { ticketId: Number(sample.ticketId) } : { subject: sample.subject };
        setTried(
            (await call<TryView>("POST", `/api/rule-sets/${encodeURIComponent(doc.id)}/draft/try`, body))
                .body,
        );
    }

    async function simulate() {
        if (!(await saved())) {
            return;
        }

        setSimulation(
            (
                await call<SimulationView>(
                    "POST",
                    `/api/rule-sets/${encodeURIComponent(doc.id)}/draft/simulate`,
                )
            ).body,
        );
    }

    async function publish() {
        if (!(await check()) || !(await saved())) {
            return;
        }

        const published = await call<VersionRow>(
            "POST",
            `/api/rule-sets/${encodeURIComponent(doc.id)}/publish`,
        );
        setEtag(null);
        setVersions(await get<VersionRow[]>(`/api/rule-sets/${encodeURIComponent(doc.id)}/versions`));
        setMessage({
            kind: "info",
            text: `Published version ${published.body.version}; it is now in force.`,
        });
    }

    return (
        <div className="rules">
            <div className="toolbar">
                <label>
                    Rule set{" "}
                    <input
                        value={setId}
                        onChange={(e) => setSetId(e.target.value)}
                        aria-label="rule set id"
                    />
                </label>
                <button onClick={() => void load(setId)}>Open</button>
                <button
                    onClick={() => {
                        setDoc((d) => ({
                            ...d,
                            rules: [
                                ...d.rules,
                                {
                                    name: `Rule ${d.rules.length + 1}`,
                                    salience: 0,
                                    condition: "true",
                                    action: "addTag",
                                    value: "",
                                },
                            ],
                        }));
                        setDirty(true);
                    }}
                >
                    Add rule
                </button>
                <button onClick={() => void run(async () => void (await check()))}>Check</button>
                <button onClick={() => void run(async () => void (await save()))} disabled={!dirty}>
                    Save draft
                </button>
                <button onClick={() => void run(publish)}>Publish</button>
                <span className="muted">
                    {versions.map((v) => `v${v.version} ${v.status}`).join(" · ") || "no versions"}
                    {dirty ? " · unsaved changes" : ""}
                </span>
            </div>
            {message && (
                <div
                    className={`message ${message.kind}`}
                    role={message.kind === "info" ? "status" : "alert"}
                >
                    {message.text}
                </div>
            )}
            <table className="rule-table">
                <thead>
                    <tr>
                        <th>Name</th>
                        <th>Salience</th>
                        <th>Condition (C#)</th>
                        <th>Action</th>
                        <th>Value</th>
                        <th />
                    </tr>
                </thead>
                <tbody>
                    {doc.rules.map((r, i) => (
                        <RuleRow
                            key={i}
                            rule={r}
                            errors={errors}
                            onChange={(patch) => update(i, patch)}
                            onDelete={() => remove(i)}
                        />
                    ))}
                </tbody>
            </table>
            <div className="panels">
                <section className="try" aria-label="try it">
                    <h3>Try the draft</h3>
                    <label>
                        Subject{" "}
                        <input
                            aria-label="sample subject"
                            value={sample.subject}
                            onChange={(e) => setSample({ ...sample, subject: e.target.value })}
                        />
                    </label>
                    <label>
                        or ticket number{" "}
                        <input
                            aria-label="sample ticket"
                            value={sample.ticketId}
                            onChange={(e) => setSample({ ...sample, ticketId: e.target.value })}
                        />
                    </label>
                    <button onClick={() => void run(tryIt)}>Try</button>
                    {tried && <TryResult tried={tried} />}
                </section>
                <section className="simulation" aria-label="simulation">
                    <h3>Simulate on stored tickets</h3>
                    <button onClick={() => void run(simulate)}>Simulate</button>
                    {simulation && <SimulationResult simulation={simulation} />}
                </section>
            </div>
        </div>
    );
}
