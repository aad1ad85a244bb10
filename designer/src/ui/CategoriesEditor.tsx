import { useState } from "react";
import {
    addCategory,
    addSubcategory,
    messagesFor,
    removeCategory,
    removeSubcategory,
    renameCategory,
    renameSubcategory,
    unplacedMessages,
    type CategoryTree,
} from "../logic/catalog";
import { FieldMessages } from "./FieldMessages";
import { NoticeBar } from "./NoticeBar";
import { useCatalogDocument } from "./useCatalogDocument";

/** The category tree: add, rename and remove categories and subcategories, then save the whole tree. */
export function CategoriesEditor() {
    const { doc, dirty, fields, notice, load, edit, save } = useCatalogDocument<CategoryTree>(
        "/api/categories",
        "category tree",
    );
    const [newName, setNewName] = useState("");

    const placed = (key: string) => /^categories(\[\d+\](\.name|\.subcategories\[\d+\])?)?$/.test(key);
    return (
        <div className="list catalog">
            <div className="toolbar">
                <input
                    aria-label="new category"
                    placeholder="New category"
                    value={newName}
                    onChange={(e) => setNewName(e.target.value)}
                />
                <button
                    disabled={!newName.trim()}
                    onClick={() => {
                        edit((t) => addCategory(t, newName.trim()));
                        setNewName("");
                    }}
                >
                    Add category
                </button>
                <button onClick={() => void save()} disabled={!dirty}>
                    Save
                </button>
                <button onClick={() => void load()}>Reload</button>
                {dirty && <span className="muted">unsaved changes</span>}
            </div>
            <NoticeBar notice={notice} onReload={() => void load()} />
            <FieldMessages
                messages={[...messagesFor(fields, "categories"), ...unplacedMessages(fields, placed)]}
            />
            {doc && (
                <ol className="tree">
                    {doc.categories.map((c, i) => (
                        <li key={i}>
                            <input
                                aria-label={`name of category ${i + 1}`}
                                value={c.name}
                                onChange={(e) => edit((t) => renameCategory(t, i, e.target.value))}
                            />
                            <button
                                aria-label={`remove category ${i + 1}`}
                                onClick={() => edit((t) => removeCategory(t, i))}
                            >
                                Remove
                            </button>
                            <FieldMessages messages={messagesFor(fields, `categories[${i}].name`)} />
                            <ul>
                                {c.subcategories.map((s, j) => (
                                    <li key={j}>
                                        <input
                                            aria-label={`subcategory ${j + 1} of category ${i + 1}`}
                                            value={s}
                                            onChange={(e) =>
                                                edit((t) => renameSubcategory(t, i, j, e.target.value))
                                            }
                                        />
                                        <button
                                            aria-label={`remove subcategory ${j + 1} of category ${i + 1}`}
                                            onClick={() => edit((t) => removeSubcategory(t, i, j))}
                                        >
                                            Remove
                                        </button>
                                        <FieldMessages
                                            messages={messagesFor(
                                                fields,
                                                `categories[${i}].subcategories[${j}]`,
                                            )}
                                        />
                                    </li>
                                ))}
                                <li>
                                    <button
                                        aria-label={`add subcategory to category ${i + 1}`}
                                        onClick={() => edit((t) => addSubcategory(t, i, ""))}
                                    >
                                        Add subcategory
                                    </button>
                                </li>
                            </ul>
                        </li>
                    ))}
                </ol>
            )}
            {doc?.pluginCategories && doc.pluginCategories.length > 0 && (
                <section>
                    <h3>Added by plugins (read only)</h3>
                    <ul>
                        {doc.pluginCategories.map((c) => (
                            <li key={c.name}>
                                {c.name}
                                {c.subcategories.length > 0 ? `: ${c.subcategories.join(", ")}` : ""}
                            </li>
                        ))}
                    </ul>
                </section>
            )}
        </div>
    );
}
