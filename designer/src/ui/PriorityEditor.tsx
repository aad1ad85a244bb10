import {
    addLevel,
    editLevel,
    messagesFor,
    removeLevel,
    setCell,
    unplacedMessages,
    type Level,
    type Scale,
    type Scheme,
} from "../logic/catalog";
import { FieldMessages } from "./FieldMessages";
import { NoticeBar } from "./NoticeBar";
import { useCatalogDocument } from "./useCatalogDocument";

const Scales: { scale: Scale; title: string; one: string }[] = [
    { scale: "impacts", title: "Impacts", one: "impact" },
    { scale: "urgencies", title: "Urgencies", one: "urgency" },
    { scale: "levels", title: "Priority levels", one: "level" },
];

/** The priority scheme: its three scales, the defaults and the impact-by-urgency matrix as a grid of selects. */
export function PriorityEditor() {
    const { doc, dirty, fields, notice, load, edit, save } = useCatalogDocument<Scheme>(
        "/api/priority-scheme",
        "priority scheme",
    );

    const placed = (key: string) =>
        /^(id|name|defaultImpact|defaultUrgency|matrix(\[\d+\]){0,2}|(impacts|urgencies|levels)(\[\d+\]\.(code|name))?)$/.test(
            key,
        );
    return (
        <div className="list catalog">
            <div className="toolbar">
                <button onClick={() => void save()} disabled={!dirty}>
                    Save
                </button>
                <button onClick={() => void load()}>Reload</button>
                {dirty && <span className="muted">unsaved changes</span>}
            </div>
            <NoticeBar notice={notice} onReload={() => void load()} />
            <FieldMessages messages={unplacedMessages(fields, placed)} />
            {doc && (
                <>
                    <section>
                        <label>
                            Scheme id{" "}
                            <input
                                aria-label="scheme id"
                                value={doc.id}
                                onChange={(e) => edit((s) => ({ ...s, id: e.target.value }))}
                            />
                        </label>{" "}
                        <FieldMessages messages={messagesFor(fields, "id")} />
                        <label>
                            Name{" "}
                            <input
                                aria-label="scheme name"
                                size={40}
                                value={doc.name}
                                onChange={(e) => edit((s) => ({ ...s, name: e.target.value }))}
                            />
                        </label>{" "}
                        <FieldMessages messages={messagesFor(fields, "name")} />
                    </section>
                    <Matrix doc={doc} fields={fields} edit={edit} />
                    <div className="scales">
                        {Scales.map(({ scale, title, one }) => (
                            <ScaleTable
                                key={scale}
                                title={title}
                                one={one}
                                values={doc[scale]}
                                fields={fields}
                                scale={scale}
                                onEdit={(i, patch) => edit((s) => editLevel(s, scale, i, patch))}
                                onRemove={(i) => edit((s) => removeLevel(s, scale, i))}
                                onAdd={() =>
                                    edit((s) =>
                                        addLevel(s, scale, { code: `${s[scale].length + 1}`, name: "" }),
                                    )
                                }
                            />
                        ))}
                    </div>
                </>
            )}
        </div>
    );
}

function Matrix({
    doc,
    fields,
    edit,
}: {
    doc: Scheme;
    fields: Record<string, string[]>;
    edit: (change: (s: Scheme) => Scheme) => void;
}) {
    return (
        <section>
            <h3>Matrix</h3>
            <FieldMessages messages={messagesFor(fields, "matrix")} />
            <table className="matrix">
                <thead>
                    <tr>
                        <th>Impact \ Urgency</th>
                        {doc.urgencies.map((u, j) => (
                            <th key={j}>
                                {u.code} {u.name}
                            </th>
                        ))}
                    </tr>
                </thead>
                <tbody>
                    {doc.impacts.map((impact, i) => (
                        <tr key={i}>
                            <th>
                                {impact.code} {impact.name}
                                <FieldMessages messages={messagesFor(fields, `matrix[${i}]`)} />
                            </th>
                            {doc.urgencies.map((urgency, j) => (
                                <td key={j}>
                                    <select
                                        aria-label={`priority for impact ${impact.code} and urgency ${urgency.code}`}
                                        value={doc.matrix[i]?.[j] ?? ""}
                                        onChange={(e) => edit((s) => setCell(s, i, j, e.target.value))}
                                    >
                                        {!doc.levels.some((l) => l.code === doc.matrix[i]?.[j]) && (
                                            <option value="">(choose)</option>
                                        )}
                                        {doc.levels.map((l, k) => (
                                            <option key={k} value={l.code}>
                                                {l.code === l.name ? l.code : `${l.code} ${l.name}`}
                                            </option>
                                        ))}
                                    </select>
                                    <FieldMessages messages={messagesFor(fields, `matrix[${i}][${j}]`)} />
                                </td>
                            ))}
                        </tr>
                    ))}
                </tbody>
            </table>
            <p>
                <label>
                    Default impact{" "}
                    <select
                        aria-label="default impact"
                        value={doc.defaultImpact}
                        onChange={(e) => edit((s) => ({ ...s, defaultImpact: e.target.value }))}
                    >
                        <Choices values={doc.impacts} current={doc.defaultImpact} />
                    </select>
                </label>{" "}
                <FieldMessages messages={messagesFor(fields, "defaultImpact")} />
                <label>
                    Default urgency{" "}
                    <select
                        aria-label="default urgency"
                        value={doc.defaultUrgency}
                        onChange={(e) => edit((s) => ({ ...s, defaultUrgency: e.target.value }))}
                    >
                        <Choices values={doc.urgencies} current={doc.defaultUrgency} />
                    </select>
                </label>{" "}
                <FieldMessages messages={messagesFor(fields, "defaultUrgency")} />
            </p>
        </section>
    );
}

function Choices({ values, current }: { values: Level[]; current: string }) {
    return (
        <>
            {!values.some((v) => v.code === current) && <option value="">(choose)</option>}
            {values.map((v, k) => (
                <option key={k} value={v.code}>
                    {v.code} {v.name}
                </option>
            ))}
        </>
    );
}

function ScaleTable(props: {
    title: string;
    one: string;
    scale: Scale;
    values: Level[];
    fields: Record<string, string[]>;
    onEdit: (index: number, patch: Partial<Level>) => void;
    onRemove: (index: number) => void;
    onAdd: () => void;
}) {
    const { title, one, scale, values, fields } = props;
    return (
        <section>
            <h3>{title}</h3>
            <FieldMessages messages={messagesFor(fields, scale)} />
            <table>
                <thead>
                    <tr>
                        <th>Code</th>
                        <th>Name</th>
                        <th>Description</th>
                        <th />
                    </tr>
                </thead>
                <tbody>
                    {values.map((v, i) => (
                        <tr key={i}>
                            <td>
                                <input
                                    aria-label={`${one} ${i + 1} code`}
                                    size={8}
                                    value={v.code}
                                    onChange={(e) => props.onEdit(i, { code: e.target.value })}
                                />
                                <FieldMessages messages={messagesFor(fields, `${scale}[${i}].code`)} />
                            </td>
                            <td>
                                <input
                                    aria-label={`${one} ${i + 1} name`}
                                    value={v.name}
                                    onChange={(e) => props.onEdit(i, { name: e.target.value })}
                                />
                                <FieldMessages messages={messagesFor(fields, `${scale}[${i}].name`)} />
                            </td>
                            <td>
                                <input
                                    aria-label={`${one} ${i + 1} description`}
                                    size={40}
                                    value={v.description ?? ""}
                                    onChange={(e) => props.onEdit(i, { description: e.target.value })}
                                />
                            </td>
                            <td>
                                <button
                                    aria-label={`remove ${one} ${i + 1}`}
                                    onClick={() => props.onRemove(i)}
                                >
                                    Remove
                                </button>
                            </td>
                        </tr>
                    ))}
                </tbody>
            </table>
            <button onClick={props.onAdd}>Add {one}</button>
        </section>
    );
}
