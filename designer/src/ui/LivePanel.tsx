export interface LiveView {
    id: string;
    version: number;
    nodes: { nodeId: string; open: number; breached: number | null; tickets: LiveTicket[] }[];
}

interface LiveTicket {
    id: number;
    subject: string;
    state: string;
    priority: string | null;
}

/** The open tickets standing at the clicked node of a published version. */
export function LivePanel({ live, nodeId }: { live: LiveView; nodeId: string | null }) {
    const total = live.nodes.reduce((sum, n) => sum + n.open, 0);
    const node = live.nodes.find((n) => n.nodeId === nodeId);
    return (
        <aside className="properties" aria-label="live view">
            <h3>Live: version {live.version}</h3>
            <p>{total} open tickets on this version. SLA breaches are not tracked by this server yet.</p>
            {nodeId === null ? (
                <p className="muted">Click a node to list its tickets.</p>
            ) : (
                <>
                    <h4>At {nodeId}</h4>
                    {!node || node.tickets.length === 0 ? (
                        <p>No open tickets here.</p>
                    ) : (
                        <ul className="tickets">
                            {node.tickets.map((t) => (
                                <li key={t.id}>
                                    #{t.id} {t.subject} · {t.state} · {t.priority ?? "no priority"}
                                </li>
                            ))}
                        </ul>
                    )}
                </>
            )}
        </aside>
    );
}
