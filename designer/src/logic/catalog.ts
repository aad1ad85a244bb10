/** The category tree and the priority scheme as the API sends and takes them, and the edits the screens make. */

export interface Category {
    name: string;
    subcategories: string[];
}

export interface CategoryTree {
    categories: Category[];
    /** What plugins add on top; read-only, the server ignores it on save. */
    pluginCategories?: Category[];
}

export interface Level {
    code: string;
    name: string;
    description?: string | null;
}

export type Scale = "impacts" | "urgencies" | "levels";

/** The matrix has one row per impact and, in each row, one level code per urgency. */
export interface Scheme {
    id: string;
    name: string;
    impacts: Level[];
    urgencies: Level[];
    levels: Level[];
    defaultImpact: string;
    defaultUrgency: string;
    matrix: string[][];
}

export function addCategory(tree: CategoryTree, name: string): CategoryTree {
    return { ...tree, categories: [...tree.categories, { name, subcategories: [] }] };
}

export function renameCategory(tree: CategoryTree, index: number, name: string): CategoryTree {
    return { ...tree, categories: tree.categories.map((c, i) => (i === index ? { ...c, name } : c)) };
}

export function removeCategory(tree: CategoryTree, index: number): CategoryTree {
    return { ...tree, categories: tree.categories.filter((_, i) => i !== index) };
}

export function addSubcategory(tree: CategoryTree, index: number, name: string): CategoryTree {
    return withSubs(tree, index, (subs) => [...subs, name]);
}

export function renameSubcategory(
    tree: CategoryTree,
    index: number,
    sub: number,
    name: string,
): CategoryTree {
    return withSubs(tree, index, (subs) => subs.map((s, j) => (j === sub ? name : s)));
}

export function removeSubcategory(tree: CategoryTree, index: number, sub: number): CategoryTree {
    return withSubs(tree, index, (subs) => subs.filter((_, j) => j !== sub));
}

function withSubs(tree: CategoryTree, index: number, change: (subs: string[]) => string[]): CategoryTree {
    return {
        ...tree,
        categories: tree.categories.map((c, i) =>
            i === index ? { ...c, subcategories: change(c.subcategories) } : c,
        ),
    };
}

/**
 * Adds a value to a scale. A new impact gets a matrix row and a new urgency a cell in every row, both filled with
 * the lowest level, so the matrix stays whole and the new row or column shows where to choose.
 */
export function addLevel(scheme: Scheme, scale: Scale, level: Level): Scheme {
    const lowest = scheme.levels[scheme.levels.length - 1]?.code ?? "";
    const next = { ...scheme, [scale]: [...scheme[scale], level] };
    if (scale === "impacts") {
        return { ...next, matrix: [...scheme.matrix, scheme.urgencies.map(() => lowest)] };
    }

    if (scale === "urgencies") {
        return { ...next, matrix: scheme.matrix.map((row) => [...row, lowest]) };
    }

    return next;
}

/**
 * Removes a value from a scale with its matrix row (an impact) or column (an urgency). Cells naming a removed
 * level are left empty, so the grid shows which ones need a new choice; a default naming a removed value too.
 */
export function removeLevel(scheme: Scheme, scale: Scale, index: number): Scheme {
    const removed = scheme[scale][index]?.code;
    const next = { ...scheme, [scale]: scheme[scale].filter((_, i) => i !== index) };
    if (scale === "impacts") {
        return {
            ...next,
            matrix: scheme.matrix.filter((_, i) => i !== index),
            defaultImpact: scheme.defaultImpact === removed ? "" : scheme.defaultImpact,
        };
    }

    if (scale === "urgencies") {
        return {
            ...next,
            matrix: scheme.matrix.map((row) => row.filter((_, j) => j !== index)),
            defaultUrgency: scheme.defaultUrgency === removed ? "" : scheme.defaultUrgency,
        };
    }

    return { ...next, matrix: scheme.matrix.map((row) => row.map((cell) => (cell === removed ? "" : cell))) };
}

/** Changes one value of a scale; a new code is carried into the matrix cells and defaults that named the old one. */
export function editLevel(scheme: Scheme, scale: Scale, index: number, patch: Partial<Level>): Scheme {
    const old = scheme[scale][index];
    const next = { ...scheme, [scale]: scheme[scale].map((l, i) => (i === index ? { ...l, ...patch } : l)) };
    if (patch.code === undefined || old === undefined || patch.code === old.code) {
        return next;
    }

    const code = patch.code;
    if (scale === "levels") {
        return {
            ...next,
            matrix: scheme.matrix.map((row) => row.map((cell) => (cell === old.code ? code : cell))),
        };
    }

    if (scale === "impacts") {
        return { ...next, defaultImpact: scheme.defaultImpact === old.code ? code : scheme.defaultImpact };
    }

    return { ...next, defaultUrgency: scheme.defaultUrgency === old.code ? code : scheme.defaultUrgency };
}

export function setCell(scheme: Scheme, impact: number, urgency: number, level: string): Scheme {
    return {
        ...scheme,
        matrix: scheme.matrix.map((row, i) =>
            i === impact ? row.map((c, j) => (j === urgency ? level : c)) : row,
        ),
    };
}

/**
 * The server's messages for one field, and for the fields inside it when `within` is set: `categories[2]` then
 * also shows the messages of `categories[2].name`.
 */
export function messagesFor(fields: Record<string, string[]>, field: string, within = false): string[] {
    return Object.entries(fields)
        .filter(
            ([key]) =>
                key === field || (within && (key.startsWith(`${field}.`) || key.startsWith(`${field}[`))),
        )
        .flatMap(([, messages]) => messages);
}

/** Messages the screen has no field for, so they are shown at the top instead of being lost. */
export function unplacedMessages(
    fields: Record<string, string[]>,
    placed: (field: string) => boolean,
): string[] {
    return Object.entries(fields)
        .filter(([key]) => !placed(key))
        .flatMap(([key, messages]) => messages.map((m) => `${key}: ${m}`));
}
