"""A toy dynamic provider whose "cloud" is a JSON file, so every provider call is observable.

Config (namespaced, as ``configure()`` receives it): ``toy:dbPath`` (required) names the file;
``toy:apiToken`` (secret in the test stacks) is checked against ``toy:apiTokenSha256`` when set,
so a test can prove the secret arrived without the secret ever being written anywhere.

The file holds ``items`` (id → outputs), ``log`` (every create/update/delete, in order) and
``configured`` (the config keys ``configure()`` saw and whether the token matched).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import uuid
from pathlib import Path
from typing import Any

import pulumi
from pulumi.dynamic import (
    CheckFailure,
    CheckResult,
    ConfigureRequest,
    CreateResult,
    DiffResult,
    ReadResult,
    Resource,
    ResourceProvider,
    UpdateResult,
)
from pulumi.output import Unknown

__all__ = ["Item", "ProtectedItem", "ToyProvider", "load_db", "save_db"]

_LOCK = threading.Lock()


def load_db(path: Path) -> dict[str, Any]:
    """Read the toy database (empty when the file does not exist).

    :param path: the database file.
    """
    if not path.is_file():
        return {"items": {}, "log": [], "configured": []}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def save_db(path: Path, data: dict[str, Any]) -> None:
    """Write the toy database.

    :param path: the database file. :param data: its content.
    """
    # Whole or not at all: the engine reads and deletes in parallel, as the CLI does.
    temporary = path.with_name(f"{path.name}.{uuid.uuid4().hex}.tmp")
    temporary.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")
    os.replace(temporary, path)


def _outputs(props: dict[str, Any]) -> dict[str, Any]:
    size = props.get("size", 0)
    return {
        "item_name": props["item_name"],
        "value": props["value"],
        "size": int(size),
        "label": f"{props['item_name']}={props['value']}",
    }


class ToyProvider(ResourceProvider):
    """Create/update/delete rows of the JSON database; ``item_name`` changes force a replacement."""

    serialize_as_secret_always = True

    def configure(self, req: ConfigureRequest) -> None:
        """Remember the database path and record which config keys arrived."""
        db_path = req.config.get("toy:dbPath")
        if not db_path:
            raise ValueError("toy:dbPath is not set; pass --config toy:dbPath=FILE")
        self._db = Path(db_path)
        token = req.config.get("toy:apiToken")
        expected = req.config.get("toy:apiTokenSha256")
        matched = bool(token) and hashlib.sha256(str(token).encode()).hexdigest() == expected
        with _LOCK:
            data = load_db(self._db)
            data["configured"].append({"keys": sorted(req.config._props), "token_matched": matched})
            save_db(self._db, data)

    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        """Refuse a negative ``size``; unknown values (preview) are skipped."""
        failures = []
        size = news.get("size", 0)
        if not isinstance(size, Unknown) and size < 0:
            failures.append(CheckFailure("size", f"size must be 0 or more, got {size:g}; use a positive size"))
        if news.get("item_name") == "":
            failures.append(CheckFailure("", "an item needs a name"))
        return CheckResult(news, failures)

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        """Compare old outputs with new inputs; a new ``item_name`` means a new item."""
        changed = [
            key
            for key in ("item_name", "value", "size")
            if olds.get(key) != news.get(key, 0 if key == "size" else None)
        ]
        return DiffResult(changes=bool(changed), replaces=[key for key in changed if key == "item_name"])

    def _log(self, op: str, name: str, id_: str) -> None:
        data = load_db(self._db)
        data["log"].append([op, name, id_])
        save_db(self._db, data)

    def create(self, props: dict[str, Any]) -> CreateResult:
        """Insert a row."""
        if props["item_name"] == "explode":
            raise RuntimeError("the toy cloud refuses items named explode")
        with _LOCK:
            id_ = uuid.uuid4().hex[:8]
            data = load_db(self._db)
            data["items"][id_] = _outputs(props)
            save_db(self._db, data)
            self._log("create", props["item_name"], id_)
        return CreateResult(id_, _outputs(props))

    def update(self, id_: str, _olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        """Rewrite a row."""
        with _LOCK:
            data = load_db(self._db)
            data["items"][id_] = _outputs(news)
            save_db(self._db, data)
            self._log("update", news["item_name"], id_)
        return UpdateResult(_outputs(news))

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        """Return the row as it is now, or an empty id when it is gone."""
        with _LOCK:
            row = load_db(self._db)["items"].get(id_)
        if row is None:
            return ReadResult(None, {})
        inputs = {"item_name": row["item_name"], "value": row["value"], "size": row["size"]}
        return ReadResult(id_, dict(row), inputs)

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        """Remove a row."""
        with _LOCK:
            data = load_db(self._db)
            data["items"].pop(id_, None)
            save_db(self._db, data)
            self._log("delete", props["item_name"], id_)


class Item(Resource, module="toy", name="Item"):
    """A row in the toy database.

    :param name: the resource name. :param item_name: the row's name (changing it replaces the row).
    :param value: any text. :param size: must not be negative. :param opts: resource options.
    """

    label: pulumi.Output[str]

    def __init__(
        self,
        name: str,
        *,
        item_name: pulumi.Input[str],
        value: pulumi.Input[str],
        size: pulumi.Input[float] = 0,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        props = {"item_name": item_name, "value": value, "size": size, "label": None}
        super().__init__(ToyProvider(), name, props, opts)


class ProtectedItem(Item, module="toy", name="ProtectedItem"):
    """An item that is protected unless the caller passes ``protect=False``.

    :param name: the resource name. :param item_name: the row's name. :param value: any text.
    :param opts: resource options.
    """

    def __init__(
        self,
        name: str,
        *,
        item_name: pulumi.Input[str],
        value: pulumi.Input[str],
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        opts = pulumi.ResourceOptions.merge(pulumi.ResourceOptions(protect=True), opts)
        super().__init__(name, item_name=item_name, value=value, opts=opts)
