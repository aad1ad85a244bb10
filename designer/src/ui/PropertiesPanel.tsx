import { useState } from "react";
import type { Activity, WorkflowNode } from "../logic/model";
import { display, formFields, parse, type FormField } from "../logic/schemaForm";
import { type CodeMarker, CodeEditor } from "./CodeEditor";

interface Props {
    node: WorkflowNode;
    activity: Activity | undefined;
    isStart: boolean;
    problems: string[];
    /** Compile errors of the node's C# inputs, by input name, drawn on their lines. */
    markers: Record<string, CodeMarker[]>;
    onInput: (name: string, value: unknown) => void;
    onStart: () => void;
}

/** The selected node's inputs as a form generated from its activity's input schema. */
export function PropertiesPanel({ node, activity, isStart, problems, markers, onInput, onStart }: Props) {
    const fields = activity ? formFields(activity.inputSchema) : [];
    return (
        <aside className="properties" aria-label="properties">
            <h3>{node.id}</h3>
            <p className="muted">
                {activity
                    ? `${activity.displayName}: ${activity.description}`
                    : `Unknown activity ${node.type}`}
            </p>
            {isStart ? (
                <p>This is the start node.</p>
            ) : (
                <button onClick={onStart}>Make this the start</button>
            )}
            {fields.map((f) => (
                <Field
                    key={f.name}
                    field={f}
                    value={node.inputs[f.name]}
                    markers={markers[f.name] ?? noMarkers}
                    onCommit={(v) => onInput(f.name, v)}
                />
            ))}
            {problems.length > 0 && (
                <ul className="node-problems">
                    {problems.map((p) => (
                        <li key={p}>{p}</li>
                    ))}
                </ul>
            )}
        </aside>
    );
}

const noMarkers: CodeMarker[] = [];

function Field({
    field,
    value,
    markers,
    onCommit,
}: {
    field: FormField;
    value: unknown;
    markers: CodeMarker[];
    onCommit: (v: unknown) => void;
}) {
    const [text, setText] = useState(display(field, value));
    const [error, setError] = useState<string | null>(null);

    function commit(next: string) {
        const result = parse(field, next);
        setError(result.error ?? null);
        if (!result.error) {
            onCommit(result.value);
        }
    }

    const id = `field-${field.name}`;
    return (
        <div className="field">
            <label htmlFor={id}>
                {field.name}
                {field.required ? " *" : ""}
                <small>{field.label}</small>
            </label>
            {field.kind === "choice" ? (
                <select
                    id={id}
                    value={text}
                    onChange={(e) => {
                        setText(e.target.value);
                        commit(e.target.value);
                    }}
                >
                    <option value="" />
                    {field.choices.map((c) => (
                        <option key={c}>{c}</option>
                    ))}
                </select>
            ) : field.kind === "code" ? (
                <CodeEditor
                    label={field.name}
                    value={text}
                    markers={markers}
                    onChange={(v) => {
                        setText(v);
                        commit(v);
                    }}
                />
            ) : field.kind === "boolean" ? (
                <input
                    id={id}
                    type="checkbox"
                    checked={text === "true"}
                    onChange={(e) => {
                        const v = String(e.target.checked);
                        setText(v);
                        commit(v);
                    }}
                />
            ) : (
                <input
                    id={id}
                    value={text}
                    placeholder={field.kind === "duration" ? "PT30M" : field.kind === "list" ? "a, b, c" : ""}
                    onChange={(e) => setText(e.target.value)}
                    onBlur={() => commit(text)}
                    onKeyDown={(e) => e.key === "Enter" && commit(text)}
                />
            )}
            {error && (
                <div className="field-error" role="alert">
                    {error}
                </div>
            )}
        </div>
    );
}
