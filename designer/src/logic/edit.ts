import type { Connection, WorkflowDocument, WorkflowNode } from "./model";

/** Pure edits of a workflow document; each returns a new document so undo can keep the old one. */

export function uniqueId(doc: WorkflowDocument, type: string): string {
    const taken = new Set(doc.nodes.map((n) => n.id));
    for (let i = 1; ; i++) {
        const id = `${type}${i}`;
        if (!taken.has(id)) {
            return id;
        }
    }
}

export function addNode(
    doc: WorkflowDocument,
    type: string,
    position: { x: number; y: number },
): WorkflowDocument {
    const node: WorkflowNode = { id: uniqueId(doc, type), type, inputs: {}, position };
    return {
        ...doc,
        start: doc.start ?? (doc.nodes.length === 0 ? node.id : undefined),
        nodes: [...doc.nodes, node],
    };
}

export function removeNodes(doc: WorkflowDocument, ids: Set<string>): WorkflowDocument {
    return {
        ...doc,
        start: doc.start && ids.has(doc.start) ? undefined : doc.start,
        nodes: doc.nodes.filter((n) => !ids.has(n.id)),
        connections: doc.connections.filter((c) => !ids.has(c.from) && !ids.has(c.to)),
    };
}

/** Connects an outcome; an outcome leads to one node only, so an earlier connection of it is replaced. */
export function connect(doc: WorkflowDocument, link: Connection): WorkflowDocument {
    const others = doc.connections.filter((c) => !(c.from === link.from && c.outcome === link.outcome));
    return { ...doc, connections: [...others, link] };
}

export function removeConnections(doc: WorkflowDocument, keys: Set<string>): WorkflowDocument {
    return { ...doc, connections: doc.connections.filter((c) => !keys.has(connectionKey(c))) };
}

export function connectionKey(c: Connection): string {
    return `${c.from}:${c.outcome}`;
}

export function moveNodes(
    doc: WorkflowDocument,
    moved: Map<string, { x: number; y: number }>,
): WorkflowDocument {
    return {
        ...doc,
        nodes: doc.nodes.map((n) => (moved.has(n.id) ? { ...n, position: moved.get(n.id) } : n)),
    };
}

export function setInput(
    doc: WorkflowDocument,
    nodeId: string,
    name: string,
    value: unknown,
): WorkflowDocument {
    return {
        ...doc,
        nodes: doc.nodes.map((n) => {
            if (n.id !== nodeId) {
                return n;
            }

            const inputs = { ...n.inputs };
            if (value === undefined) {
                delete inputs[name];
            } else {
                inputs[name] = value;
            }

            return { ...n, inputs };
        }),
    };
}

/** Whether every node already has a position, i.e. the layout was placed (by hand or saved) and must stay. */
export function isPlaced(doc: WorkflowDocument): boolean {
    return doc.nodes.every((n) => n.position !== undefined);
}

/** The differences between two versions: nodes added, removed or changed, and connections added or removed. */
export function compare(a: WorkflowDocument, b: WorkflowDocument): string[] {
    const lines: string[] = [];
    const before = new Map(a.nodes.map((n) => [n.id, n]));
    const after = new Map(b.nodes.map((n) => [n.id, n]));
    for (const [id, n] of after) {
        const old = before.get(id);
        if (!old) {
            lines.push(`+ node ${id} (${n.type})`);
        } else if (old.type !== n.type || JSON.stringify(old.inputs) !== JSON.stringify(n.inputs)) {
            lines.push(`~ node ${id}: ${JSON.stringify(old.inputs)} → ${JSON.stringify(n.inputs)}`);
        }
    }

    for (const id of before.keys()) {
        if (!after.has(id)) {
            lines.push(`- node ${id}`);
        }
    }

    const was = new Set(a.connections.map((c) => `${c.from} -${c.outcome}→ ${c.to}`));
    const now = new Set(b.connections.map((c) => `${c.from} -${c.outcome}→ ${c.to}`));
    now.forEach((c) => was.has(c) || lines.push(`+ ${c}`));
    was.forEach((c) => now.has(c) || lines.push(`- ${c}`));
    if (a.start !== b.start) {
        lines.push(`~ start: ${a.start ?? "none"} → ${b.start ?? "none"}`);
    }

    return lines;
}
