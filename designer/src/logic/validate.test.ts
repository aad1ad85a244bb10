import { describe, expect, it } from "vitest";
import type { Activity, WorkflowDocument } from "./model";
import { codeMarkers, serverProblems, validateGraph } from "./validate";

function activity(type: string, outcomes: string[], inputs: Activity["inputs"] = []): Activity {
    return {
        type,
        displayName: type,
        stage: "response",
        description: "",
        blocks: false,
        outcomes,
        inputs,
        inputSchema: { type: "object", properties: {} },
    };
}

const catalog = new Map([
    ["log", activity("log", ["next"])],
    ["humanTask", activity("humanTask", [])],
    ["end", activity("end", [])],
    [
        "timer",
        activity(
            "timer",
            ["elapsed"],
            [{ name: "after", kind: "duration", description: "", required: true }],
        ),
    ],
]);

function doc(partial: Partial<WorkflowDocument>): WorkflowDocument {
    return { id: "w", start: "a", nodes: [], connections: [], ...partial };
}

describe("validateGraph", () => {
    it("validateGraph_ConnectedPathToEnd_FindsNothing", () => {
        const d = doc({
            nodes: [
                { id: "a", type: "log", inputs: {} },
                { id: "z", type: "end", inputs: {} },
            ],
            connections: [{ from: "a", outcome: "next", to: "z" }],
        });

        expect(validateGraph(d, catalog)).toEqual([]);
    });

    it("validateGraph_NoStart_ReportsTheWorkflow", () => {
        const d = doc({ start: undefined, nodes: [{ id: "z", type: "end", inputs: {} }] });

        expect(validateGraph(d, catalog)).toEqual([
            { nodeId: null, message: "The workflow has no start node." },
        ]);
    });

    it("validateGraph_UnreachableNode_ReportsItOnTheNode", () => {
        const d = doc({
            nodes: [
                { id: "a", type: "end", inputs: {} },
                { id: "lost", type: "end", inputs: {} },
            ],
        });

        expect(validateGraph(d, catalog)).toEqual([
            { nodeId: "lost", message: "'lost' cannot be reached from the start." },
        ]);
    });

    it("validateGraph_OpenOutcome_NamesTheOutcome", () => {
        const d = doc({
            nodes: [
                { id: "a", type: "humanTask", inputs: { outcomes: ["done", "later"] } },
                { id: "z", type: "end", inputs: {} },
            ],
            connections: [{ from: "a", outcome: "done", to: "z" }],
        });

        expect(validateGraph(d, catalog)).toEqual([
            { nodeId: "a", message: "Outcome 'later' is not connected." },
        ]);
    });

    it("validateGraph_LoopWithoutExit_ReportsEachTrappedNode", () => {
        const d = doc({
            nodes: [
                { id: "a", type: "log", inputs: {} },
                { id: "b", type: "log", inputs: {} },
            ],
            connections: [
                { from: "a", outcome: "next", to: "b" },
                { from: "b", outcome: "next", to: "a" },
            ],
        });

        expect(validateGraph(d, catalog).map((p) => p.nodeId)).toEqual(["a", "b"]);
        expect(validateGraph(d, catalog)[0].message).toBe("'a' is in a loop with no way out to an end.");
    });

    it("validateGraph_LoopWithExit_FindsNothing", () => {
        const d = doc({
            nodes: [
                { id: "a", type: "humanTask", inputs: { outcomes: ["again", "stop"] } },
                { id: "b", type: "log", inputs: {} },
                { id: "z", type: "end", inputs: {} },
            ],
            connections: [
                { from: "a", outcome: "again", to: "b" },
                { from: "b", outcome: "next", to: "a" },
                { from: "a", outcome: "stop", to: "z" },
            ],
        });

        expect(validateGraph(d, catalog)).toEqual([]);
    });

    it("validateGraph_MissingRequiredInput_NamesTheInput", () => {
        const d = doc({
            nodes: [
                { id: "a", type: "timer", inputs: {} },
                { id: "z", type: "end", inputs: {} },
            ],
            connections: [{ from: "a", outcome: "elapsed", to: "z" }],
        });

        expect(validateGraph(d, catalog)).toEqual([{ nodeId: "a", message: "Input 'after' is required." }]);
    });

    it("serverProblems_NodePath_LandsOnThatNode", () => {
        const d = doc({
            nodes: [
                { id: "a", type: "log", inputs: {} },
                { id: "b", type: "timer", inputs: {} },
            ],
        });

        const problems = serverProblems(d, [
            { field: "nodes[1].inputs", message: "input 'after' is ''." },
            { field: "start", message: "is required." },
        ]);

        expect(problems).toEqual([
            { nodeId: "b", message: "input 'after' is ''." },
            { nodeId: null, message: "start: is required." },
        ]);
    });

    it("serverProblems_CodeInputPath_KeepsTheInputLineAndColumn", () => {
        const d = doc({ nodes: [{ id: "vip", type: "decision", inputs: { condition: "x" } }] });

        const problems = serverProblems(d, [
            {
                field: "nodes[0].inputs.condition",
                message: "line 2, column 9: no Subjekt",
                line: 2,
                column: 9,
            },
        ]);

        expect(problems).toEqual([
            {
                nodeId: "vip",
                message: "line 2, column 9: no Subjekt",
                input: "condition",
                line: 2,
                column: 9,
            },
        ]);
    });
});

describe("codeMarkers", () => {
    it("codeMarkers_ProblemsOfSeveralNodes_GivesOnlyThisNodesInputsByName", () => {
        const problems = [
            { nodeId: "vip", message: "first", input: "condition", line: 1, column: 3 },
            { nodeId: "vip", message: "second", input: "condition", line: 2, column: 1 },
            { nodeId: "vip", message: "Outcome 'true' is not connected." },
            { nodeId: "other", message: "elsewhere", input: "code", line: 1, column: 1 },
        ];

        const markers = codeMarkers(problems, "vip");

        expect(markers).toEqual({
            condition: [
                { line: 1, column: 3, message: "first" },
                { line: 2, column: 1, message: "second" },
            ],
        });
    });
});
