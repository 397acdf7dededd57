"""The compiled knowledge: YAML validated once into an indexed SQLite cache.

Parsing hundreds of YAML entries on every run would dominate start-up, so the
knowledge is compiled into a SQLite file named after a fingerprint of the
source files (their paths, sizes and modification times, and drugfaq's
version). A lookup then reads only the rows it needs, so its cost does not
grow with the size of the knowledge. The cache is written to a temporary file
and renamed into place, so a reader never sees half of one; when the cache
folder is not writable the knowledge is compiled into memory instead.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
import zlib
from pathlib import Path
from collections.abc import Iterable, Iterator

from typing import TYPE_CHECKING, NamedTuple

from drugfaq import __version__
from drugfaq.errors import KnowledgeError, Problem

if TYPE_CHECKING:
    from drugfaq.model import Drug, DrugClass, Topic

# msgspec and the model are imported inside the methods that decode records: the plain
# profile path reads pre-rendered text and needs neither.

SCHEMA_VERSION = "6"  # bump whenever what is compiled changes (6: class names asked as "X drug")
CLASS_NOUNS = ("drug", "medicine", "medication", "agent")
_PACKAGE = Path(__file__).resolve().parent


def bundled_data_dir() -> Path:
    """Knowledge shipped in the wheel (drugfaq/data) or, in a source checkout, the repo's data/.

    DRUGFAQ_BUNDLED_DATA replaces it (for developing the knowledge itself and for benchmarks).
    """
    override = os.environ.get("DRUGFAQ_BUNDLED_DATA")
    if override:
        return Path(override)
    inside = _PACKAGE / "data"
    return inside if inside.is_dir() else _PACKAGE.parent / "data"


def cache_dir() -> Path:
    env = os.environ.get("DRUGFAQ_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "drugfaq"


def user_data_paths(extra: Iterable[str] = ()) -> list[Path]:
    """DRUGFAQ_DATA (path-separated) first, then --data options, in the order given."""
    env = [p for p in os.environ.get("DRUGFAQ_DATA", "").split(os.pathsep) if p.strip()]
    return [Path(p).expanduser() for p in [*env, *extra]]


class NameHit(NamedTuple):
    key: str  # the normalised text that matched
    kind: str  # drug | class | topic
    id: str
    label: str  # the name as written in the knowledge
    how: str  # generic | brand | biosimilar | alias | id | class | topic


_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE names(key TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL, label TEXT NOT NULL, how TEXT NOT NULL);
CREATE INDEX names_key ON names(key);
CREATE TABLE drugs(id TEXT PRIMARY KEY, name TEXT NOT NULL, listing BLOB NOT NULL, body BLOB NOT NULL,
                   plain TEXT NOT NULL);
CREATE TABLE classes(id TEXT PRIMARY KEY, body BLOB NOT NULL);
CREATE TABLE members(class_id TEXT NOT NULL, drug_id TEXT NOT NULL);
CREATE INDEX members_class ON members(class_id);
CREATE TABLE topics(id TEXT PRIMARY KEY, body BLOB NOT NULL);
CREATE VIRTUAL TABLE search USING fts5(kind UNINDEXED, id UNINDEXED, field UNINDEXED, text, tokenize='porter unicode61');
"""



class Store:
    """Read access to compiled knowledge. Open with `Store.open()`."""

    def __init__(self, db: sqlite3.Connection, location: str, sources: list[tuple[Path, str]]) -> None:
        self._db = db
        self.location = location  # the cache file, or ":memory:"
        self.sources = sources
        self._classes: dict[str, DrugClass] | None = None
        self._keys: list[str] | None = None

    # ---- opening and compiling ----
    @classmethod
    def open(cls, extra_data: Iterable[str] = ()) -> Store:
        sources = [(bundled_data_dir(), "bundled")] + [(p, "user") for p in user_data_paths(extra_data)]
        from drugfaq.sources import yaml_files

        for path, layer in sources:
            if layer == "user" and not path.exists():
                raise KnowledgeError([Problem(str(path), None, "", "no such file or folder")])
            if layer == "user" and path.is_dir() and not yaml_files(path):
                raise KnowledgeError([Problem(str(path), None, "", "folder holds no .yaml files")])
        fingerprint, files = _fingerprint(sources)
        folder = cache_dir()
        final = folder / f"knowledge-{fingerprint.split('|', 1)[0]}.sqlite"
        if final.is_file():
            try:
                db = sqlite3.connect(f"file:{final}?mode=ro&immutable=1", uri=True, check_same_thread=False)
                row = db.execute("SELECT value FROM meta WHERE key='fingerprint'").fetchone()
                if row and row[0] == fingerprint:
                    return cls(db, str(final), sources)
                db.close()
            except sqlite3.DatabaseError:
                pass  # corrupted or foreign file: rebuild it below
        db = _compile(sources, fingerprint)
        written = _persist(db, folder, final)
        if written:
            db.close()
            db = sqlite3.connect(f"file:{final}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            return cls(db, str(final), sources)
        return cls(db, ":memory:", sources)

    # ---- lookups ----
    def lookup(self, keys: Iterable[str]) -> list[NameHit]:
        keys = list(dict.fromkeys(k for k in keys if k))
        if not keys:
            return []
        hits: list[NameHit] = []
        for start in range(0, len(keys), 500):  # stay under SQLite's parameter limit
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            hits += [NameHit(*row) for row in self._db.execute(
                f"SELECT key, kind, id, label, how FROM names WHERE key IN ({marks})", chunk)]
        return hits

    def known_word(self, word: str) -> bool:
        """Whether a word occurs, in any form, in the knowledge's own text ("prevent", "hearing").

        Such a word is ordinary language (or a name the text mentions), never a misspelling to correct.
        """
        if not word.isalnum():
            return False
        return self._db.execute("SELECT 1 FROM search WHERE search MATCH ? LIMIT 1",
                                (f'text : "{word}"',)).fetchone() is not None

    def all_keys(self) -> list[str]:
        """Every distinct name key, for fuzzy matching (only needed when exact lookup fails)."""
        if self._keys is None:
            self._keys = [r[0] for r in self._db.execute("SELECT DISTINCT key FROM names")]
        return self._keys

    def drug(self, drug_id: str) -> Drug | None:
        row = self._db.execute("SELECT body FROM drugs WHERE id=?", (drug_id,)).fetchone()
        if not row:
            return None
        import msgspec

        from drugfaq.model import Drug

        return msgspec.json.decode(row[0], type=Drug)

    def plain_profile(self, drug_id: str) -> tuple[str, list[str], str] | None:
        """(generic name, brand names, the plain profile below its title line), compiled in advance."""
        row = self._db.execute("SELECT name, plain FROM drugs WHERE id=?", (drug_id,)).fetchone()
        if not row:
            return None
        titles, body = row[1].split("\n", 1)
        return row[0], titles.split("|") if titles else [], body

    def drug_names(self, ids: Iterable[str]) -> dict[str, str]:
        ids = list(ids)
        marks = ",".join("?" * len(ids))
        return dict(self._db.execute(f"SELECT id, name FROM drugs WHERE id IN ({marks})", ids)) if ids else {}

    def listing(self) -> Iterator[dict]:
        """id, name, brands, aliases of every drug, in id order."""
        import msgspec

        for (blob,) in self._db.execute("SELECT listing FROM drugs ORDER BY id"):
            yield msgspec.json.decode(blob)

    def classes(self) -> dict[str, DrugClass]:
        if self._classes is None:
            import msgspec

            from drugfaq.model import DrugClass

            row = self._db.execute("SELECT body FROM classes WHERE id='*'").fetchone()
            self._classes = {c.id: c for c in msgspec.json.decode(row[0], type=list[DrugClass])}
        return self._classes

    def members(self, class_ids: Iterable[str]) -> list[str]:
        ids = list(class_ids)
        marks = ",".join("?" * len(ids))
        return [r[0] for r in self._db.execute(
            f"SELECT DISTINCT drug_id FROM members WHERE class_id IN ({marks}) ORDER BY drug_id", ids)]

    def topic(self, topic_id: str) -> Topic | None:
        row = self._db.execute("SELECT body FROM topics WHERE id=?", (topic_id,)).fetchone()
        if not row:
            return None
        import msgspec

        from drugfaq.model import Topic

        return msgspec.json.decode(row[0], type=Topic)

    def topic_ids(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT id FROM topics ORDER BY id")]

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str, str, str]]:
        """Full-text matches as (kind, id, field, snippet), best first, one row per entry."""
        words = [w for w in query.replace('"', " ").split() if w]
        if not words:
            return []
        match = " ".join(f'"{w}"' for w in words)
        rows = self._db.execute(
            "SELECT kind, id, field, snippet(search, 3, '', '', '...', 12) FROM search WHERE search MATCH ? "
            "ORDER BY bm25(search) LIMIT 400", (match,)).fetchall()
        seen: dict[tuple[str, str], tuple[str, str, str, str]] = {}
        for row in rows:
            seen.setdefault((row[0], row[1]), row)
        return list(seen.values())[:limit]

    def counts(self) -> dict[str, int]:
        count = lambda table: self._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: E731
        return {"drugs": count("drugs"), "classes": len(self.classes()), "topics": count("topics")}


def _fingerprint(sources: list[tuple[Path, str]]) -> tuple[str, list[Path]]:
    from drugfaq.sources import yaml_files

    parts = [f"{__version__}|{SCHEMA_VERSION}"]
    files: list[Path] = []
    for path, layer in sources:
        root = path.resolve()  # once per source: resolving every file costs a system call per path part
        for f in yaml_files(root):
            try:
                st = f.stat()
            except OSError:
                continue
            files.append(f)
            parts.append(f"{layer}|{f}|{st.st_size}|{st.st_mtime_ns}")
    # The full text is stored in the cache and compared on open; the checksum only names the file.
    text = "\n".join(parts)
    return f"{zlib.crc32(text.encode()):08x}{len(text):x}|{text}", files


def _compile(sources: list[tuple[Path, str]], fingerprint: str) -> sqlite3.Connection:
    from drugfaq.validate import drug_names, load  # YAML is only needed here

    knowledge, problems = load(sources)
    if problems:
        raise KnowledgeError(problems)
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.executescript(_SCHEMA)
    import msgspec

    from drugfaq.profile import drug_plain_body
    from drugfaq.taxonomy import Taxonomy

    enc = msgspec.json.encode
    tax = Taxonomy(knowledge.classes)
    generic_names = {d.id: d.name for d in knowledge.drugs.values()}
    names: list[tuple[str, str, str, str, str]] = []
    search: list[tuple[str, str, str, str]] = []

    def add(kind: str, id_: str, label: str, how: str) -> None:
        from drugfaq.names import keys_for

        labels = [label]
        if kind == "class":  # "antiparkinson agent" is also asked as "antiparkinson drug" or "antiparkinson medicine";
            # never the bare words, though: "blood pressure medicine" must not make "blood pressure" a class
            bare = re.sub(r"\s+(?:agents?|drugs?|medicines?|medications?)$", "", label, flags=re.I)
            labels += [f"{bare} {noun}" for noun in CLASS_NOUNS]
        names.extend((key, kind, id_, label, how) for variant in labels for key in keys_for(variant))

    for d in knowledge.drugs.values():
        add("drug", d.id, d.id, "id")
        add("drug", d.id, d.name, "generic")
        for b in d.brands:
            add("drug", d.id, b, "brand")
        for b in d.biosimilars:
            add("drug", d.id, b.name, "biosimilar")
            add("drug", d.id, b.generic, "biosimilar")
        for a in d.aliases:
            add("drug", d.id, a, "alias")
        listing = {"id": d.id, "name": d.name, "brands": d.brands,
                   "aliases": sorted({n for n in drug_names(d)} - {d.id, d.name, *d.brands}, key=str.lower)}
        db.execute("INSERT INTO drugs VALUES (?,?,?,?,?)",
                   (d.id, d.name, enc(listing), enc(d), drug_plain_body(d, tax, generic_names)))
        db.executemany("INSERT INTO members VALUES (?,?)", [(c, d.id) for c in d.classification.classes])
        search.append(("drug", d.id, "name", " ".join(drug_names(d))))
        search.append(("drug", d.id, "summary", d.summary))
        if d.mechanism:
            search.append(("drug", d.id, "mechanism", " ".join([d.mechanism.summary, *d.mechanism.targets])))
        for i in d.indications:
            search.append(("drug", d.id, "indication", f"{i.condition} {i.setting or ''} {i.details or ''}"))
        for f in d.faqs:
            search.append(("drug", d.id, "faq", f"{f.q} {f.a}"))
        classes_text = " ".join(knowledge.classes[c].name + " " + " ".join(knowledge.classes[c].aliases)
                                for c in _ancestors(knowledge.classes, d.classification.classes))
        search.append(("drug", d.id, "class", classes_text + " " + " ".join(d.classification.fda_epc)))
    for c in knowledge.classes.values():
        add("class", c.id, c.name, "class")
        for a in c.aliases:
            add("class", c.id, a, "class")
        search.append(("class", c.id, "class", " ".join([c.name, *c.aliases, c.description or ""])))
    for t in knowledge.topics.values():
        add("topic", t.id, t.title, "topic")
        for kw in t.keywords:
            add("topic", t.id, kw, "topic")
        db.execute("INSERT INTO topics VALUES (?,?)", (t.id, enc(t)))
        search.append(("topic", t.id, "topic", " ".join([t.title, t.summary, *t.keywords, *t.body])))
    db.execute("INSERT INTO classes VALUES ('*', ?)", (enc(list(knowledge.classes.values())),))
    db.executemany("INSERT INTO names VALUES (?,?,?,?,?)", sorted(set(names)))
    db.executemany("INSERT INTO search VALUES (?,?,?,?)", search)
    db.executemany("INSERT INTO meta VALUES (?,?)", [("fingerprint", fingerprint), ("version", __version__),
                                                     ("compiled", time.strftime("%Y-%m-%dT%H:%M:%S"))])
    db.commit()
    return db


def _ancestors(classes: dict[str, DrugClass], start: Iterable[str]) -> list[str]:
    out: list[str] = []
    todo = list(start)
    while todo:
        c = todo.pop()
        if c in classes and c not in out:
            out.append(c)
            todo.extend(classes[c].parents)
    return out


def _persist(db: sqlite3.Connection, folder: Path, final: Path) -> bool:
    """Copy the in-memory database to `final` atomically; False when the folder is not writable."""
    import tempfile  # only when writing a cache: it pulls in random and hashing

    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".knowledge-", suffix=".tmp", dir=folder)
    except OSError:
        return False
    os.close(fd)
    try:
        target = sqlite3.connect(tmp)
        with target:
            db.backup(target)
        target.close()
        os.replace(tmp, final)
    except (OSError, sqlite3.Error):
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False
    _prune(folder, keep=final)
    return True


def _prune(folder: Path, keep: Path) -> None:
    """Remove caches of older knowledge versions (best effort; readers keep open files alive)."""
    cutoff = time.time() - 3 * 24 * 3600
    try:
        for f in folder.glob("knowledge-*.sqlite"):
            if f != keep and f.stat().st_mtime < cutoff:
                f.unlink()
    except OSError:
        pass
