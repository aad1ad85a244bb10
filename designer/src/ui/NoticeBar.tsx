import type { Notice } from "./useCatalogDocument";

/** A screen's outcome line; a conflict offers to load the version someone else saved. */
export function NoticeBar({ notice, onReload }: { notice: Notice | null; onReload: () => void }) {
    if (notice === null) {
        return null;
    }

    return (
        <div className={`message ${notice.kind}`} role={notice.kind === "info" ? "status" : "alert"}>
            {notice.text}{" "}
            {notice.kind === "conflict" && <button onClick={onReload}>Load their version</button>}
        </div>
    );
}
