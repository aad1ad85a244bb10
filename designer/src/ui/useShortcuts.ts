import { useEffect, useRef } from "react";

/** What the canvas's keyboard shortcuts do. */
export interface Shortcuts {
    undo: () => void;
    redo: () => void;
    selectAll: () => void;
    remove: () => void;
}

/**
 * Ctrl+Z undo, Ctrl+Y or Ctrl+Shift+Z redo, Ctrl+A select all, Delete or Backspace remove the selection (Cmd on
 * a Mac). Keys typed into a field or a code editor stay there.
 */
export function useShortcuts(shortcuts: Shortcuts) {
    const latest = useRef(shortcuts);
    latest.current = shortcuts;

    useEffect(() => {
        function onKey(e: KeyboardEvent) {
            if ((e.target as HTMLElement).closest("input, textarea, select, .code")) {
                return;
            }

            const mod = e.ctrlKey || e.metaKey;
            const key = e.key.toLowerCase();
            const action =
                mod && key === "z" && !e.shiftKey
                    ? latest.current.undo
                    : mod && (key === "y" || (key === "z" && e.shiftKey))
                      ? latest.current.redo
                      : mod && key === "a"
                        ? latest.current.selectAll
                        : e.key === "Delete" || e.key === "Backspace"
                          ? latest.current.remove
                          : null;
            if (action) {
                e.preventDefault();
                action();
            }
        }

        window.addEventListener("keydown", onKey);
        return () => window.removeEventListener("keydown", onKey);
    }, []);
}
