import { CodeEditor, type CodeMarker } from "./CodeEditor";

const actions = [
    "setKind",
    "setCategory",
    "setSubcategory",
    "setImpact",
    "setUrgency",
    "overridePriority",
    "setAssignmentGroup",
    "addTag",
    "proposeMajorIncident",
    "proposeProblem",
    "notify",
    "raisePriority",
    "reassign",
    "raiseUrgency",
    "statement",
];

/** One company rule as the rule-set document holds it. */
export interface Rule {
    name: string;
    salience: number;
    condition: string;
    action: string;
    value?: string;
}

/** A compile error as the check answers it: the rule, the part (condition or action) and the place. */
export interface CompileError {
    rule: string;
    part: string;
    line: number;
    column: number;
    message: string;
}

interface Props {
    rule: Rule;
    errors: CompileError[];
    onChange: (patch: Partial<Rule>) => void;
    onDelete: () => void;
}

/** One row of the rules table; the rule's compile errors are drawn in its editors and listed below them. */
export function RuleRow({ rule: r, errors, onChange, onDelete }: Props) {
    const mine = errors.filter((e) => e.rule === r.name);
    const condition = mine.filter((e) => e.part.toLowerCase() === "condition");
    const others = mine.filter((e) => e.part.toLowerCase() !== "condition");
    return (
        <tr data-rule={r.name}>
            <td>
                <input
                    aria-label="rule name"
                    value={r.name}
                    onChange={(e) => onChange({ name: e.target.value })}
                />
            </td>
            <td>
                <input
                    aria-label="salience"
                    type="number"
                    value={r.salience}
                    onChange={(e) => onChange({ salience: Number(e.target.value) })}
                />
            </td>
            <td className="code-cell">
                <CodeEditor
                    label={`condition of ${r.name}`}
                    value={r.condition}
                    markers={condition.map(marker)}
                    onChange={(v) => onChange({ condition: v })}
                />
                <ErrorList errors={condition} />
            </td>
            <td>
                <select
                    aria-label="action"
                    value={r.action}
                    onChange={(e) => onChange({ action: e.target.value })}
                >
                    {actions.map((a) => (
                        <option key={a}>{a}</option>
                    ))}
                </select>
            </td>
            <td className="code-cell">
                {r.action === "statement" ? (
                    <CodeEditor
                        label={`statements of ${r.name}`}
                        value={r.value ?? ""}
                        markers={others.map(marker)}
                        onChange={(v) => onChange({ value: v })}
                        height={80}
                    />
                ) : (
                    <input
                        aria-label="value"
                        value={r.value ?? ""}
                        onChange={(e) => onChange({ value: e.target.value })}
                    />
                )}
                <ErrorList errors={others} />
            </td>
            <td>
                <button onClick={onDelete}>Delete</button>
            </td>
        </tr>
    );
}

function marker(e: CompileError): CodeMarker {
    return { line: e.line, column: e.column, message: e.message };
}

function ErrorList({ errors }: { errors: CompileError[] }) {
    return errors.length === 0 ? null : (
        <ul className="compile-errors">
            {errors.map((e, i) => (
                <li key={i}>
                    line {e.line}, column {e.column}: {e.message}
                </li>
            ))}
        </ul>
    );
}
