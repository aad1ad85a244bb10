import { useCallback, useEffect, useMemo, useState } from "react";
import {
    Background,
    Controls,
    ReactFlow,
    ReactFlowProvider,
    useReactFlow,
    type Connection as FlowConnection,
    type Edge,
    type EdgeChange,
    type Node,
    type NodeChange,
} from "@xyflow/react";
import { ApiError, call, get } from "../api";
import type { Activity, WorkflowDocument } from "../logic/model";
import { outcomesOf } from "../logic/model";
import {
    codeMarkers,
    type GraphProblem,
    type ServerError,
    serverProblems,
    validateGraph,
} from "../logic/validate";
import * as history from "../logic/history";
import * as edit from "../logic/edit";
import { arrange } from "../logic/layout";
import { ActivityNode, type ActivityNodeData } from "./ActivityNode";
import { PropertiesPanel } from "./PropertiesPanel";
import { LivePanel, type LiveView } from "./LivePanel";
import { useShortcuts } from "./useShortcuts";

const nodeTypes = { activity: ActivityNode };

interface Props {
    id: string;
    version: number | "draft";
    activities: Activity[];
    onClose: () => void;
}

interface VersionView {
    version: number;
    status: string;
    revision: number;
    document?: WorkflowDocument;
}

export function WorkflowEditor(props: Props) {
    return (
        <ReactFlowProvider>
            <Editor {...props} />
        </ReactFlowProvider>
    );
}

function Editor({ id, version, activities, onClose }: Props) {
    const catalog = useMemo(() => new Map(activities.map((a) => [a.type, a])), [activities]);
    const flow = useReactFlow();
    const [doc, setDoc] = useState<history.History<WorkflowDocument> | null>(null);
    const [saved, setSaved] = useState<WorkflowDocument | null>(null);
    const [etag, setEtag] = useState<string | null>(null);
    const [readOnly, setReadOnly] = useState(false);
    const [selected, setSelected] = useState<Set<string>>(new Set());
    const [selectedEdges, setSelectedEdges] = useState<Set<string>>(new Set());
    const [dragging, setDragging] = useState<Map<string, { x: number; y: number }>>(new Map());
    const [problems, setProblems] = useState<GraphProblem[]>([]);
    const [message, setMessage] = useState<{ kind: "error" | "info" | "conflict"; text: string } | null>(
        null,
    );
    const [live, setLive] = useState<LiveView | null>(null);
    const [liveNode, setLiveNode] = useState<string | null>(null);

    const load = useCallback(async () => {
        setMessage(null);
        try {
            if (version === "draft") {
                const answer = await call<VersionView>(
                    "GET",
                    `/api/workflows/${encodeURIComponent(id)}/draft`,
                );
                await open(answer.body.document!, false);
                setEtag(answer.etag);
            } else {
                const v = await get<VersionView>(
                    `/api/workflows/${encodeURIComponent(id)}/versions/${version}`,
                );
                await open(v.document!, v.status !== "Draft");
                setEtag(null);
            }
        } catch (e) {
            if (e instanceof ApiError && e.status === 404 && version === "draft") {
                // No draft yet: start from the newest published version, or from an empty canvas for a new workflow.
                const current = await get<{ published: VersionView | null }>(
                    `/api/workflows/${encodeURIComponent(id)}`,
                ).catch(() => ({ published: null }));
                const document = current.published?.document ?? { id, name: id, nodes: [], connections: [] };
                await open(document, false);
            } else {
                setMessage({ kind: "error", text: (e as Error).message });
            }
        }

        async function open(document: WorkflowDocument, published: boolean) {
            const normal = {
                ...document,
                nodes: document.nodes ?? [],
                connections: document.connections ?? [],
            };
            const placed = edit.isPlaced(normal) ? normal : await arrange(normal);
            setSaved(normal);
            setDoc(history.start(placed));
            setReadOnly(published);
            if (published && version !== "draft") {
                setLive(
                    await get<LiveView>(`/api/workflows/${encodeURIComponent(id)}/versions/${version}/live`),
                );
            }
        }
    }, [id, version]);

    useEffect(() => {
        void load();
    }, [load]);

    const present = doc?.present;
    const dirty =
        present !== undefined && saved !== null && JSON.stringify(present) !== JSON.stringify(saved);

    const change = useCallback(
        (f: (d: WorkflowDocument) => WorkflowDocument) => {
            if (!readOnly) {
                setDoc((h) => (h ? history.record(h, f(h.present)) : h));
            }
        },
        [readOnly],
    );

    const deleteSelection = useCallback(() => {
        change((d) => edit.removeConnections(edit.removeNodes(d, selected), selectedEdges));
        setSelected(new Set());
        setSelectedEdges(new Set());
    }, [change, selected, selectedEdges]);

    useShortcuts({
        undo: () => setDoc((h) => (h && !readOnly ? history.undo(h) : h)),
        redo: () => setDoc((h) => (h && !readOnly ? history.redo(h) : h)),
        selectAll: () => setSelected(new Set(doc?.present.nodes.map((n) => n.id))),
        remove: deleteSelection,
    });

    const liveByNode = useMemo(() => new Map((live?.nodes ?? []).map((n) => [n.nodeId, n])), [live]);

    const nodes: Node<ActivityNodeData>[] = useMemo(
        () =>
            (present?.nodes ?? []).map((n) => ({
                id: n.id,
                type: "activity",
                position: dragging.get(n.id) ?? n.position ?? { x: 0, y: 0 },
                selected: selected.has(n.id),
                data: {
                    label: n.id,
                    type: catalog.get(n.type)?.displayName ?? n.type,
                    outcomes: outcomesOf(n, catalog.get(n.type)),
                    problems: problems.filter((p) => p.nodeId === n.id).map((p) => p.message),
                    isStart: present?.start === n.id,
                    live:
                        readOnly && live
                            ? {
                                  open: liveByNode.get(n.id)?.open ?? 0,
                                  breached: liveByNode.get(n.id)?.breached ?? null,
                              }
                            : undefined,
                },
            })),
        [present, dragging, selected, catalog, problems, readOnly, live, liveByNode],
    );

    const edges: Edge[] = useMemo(
        () =>
            (present?.connections ?? []).map((c) => ({
                id: edit.connectionKey(c),
                source: c.from,
                sourceHandle: c.outcome,
                target: c.to,
                targetHandle: "in",
                label: c.outcome,
                selected: selectedEdges.has(edit.connectionKey(c)),
            })),
        [present, selectedEdges],
    );

    const onNodesChange = useCallback(
        (changes: NodeChange<Node<ActivityNodeData>>[]) => {
            const moving = new Map<string, { x: number; y: number }>();
            const done = new Map<string, { x: number; y: number }>();
            let picked: Set<string> | null = null;
            for (const c of changes) {
                if (c.type === "position" && c.position) {
                    (c.dragging ? moving : done).set(c.id, c.position);
                } else if (c.type === "position" && !c.dragging) {
                    const last = dragging.get(c.id);
                    if (last) {
                        done.set(c.id, last);
                    }
                } else if (c.type === "select") {
                    picked ??= new Set(selected);
                    if (c.selected) {
                        picked.add(c.id);
                    } else {
                        picked.delete(c.id);
                    }
                }
            }

            if (moving.size > 0) {
                setDragging((d) => new Map([...d, ...moving]));
            }

            if (done.size > 0) {
                change((d) => edit.moveNodes(d, done));
                setDragging(new Map());
            }

            if (picked) {
                setSelected(picked);
            }
        },
        [change, dragging, selected],
    );

    const onEdgesChange = useCallback((changes: EdgeChange[]) => {
        setSelectedEdges((current) => {
            const next = new Set(current);
            for (const c of changes) {
                if (c.type === "select") {
                    if (c.selected) {
                        next.add(c.id);
                    } else {
                        next.delete(c.id);
                    }
                }
            }

            return next;
        });
    }, []);

    const onConnect = useCallback(
        (c: FlowConnection) => {
            if (c.source && c.target && c.sourceHandle) {
                change((d) => edit.connect(d, { from: c.source, outcome: c.sourceHandle!, to: c.target }));
            }
        },
        [change],
    );

    function addActivity(type: string, position?: { x: number; y: number }) {
        change((d) =>
            edit.addNode(d, type, position ?? { x: 40 + d.nodes.length * 30, y: 40 + d.nodes.length * 30 }),
        );
    }

    function onDrop(e: React.DragEvent) {
        e.preventDefault();
        const type = e.dataTransfer.getData("application/x-activity");
        if (type) {
            addActivity(type, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
        }
    }

    async function validate(document: WorkflowDocument): Promise<boolean> {
        const local = validateGraph(document, catalog);
        const answer = await call<{ valid: boolean; errors: ServerError[] }>(
            "POST",
            `/api/workflows/${encodeURIComponent(id)}/validate`,
            document,
        );
        const remote = serverProblems(document, answer.body.errors);
        const all = [
            ...local,
            ...remote.filter((r) => !local.some((l) => l.nodeId === r.nodeId && l.message === r.message)),
        ];
        setProblems(all);
        return all.length === 0;
    }

    async function save(): Promise<boolean> {
        if (!present) {
            return false;
        }

        try {
            // Without a draft when the editor opened, If-None-Match: * makes the API refuse to replace one that
            // someone else started meanwhile.
            const headers: Record<string, string> = etag ? { "If-Match": etag } : { "If-None-Match": "*" };
            const answer = await call<VersionView>(
                "PUT",
                `/api/workflows/${encodeURIComponent(id)}/draft`,
                present,
                headers,
            );
            setEtag(answer.etag);
            setSaved(present);
            setMessage({
                kind: "info",
                text: `Draft saved (version ${answer.body.version}, revision ${answer.body.revision}).`,
            });
            return true;
        } catch (e) {
            if (e instanceof ApiError && (e.status === 409 || e.status === 412)) {
                setMessage({
                    kind: "conflict",
                    text: `Someone else saved this draft first; your changes were not saved. ${e.message}`,
                });
            } else {
                setMessage({ kind: "error", text: (e as Error).message });
            }

            return false;
        }
    }

    async function run(action: () => Promise<void>) {
        try {
            await action();
        } catch (e) {
            setMessage({ kind: "error", text: (e as Error).message });
        }
    }

    async function publish() {
        if (!present || !(await validate(present))) {
            setMessage({ kind: "error", text: "The workflow has problems; each is shown on its node." });
            return;
        }

        if ((dirty || etag === null) && !(await save())) {
            return;
        }

        const published = await call<VersionView>("POST", `/api/workflows/${encodeURIComponent(id)}/publish`);
        setEtag(null);
        setMessage({ kind: "info", text: `Published version ${published.body.version}.` });
    }

    async function takeTheirs() {
        const answer = await call<VersionView>("GET", `/api/workflows/${encodeURIComponent(id)}/draft`);
        setEtag(answer.etag);
        setSaved(answer.body.document!);
        setDoc(history.start(answer.body.document!));
        setMessage({ kind: "info", text: "Loaded the draft saved by the other person." });
    }

    async function keepMine() {
        const answer = await call<VersionView>("GET", `/api/workflows/${encodeURIComponent(id)}/draft`);
        setEtag(answer.etag);
        setMessage({
            kind: "info",
            text: "Their revision is known now; save again to replace it with yours.",
        });
    }

    const one = selected.size === 1 ? present?.nodes.find((n) => selected.has(n.id)) : undefined;

    return (
        <div className="editor">
            <div className="toolbar">
                <button onClick={onClose}>← Workflows</button>
                <strong>
                    {id} · {version === "draft" ? "draft" : `version ${version}`}
                    {readOnly ? " (published, read only)" : ""}
                </strong>
                {!readOnly && (
                    <>
                        <button
                            onClick={() => setDoc((h) => (h ? history.undo(h) : h))}
                            disabled={!doc?.past.length}
                        >
                            Undo
                        </button>
                        <button
                            onClick={() => setDoc((h) => (h ? history.redo(h) : h))}
                            disabled={!doc?.future.length}
                        >
                            Redo
                        </button>
                        <button onClick={() => present && void arrange(present).then((d) => change(() => d))}>
                            Arrange
                        </button>
                        <button
                            onClick={() => void run(async () => void (present && (await validate(present))))}
                        >
                            Validate
                        </button>
                        <button onClick={() => void save()} disabled={!dirty}>
                            Save draft
                        </button>
                        <button onClick={() => void run(publish)}>Publish</button>
                    </>
                )}
                {dirty && <span className="dirty">unsaved changes</span>}
            </div>
            {message && (
                <div
                    className={`message ${message.kind}`}
                    role={message.kind === "info" ? "status" : "alert"}
                >
                    {message.text}
                    {message.kind === "conflict" && (
                        <>
                            <button onClick={() => void run(takeTheirs)}>Load their version</button>
                            <button onClick={() => void run(keepMine)}>Keep mine</button>
                        </>
                    )}
                </div>
            )}
            {problems.length > 0 && (
                <ul className="problems" aria-label="problems">
                    {problems.map((p, i) => (
                        <li key={i}>{p.nodeId ? `${p.nodeId}: ${p.message}` : p.message}</li>
                    ))}
                </ul>
            )}
            <div className="workspace">
                {!readOnly && (
                    <div className="palette" aria-label="palette">
                        {activities.map((a) => (
                            <div
                                key={a.type}
                                className="palette-item"
                                draggable
                                data-activity={a.type}
                                title={a.description}
                                onDragStart={(e) => e.dataTransfer.setData("application/x-activity", a.type)}
                                onDoubleClick={() => addActivity(a.type)}
                            >
                                {a.displayName}
                                <small>{a.stage}</small>
                            </div>
                        ))}
                    </div>
                )}
                <div className="canvas" onDrop={onDrop} onDragOver={(e) => e.preventDefault()}>
                    <ReactFlow
                        nodes={nodes}
                        edges={edges}
                        nodeTypes={nodeTypes}
                        onNodesChange={onNodesChange}
                        onEdgesChange={onEdgesChange}
                        onConnect={onConnect}
                        onNodeClick={(_, n) => setLiveNode(n.id)}
                        deleteKeyCode={null}
                        // Space would pan the canvas even while typing C# in the properties panel's editor, whose
                        // input React Flow does not take for a text field, and the space would be lost.
                        panActivationKeyCode={null}
                        nodesDraggable={!readOnly}
                        nodesConnectable={!readOnly}
                        fitView
                        minZoom={0.1}
                    >
                        <Background />
                        <Controls />
                    </ReactFlow>
                </div>
                {readOnly && live ? (
                    <LivePanel live={live} nodeId={liveNode} />
                ) : (
                    one &&
                    present && (
                        <PropertiesPanel
                            key={one.id}
                            node={one}
                            activity={catalog.get(one.type)}
                            isStart={present.start === one.id}
                            problems={problems.filter((p) => p.nodeId === one.id).map((p) => p.message)}
                            markers={codeMarkers(problems, one.id)}
                            onInput={(name, value) => change((d) => edit.setInput(d, one.id, name, value))}
                            onStart={() => change((d) => ({ ...d, start: one.id }))}
                        />
                    )
                )}
            </div>
        </div>
    );
}
