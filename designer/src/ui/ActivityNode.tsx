import { Handle, Position, type NodeProps, type Node } from "@xyflow/react";

export interface ActivityNodeData extends Record<string, unknown> {
    label: string;
    type: string;
    outcomes: string[];
    problems: string[];
    isStart: boolean;
    live?: { open: number; breached: number | null };
}

/** A node on the canvas: its id and activity, one handle per named outcome, and its problems in words. */
export function ActivityNode({ data, selected }: NodeProps<Node<ActivityNodeData>>) {
    const classes = ["node", data.problems.length > 0 ? "invalid" : "", selected ? "selected" : ""].join(" ");
    return (
        <div className={classes} data-node={data.label} title={data.problems.join("\n")}>
            <Handle type="target" position={Position.Top} id="in" />
            <div className="node-title">
                {data.isStart ? "▶ " : ""}
                {data.label}
            </div>
            <div className="node-type">{data.type}</div>
            {data.live && (
                <div className="node-live" data-live={data.label}>
                    {data.live.open} open ·{" "}
                    {data.live.breached === null ? "SLA n/a" : `${data.live.breached} breached`}
                </div>
            )}
            {data.problems.map((p) => (
                <div className="node-problem" key={p}>
                    {p}
                </div>
            ))}
            <div className="outcomes">
                {data.outcomes.map((o) => (
                    <div className="outcome" key={o}>
                        <span>{o}</span>
                        <Handle
                            type="source"
                            position={Position.Bottom}
                            id={o}
                            data-outcome={o}
                            className="outcome-handle"
                        />
                    </div>
                ))}
            </div>
        </div>
    );
}
