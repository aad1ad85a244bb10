/** What try-it answers: the rules that fired in order with their changes, and the rules that failed. */
export interface TryView {
    ruleSetVersion: string;
    fired: {
        name: string;
        order: number;
        changes: { field: string; old: string | null; new: string | null }[];
    }[];
    faults: { rule: string; message: string }[];
}

/** What the simulation answers: each stored ticket's field the draft would change, and the rule responsible. */
export interface SimulationView {
    draftVersion: number;
    comparedWith: string;
    changes: {
        ticketId: number;
        number: string;
        field: string;
        before: string | null;
        after: string | null;
        rule: string | null;
    }[];
}

export function TryResult({ tried }: { tried: TryView }) {
    return (
        <div className="tried">
            <p>
                Evaluated with {tried.ruleSetVersion}: {tried.fired.length} rule(s) fired.
            </p>
            <ol>
                {tried.fired.map((f) => (
                    <li key={f.order}>
                        {f.name}:{" "}
                        {f.changes.map((c) => `${c.field} ${c.old ?? "∅"} → ${c.new ?? "∅"}`).join(", ") ||
                            "no change"}
                    </li>
                ))}
            </ol>
            {tried.faults.map((f) => (
                <p key={f.rule} className="field-error">
                    {f.rule}: {f.message}
                </p>
            ))}
        </div>
    );
}

export function SimulationResult({ simulation }: { simulation: SimulationView }) {
    return (
        <div>
            <p>
                Draft v{simulation.draftVersion} against {simulation.comparedWith}:{" "}
                {simulation.changes.length} change(s).
            </p>
            <table>
                <thead>
                    <tr>
                        <th>Ticket</th>
                        <th>Field</th>
                        <th>Before</th>
                        <th>After</th>
                        <th>Because of</th>
                    </tr>
                </thead>
                <tbody>
                    {simulation.changes.map((c, i) => (
                        <tr key={i}>
                            <td>
                                #{c.ticketId} {c.number}
                            </td>
                            <td>{c.field}</td>
                            <td>{c.before ?? "∅"}</td>
                            <td>{c.after ?? "∅"}</td>
                            <td>{c.rule ?? "rules in force"}</td>
                        </tr>
                    ))}
                </tbody>
            </table>
        </div>
    );
}
