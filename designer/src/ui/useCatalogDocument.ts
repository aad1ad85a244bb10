import { useCallback, useEffect, useState } from "react";
import { ApiError, call } from "../api";

export interface Notice {
    kind: "info" | "error" | "conflict";
    text: string;
}

/**
 * One whole document the server versions by ETag (the category tree, the priority scheme): loads it, keeps the
 * edits, saves with If-Match, keeps the server's messages by field and says so when someone else saved first.
 */
export function useCatalogDocument<T>(path: string, noun: string) {
    const [doc, setDoc] = useState<T | null>(null);
    const [etag, setEtag] = useState<string | null>(null);
    const [dirty, setDirty] = useState(false);
    const [fields, setFields] = useState<Record<string, string[]>>({});
    const [notice, setNotice] = useState<Notice | null>(null);

    const load = useCallback(async () => {
        try {
            const answer = await call<T>("GET", path);
            setDoc(answer.body);
            setEtag(answer.etag);
            setDirty(false);
            setFields({});
            setNotice(null);
        } catch (e) {
            setNotice({ kind: "error", text: (e as Error).message });
        }
    }, [path]);

    useEffect(() => {
        void load();
    }, [load]);

    function edit(change: (d: T) => T) {
        setDoc((d) => (d === null ? d : change(d)));
        setDirty(true);
    }

    async function save() {
        if (doc === null) {
            return;
        }

        try {
            const answer = await call<T>("PUT", path, doc, etag ? { "If-Match": etag } : {});
            setDoc(answer.body);
            setEtag(answer.etag);
            setDirty(false);
            setFields({});
            setNotice({
                kind: "info",
                text: `Saved the ${noun} as version ${answer.etag?.replace(/"/g, "")}.`,
            });
        } catch (e) {
            if (e instanceof ApiError && e.status === 412) {
                setFields({});
                setNotice({
                    kind: "conflict",
                    text:
                        `Someone else saved the ${noun} after you opened it, so your changes were not saved. ` +
                        "Load their version and make your changes again.",
                });
            } else if (e instanceof ApiError && e.status === 400) {
                setFields(e.fields);
                setNotice({ kind: "error", text: `The ${noun} was not saved: fix the fields marked below.` });
            } else {
                setNotice({ kind: "error", text: (e as Error).message });
            }
        }
    }

    return { doc, etag, dirty, fields, notice, load, edit, save };
}
