/** The server's messages for one field, shown beside it. */
export function FieldMessages({ messages }: { messages: string[] }) {
    if (messages.length === 0) {
        return null;
    }

    return (
        <span className="field-error" role="alert">
            {messages.join(" ")}
        </span>
    );
}
