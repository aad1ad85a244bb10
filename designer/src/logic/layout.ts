import ELK from "elkjs/lib/elk-api.js";
import workerUrl from "elkjs/lib/elk-worker.min.js?url";
import type { WorkflowDocument } from "./model";

// Layout runs in a worker so a large graph never freezes the page while it is arranged.
const elk = new ELK({ workerUrl });

export const NodeWidth = 180;
export const NodeHeight = 70;

/** Places every node top to bottom along its connections; used only on request or for unplaced documents. */
export async function arrange(doc: WorkflowDocument): Promise<WorkflowDocument> {
    const graph = await elk.layout({
        id: "root",
        layoutOptions: {
            "elk.algorithm": "layered",
            "elk.direction": "DOWN",
            "elk.spacing.nodeNode": "40",
            "elk.layered.spacing.nodeNodeBetweenLayers": "60",
        },
        children: doc.nodes.map((n) => ({ id: n.id, width: NodeWidth, height: NodeHeight })),
        edges: doc.connections
            .filter((c) => doc.nodes.some((n) => n.id === c.to))
            .map((c) => ({ id: `${c.from}:${c.outcome}`, sources: [c.from], targets: [c.to] })),
    });
    const placed = new Map((graph.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
    return { ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: placed.get(n.id) ?? n.position })) };
}
