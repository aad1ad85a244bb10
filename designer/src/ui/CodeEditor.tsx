import { useEffect, useRef } from "react";
import * as monaco from "monaco-editor/editor/editor.api";
import "monaco-editor/languages/definitions/csharp/register";
import EditorWorker from "monaco-editor/editor/editor.worker.start?worker";

// C# needs no language worker; the editor's own worker serves diffs and links.
self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

/** A compile error on one line of this editor's text, 1-based as the server reports it. */
export interface CodeMarker {
    line: number;
    column: number;
    message: string;
}

interface Props {
    value: string;
    onChange: (value: string) => void;
    markers: CodeMarker[];
    label: string;
    height?: number;
}

/** A one-part C# editor with syntax highlighting; server-side compile errors are drawn on their lines. */
export function CodeEditor({ value, onChange, markers, label, height = 60 }: Props) {
    const host = useRef<HTMLDivElement>(null);
    const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
    const changed = useRef(onChange);
    changed.current = onChange;


    useEffect(() => {
        const created = monaco.editor.create(host.current!, {
            value,
            language: "csharp",
            minimap: { enabled: false },
            lineNumbers: "on",
            scrollBeyondLastLine: false,
            automaticLayout: true,
            fontSize: 13,
            // Typed text must stay exactly as typed: no closing pairs or suggestions accepted by Enter.
            autoClosingBrackets: "never",
            autoClosingQuotes: "never",
            quickSuggestions: false,
            suggestOnTriggerCharacters: false,
            acceptSuggestionOnEnter: "off",
            ariaLabel: label,
        });
        created.onDidChangeModelContent(() => changed.current(created.getValue()));
        editor.current = created;
        return () => created.dispose();
        // The editor is created once; later values arrive through the effect below.
        // eslint-disable-next-line react-hooks/exhaustive-deps
    }, []);

    useEffect(() => {
        const e = editor.current;
        // While the user types, React renders values a keystroke or two old; setting one would move the cursor
        // back. Only a value changed from outside (a rule set loaded, a row removed) reaches an unfocused editor.
        if (e && !e.hasTextFocus() && e.getValue() !== value) {
            e.setValue(value);
        }
    }, [value]);

    useEffect(() => {
        const model = editor.current?.getModel();
        if (model) {
            monaco.editor.setModelMarkers(
                model,
                "server",
                markers.map((m) => ({
                    severity: monaco.MarkerSeverity.Error,
                    message: m.message,
                    startLineNumber: m.line,
                    startColumn: m.column,
                    endLineNumber: m.line,
                    endColumn: model.getLineMaxColumn(Math.min(m.line, model.getLineCount())),
                })),
            );
        }
    }, [markers]);

    return <div className="code" data-label={label} ref={host} style={{ height }} />;
}
