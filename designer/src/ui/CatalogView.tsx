import { useEffect, useState } from "react";
import { get } from "../api";

interface Level {
    code: string;
    name: string;
}

interface Scheme {
    id: string;
    name: string;
    impacts: Level[];
    urgencies: Level[];
    levels: Level[];
    matrix: { impact: string; urgency: string; priority: string }[];
}

/**
 * The category tree and the priority scheme in force. They are shown read-only: the API has no endpoint that
 * changes them yet, and the designer changes nothing except through the API.
 */
export function CatalogView() {
    const [categories, setCategories] = useState<{ name: string; subcategories: string[] }[] | null>(null);
    const [scheme, setScheme] = useState<Scheme | null>(null);
    const [error, setError] = useState<string | null>(null);

    useEffect(() => {
        get<{ categories: { name: string; subcategories: string[] }[] }>("/api/categories")
            .then((c) => setCategories(c.categories))
            .catch((e: Error) => setError(e.message));
        get<Scheme>("/api/priority-scheme")
            .then(setScheme)
            .catch((e: Error) => setError(e.message));
    }, []);

    const cell = (i: string, u: string) =>
        scheme?.matrix.find((m) => m.impact === i && m.urgency === u)?.priority;
    return (
        <div className="list">
            {error && (
                <div className="message error" role="alert">
                    {error}
                </div>
            )}
            <p className="muted">Read only: the server offers no way to change these over the API yet.</p>
            {scheme && (
                <section>
                    <h2>Priority scheme: {scheme.name}</h2>
                    <table className="matrix">
                        <thead>
                            <tr>
                                <th>Impact \ Urgency</th>
                                {scheme.urgencies.map((u) => (
                                    <th key={u.code}>
                                        {u.code} {u.name}
                                    </th>
                                ))}
                            </tr>
                        </thead>
                        <tbody>
                            {scheme.impacts.map((i) => (
                                <tr key={i.code}>
                                    <th>
                                        {i.code} {i.name}
                                    </th>
                                    {scheme.urgencies.map((u) => (
                                        <td key={u.code}>{cell(i.code, u.code)}</td>
                                    ))}
                                </tr>
                            ))}
                        </tbody>
                    </table>
                    <p>Levels: {scheme.levels.map((l) => `${l.code} ${l.name}`).join(" · ")}</p>
                </section>
            )}
            {categories && (
                <section>
                    <h2>Categories</h2>
                    <ul>
                        {categories.map((c) => (
                            <li key={c.name}>
                                {c.name}: {c.subcategories.join(", ")}
                            </li>
                        ))}
                    </ul>
                </section>
            )}
        </div>
    );
}
