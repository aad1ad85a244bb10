import type { InputSchema, JsonSchemaProperty } from "./model";

/** One field of the properties panel, derived from an activity's input schema. */
export type FormField =
    | { name: string; label: string; kind: "text" | "duration" | "code" | "list"; required: boolean }
    | { name: string; label: string; kind: "number" | "boolean"; required: boolean }
    | { name: string; label: string; kind: "choice"; required: boolean; choices: string[] };

/** Inputs whose text is C# and gets the code editor; the schema marks them with the format "csharp". */
const codeFormats = new Set(["csharp", "expression"]);

/** Turns an activity's JSON Schema into the fields of its properties form, in the schema's order. */
export function formFields(schema: InputSchema): FormField[] {
    const required = new Set(schema.required ?? []);
    return Object.entries(schema.properties).map(([name, property]) =>
        fieldOf(name, property, required.has(name)),
    );
}

function fieldOf(name: string, p: JsonSchemaProperty, required: boolean): FormField {
    const label = p.description || name;
    if (p.enum && p.enum.length > 0) {
        return { name, label, kind: "choice", required, choices: p.enum };
    }

    switch (p.type) {
        case "boolean":
            return { name, label, kind: "boolean", required };
        case "integer":
        case "number":
            return { name, label, kind: "number", required };
        case "array":
            return { name, label, kind: "list", required };
        default:
            if (p.format === "duration") {
                return { name, label, kind: "duration", required };
            }

            return { name, label, kind: p.format && codeFormats.has(p.format) ? "code" : "text", required };
    }
}

/** The text a field shows for a stored value. */
export function display(field: FormField, value: unknown): string {
    if (value === undefined || value === null) {
        return "";
    }

    return field.kind === "list" && Array.isArray(value) ? value.join(", ") : String(value);
}

/** What a field's text means as a stored value, or an error in words; undefined value removes the input. */
export function parse(field: FormField, text: string): { value?: unknown; error?: string } {
    const trimmed = text.trim();
    if (trimmed === "") {
        return field.required ? { error: `${field.name} is required.` } : {};
    }

    switch (field.kind) {
        case "number": {
            const n = Number(trimmed);
            return Number.isFinite(n)
                ? { value: n }
                : { error: `${field.name} must be a number, not '${trimmed}'.` };
        }
        case "boolean":
            return trimmed === "true" || trimmed === "false"
                ? { value: trimmed === "true" }
                : { error: `${field.name} must be true or false.` };
        case "list":
            return {
                value: trimmed
                    .split(",")
                    .map((s) => s.trim())
                    .filter((s) => s !== ""),
            };
        case "duration":
            return isDuration(trimmed)
                ? { value: trimmed }
                : {
                      error: `${field.name} must be an ISO 8601 duration such as PT30M or P1DT4H, not '${trimmed}'.`,
                  };
        case "choice":
            return field.choices.includes(trimmed)
                ? { value: trimmed }
                : { error: `${field.name} must be one of ${field.choices.join(", ")}.` };
        default:
            return { value: text };
    }
}

/** ISO 8601 durations of days, hours, minutes and seconds, as the engine's timer reads them. */
export function isDuration(text: string): boolean {
    const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
    if (!match || text === "P" || text.endsWith("T")) {
        return false;
    }

    return match.slice(1).some((part) => part !== undefined && Number(part) > 0);
}
