"""The emulator's SQLite state: schema, connections, transactions, accounts, settings, faults, request log.

One file holds everything. WAL mode lets readers run beside the single writer, ``busy_timeout``
makes writers queue instead of failing, and every request runs in one transaction (``BEGIN
IMMEDIATE`` whenever it may write), so many threads and several processes can share one file.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import string
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigurationError
from .console_api import FaultRule

__all__ = [
    "DEFAULT_DOMAIN_LIMIT",
    "AccountKey",
    "FaultTable",
    "Settings",
    "Store",
    "clock_offset",
    "count_request",
    "next_fault_draw",
    "read_faults",
    "read_settings",
    "request_log",
    "reset_state",
    "set_clock_offset",
    "use_fault_rule",
    "write_faults",
    "write_settings",
]

DEFAULT_DOMAIN_LIMIT = 100  # AddLiveDomain: FailedOperation.HostOutLimit, "limit 100"
_BUSY_TIMEOUT_MS = 30_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS accounts (id INTEGER PRIMARY KEY AUTOINCREMENT, created REAL NOT NULL);
CREATE TABLE IF NOT EXISTS credentials (
    secret_id TEXT PRIMARY KEY,
    secret_key TEXT NOT NULL,
    account_id INTEGER NOT NULL REFERENCES accounts(id)
);
CREATE TABLE IF NOT EXISTS domains (
    account_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    type INTEGER NOT NULL,
    status INTEGER NOT NULL,
    play_type INTEGER NOT NULL,
    is_delay_live INTEGER NOT NULL,
    is_mini_program_live INTEGER NOT NULL,
    created REAL NOT NULL,
    PRIMARY KEY (account_id, name)
);
CREATE TABLE IF NOT EXISTS mini_program_deletions (
    account_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    month TEXT NOT NULL,
    PRIMARY KEY (account_id, name, month)
);
CREATE TABLE IF NOT EXISTS verified_owners (
    account_id INTEGER NOT NULL,
    main_domain TEXT NOT NULL,
    PRIMARY KEY (account_id, main_domain)
);
CREATE TABLE IF NOT EXISTS zones (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    punycode TEXT NOT NULL,
    created REAL NOT NULL,
    UNIQUE (account_id, punycode)
);
CREATE TABLE IF NOT EXISTS records (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    zone_id INTEGER NOT NULL REFERENCES zones(id) ON DELETE CASCADE,
    host TEXT NOT NULL,
    type TEXT NOT NULL,
    line TEXT NOT NULL,
    line_id TEXT NOT NULL,
    value TEXT NOT NULL,
    mx INTEGER NOT NULL,
    ttl INTEGER NOT NULL,
    weight INTEGER,
    status TEXT NOT NULL,
    remark TEXT NOT NULL,
    default_ns INTEGER NOT NULL,
    updated REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS records_by_host ON records (zone_id, host);
CREATE TABLE IF NOT EXISTS zone_tags (
    zone_id INTEGER NOT NULL REFERENCES zones(id) ON DELETE CASCADE,
    tag_key TEXT NOT NULL,
    tag_value TEXT NOT NULL,
    PRIMARY KEY (zone_id, tag_key)
);
CREATE TABLE IF NOT EXISTS licenses (
    account_id INTEGER NOT NULL,
    app_id TEXT NOT NULL,
    name TEXT NOT NULL,
    subject_type TEXT NOT NULL,
    scene TEXT NOT NULL,
    categories TEXT NOT NULL,
    status TEXT NOT NULL,
    reject_reason TEXT NOT NULL,
    submitted REAL NOT NULL,
    expires REAL,
    PRIMARY KEY (account_id, app_id)
);
CREATE TABLE IF NOT EXISTS traffic (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL,
    domain TEXT NOT NULL,
    at REAL NOT NULL,
    bytes INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS traffic_by_domain ON traffic (account_id, domain, at);
CREATE TABLE IF NOT EXISTS request_log (
    service TEXT NOT NULL,
    action TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (service, action)
);
-- Streaming security (emulator/streaming.py): auth keys, certificates and their bindings, referer rules.
CREATE TABLE IF NOT EXISTS auth_keys (
    account_id INTEGER NOT NULL,
    domain TEXT NOT NULL,
    enable INTEGER NOT NULL,
    master_key TEXT NOT NULL,
    backup_key TEXT NOT NULL,
    auth_delta INTEGER NOT NULL,
    PRIMARY KEY (account_id, domain)
);
CREATE TABLE IF NOT EXISTS certificates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL,
    cloud_cert_id TEXT NOT NULL UNIQUE,
    alias TEXT NOT NULL,
    certificate TEXT NOT NULL,
    dns_names TEXT NOT NULL,
    expires REAL NOT NULL,
    created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS cert_bindings (
    account_id INTEGER NOT NULL,
    domain TEXT NOT NULL,
    cert_id INTEGER NOT NULL REFERENCES certificates(id),
    status INTEGER NOT NULL,
    updated REAL NOT NULL,
    PRIMARY KEY (account_id, domain)
);
CREATE TABLE IF NOT EXISTS referers (
    account_id INTEGER NOT NULL,
    domain TEXT NOT NULL,
    enable INTEGER NOT NULL,
    type INTEGER NOT NULL,
    allow_empty INTEGER NOT NULL,
    rules TEXT NOT NULL,
    PRIMARY KEY (account_id, domain)
);
-- Processing (emulator/processing.py): templates of every family (kind) as their fields in JSON, and rules.
CREATE TABLE IF NOT EXISTS processing_templates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    body TEXT NOT NULL,
    created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS processing_rules (
    account_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    domain TEXT NOT NULL,
    app TEXT NOT NULL,
    stream TEXT NOT NULL,
    template_id INTEGER NOT NULL,
    created REAL NOT NULL,
    PRIMARY KEY (account_id, kind, domain, app, stream, template_id)
);
"""

# Tables Reset empties; accounts and credentials survive it.
_RESET_TABLES = (
    "domains",
    "mini_program_deletions",
    "verified_owners",
    "records",
    "zone_tags",
    "zones",
    "licenses",
    "traffic",
    "request_log",
    "meta",
    "auth_keys",
    "cert_bindings",
    "certificates",
    "referers",
    "processing_rules",
    "processing_templates",
)


@dataclass(frozen=True)
class AccountKey:
    """A key pair and the account it belongs to."""

    account_id: int
    secret_id: str
    secret_key: str


@dataclass(frozen=True)
class Settings:
    """Emulator-wide behaviour switches (``UpdateSettings``)."""

    auto_approve: bool
    domain_limit: int
    require_owner_verification: bool


@dataclass(frozen=True)
class FaultTable:
    """The fault rules set with ``SetFaults``, the seed of their random draws, and how often each rule was used."""

    rules: tuple[FaultRule, ...]
    seed: int
    uses: dict[str, int] = field(default_factory=dict)

    def rule_for(self, action: str) -> FaultRule | None:
        """The rule of ``action``, else the ``*`` rule, else ``None``; a rule used up (``Times``) counts as removed."""
        live = [r for r in self.rules if r.Times is None or self.uses.get(r.Action, 0) < r.Times]
        exact = [r for r in live if r.Action == action]
        wildcard = [r for r in live if r.Action == "*"]
        if exact:
            return exact[0]
        return wildcard[0] if wildcard else None


_NO_LOCK: AbstractContextManager[None] = nullcontext()
_WRITER_LOCKS: dict[Path, threading.Lock] = {}
_WRITER_LOCKS_GUARD = threading.Lock()


def _writer_lock(path: Path) -> threading.Lock:
    """One lock per state file per process, shared by every :class:`Store` on that file."""
    key = path.resolve()
    with _WRITER_LOCKS_GUARD:
        return _WRITER_LOCKS.setdefault(key, threading.Lock())


def _random_text(length: int) -> str:
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(length))


class Store:
    """An open state file: a connection per thread, transactions, and the account keys.

    Args:
        path: the SQLite file; created with its schema (and the default account) when missing.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        self._keys: dict[str, AccountKey] = {}
        self._writers = _writer_lock(path)
        try:
            self._open()
        except (OSError, sqlite3.Error) as exc:
            self.close()
            raise ConfigurationError(_open_problem(path, exc)) from exc

    def _open(self) -> None:
        """Create the directory, the schema and the default account as needed; read the default key."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = self.connection()
        # journal_mode needs its own statement outside a transaction; it persists in the file.
        connection.execute("PRAGMA journal_mode=WAL")
        with self.transaction(write=True) as db:
            # executescript() would commit the open transaction, so run the statements one by one.
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
            if db.execute("SELECT COUNT(*) FROM accounts").fetchone()[0] == 0:
                _insert_account(db)
            row = db.execute("SELECT MIN(id) FROM accounts").fetchone()
            self.default_account_id: int = row[0]
            default = db.execute(
                "SELECT secret_id, secret_key FROM credentials WHERE account_id = ? ORDER BY rowid LIMIT 1",
                (self.default_account_id,),
            ).fetchone()
        self.default_key = AccountKey(self.default_account_id, default[0], default[1])

    def connection(self) -> sqlite3.Connection:
        """This thread's connection (autocommit mode; transactions are explicit)."""
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30.0)
            connection.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("PRAGMA foreign_keys=ON")
            self._local.connection = connection
            with self._lock:
                self._connections.append(connection)
        return connection

    @contextmanager
    def transaction(self, *, write: bool) -> Iterator[sqlite3.Connection]:
        """One transaction: ``BEGIN IMMEDIATE`` (takes the write lock up front, so no upgrade deadlock) or a read.

        Writers of one process queue on a lock first: SQLite's busy handler sleeps in steps of
        milliseconds, which would dominate when threads contend; other processes still wait in it.
        """
        db = self.connection()
        with self._writers if write else _NO_LOCK:
            db.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def lookup_key(self, secret_id: str) -> AccountKey | None:
        """The key pair with ``secret_id``; keys never change once created, so they are cached."""
        cached = self._keys.get(secret_id)
        if cached is not None:
            return cached
        row = (
            self.connection()
            .execute("SELECT account_id, secret_key FROM credentials WHERE secret_id = ?", (secret_id,))
            .fetchone()
        )
        if row is None:
            return None
        key = AccountKey(row[0], secret_id, row[1])
        self._keys[secret_id] = key
        return key

    def create_account(self) -> AccountKey:
        """A new, empty account with its own key pair."""
        with self.transaction(write=True) as db:
            return _insert_account(db)

    def close(self) -> None:
        """Close every connection this store opened (in any thread)."""
        with self._lock:
            connections, self._connections = self._connections, []
        for connection in connections:
            connection.close()
        self._local = threading.local()


def _open_problem(path: Path, exc: OSError | sqlite3.Error) -> str:
    """What is wrong with a state file that cannot be opened, and what to do; the caller adds the setting."""
    shown = str(path) if path.is_absolute() else f"{path} ({path.resolve()})"
    if isinstance(exc, sqlite3.DatabaseError) and "not a database" in str(exc):
        return (
            f"The emulator state file {shown} is not an emulator state file (SQLite says: {exc}). "
            "Point the setting at the right file, or move this one away to start an empty emulator."
        )
    return (
        f"The emulator state file {shown} cannot be opened ({type(exc).__name__}: {exc}). Check that the path "
        "names a file, not a directory, and that its directory exists or can be created and is writable."
    )


def _insert_account(db: sqlite3.Connection) -> AccountKey:
    account_id = db.execute("INSERT INTO accounts (created) VALUES (?)", (time.time(),)).lastrowid
    assert account_id is not None
    # Shaped like Tencent's: a 36-character AKID… id and a 32-character key.
    key = AccountKey(account_id, "AKID" + _random_text(32), _random_text(32))
    db.execute(
        "INSERT INTO credentials (secret_id, secret_key, account_id) VALUES (?, ?, ?)",
        (key.secret_id, key.secret_key, account_id),
    )
    return key


def _meta(db: sqlite3.Connection, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def _set_meta(db: sqlite3.Connection, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def read_settings(db: sqlite3.Connection, auto_approve_override: bool | None) -> Settings:
    """The effective settings: stored values, defaults for unset ones, and this instance's auto-approve override."""
    stored_auto = _meta(db, "auto_approve") == "1"
    limit = _meta(db, "domain_limit")
    return Settings(
        auto_approve=stored_auto if auto_approve_override is None else auto_approve_override,
        domain_limit=int(limit) if limit is not None else DEFAULT_DOMAIN_LIMIT,
        require_owner_verification=_meta(db, "require_owner_verification") == "1",
    )


def write_settings(
    db: sqlite3.Connection,
    *,
    auto_approve: bool | None,
    domain_limit: int | None,
    require_owner_verification: bool | None,
) -> None:
    """Store the given settings; ``None`` leaves a setting as it is."""
    if auto_approve is not None:
        _set_meta(db, "auto_approve", "1" if auto_approve else "0")
    if domain_limit is not None:
        _set_meta(db, "domain_limit", str(domain_limit))
    if require_owner_verification is not None:
        _set_meta(db, "require_owner_verification", "1" if require_owner_verification else "0")


def clock_offset(db: sqlite3.Connection) -> float:
    """Seconds the business clock runs ahead of real time (``SetClock``)."""
    value = _meta(db, "clock_offset")
    return float(value) if value is not None else 0.0


def set_clock_offset(db: sqlite3.Connection, offset: float) -> None:
    """Set the business clock to real time plus ``offset`` seconds."""
    _set_meta(db, "clock_offset", repr(offset))


def read_faults(db: sqlite3.Connection) -> FaultTable:
    """The current fault table (empty when none is set)."""
    value = _meta(db, "faults")
    if value is None:
        return FaultTable((), 0)
    document = json.loads(value)
    rules = tuple(FaultRule.model_validate(rule) for rule in document["rules"])
    uses = {str(k): int(v) for k, v in json.loads(_meta(db, "fault_uses") or "{}").items()}
    return FaultTable(rules, int(document["seed"]), uses)


def write_faults(db: sqlite3.Connection, table: FaultTable) -> None:
    """Replace the fault table and restart its sequence of random draws and its use counts."""
    rules = [rule.model_dump(mode="json") for rule in table.rules]
    _set_meta(db, "faults", json.dumps({"rules": rules, "seed": table.seed}))
    _set_meta(db, "fault_draws", "0")
    _set_meta(db, "fault_uses", "{}")


def use_fault_rule(db: sqlite3.Connection, table: FaultTable, rule: FaultRule) -> None:
    """Count one request that ``rule`` applied to (rules with ``Times`` expire after that many)."""
    uses = {**table.uses, rule.Action: table.uses.get(rule.Action, 0) + 1}
    _set_meta(db, "fault_uses", json.dumps(uses))


def next_fault_draw(db: sqlite3.Connection) -> int:
    """The number of the next random draw; stored, so the sequence is shared by every thread and process."""
    drawn = int(_meta(db, "fault_draws") or "0")
    _set_meta(db, "fault_draws", str(drawn + 1))
    return drawn


def count_request(db: sqlite3.Connection, service: str, action: str) -> None:
    """Count one call of ``service``/``action`` in the request log."""
    db.execute(
        "INSERT INTO request_log (service, action, count) VALUES (?, ?, 1) "
        "ON CONFLICT(service, action) DO UPDATE SET count = count + 1",
        (service, action),
    )


def request_log(db: sqlite3.Connection) -> list[tuple[str, str, int]]:
    """``(service, action, count)`` since the last reset, sorted."""
    rows = db.execute("SELECT service, action, count FROM request_log ORDER BY service, action").fetchall()
    return [(str(s), str(a), int(c)) for s, a, c in rows]


def reset_state(db: sqlite3.Connection) -> None:
    """Empty every table except accounts and credentials."""
    for table in _RESET_TABLES:
        db.execute(f"DELETE FROM {table}")
