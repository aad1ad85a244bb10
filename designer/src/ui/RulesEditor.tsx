import { useCallback, useEffect, useState } from "react";
import { ApiError, call, get } from "../api";
import { CodeEditor, type CodeMarker } from "./CodeEditor";

const actions = [
  "setKind", "setCategory", "setSubcategory", "setImpact", "setUrgency", "overridePriority",
  "setAssignmentGroup", "addTag", "proposeMajorIncident", "proposeProblem", "statement",
];

interface Rule {
  name: string;
  salience: number;
  condition: string;
  action: string;
  value?: string;
}

interface RuleSet {
  id: string;
  name?: string;
  rules: Rule[];
}

interface CompileError {
  rule: string;
  part: string;
  line: number;
  column: number;
  message: string;
}

interface VersionRow {
  version: number;
  status: string;
  revision: number;
  createdBy: string;
}

interface TryView {
  ruleSetVersion: string;
  fired: { name: string; order: number; changes: { field: string; old: string | null; new: string | null }[] }[];
  faults: { rule: string; message: string }[];
  outcome: Record<string, unknown>;
}

interface SimulationView {
  draftVersion: number;
  comparedWith: string;
  changes: { ticketId: number; number: string; field: string; before: string | null; after: string | null; rule: string | null }[];
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
      const loaded = await get<RuleSet>(`/api/rule-sets/${encodeURIComponent(id)}/versions/${newest.version}`);
      setDoc({ ...loaded, rules: loaded.rules ?? [] });
      setEtag(draft ? `"${draft.revision}"` : null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        setVersions([]);
        setDoc({ id, rules: [] });
        setEtag(null);
        setMessage({ kind: "info", text: `Rule set '${id}' has no versions yet; add rules and save a draft.` });
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

  async function run(action: () => Promise<void>) {
    try {
      await action();
    } catch (e) {
      setMessage({ kind: "error", text: (e as Error).message });
    }
  }

  async function check(): Promise<boolean> {
    const answer = await call<{ compiles: boolean; errors: CompileError[] }>("POST", "/api/rule-sets/check", doc);
    setErrors(answer.body.errors);
    setMessage(answer.body.compiles
      ? { kind: "info", text: `All ${doc.rules.length} rules compile.` }
      : { kind: "error", text: `${answer.body.errors.length} compile error(s); each is shown on its rule.` });
    return answer.body.compiles;
  }

  async function save(): Promise<boolean> {
    try {
      const headers: Record<string, string> = etag ? { "If-Match": etag } : {};
      const answer = await call<VersionRow>("PUT", `/api/rule-sets/${encodeURIComponent(doc.id)}/draft`, doc, headers);
      setEtag(answer.etag);
      setDirty(false);
      setVersions(await get<VersionRow[]>(`/api/rule-sets/${encodeURIComponent(doc.id)}/versions`));
      setMessage({ kind: "info", text: `Draft saved (version ${answer.body.version}).` });
      return true;
    } catch (e) {
      const text = e instanceof ApiError && (e.status === 409 || e.status === 412)
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
    setTried((await call<TryView>("POST", `/api/rule-sets/${encodeURIComponent(doc.id)}/draft/try`, body)).body);
  }

  async function simulate() {
    if (!(await saved())) {
      return;
    }

    setSimulation((await call<SimulationView>("POST", `/api/rule-sets/${encodeURIComponent(doc.id)}/draft/simulate`)).body);
  }

  async function publish() {
    if (!(await check()) || !(await saved())) {
      return;
    }

    const published = await call<VersionRow>("POST", `/api/rule-sets/${encodeURIComponent(doc.id)}/publish`);
    setEtag(null);
    setVersions(await get<VersionRow[]>(`/api/rule-sets/${encodeURIComponent(doc.id)}/versions`));
    setMessage({ kind: "info", text: `Published version ${published.body.version}; it is now in force.` });
  }

  function markers(rule: string, part: string): CodeMarker[] {
    return errors
      .filter((e) => e.rule === rule && e.part.toLowerCase() === part)
      .map((e) => ({ line: e.line, column: e.column, message: e.message }));
  }

  return (
    <div className="rules">
      <div className="toolbar">
        <label>
          Rule set <input value={setId} onChange={(e) => setSetId(e.target.value)} aria-label="rule set id" />
        </label>
        <button onClick={() => void load(setId)}>Open</button>
        <button onClick={() => { setDoc((d) => ({ ...d, rules: [...d.rules, { name: `Rule ${d.rules.length + 1}`, salience: 0, condition: "true", action: "addTag", value: "" }] })); setDirty(true); }}>
          Add rule
        </button>
        <button onClick={() => void run(async () => void (await check()))}>Check</button>
        <button onClick={() => void run(async () => void (await save()))} disabled={!dirty}>Save draft</button>
        <button onClick={() => void run(publish)}>Publish</button>
        <span className="muted">
          {versions.map((v) => `v${v.version} ${v.status}`).join(" · ") || "no versions"}
          {dirty ? " · unsaved changes" : ""}
        </span>
      </div>
      {message && <div className={`message ${message.kind}`} role={message.kind === "info" ? "status" : "alert"}>{message.text}</div>}
      <table className="rule-table">
        <thead>
          <tr><th>Name</th><th>Salience</th><th>Condition (C#)</th><th>Action</th><th>Value</th><th /></tr>
        </thead>
        <tbody>
          {doc.rules.map((r, i) => (
            <tr key={i} data-rule={r.name}>
              <td><input aria-label="rule name" value={r.name} onChange={(e) => update(i, { name: e.target.value })} /></td>
              <td>
                <input aria-label="salience" type="number" value={r.salience} onChange={(e) => update(i, { salience: Number(e.target.value) })} />
              </td>
              <td className="code-cell">
                <CodeEditor label={`condition of ${r.name}`} value={r.condition} markers={markers(r.name, "condition")} onChange={(v) => update(i, { condition: v })} />
                <ErrorList errors={errors.filter((e) => e.rule === r.name && e.part.toLowerCase() === "condition")} />
              </td>
              <td>
                <select aria-label="action" value={r.action} onChange={(e) => update(i, { action: e.target.value })}>
                  {actions.map((a) => <option key={a}>{a}</option>)}
                </select>
              </td>
              <td className="code-cell">
                {r.action === "statement" ? (
                  <CodeEditor label={`statements of ${r.name}`} value={r.value ?? ""} markers={errors.filter((e) => e.rule === r.name && e.part.toLowerCase() !== "condition").map((e) => ({ line: e.line, column: e.column, message: e.message }))} onChange={(v) => update(i, { value: v })} height={80} />
                ) : (
                  <input aria-label="value" value={r.value ?? ""} onChange={(e) => update(i, { value: e.target.value })} />
                )}
                <ErrorList errors={errors.filter((e) => e.rule === r.name && e.part.toLowerCase() !== "condition")} />
              </td>
              <td><button onClick={() => { setDoc((d) => ({ ...d, rules: d.rules.filter((_, j) => j !== i) })); setDirty(true); }}>Delete</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="panels">
        <section className="try" aria-label="try it">
          <h3>Try the draft</h3>
          <label>Subject <input aria-label="sample subject" value={sample.subject} onChange={(e) => setSample({ ...sample, subject: e.target.value })} /></label>
          <label>or ticket number <input aria-label="sample ticket" value={sample.ticketId} onChange={(e) => setSample({ ...sample, ticketId: e.target.value })} /></label>
          <button onClick={() => void run(tryIt)}>Try</button>
          {tried && (
            <div className="tried">
              <p>Evaluated with {tried.ruleSetVersion}: {tried.fired.length} rule(s) fired.</p>
              <ol>
                {tried.fired.map((f) => (
                  <li key={f.order}>
                    {f.name}: {f.changes.map((c) => `${c.field} ${c.old ?? "∅"} → ${c.new ?? "∅"}`).join(", ") || "no change"}
                  </li>
                ))}
              </ol>
              {tried.faults.map((f) => <p key={f.rule} className="field-error">{f.rule}: {f.message}</p>)}
            </div>
          )}
        </section>
        <section className="simulation" aria-label="simulation">
          <h3>Simulate on stored tickets</h3>
          <button onClick={() => void run(simulate)}>Simulate</button>
          {simulation && (
            <div>
              <p>Draft v{simulation.draftVersion} against {simulation.comparedWith}: {simulation.changes.length} change(s).</p>
              <table>
                <thead><tr><th>Ticket</th><th>Field</th><th>Before</th><th>After</th><th>Because of</th></tr></thead>
                <tbody>
                  {simulation.changes.map((c, i) => (
                    <tr key={i}><td>#{c.ticketId} {c.number}</td><td>{c.field}</td><td>{c.before ?? "∅"}</td><td>{c.after ?? "∅"}</td><td>{c.rule ?? "rules in force"}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}

function ErrorList({ errors }: { errors: CompileError[] }) {
  return errors.length === 0 ? null : (
    <ul className="compile-errors">
      {errors.map((e, i) => <li key={i}>line {e.line}, column {e.column}: {e.message}</li>)}
    </ul>
  );
}
