/** The workflow document as the API stores it (see engine/Workflow.Engine/Workflows/WorkflowDocument.cs). */
export interface WorkflowDocument {
    id: string;
    name?: string;
    start?: string;
    nodes: WorkflowNode[];
    connections: Connection[];
}

export interface WorkflowNode {
    id: string;
    type: string;
    inputs: Record<string, unknown>;
    position?: { x: number; y: number };
}

export interface Connection {
    from: string;
    outcome: string;
    to: string;
}

export interface InputDescriptor {
    name: string;
    kind: string;
    description: string;
    required?: boolean;
    choices?: string[] | null;
}

export interface JsonSchemaProperty {
    type?: string;
    format?: string;
    enum?: string[];
    description?: string;
    items?: { type?: string };
}

export interface InputSchema {
    type: "object";
    properties: Record<string, JsonSchemaProperty>;
    required?: string[];
}

export interface Activity {
    type: string;
    displayName: string;
    stage: string;
    description: string;
    blocks: boolean;
    outcomes: string[];
    inputs: InputDescriptor[];
    inputSchema: InputSchema;
}

/** Activities whose outcomes are listed in the node's own inputs rather than fixed by the activity. */
const outcomesFromInputs = new Set(["humanTask"]);

/** Activities that route by the ticket's state and need no connected outcomes (the engine exempts them too). */
export const routesByState = new Set(["routeByState"]);

/** The named outcomes a node offers, as the engine computes them. */
export function outcomesOf(node: WorkflowNode, activity: Activity | undefined): string[] {
    if (outcomesFromInputs.has(node.type)) {
        const listed = node.inputs["outcomes"];
        return Array.isArray(listed) ? listed.filter((o): o is string => typeof o === "string") : [];
    }

    return activity?.outcomes ?? [];
}
