import { describe, expect, it } from "vitest";
import { HistoryLimit, record, redo, start, undo } from "./history";

describe("history", () => {
    it("undo_AfterTwoEdits_StepsBackAndRedoStepsForward", () => {
        const h = record(record(start("a"), "b"), "c");

        const back = undo(undo(h));
        const forward = redo(back);

        expect(back.present).toBe("a");
        expect(forward.present).toBe("b");
        expect(redo(forward).present).toBe("c");
    });

    it("record_AfterUndo_DropsTheRedoBranch", () => {
        const h = record(undo(record(start("a"), "b")), "x");

        expect(h.future).toEqual([]);
        expect(redo(h).present).toBe("x");
        expect(undo(h).present).toBe("a");
    });

    it("undo_AtTheStart_ChangesNothing", () => {
        const h = start("a");

        expect(undo(h)).toBe(h);
    });

    it("record_PastTheLimit_KeepsTheNewest", () => {
        let h = start(0);
        for (let i = 1; i <= HistoryLimit + 5; i++) {
            h = record(h, i);
        }

        expect(h.past.length).toBe(HistoryLimit);
        expect(h.past[0]).toBe(5);
    });
});
