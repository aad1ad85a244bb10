import { describe, expect, it } from "vitest";
import {
    addCategory,
    addLevel,
    addSubcategory,
    editLevel,
    messagesFor,
    removeCategory,
    removeLevel,
    removeSubcategory,
    renameSubcategory,
    setCell,
    unplacedMessages,
    type CategoryTree,
    type Scheme,
} from "./catalog";

const tree: CategoryTree = {
    categories: [
        { name: "Network", subcategories: ["VPN", "DNS"] },
        { name: "Hardware", subcategories: ["Laptop"] },
    ],
};

const scheme: Scheme = {
    id: "service-desk",
    name: "Service desk",
    impacts: [
        { code: "1", name: "High" },
        { code: "2", name: "Low" },
    ],
    urgencies: [
        { code: "1", name: "High" },
        { code: "2", name: "Low" },
    ],
    levels: [
        { code: "High", name: "High" },
        { code: "Low", name: "Low" },
    ],
    defaultImpact: "2",
    defaultUrgency: "2",
    matrix: [
        ["High", "High"],
        ["High", "Low"],
    ],
};

describe("category tree", () => {
    it("addCategory_NewName_AppendsItWithoutSubcategories", () => {
        const next = addCategory(tree, "Facilities");

        expect(next.categories.map((c) => c.name)).toEqual(["Network", "Hardware", "Facilities"]);
        expect(next.categories[2].subcategories).toEqual([]);
        expect(tree.categories).toHaveLength(2);
    });

    it("renameSubcategory_SecondOfFirst_ChangesOnlyThatOne", () => {
        const next = renameSubcategory(tree, 0, 1, "Name resolution");

        expect(next.categories[0].subcategories).toEqual(["VPN", "Name resolution"]);
        expect(next.categories[1]).toBe(tree.categories[1]);
    });

    it("removeSubcategoryAndCategory_ByIndex_LeaveTheOthers", () => {
        const next = removeCategory(removeSubcategory(addSubcategory(tree, 1, "Dock"), 1, 0), 0);

        expect(next.categories).toEqual([{ name: "Hardware", subcategories: ["Dock"] }]);
    });
});

describe("priority scheme", () => {
    it("addLevel_Impact_AddsAMatrixRowOfTheLowestLevel", () => {
        const next = addLevel(scheme, "impacts", { code: "3", name: "None" });

        expect(next.matrix).toEqual([
            ["High", "High"],
            ["High", "Low"],
            ["Low", "Low"],
        ]);
    });

    it("addLevel_Urgency_AddsACellToEveryRow", () => {
        const next = addLevel(scheme, "urgencies", { code: "3", name: "None" });

        expect(next.matrix.map((row) => row.length)).toEqual([3, 3]);
        expect(next.matrix[0][2]).toBe("Low");
    });

    it("removeLevel_UrgencyThatIsTheDefault_DropsItsColumnAndClearsTheDefault", () => {
        const next = removeLevel(scheme, "urgencies", 1);

        expect(next.matrix).toEqual([["High"], ["High"]]);
        expect(next.defaultUrgency).toBe("");
        expect(next.urgencies.map((u) => u.code)).toEqual(["1"]);
    });

    it("removeLevel_PriorityLevel_EmptiesTheCellsThatNamedIt", () => {
        const next = removeLevel(scheme, "levels", 1);

        expect(next.matrix).toEqual([
            ["High", "High"],
            ["High", ""],
        ]);
    });

    it("editLevel_NewLevelCode_IsCarriedIntoTheMatrix", () => {
        const next = editLevel(scheme, "levels", 0, { code: "P1" });

        expect(next.matrix).toEqual([
            ["P1", "P1"],
            ["P1", "Low"],
        ]);
        expect(next.levels[0]).toEqual({ code: "P1", name: "High" });
    });

    it("editLevel_NewImpactCodeOfTheDefault_MovesTheDefault", () => {
        const next = editLevel(scheme, "impacts", 1, { code: "9" });

        expect(next.defaultImpact).toBe("9");
        expect(next.matrix).toBe(scheme.matrix);
    });

    it("setCell_OneCell_ChangesOnlyIt", () => {
        const next = setCell(scheme, 1, 0, "Low");

        expect(next.matrix).toEqual([
            ["High", "High"],
            ["Low", "Low"],
        ]);
        expect(scheme.matrix[1][0]).toBe("High");
    });
});

describe("server messages", () => {
    const fields = {
        "categories[2].name": ["is required."],
        "categories[2].subcategories[0]": ["'VPN' is listed twice."],
        "matrix[1][2]": ["'Urgent' is not one of High, Low."],
        $: ["not valid JSON"],
    };

    it("messagesFor_ExactField_ReturnsOnlyItsMessages", () => {
        expect(messagesFor(fields, "categories[2].name")).toEqual(["is required."]);
        expect(messagesFor(fields, "categories[2]")).toEqual([]);
    });

    it("messagesFor_Within_IncludesTheFieldsInside", () => {
        expect(messagesFor(fields, "categories[2]", true)).toHaveLength(2);
        expect(messagesFor(fields, "categories[20]", true)).toEqual([]);
    });

    it("unplacedMessages_FieldWithoutAnInput_IsNamedInTheMessage", () => {
        const unplaced = unplacedMessages(fields, (key) => key !== "$");

        expect(unplaced).toEqual(["$: not valid JSON"]);
    });
});
