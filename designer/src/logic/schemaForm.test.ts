import { describe, expect, it } from "vitest";
import { formFields, isDuration, parse, display } from "./schemaForm";

const schema = {
    type: "object" as const,
    properties: {
        title: { type: "string", description: "Task title" },
        after: { type: "string", format: "duration", description: "How long" },
        action: { type: "string", enum: ["hold", "resolve"] },
        outcomes: { type: "array", items: { type: "string" } },
        fromAction: { type: "boolean" },
        limit: { type: "integer" },
        condition: { type: "string", format: "csharp" },
    },
    required: ["after"],
};

describe("formFields", () => {
    it("formFields_EachSchemaType_MapsToItsField", () => {
        const fields = formFields(schema);

        expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
            ["title", "text", false],
            ["after", "duration", true],
            ["action", "choice", false],
            ["outcomes", "list", false],
            ["fromAction", "boolean", false],
            ["limit", "number", false],
            ["condition", "code", false],
        ]);
        expect(fields[0].label).toBe("Task title");
        expect(fields[2]).toMatchObject({ choices: ["hold", "resolve"] });
    });

    it("parse_InvalidDuration_SaysWhatIsExpected", () => {
        const after = formFields(schema)[1];

        expect(parse(after, "soon")).toEqual({
            error: "after must be an ISO 8601 duration such as PT30M or P1DT4H, not 'soon'.",
        });
        expect(parse(after, "PT4H")).toEqual({ value: "PT4H" });
    });

    it("parse_EmptyRequired_IsRefused", () => {
        expect(parse(formFields(schema)[1], " ")).toEqual({ error: "after is required." });
    });

    it("parse_EmptyOptional_RemovesTheInput", () => {
        expect(parse(formFields(schema)[0], "")).toEqual({});
    });

    it("parse_List_SplitsOnCommasAndDropsBlanks", () => {
        const outcomes = formFields(schema)[3];

        expect(parse(outcomes, "done, later,, ")).toEqual({ value: ["done", "later"] });
        expect(display(outcomes, ["done", "later"])).toBe("done, later");
    });

    it("parse_NumberAndChoice_RefuseOtherText", () => {
        const fields = formFields(schema);

        expect(parse(fields[5], "12")).toEqual({ value: 12 });
        expect(parse(fields[5], "twelve").error).toBe("limit must be a number, not 'twelve'.");
        expect(parse(fields[2], "close").error).toBe("action must be one of hold, resolve.");
    });

    it("isDuration_ZeroOrMalformed_IsFalse", () => {
        expect([
            isDuration("PT30M"),
            isDuration("P1DT4H"),
            isDuration("PT0S"),
            isDuration("P"),
            isDuration("PT"),
            isDuration("30m"),
        ]).toEqual([true, true, false, false, false, false]);
    });
});
