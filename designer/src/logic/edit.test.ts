import { describe, expect, it } from "vitest";
import { addNode, compare, connect, removeNodes, setInput } from "./edit";
import type { WorkflowDocument } from "./model";

const empty: WorkflowDocument = { id: "w", nodes: [], connections: [] };

describe("edit", () => {
    it("addNode_FirstNode_BecomesTheStartWithAFreshId", () => {
        const d = addNode(addNode(empty, "log", { x: 1, y: 2 }), "log", { x: 3, y: 4 });

        expect(d.start).toBe("log1");
        expect(d.nodes.map((n) => n.id)).toEqual(["log1", "log2"]);
        expect(d.nodes[1].position).toEqual({ x: 3, y: 4 });
    });

    it("connect_SameOutcomeTwice_KeepsTheNewerTarget", () => {
        const d = connect(connect(empty, { from: "a", outcome: "next", to: "b" }), {
            from: "a",
            outcome: "next",
            to: "c",
        });

        expect(d.connections).toEqual([{ from: "a", outcome: "next", to: "c" }]);
    });

    it("removeNodes_Start_ClearsStartAndItsConnections", () => {
        const d = connect(addNode(addNode(empty, "log", { x: 0, y: 0 }), "end", { x: 0, y: 0 }), {
            from: "log1",
            outcome: "next",
            to: "end1",
        });

        const after = removeNodes(d, new Set(["log1"]));

        expect(after.start).toBeUndefined();
        expect(after.connections).toEqual([]);
        expect(after.nodes.map((n) => n.id)).toEqual(["end1"]);
    });

    it("compare_ChangedInputAndNewConnection_ListsBoth", () => {
        const a = addNode(empty, "timer", { x: 0, y: 0 });
        const b = connect(setInput(a, "timer1", "after", "PT1H"), {
            from: "timer1",
            outcome: "elapsed",
            to: "timer1",
        });

        expect(compare(a, b)).toEqual(['~ node timer1: {} → {"after":"PT1H"}', "+ timer1 -elapsed→ timer1"]);
    });
});
