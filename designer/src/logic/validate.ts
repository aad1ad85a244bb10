import { type Activity, type WorkflowDocument, outcomesOf, routesByState } from "./model";

/** A problem found on the graph; nodeId is null when it belongs to the whole workflow. */
export interface GraphProblem {
    nodeId: string | null;
    message: string;
    /** For a problem in one input of the node (a C# condition), that input and where in its text. */
    input?: string;
    line?: number;
    column?: number;
}

/** A problem as the server's validation answers it: a JSON path, and a line and column for C#. */
export interface ServerError {
    field: string;
    message: string;
    line?: number | null;
    column?: number | null;
}

/**
 * Checks what the designer can see without the server: a start, unknown activities, unreachable nodes,
 * outcomes left unconnected, and loops with no way out. The server's validation runs before publish too.
 */
export function validateGraph(doc: WorkflowDocument, catalog: Map<string, Activity>): GraphProblem[] {
    const problems: GraphProblem[] = [];
    const ids = new Set(doc.nodes.map((n) => n.id));
    if (!doc.start) {
        problems.push({ nodeId: null, message: "The workflow has no start node." });
    } else if (!ids.has(doc.start)) {
        problems.push({ nodeId: null, message: `The start '${doc.start}' is not a node.` });
    }

    const next = successors(doc);
    const reached = doc.start && ids.has(doc.start) ? reachableFrom([doc.start], next) : new Set<string>();
    for (const node of doc.nodes) {
        const activity = catalog.get(node.type);
        if (!activity) {
            problems.push({ nodeId: node.id, message: `'${node.type}' is not a known activity.` });
        }

        if (doc.start && ids.has(doc.start) && !reached.has(node.id)) {
            problems.push({ nodeId: node.id, message: `'${node.id}' cannot be reached from the start.` });
        }

        if (!routesByState.has(node.type)) {
            for (const outcome of outcomesOf(node, activity)) {
                if (!doc.connections.some((c) => c.from === node.id && c.outcome === outcome)) {
                    problems.push({ nodeId: node.id, message: `Outcome '${outcome}' is not connected.` });
                }
            }
        }

        for (const input of activity?.inputs ?? []) {
            const value = node.inputs[input.name];
            if (
                input.required &&
                (value === undefined || value === "" || (Array.isArray(value) && value.length === 0))
            ) {
                problems.push({ nodeId: node.id, message: `Input '${input.name}' is required.` });
            }
        }
    }

    problems.push(...trappedLoops(doc, catalog, next, reached));
    return problems;
}

function successors(doc: WorkflowDocument): Map<string, string[]> {
    const next = new Map<string, string[]>();
    for (const c of doc.connections) {
        next.set(c.from, [...(next.get(c.from) ?? []), c.to]);
    }

    return next;
}

function reachableFrom(starts: string[], next: Map<string, string[]>): Set<string> {
    const seen = new Set(starts);
    const queue = [...starts];
    while (queue.length > 0) {
        for (const to of next.get(queue.shift()!) ?? []) {
            if (!seen.has(to)) {
                seen.add(to);
                queue.push(to);
            }
        }
    }

    return seen;
}

/**
 * A reached node from which no exit can be reached is caught in a loop for ever. An exit is a node with an
 * outcome that leads nowhere by design: one with no outcomes at all (an end), or one that routes by state.
 */
function trappedLoops(
    doc: WorkflowDocument,
    catalog: Map<string, Activity>,
    next: Map<string, string[]>,
    reached: Set<string>,
): GraphProblem[] {
    const exits = doc.nodes
        .filter((n) => routesByState.has(n.type) || outcomesOf(n, catalog.get(n.type)).length === 0)
        .map((n) => n.id);
    const previous = new Map<string, string[]>();
    for (const [from, tos] of next) {
        for (const to of tos) {
            previous.set(to, [...(previous.get(to) ?? []), from]);
        }
    }

    const canExit = reachableFrom(exits, previous);
    return doc.nodes
        .filter((n) => reached.has(n.id) && !canExit.has(n.id) && (next.get(n.id)?.length ?? 0) > 0)
        .filter((n) =>
            outcomesOf(n, catalog.get(n.type)).every((o) =>
                doc.connections.some((c) => c.from === n.id && c.outcome === o),
            ),
        )
        .map((n) => ({ nodeId: n.id, message: `'${n.id}' is in a loop with no way out to an end.` }));
}

/**
 * Maps the server's problems (named by JSON path, e.g. nodes[3].inputs or nodes[3].inputs.condition) onto the
 * nodes they belong to, keeping the input, line and column of a problem in C#.
 */
export function serverProblems(doc: WorkflowDocument, errors: ServerError[]): GraphProblem[] {
    return errors.map((e) => {
        const path = /^nodes\[(\d+)\](?:\.inputs\.([A-Za-z0-9_]+))?/.exec(e.field);
        const node = path ? doc.nodes[Number(path[1])] : undefined;
        if (!node) {
            return { nodeId: null, message: `${e.field}: ${e.message}` };
        }

        const problem: GraphProblem = { nodeId: node.id, message: e.message };
        if (path?.[2]) {
            problem.input = path[2];
            problem.line = e.line ?? 1;
            problem.column = e.column ?? 1;
        }

        return problem;
    });
}

/** The problems of one node that sit in its C# inputs, as editor markers per input name. */
export function codeMarkers(
    problems: GraphProblem[],
    nodeId: string,
): Record<string, { line: number; column: number; message: string }[]> {
    const markers: Record<string, { line: number; column: number; message: string }[]> = {};
    for (const p of problems) {
        if (p.nodeId === nodeId && p.input !== undefined) {
            (markers[p.input] ??= []).push({ line: p.line ?? 1, column: p.column ?? 1, message: p.message });
        }
    }

    return markers;
}
