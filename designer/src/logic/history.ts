/** Undo and redo over immutable snapshots; a new edit after an undo drops the redo branch. */
export interface History<T> {
    past: T[];
    present: T;
    future: T[];
}

/** How many steps undo can go back; older ones are dropped. */
export const HistoryLimit = 200;

export function start<T>(present: T): History<T> {
    return { past: [], present, future: [] };
}

export function record<T>(h: History<T>, next: T): History<T> {
    if (next === h.present) {
        return h;
    }

    return { past: [...h.past, h.present].slice(-HistoryLimit), present: next, future: [] };
}

export function undo<T>(h: History<T>): History<T> {
    if (h.past.length === 0) {
        return h;
    }

    return {
        past: h.past.slice(0, -1),
        present: h.past[h.past.length - 1],
        future: [h.present, ...h.future],
    };
}

export function redo<T>(h: History<T>): History<T> {
    if (h.future.length === 0) {
        return h;
    }

    return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) };
}
